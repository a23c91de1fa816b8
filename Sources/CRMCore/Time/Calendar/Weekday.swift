/// A day of the week, numbered as ISO 8601 does: Monday 1 to Sunday 7.
public enum Weekday: Int, Hashable, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Monday.
    case monday = 1
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// Monday to Friday.
    public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// The day after this one; Monday follows Sunday.
    public var next: Weekday { Weekday(rawValue: rawValue % 7 + 1)! }

    /// Monday first.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The English name in lower case: `monday`.
    public var description: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }
}
