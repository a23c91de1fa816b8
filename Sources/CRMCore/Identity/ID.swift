/// A typed identifier: a ``RecordID`` that can only stand for records of `Subject`.
///
/// `ID<Contact>` and `ID<Ticket>` cannot be mixed up at compile time, while both share the time-ordered
/// string form of ``RecordID``.
public struct ID<Subject>: Hashable, Comparable, CustomStringConvertible {
    /// The untyped identifier stored by engines.
    public let rawValue: RecordID

    /// Wraps an untyped identifier.
    public init(_ rawValue: RecordID) {
        self.rawValue = rawValue
    }

    /// Parses the 26-character string form.
    public init(_ string: String) throws(ValidationError) {
        self.init(try RecordID(string))
    }

    /// Orders by creation time, like ``RecordID``.
    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The 26-character string form.
    public var description: String { rawValue.string }
}

extension ID: Sendable {}

extension ID: Codable {
    /// Decodes the string form.
    public init(from decoder: any Decoder) throws {
        self.init(try RecordID(from: decoder))
    }

    /// Encodes the string form.
    public func encode(to encoder: any Encoder) throws {
        try rawValue.encode(to: encoder)
    }
}
