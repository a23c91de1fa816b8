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

    /// One summary per customer, in the order of their first purchase (ties by customer).
    public func summaries(of transactions: some Sequence<CustomerTransaction>) throws(SummaryError)
        -> [CustomerSummary]
    {
        let end = day(of: observationEnd)
        let calibration = calibrationEnd.map(day(of:)) ?? end
        guard calibration <= end else { throw .calibrationAfterObservationEnd }
        var days: [String: [Int: Double]] = [:]
        for transaction in transactions {
            guard transaction.amount.isFinite else {
                throw .invalidAmount(customer: transaction.customer, amount: transaction.amount)
            }
            let purchaseDay = day(of: transaction.at)
            guard purchaseDay <= end else { continue }
            days[transaction.customer, default: [:]][purchaseDay, default: 0] += transaction.amount
        }
        var result: [(first: Int, summary: CustomerSummary)] = []
        result.reserveCapacity(days.count)
        for (customer, amounts) in days {
            let calibrationDays = amounts.filter { $0.key <= calibration }.sorted { $0.key < $1.key }
            guard let first = calibrationDays.first?.key, let last = calibrationDays.last?.key else { continue }
            let repeats = calibrationDays.dropFirst().map(\.value)
            let holdout = calibrationEnd == nil ? nil : amounts.filter { $0.key > calibration }.map(\.value)
            result.append(
                (
                    first,
                    CustomerSummary(
                        customer: customer, frequency: repeats.count, recency: Double(last - first) / unit.days,
                        age: Double(calibration - first) / unit.days,
                        monetaryValue: repeats.isEmpty ? 0 : repeats.reduce(0, +) / Double(repeats.count),
                        holdoutFrequency: holdout?.count,
                        holdoutMonetaryValue: holdout.map { $0.isEmpty ? 0 : $0.reduce(0, +) / Double($0.count) })
                ))
        }
        return result.sorted { ($0.first, $0.summary.customer) < ($1.first, $1.summary.customer) }.map(\.summary)
    }

    /// Days since 1970-01-01 on the wall clock of ``timeZone``.
    private func day(of date: Date) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }
}
