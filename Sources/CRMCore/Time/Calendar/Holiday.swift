/// A day without working time: one date (`2026-12-24`), or the same day every year when the day has no year
/// (`--12-25`).
public struct Holiday: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The name shown to people: `Christmas Day`.
    public var name: String
    /// The day; without a year it recurs every year.
    public var day: CalendarDay

    /// Creates a holiday.
    public init(_ name: String, on day: CalendarDay) {
        self.name = name
        self.day = day
    }

    /// Whether it falls on the same day every year.
    public var isRecurring: Bool { day.year == nil }

    /// `Christmas Day (--12-25)`.
    public var description: String { "\(name) (\(day))" }
}
