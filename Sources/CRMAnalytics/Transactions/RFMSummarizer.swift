import CRMCore
public import Foundation

/// The unit that summary times are reported in.
public enum TimeUnit: Hashable, Sendable, Codable {
    /// Days.
    case days
    /// Weeks of seven days.
    case weeks
    /// Months of 365.25 / 12 days.
    case months

    /// Its length in days.
    public var days: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        case .months: 365.25 / 12
        }
    }
}

/// Why transactions could not be summarized.
public enum SummaryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The calibration period ends after the observation period.
    case calibrationAfterObservationEnd
    /// A transaction's amount is not a finite number.
    case invalidAmount(customer: String, amount: Double)

    /// What is wrong.
    public var description: String {
        switch self {
        case .calibrationAfterObservationEnd: "the calibration period must end by the end of the observation"
        case .invalidAmount(let customer, let amount): "customer \(customer) has a purchase of \(amount)"
        }
    }
}

/// Reduces a transaction log to one ``CustomerSummary`` per customer.
///
/// ```swift
/// let summaries = try RFMSummarizer(observationEnd: end, unit: .weeks).summaries(of: transactions)
/// ```
///
/// With a calibration end, the summary describes the calibration period and counts the purchases after it,
/// up to the observation end, as the holdout; customers whose first purchase comes after the calibration end
/// are left out, as the reference libraries do.
public struct RFMSummarizer: Sendable {
    /// The end of the observation period; later transactions are ignored.
    public var observationEnd: Date
    /// The end of the calibration period, when part of the observation is held out.
    public var calibrationEnd: Date?
    /// The unit of recency and age.
    public var unit: TimeUnit
    /// The time zone whose days collapse purchases.
    public var timeZone: TimeZone

    /// Creates a summarizer.
    public init(
        observationEnd: Date, calibrationEnd: Date? = nil, unit: TimeUnit = .days,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) {
        self.observationEnd = observationEnd
        self.calibrationEnd = calibrationEnd
        self.unit = unit
        self.timeZone = timeZone
    }

    /// One summary per customer, in the order of their first purchase (ties in the order the customers first
    /// appear in `transactions`).
    ///
    /// One pass tallies each customer's purchases as they come, which is exact when each customer's purchases
    /// arrive in date order (a log sorted by time or by customer); customers whose purchases arrive out of
    /// order are recounted from their sorted purchases. A large log is split by customer over all cores.
    public func summaries(of transactions: [CustomerTransaction]) throws(SummaryError)
        -> [CustomerSummary]
    {
        let days = LocalDays(timeZone)
        let end = days.day(of: observationEnd)
        let calibrationDay = calibrationEnd.map(days.day(of:)) ?? end
        guard calibrationDay <= end else { throw .calibrationAfterObservationEnd }
        let calibration = Int32(calibrationDay)
        let count = transactions.count < 100_000 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let shards = parallelArray(count, parts: count) { share in
            CustomerShard(transactions, share: share, of: count, days: days, end: end, calibration: calibration)
        }
        if let position = shards.compactMap(\.invalidPosition).min() {
            throw .invalidAmount(customer: transactions[position].customer, amount: transactions[position].amount)
        }
        let order = Self.byFirstDay(shards, through: calibration)
        let (hasHoldout, unit) = (calibrationEnd != nil, unit)
        return parallelArray(order.count, parts: count) { index in
            let (owner, share) = order[index].quotientAndRemainder(dividingBy: count)
            return shards[share].tallies[owner].summary(
                of: shards[share].names[owner], calibration: calibration, hasHoldout: hasHoldout, unit: unit)
        }
    }

    /// The customers whose first purchase day is at most `calibration`, as `number × shards + shard`, in the
    /// order of that day and, within a day, of their first appearance: the shards' customers merged by first
    /// appearance, then a counting sort by day, since the days span a short range.
    private static func byFirstDay(_ shards: [CustomerShard], through calibration: Int32) -> [Int] {
        var next = [Int](repeating: 0, count: shards.count)
        var appearance: [Int] = []
        appearance.reserveCapacity(shards.reduce(0) { $0 + $1.tallies.count })
        while true {
            var earliest: Int?
            for share in shards.indices where next[share] < shards[share].firstPositions.count {
                if let best = earliest,
                    shards[best].firstPositions[next[best]] < shards[share].firstPositions[next[share]]
                {
                    continue
                }
                earliest = share
            }
            guard let share = earliest else { break }
            let owner = next[share]
            next[share] += 1
            if shards[share].tallies[owner].firstDay <= calibration { appearance.append(owner * shards.count + share) }
        }
        func firstDay(_ packed: Int) -> Int32 {
            let (owner, share) = packed.quotientAndRemainder(dividingBy: shards.count)
            return shards[share].tallies[owner].firstDay
        }
        guard let low = appearance.lazy.map(firstDay).min(), let high = appearance.lazy.map(firstDay).max() else {
            return []
        }
        var starts = [Int](repeating: 0, count: Int(high - low) + 2)
        for packed in appearance { starts[Int(firstDay(packed) - low) + 1] += 1 }
        for day in 0..<(starts.count - 1) { starts[day + 1] += starts[day] }
        var order = [Int](repeating: 0, count: appearance.count)
        for packed in appearance {
            let slot = Int(firstDay(packed) - low)
            order[starts[slot]] = packed
            starts[slot] += 1
        }
        return order
    }
}
