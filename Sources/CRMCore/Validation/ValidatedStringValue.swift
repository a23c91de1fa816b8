/// A value whose whole content is one validated string, such as an email address or a tag.
///
/// Conforming types are `Codable` as that single string, and decoding validates it again, so invalid
/// data never enters the program through a decoder: the ``ValidationError`` becomes a
/// `DecodingError.dataCorrupted` that says what was wrong.
public protocol ValidatedStringValue: Codable {
    /// Validates `text` and creates the value.
    init(validating text: String) throws(ValidationError)
    /// The string the value is stored as.
    var storedString: String { get }
}

extension ValidatedStringValue {
    /// Decodes the string and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes ``storedString``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedString)
    }
}
