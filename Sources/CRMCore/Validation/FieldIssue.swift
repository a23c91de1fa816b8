/// One problem with one field of a value or record: which field, what was wrong, and the offending input.
public struct FieldIssue: Hashable, Sendable, CustomStringConvertible {
    /// The field's name as the caller knows it, such as `email` or `lines[1].quantity`.
    public let field: String
    /// What is wrong, in words a person can act on.
    public let reason: String
    /// The rejected input, when showing it is helpful and safe.
    public let value: String?

    /// Creates an issue for `field`.
    public init(field: String, reason: String, value: String? = nil) {
        self.field = field
        self.reason = reason
        self.value = value
    }

    /// `field: reason (got "value")`.
    public var description: String {
        if let value { return "\(field): \(reason) (got \"\(value)\")" }
        return "\(field): \(reason)"
    }
}
