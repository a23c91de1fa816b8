/// A label attached to records (`vip`, `trade-show-2026`), compared without regard to case.
///
/// The display form keeps the case as entered; ``key`` is lower case and decides equality, so `VIP` and
/// `vip` are the same tag.
public struct Tag: Hashable, Sendable, CustomStringConvertible {
    /// The tag as entered, trimmed, inner white space folded to single spaces.
    public let name: String

    /// Creates a tag of 1 to 64 characters without control characters or commas (commas separate tags in CSV).
    public init(_ name: String) throws(ValidationError) {
        let folded = name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        func reject(_ reason: String) -> ValidationError {
            ValidationError(subject: "Tag", field: "tag", reason: reason, value: name)
        }
        guard !folded.isEmpty, folded.count <= 64 else { throw reject("must be 1 to 64 characters") }
        guard !folded.contains(","),
            !folded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw reject("must not contain commas or control characters") }
        self.name = folded
    }

    /// The lower-case form that decides equality.
    public var key: String { name.lowercased() }

    /// Tags are equal when their keys are.
    public static func == (lhs: Tag, rhs: Tag) -> Bool { lhs.key == rhs.key }

    /// Hashes the key.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The tag as entered.
    public var description: String { name }
}

extension Tag: ValidatedStringValue {
    /// Validates `text`; the same as ``init(_:)``.
    public init(validating text: String) throws(ValidationError) {
        try self.init(text)
    }

    /// The tag as entered.
    public var storedString: String { name }
}
