/// A closed list of well-known values plus `custom(name)` for the ones a business defines: lifecycle
/// stages, customer categories, interaction channels.
///
/// Stored and indexed by a stable name (its `description`): the standard value's
/// own name, or `custom:<name>`.
public protocol ExtensibleChoice: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The well-known values.
    static var standard: [Self] { get }
    /// A value the business defines.
    static func custom(_ name: String) -> Self
}

extension ExtensibleChoice {
    /// Reads a stored name; anything that is not a standard name is a custom value.
    public init(name: String) {
        if let value = Self.standard.first(where: { $0.description == name }) {
            self = value
        } else {
            self = .custom(name.hasPrefix("custom:") ? String(name.dropFirst(7)) : name)
        }
    }

    /// Decodes the stored name.
    public init(from decoder: any Decoder) throws {
        self.init(name: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the stored name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
