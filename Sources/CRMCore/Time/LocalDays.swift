package import Foundation

/// Days counted on a time zone's wall clock: the number of a day (days since 1970-01-01) and the instant it
/// begins, for rules that collapse or bucket events by day.
///
/// A zone without offset changes (UTC, most of Asia) is converted by one addition, so counting millions of
/// transactions costs no time-zone lookups.
package struct LocalDays: Sendable {
    private let timeZone: TimeZone
    private let fixedOffset: Double?

    /// Days of `timeZone`.
    package init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        fixedOffset =
            timeZone.nextDaylightSavingTimeTransition(after: .distantPast) == nil
            ? Double(timeZone.secondsFromGMT()) : nil
    }

    /// The number of the day `date` falls on.
    package func day(of date: Date) -> Int {
        let offset = fixedOffset ?? Double(timeZone.secondsFromGMT(for: date))
        return Int(((date.timeIntervalSince1970 + offset) / 86_400).rounded(.down))
    }

    /// The first instant of day `day`.
    package func start(ofDay day: Int) -> Date {
        let midnight = Double(day) * 86_400
        let offset = fixedOffset ?? Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight)))
        return Date(timeIntervalSince1970: midnight - offset)
    }
}
