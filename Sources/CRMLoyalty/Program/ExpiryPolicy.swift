public import Foundation

/// When earned points stop counting.
public enum ExpiryPolicy: Hashable, Sendable, Codable {
    /// Points never expire.
    case never
    /// Each award expires this many days after it was earned.
    case afterDays(Int)
    /// Each award expires at the end of the month this many months after the month it was earned in
    /// (0: the end of the same month).
    case endOfMonth(afterMonths: Int)
    /// Each award expires at the end of the year this many years after the year it was earned in
    /// (0: the end of the same year).
    case endOfYear(afterYears: Int)
    /// Every point expires once the member had no activity (earning or spending) for this many days.
    case afterInactivity(days: Int)

    /// The instant an award earned at `earnedAt` expires, read in `timeZone`; `nil` when it expires only
    /// with inactivity or never.
    public func expiry(ofPointsEarnedAt earnedAt: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        switch self {
        case .never, .afterInactivity: return nil
        case .afterDays(let days): return earnedAt.addingTimeInterval(Double(days) * 86_400)
        case .endOfMonth(let months):
            let start = calendar.dateInterval(of: .month, for: earnedAt)!.start
            return calendar.date(byAdding: .month, value: months + 1, to: start)!
        case .endOfYear(let years):
            let start = calendar.dateInterval(of: .year, for: earnedAt)!.start
            return calendar.date(byAdding: .year, value: years + 1, to: start)!
        }
    }

    /// Whether the numbers are usable: days at least 1, months and years not negative.
    var isValid: Bool {
        switch self {
        case .never: true
        case .afterDays(let days), .afterInactivity(let days): days >= 1
        case .endOfMonth(let count), .endOfYear(let count): count >= 0
        }
    }
}
