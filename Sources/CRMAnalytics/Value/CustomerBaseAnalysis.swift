/// The customer base analysed in one step: BG/NBD and Gamma-Gamma fitted to the summaries, and per customer
/// the probability of being alive, the expected purchases, the lifetime value and the RFM score.
///
/// ```swift
/// let analysis = try CustomerBaseAnalysis(summaries, terms: try ValueTerms(
///     periods: 12, periodLength: 52.0 / 12, discountRate: 0.01, margin: 0.3))
/// analysis.topCustomers(10)            // by predicted lifetime value
/// analysis.customer("ada")?.segment    // "champions"
/// ```
public struct CustomerBaseAnalysis: Sendable {
    /// One customer's numbers.
    public struct Customer: Hashable, Sendable {
        /// The summary the numbers come from.
        public let summary: CustomerSummary
        /// P(alive) under BG/NBD.
        public let probabilityAlive: Double
        /// Expected purchases over the terms' horizon.
        public let expectedPurchases: Double
        /// Net lifetime value over the terms' horizon.
        public let lifetimeValue: Double
        /// The RFM scores and segment.
        public let rfm: RFMScore
    }

    /// The purchase model.
    public let purchases: BGNBDModel
    /// The spend model.
    public let spend: GammaGammaModel
    /// The value terms.
    public let terms: ValueTerms
    /// Every customer, in the order of the summaries.
    public let customers: [Customer]
    private let positions: [String: Int]

    /// Fits both models and scores every customer; throws a ``ModelError`` for degenerate data (no repeat
    /// buyers, non-convergence, a spend model without a finite mean).
    public init(_ summaries: [CustomerSummary], terms: ValueTerms, scoring: RFMScoring = RFMScoring())
        throws(ModelError)
    {
        let purchases = try BGNBDModel.fit(summaries)
        let spend = try GammaGammaModel.fit(summaries)
        guard spend.populationMeanSpend != nil else { throw .invalidParameter(name: "q", value: spend.q) }
        let value = CustomerLifetimeValue(purchases: purchases, spend: spend, terms: terms)
        let horizon = Double(terms.periods) * terms.periodLength
        let scores = scoring.scores(summaries)
        var customers: [Customer] = []
        customers.reserveCapacity(summaries.count)
        for (summary, score) in zip(summaries, scores) {
            customers.append(
                Customer(
                    summary: summary, probabilityAlive: purchases.probabilityAlive(summary),
                    expectedPurchases: purchases.expectedPurchases(in: horizon, for: summary),
                    lifetimeValue: value.of(summary)!, rfm: score))
        }
        self.purchases = purchases
        self.spend = spend
        self.terms = terms
        self.customers = customers
        self.positions = Dictionary(
            summaries.enumerated().map { ($1.customer, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The numbers of one customer.
    public func customer(_ id: String) -> Customer? { positions[id].map { customers[$0] } }

    /// The `count` customers of highest lifetime value, highest first.
    public func topCustomers(_ count: Int) -> [Customer] {
        Array(
            customers.sorted { ($0.lifetimeValue, $1.summary.customer) > ($1.lifetimeValue, $0.summary.customer) }
                .prefix(max(0, count)))
    }

    /// The share of total predicted value that the top `fraction` of customers hold; `nil` when no value.
    public func valueShare(ofTop fraction: Double) -> Double? {
        try? ValueConcentration(values: customers.map { max(0, $0.lifetimeValue) }).share(ofTop: fraction)
    }
}
