import Foundation
import Synchronization

/// A time zone's UTC offsets as a table of transitions, so that converting between wall-clock seconds and
/// instants is a search in two arrays instead of a call into the system's time zone database.
///
/// The table covers the years 1900 to 2399; ``BusinessCalendar`` refuses instants outside that window.
/// Tables are built once per time zone and shared.
final class ZoneOffsetTable: Sendable {
    /// The first instant the table covers: 1900-01-01T00:00:00Z.
    static let firstSecond = -2_208_988_800
    /// The first instant after the table: 2400-01-01T00:00:00Z.
    static let endSecond = 13_569_465_600

    /// The instants (seconds since 1970, UTC) at which the offset changes, ascending.
    let transitions: [Int]
    /// `offsets[i]` holds before `transitions[i]` and from `transitions[i - 1]`; one more than transitions.
    let offsets: [Int]
    /// `localEnds[i]` is the wall-clock second at which period `i` ends: `transitions[i] + offsets[i]`.
    let localEnds: [Int]

    private static let cache = Mutex<[String: ZoneOffsetTable]>([:])

    /// The shared table of `zone`.
    static func table(for zone: TimeZone) -> ZoneOffsetTable {
        if let table = cache.withLock({ $0[zone.identifier] }) { return table }
        let table = ZoneOffsetTable(zone)
        cache.withLock { $0[zone.identifier] = table }
        return table
    }

    private init(_ zone: TimeZone) {
        var transitions: [Int] = []
        var offsets = [zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.firstSecond)))]
        var cursor = Date(timeIntervalSince1970: Double(Self.firstSecond))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor),
            next.timeIntervalSince1970 < Double(Self.endSecond)
        {
            let second = Int(next.timeIntervalSince1970.rounded())
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second)))
            if offset != offsets.last! {
                transitions.append(second)
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        self.localEnds = zip(transitions, offsets).map { $0 + $1 }
    }

    /// The offset in effect at the instant `second`.
    func offset(atInstant second: Int) -> Int {
        offsets[transitions.partitionPoint { $0 > second }]
    }

    /// The index of the first period whose wall-clock range ends after `local`.
    func period(ofLocal local: Int) -> Int {
        localEnds.partitionPoint { $0 > local }
    }

    /// The instant at which a wall clock in this zone shows `local` (seconds since 1970 on the wall).
    ///
    /// A time shown twice (the hour repeated when clocks go back) is its first occurrence; a time never shown
    /// (the hour skipped when clocks go forward) is the instant the clocks jumped, when the skipped hour ends.
    func instant(ofLocal local: Int, hint: inout Int) -> Int {
        let hintHolds =
            (hint == localEnds.count || local < localEnds[hint]) && (hint == 0 || local >= localEnds[hint - 1])
        if !hintHolds { hint = period(ofLocal: local) }
        let period = hint
        let start = period == 0 ? Int.min : transitions[period - 1] + offsets[period]
        return local >= start ? local - offsets[period] : transitions[period - 1]
    }
}
