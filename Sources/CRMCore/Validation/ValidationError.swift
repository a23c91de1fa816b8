/// A value or record was rejected; lists every bad field, not only the first.
///
/// Construction of every validated value in the SDK throws this error. When a whole record is checked,
/// all of its problems are collected (see ``ValidationCollector``) so that a form or an import can show
/// them at once.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of value or entity that was checked, such as `Money` or `Contact`.
    public let subject: String
    /// Every problem found, in the order the fields were checked. Never empty.
    public let issues: [FieldIssue]

    /// Creates an error about `subject` with at least one issue.
    public init(subject: String, issues: [FieldIssue]) {
        precondition(!issues.isEmpty, "a ValidationError needs at least one issue")
        self.subject = subject
        self.issues = issues
    }

    /// Creates an error about a single field of `subject`.
    public init(subject: String, field: String, reason: String, value: String? = nil) {
        self.init(subject: subject, issues: [FieldIssue(field: field, reason: reason, value: value)])
    }

    /// The names of the fields that failed.
    public var fields: [String] { issues.map(\.field) }

    /// `Invalid Money: amount: not a number (got "12abc")`, one issue per `;`.
    public var description: String {
        "Invalid \(subject): " + issues.map(\.description).joined(separator: "; ")
    }
}
