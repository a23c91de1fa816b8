/// One stretch of working time on a day: from `start` to `end` on the wall clock.
///
/// When `end` is not after `start` the stretch is an overnight shift that ends on the next day
/// (22:00 to 06:00). A shift belongs to the day it starts on: a holiday on that day removes it.
public struct WorkingHours: Hashable, Sendable, CustomStringConvertible, ValidatedStringValue {
    /// When work starts.
    public let start: LocalTime
    /// When work ends; on the next day when not after ``start``.
    public let end: LocalTime

    /// Creates a stretch; it may not be empty, and an overnight shift cannot start at 24:00.
    public init(from start: LocalTime, to end: LocalTime) throws(ValidationError) {
        if start == end || start == .endOfDay {
            throw ValidationError(
                subject: "WorkingHours", field: "end", reason: "must differ from the start", value: "\(start)-\(end)")
        }
        self.start = start
        self.end = end
    }

    /// Reads `09:00-17:30`.
    public init(_ text: String) throws(ValidationError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ValidationError(subject: "WorkingHours", field: "text", reason: "must be HH:mm-HH:mm", value: text)
        }
        try self.init(from: LocalTime(String(parts[0])), to: LocalTime(String(parts[1])))
    }

    /// Whether the stretch ends on the next day.
    public var isOvernight: Bool { end <= start }

    /// The stretch in seconds from the start of its day; the end may pass 86,400.
    var secondsRange: Range<Int> {
        start.secondsSinceMidnight..<(end.secondsSinceMidnight + (isOvernight ? 86_400 : 0))
    }

    /// `09:00-17:30`.
    public var description: String { "\(start)-\(end)" }

    /// Reads `09:00-17:30`; the stored form.
    public init(validating text: String) throws(ValidationError) {
        try self.init(text)
    }

    /// `09:00-17:30`.
    public var storedString: String { description }
}
