/// A time of day on a wall clock, without a date or time zone, from 00:00 to 24:00 (the end of the day).
public struct LocalTime: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Seconds since midnight, 0 to 86,400.
    public let secondsSinceMidnight: Int

    /// The start of the day.
    public static let midnight = LocalTime(uncheckedSeconds: 0)
    /// The end of the day, for working hours that run until midnight.
    public static let endOfDay = LocalTime(uncheckedSeconds: 86_400)

    /// Creates `hour:minute:second`; 24:00:00 is the end of the day and nothing later exists.
    public init(hour: Int, minute: Int = 0, second: Int = 0) throws(ValidationError) {
        var check = ValidationCollector(subject: "LocalTime")
        if !(0...24).contains(hour) { check.add(field: "hour", reason: "must be 0 to 24", value: "\(hour)") }
        if !(0...59).contains(minute) { check.add(field: "minute", reason: "must be 0 to 59", value: "\(minute)") }
        if !(0...59).contains(second) { check.add(field: "second", reason: "must be 0 to 59", value: "\(second)") }
        if hour == 24 && (minute != 0 || second != 0) {
            check.add(field: "hour", reason: "24 is only allowed as 24:00:00", value: "\(hour)")
        }
        try check.finish()
        self.init(uncheckedSeconds: hour * 3600 + minute * 60 + second)
    }

    /// Reads `HH:mm` or `HH:mm:ss`.
    public init(_ text: String) throws(ValidationError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.map { part in part.count == 2 && part.allSatisfy(\.isASCII) ? Int(part) : nil }
        guard (2...3).contains(parts.count), numbers.allSatisfy({ $0 != nil }) else {
            throw ValidationError(subject: "LocalTime", field: "text", reason: "must be HH:mm or HH:mm:ss", value: text)
        }
        try self.init(hour: numbers[0]!, minute: numbers[1]!, second: numbers.count == 3 ? numbers[2]! : 0)
    }

    private init(uncheckedSeconds: Int) {
        self.secondsSinceMidnight = uncheckedSeconds
    }

    /// Earlier first.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    /// `09:30`, or `09:30:15` when there are seconds.
    public var description: String {
        let hours = secondsSinceMidnight / 3600
        let minutes = secondsSinceMidnight / 60 % 60
        let seconds = secondsSinceMidnight % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(hours)):\(two(minutes))" + (seconds == 0 ? "" : ":\(two(seconds))")
    }

    /// Decodes the `HH:mm` form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the `HH:mm` form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
