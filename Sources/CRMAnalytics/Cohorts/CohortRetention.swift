public import Foundation

/// Retention by first-purchase month: for each cohort of customers who first bought in the same month, the
/// share who bought again in each later month.
///
/// ```swift
/// let matrix = CohortRetention(transactions: log, timeZone: berlin)
/// matrix.rows[0].retention[3]   // share of the first cohort who bought in their fourth month
/// ```
public struct CohortRetention: Hashable, Sendable {
    /// One cohort.
    public struct Row: Hashable, Sendable {
        /// The first-purchase month, as `yyyy-MM`.
        public let month: String
        /// How many customers first bought then.
        public let customers: Int
        /// The share who bought in month 0 (always 1), 1, 2, … after it, up to the last month of the log.
        public let retention: [Double]
    }

    /// The cohorts, oldest first.
    public let rows: [Row]

    /// Builds the matrix from `transactions`, reading months in `timeZone`.
    public init(transactions: some Sequence<CustomerTransaction>, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var months: [String: Set<Int>] = [:]
        for transaction in transactions {
            let parts = calendar.dateComponents([.year, .month], from: transaction.at)
            months[transaction.customer, default: []].insert(parts.year! * 12 + parts.month! - 1)
        }
        guard let last = months.values.compactMap({ $0.max() }).max() else {
            rows = []
            return
        }
        var cohorts: [Int: [Set<Int>]] = [:]
        for active in months.values { cohorts[active.min()!, default: []].append(active) }
        rows = cohorts.keys.sorted().map { first in
            let members = cohorts[first]!
            let retention = (0...(last - first)).map { offset in
                Double(members.filter { $0.contains(first + offset) }.count) / Double(members.count)
            }
            let year = first / 12
            let month = first % 12 + 1
            return Row(
                month: "\(year)-\(month < 10 ? "0" : "")\(month)", customers: members.count, retention: retention)
        }
    }
}

/// Customers whose probability of still being active fell below a threshold: the ones to win back.
public struct ChurnRisk: Hashable, Sendable {
    /// The customer.
    public let customer: String
    /// Their probability of being alive.
    public let probabilityAlive: Double

    /// The customers of `summaries` whose P(alive) under `model` is below `threshold`, most at risk first.
    public static func flagged(_ summaries: [CustomerSummary], model: any PurchaseModel, below threshold: Double)
        -> [ChurnRisk]
    {
        summaries.map { ChurnRisk(customer: $0.customer, probabilityAlive: model.probabilityAlive($0)) }
            .filter { $0.probabilityAlive < threshold }
            .sorted { ($0.probabilityAlive, $0.customer) < ($1.probabilityAlive, $1.customer) }
    }
}
