/// A day on the Gregorian calendar without a time or time zone, such as a birthday; the year may be unknown.
public struct CalendarDay: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The year, if known.
    public let year: Int?
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a day; it must exist (February 29 only in leap years, or with no year).
    public init(year: Int? = nil, month: Int, day: Int) throws(ValidationError) {
        var check = ValidationCollector(subject: "CalendarDay")
        if let year, !(1...9999).contains(year) {
            check.add(field: "year", reason: "must be 1 to 9999", value: "\(year)")
        }
        if !(1...12).contains(month) {
            check.add(field: "month", reason: "must be 1 to 12", value: "\(month)")
        } else if !(1...Self.length(ofMonth: month, year: year)).contains(day) {
            check.add(field: "day", reason: "does not exist in that month", value: "\(day)")
        }
        try check.finish()
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `yyyy-MM-dd`, or `--MM-dd` for a day without a year (ISO 8601 and vCard).
    public init(iso text: String) throws(ValidationError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let invalid = ValidationError(
            subject: "CalendarDay", field: "text", reason: "must be yyyy-MM-dd or --MM-dd", value: text)
        switch parts.count {
        case 3 where parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2:
            guard let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { throw invalid }
            try self.init(year: year, month: month, day: day)
        case 4 where parts[0].isEmpty && parts[1].isEmpty && parts[2].count == 2 && parts[3].count == 2:
            guard let month = Int(parts[2]), let day = Int(parts[3]) else { throw invalid }
            try self.init(month: month, day: day)
        default: throw invalid
        }
    }

    /// Reads `text` written in `format`: `yyyy`, `MM` and `dd` stand for the digits of year, month and
    /// day, and every other character must appear as it is (`yyyyMMdd`, `dd/MM/yyyy`, `MM-dd-yyyy`).
    public init(_ text: String, format: String) throws(ValidationError) {
        let invalid = ValidationError(
            subject: "CalendarDay", field: "text", reason: "must match \(format)", value: text)
        var parts: [Character: Int] = [:]
        var characters = Array(text)[...]
        var pattern = Array(format)[...]
        while let token = pattern.first {
            let run = pattern.prefix { $0 == token }.count
            pattern.removeFirst(run)
            if "yMd".contains(token) {
                let digits = characters.prefix(run)
                guard digits.count == run, digits.allSatisfy(\.isASCII), let value = Int(String(digits)) else {
                    throw invalid
                }
                parts[token] = value
                characters.removeFirst(run)
            } else {
                guard characters.prefix(run).elementsEqual(repeatElement(token, count: run)) else { throw invalid }
                characters.removeFirst(run)
            }
        }
        guard characters.isEmpty, let month = parts["M"], let day = parts["d"] else { throw invalid }
        try self.init(year: parts["y"], month: month, day: day)
    }

    /// `1815-12-10`, or `--12-10` without a year.
    public var description: String {
        let monthDay = "\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        guard let year else { return "--" + monthDay }
        return String(repeating: "0", count: max(0, 4 - String(year).count)) + "\(year)-" + monthDay
    }

    /// Chronological, a day without a year before every dated one.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year ?? 0, lhs.month, lhs.day) < (rhs.year ?? 0, rhs.month, rhs.day)
    }

    static func length(ofMonth month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Decodes the ISO form.
    public init(from decoder: any Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the ISO form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
