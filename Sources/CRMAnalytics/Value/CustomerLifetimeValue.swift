import Foundation

/// The terms of a customer-lifetime-value calculation: how far ahead, in what steps, at what discount rate,
/// and what a purchase earns net of costs.
public struct ValueTerms: Hashable, Sendable, Codable {
    /// How many periods ahead to count.
    public var periods: Int
    /// A period's length in the summaries' time unit (4.345 weeks for a month).
    public var periodLength: Double
    /// The discount rate per period (0.01 for 1 % a month).
    public var discountRate: Double
    /// The share of revenue that is margin, 0 to 1.
    public var margin: Double
    /// The cost of serving one purchase (handling, support), in money.
    public var costPerPurchase: Double
    /// What winning the customer cost, subtracted once; 0 for customers whose acquisition is sunk.
    public var acquisitionCost: Double

    /// Creates terms; throws naming the bad field.
    public init(
        periods: Int, periodLength: Double, discountRate: Double, margin: Double, costPerPurchase: Double = 0,
        acquisitionCost: Double = 0
    ) throws(ModelError) {
        if periods < 1 { throw .invalidParameter(name: "periods", value: Double(periods)) }
        if !(periodLength.isFinite && periodLength > 0) {
            throw .invalidParameter(name: "periodLength", value: periodLength)
        }
        if !(discountRate.isFinite && discountRate >= 0) {
            throw .invalidParameter(name: "discountRate", value: discountRate)
        }
        if !(margin.isFinite && margin >= 0 && margin <= 1) { throw .invalidParameter(name: "margin", value: margin) }
        if !(costPerPurchase.isFinite && costPerPurchase >= 0) {
            throw .invalidParameter(name: "costPerPurchase", value: costPerPurchase)
        }
        if !(acquisitionCost.isFinite && acquisitionCost >= 0) {
            throw .invalidParameter(name: "acquisitionCost", value: acquisitionCost)
        }
        self.periods = periods
        self.periodLength = periodLength
        self.discountRate = discountRate
        self.margin = margin
        self.costPerPurchase = costPerPurchase
        self.acquisitionCost = acquisitionCost
    }
}

/// Customer lifetime value as net value: the discounted margin of the purchases a purchase model expects,
/// at the spend a ``GammaGammaModel`` expects, less the cost of serving them and of acquiring the customer.
///
/// For each period i of ``ValueTerms/periods``: (E[purchases by the end of i] − E[purchases by the end of
/// i − 1]) × (spend × margin − cost per purchase) / (1 + discount rate)^i, summed, minus the acquisition
/// cost; the discounted-cash-flow form used by Fader, Hardie and Lee (2005) and the reference libraries.
///
/// ```swift
/// let value = CustomerLifetimeValue(purchases: bgnbd, spend: gammaGamma, terms: terms)
/// value.of(ada)        // net present value over the horizon
/// ```
public struct CustomerLifetimeValue: Sendable {
    /// Expected purchases.
    public let purchases: any PurchaseModel
    /// Expected spend per purchase.
    public let spend: GammaGammaModel
    /// The terms.
    public let terms: ValueTerms

    /// Creates the calculation.
    public init(purchases: any PurchaseModel, spend: GammaGammaModel, terms: ValueTerms) {
        self.purchases = purchases
        self.spend = spend
        self.terms = terms
    }

    /// The customer's net lifetime value; `nil` when the spend model has no finite mean (q ≤ 1).
    ///
    /// `acquisitionCost` and `costPerPurchase` replace the terms' costs for this customer (a customer won
    /// through an expensive channel, or one who calls the help desk after every order).
    public func of(_ customer: CustomerSummary, acquisitionCost: Double? = nil, costPerPurchase: Double? = nil)
        -> Double?
    {
        guard let average = spend.expectedAverageSpend(for: customer) else { return nil }
        let perPurchase = average * terms.margin - (costPerPurchase ?? terms.costPerPurchase)
        var total = 0.0
        var previous = 0.0
        for period in 1...terms.periods {
            let cumulative = purchases.expectedPurchases(in: Double(period) * terms.periodLength, for: customer)
            total += (cumulative - previous) * perPurchase / pow(1 + terms.discountRate, Double(period))
            previous = cumulative
        }
        return total - (acquisitionCost ?? terms.acquisitionCost)
    }
}
