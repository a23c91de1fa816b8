public import Foundation

/// The headline numbers of every module in one value, for a management dashboard to render.
public struct DashboardSnapshot: Sendable {
    /// The customer base at a glance.
    public struct CustomerBase: Hashable, Sendable {
        /// Customers analysed.
        public let customers: Int
        /// Customers whose P(alive) is below one half.
        public let atRisk: Int
        /// The share of predicted value held by the top 20 % of customers.
        public let topFifthValueShare: Double?
        /// The mean predicted lifetime value.
        public let meanLifetimeValue: Double
        /// Customers per RFM segment.
        public let segments: [String: Int]

        /// Summarizes an analysis.
        public init(_ analysis: CustomerBaseAnalysis) {
            customers = analysis.customers.count
            atRisk = analysis.customers.filter { $0.probabilityAlive < 0.5 }.count
            topFifthValueShare = analysis.valueShare(ofTop: 0.2)
            meanLifetimeValue =
                analysis.customers.isEmpty
                ? 0 : analysis.customers.reduce(0) { $0 + $1.lifetimeValue } / Double(analysis.customers.count)
            segments = analysis.customers.reduce(into: [:]) { $0[$1.rfm.segment, default: 0] += 1 }
        }
    }

    /// When it was taken.
    public let takenAt: Date
    /// Sales, when the application has a sales store.
    public let sales: SalesKPIs?
    /// Service, when it has a service store.
    public let service: ServiceKPIs?
    /// Loyalty, when it runs a program.
    public let loyalty: LoyaltyKPIs?
    /// The customer base, when it was analysed.
    public let customers: CustomerBase?

    /// Gathers the numbers.
    public init(
        takenAt: Date, sales: SalesKPIs? = nil, service: ServiceKPIs? = nil, loyalty: LoyaltyKPIs? = nil,
        customers: CustomerBaseAnalysis? = nil
    ) {
        self.takenAt = takenAt
        self.sales = sales
        self.service = service
        self.loyalty = loyalty
        self.customers = customers.map(CustomerBase.init)
    }
}
