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
    /// The work is a counting sort by customer and a small sort of each customer's days; a run of
    /// transactions of one customer is recognized without a lookup.
    public func summaries(of transactions: [CustomerTransaction]) throws(SummaryError)
        -> [CustomerSummary]
    {
        let days = LocalDays(timeZone)
        let end = days.day(of: observationEnd)
        let calibration = calibrationEnd.map(days.day(of:)) ?? end
        guard calibration <= end else { throw .calibrationAfterObservationEnd }
        var index: [String: Int32] = [:]
        index.reserveCapacity(transactions.count / 2)
        var names: [String] = []
        var owners: [Int32] = []
        var purchaseDays: [Int32] = []
        var amounts: [Double] = []
        for transaction in transactions {
            guard transaction.amount.isFinite else {
                throw .invalidAmount(customer: transaction.customer, amount: transaction.amount)
            }
            let purchaseDay = days.day(of: transaction.at)
            guard purchaseDay <= end else { continue }
            let owner: Int32
            if let last = owners.last, names[Int(last)] == transaction.customer {
                owner = last
            } else if let known = index[transaction.customer] {
                owner = known
            } else {
                owner = Int32(names.count)
                index[transaction.customer] = owner
                names.append(transaction.customer)
            }
            owners.append(owner)
            purchaseDays.append(Int32(purchaseDay))
            amounts.append(transaction.amount)
        }
        var starts = [Int](repeating: 0, count: names.count + 1)
        var firstDays = [Int32](repeating: .max, count: names.count)
        for (position, owner) in owners.enumerated() {
            starts[Int(owner) + 1] += 1
            firstDays[Int(owner)] = min(firstDays[Int(owner)], purchaseDays[position])
        }
        for position in 0..<names.count { starts[position + 1] += starts[position] }
        var next = starts
        var byOwner = [Int32](repeating: 0, count: owners.count)
        for (position, owner) in owners.enumerated() {
            byOwner[next[Int(owner)]] = Int32(position)
            next[Int(owner)] += 1
        }
        var result: [CustomerSummary] = []
        result.reserveCapacity(names.count)
        var purchases: [(day: Int32, amount: Double)] = []
        for owner in Self.byFirstDay(firstDays, through: calibration) {
            purchases.removeAll(keepingCapacity: true)
            for slot in starts[owner]..<starts[owner + 1] {
                let position = Int(byOwner[slot])
                purchases.append((purchaseDays[position], amounts[position]))
            }
            if purchases.count > 1 { purchases.sort { $0.day < $1.day } }
            let first = purchases[0].day
            var last = first
            var repeatDays = 0
            var repeatTotal = 0.0
            var holdoutDays = 0
            var holdoutTotal = 0.0
            var position = 0
            while position < purchases.count {
                let day = purchases[position].day
                var total = 0.0
                while position < purchases.count && purchases[position].day == day {
                    total += purchases[position].amount
                    position += 1
                }
                if Int(day) > calibration {
                    holdoutDays += 1
                    holdoutTotal += total
                } else {
                    last = day
                    if day != first {
                        repeatDays += 1
                        repeatTotal += total
                    }
                }
            }
            result.append(
                CustomerSummary(
                    customer: names[owner], frequency: repeatDays, recency: Double(last - first) / unit.days,
                    age: Double(calibration - Int(first)) / unit.days,
                    monetaryValue: repeatDays == 0 ? 0 : repeatTotal / Double(repeatDays),
                    holdoutFrequency: calibrationEnd == nil ? nil : holdoutDays,
                    holdoutMonetaryValue: calibrationEnd == nil
                        ? nil : (holdoutDays == 0 ? 0 : holdoutTotal / Double(holdoutDays))))
        }
        return result
    }

    /// The customers whose first purchase day is at most `calibration`, in the order of that day and, within a
    /// day, of their first appearance: a counting sort, since the days span a short range.
    private static func byFirstDay(_ firstDays: [Int32], through calibration: Int) -> [Int] {
        let kept = firstDays.indices.filter { Int(firstDays[$0]) <= calibration }
        guard let low = kept.lazy.map({ firstDays[$0] }).min(), let high = kept.lazy.map({ firstDays[$0] }).max()
        else { return [] }
        var starts = [Int](repeating: 0, count: Int(high - low) + 2)
        for owner in kept { starts[Int(firstDays[owner] - low) + 1] += 1 }
        for day in 0..<(starts.count - 1) { starts[day + 1] += starts[day] }
        var order = [Int](repeating: 0, count: kept.count)
        for owner in kept {
            let slot = Int(firstDays[owner] - low)
            order[starts[slot]] = owner
            starts[slot] += 1
        }
        return order
    }
}
