/// Gathers the problems of several fields so that a record reports all of them in one ``ValidationError``.
///
/// ```swift
/// var check = ValidationCollector(subject: "Contact")
/// let email = try check.field("email") { try EmailAddress(rawEmail) }
/// let phone = try check.field("phone") { try PhoneNumber(rawPhone, defaultRegion: "US") }
/// try check.finish()
/// ```
public struct ValidationCollector: Sendable {
    /// The kind of value being checked.
    public let subject: String
    /// The problems found so far.
    public private(set) var issues: [FieldIssue] = []

    /// Starts collecting problems of `subject`.
    public init(subject: String) {
        self.subject = subject
    }

    /// Records a problem.
    public mutating func add(_ issue: FieldIssue) {
        issues.append(issue)
    }

    /// Records a problem with `field`.
    public mutating func add(field: String, reason: String, value: String? = nil) {
        issues.append(FieldIssue(field: field, reason: reason, value: value))
    }

    /// Records that `field` must not be empty when `text` is empty or only whitespace.
    public mutating func requireText(_ text: String, field: String) {
        if text.trimmingWhitespace().isEmpty { add(field: field, reason: "must not be empty") }
    }

    /// Records that `field` must be at least `minimum` when `value` is below it.
    public mutating func require(_ value: Int, atLeast minimum: Int, field: String) {
        if value < minimum { add(field: field, reason: "must be at least \(minimum)", value: "\(value)") }
    }

    /// Runs `make`; on a ``ValidationError`` records its issues under `field` and returns `nil`.
    ///
    /// Other errors are not validation problems and are rethrown.
    public mutating func field<Value>(_ field: String, _ make: () throws -> Value) rethrows -> Value? {
        do {
            return try make()
        } catch let error as ValidationError {
            for issue in error.issues {
                let path = issue.field.isEmpty || issue.field == field ? field : "\(field).\(issue.field)"
                issues.append(FieldIssue(field: path, reason: issue.reason, value: issue.value))
            }
            return nil
        }
    }

    /// Throws one ``ValidationError`` listing every problem, if there were any.
    public func finish() throws(ValidationError) {
        if !issues.isEmpty { throw ValidationError(subject: subject, issues: issues) }
    }
}
