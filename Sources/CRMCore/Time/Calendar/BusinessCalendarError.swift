public import Foundation

/// Why a business calendar could not be made or could not answer.
public enum BusinessCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The weekly hours hold no working time at all, or the holidays remove every day of the year.
    case noWorkingTime
    /// Two stretches of working hours overlap; the first named day's stretch runs into the second's.
    case overlappingHours(Weekday, WorkingHours, Weekday, WorkingHours)
    /// The instant lies outside the years 1900 to 2399 that calendars cover.
    case outOfRange(Date)
    /// A working duration to add was negative or not finite.
    case invalidDuration(TimeInterval)
    /// No working time was found within the search horizon after the instant; the holidays close the
    /// calendar for longer than ``BusinessCalendar/searchHorizonDays`` days.
    case noWorkingTimeAfter(Date)

    /// What is wrong, in words a person can act on.
    public var description: String {
        switch self {
        case .noWorkingTime: "the calendar has no working time"
        case .overlappingHours(let firstDay, let first, let secondDay, let second):
            "working hours \(first) on \(firstDay) overlap \(second) on \(secondDay)"
        case .outOfRange(let date): "\(date) lies outside the years 1900 to 2399 that calendars cover"
        case .invalidDuration(let duration): "the working duration \(duration) s must be finite and not negative"
        case .noWorkingTimeAfter(let date): "the calendar has no working time for years after \(date)"
        }
    }
}
