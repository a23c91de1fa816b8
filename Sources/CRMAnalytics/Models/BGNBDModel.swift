import Foundation

/// The beta-geometric/NBD model of repeat buying (Fader, Hardie and Lee, "Counting Your Customers the Easy
/// Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005).
///
/// While active, a customer buys at a Poisson rate λ, gamma-distributed across customers (shape `r`, rate
/// `alpha`); after each purchase the customer becomes inactive with probability p, beta-distributed
/// (`a`, `b`). Fitted by maximum likelihood to ``CustomerSummary`` values:
///
/// ```swift
/// let model = try BGNBDModel.fit(summaries)
/// model.probabilityAlive(ada)                    // 0...1
/// model.expectedPurchases(in: 52, for: ada)      // the next 52 weeks
/// ```
///
/// On the CDNOW sample of 2,357 customers (weeks) the fit gives the paper's r = 0.243, α = 4.414,
/// a = 0.793, b = 2.426 with log-likelihood −9,582.4.
public struct BGNBDModel: Hashable, Sendable, Codable {
    /// Shape of the purchase-rate distribution.
    public let r: Double
    /// Rate (inverse scale) of the purchase-rate distribution, in the summary's time unit.
    public let alpha: Double
    /// First shape of the dropout-probability distribution.
    public let a: Double
    /// Second shape of the dropout-probability distribution.
    public let b: Double
    /// The log-likelihood of the data the model was fitted to, when it was fitted.
    public let logLikelihood: Double?

    /// A model with known parameters; each must be positive and finite.
    public init(r: Double, alpha: Double, a: Double, b: Double) throws(ModelError) {
        try Self.check(["r": r, "alpha": alpha, "a": a, "b": b])
        self.init(unchecked: [r, alpha, a, b], logLikelihood: nil)
    }

    private init(unchecked parameters: [Double], logLikelihood: Double?) {
        (r, alpha, a, b) = (parameters[0], parameters[1], parameters[2], parameters[3])
        self.logLikelihood = logLikelihood
    }

    /// Fits the model by maximum likelihood.
    ///
    /// Throws ``ModelError/noCustomers``, ``ModelError/tooFewCustomers(_:needed:)`` (fewer customers than
    /// parameters cannot identify the model), ``ModelError/noRepeatBuyers`` (nobody bought twice: the dropout
    /// process is not identified), ``ModelError/invalidSummary(customer:field:reason:)`` or
    /// ``ModelError/didNotConverge(parameters:logLikelihood:)``; never returns a NaN.
    public static func fit(_ customers: [CustomerSummary]) throws(ModelError) -> BGNBDModel {
        guard !customers.isEmpty else { throw .noCustomers }
        for customer in customers { try customer.validate() }
        guard customers.contains(where: { $0.frequency > 0 }) else { throw .noRepeatBuyers }
        guard customers.count >= 4 else { throw .tooFewCustomers(customers.count, needed: 4) }
        let data = WeightedSummaries(customers, includeValue: false)
        let objective: ([Double]) -> Double = { logs in
            let value = -logLikelihood(data, exp(logs[0]), exp(logs[1]), exp(logs[2]), exp(logs[3]))
            return value.isFinite ? value : .greatestFiniteMagnitude
        }
        let result = NelderMead().minimize(objective, from: [0, 0, 0, 0])
        let parameters = result.point.map(exp)
        guard result.converged, result.value.isFinite, result.value < .greatestFiniteMagnitude else {
            throw .didNotConverge(parameters: parameters, logLikelihood: -result.value)
        }
        return BGNBDModel(unchecked: parameters, logLikelihood: -result.value)
    }

    /// The log-likelihood of `customers` under the model.
    public func logLikelihood(of customers: [CustomerSummary]) -> Double {
        Self.logLikelihood(WeightedSummaries(customers, includeValue: false), r, alpha, a, b)
    }

    private static func logLikelihood(_ data: WeightedSummaries, _ r: Double, _ alpha: Double, _ a: Double, _ b: Double)
        -> Double
    {
        let fixed = -lgamma(r) + r * log(alpha) - SpecialFunctions.logBeta(a, b)
        let head = data.frequencies.map { x in lgamma(r + x) + SpecialFunctions.logBeta(a, b + x) + fixed }
        let shape = data.frequencies.map { r + $0 }
        let dropoutOdds = data.frequencies.map { x in x > 0 ? log(a) - log(b + x - 1) : -Double.infinity }
        let logAge = data.ages.map { log(alpha + $0) }
        let logRecency = data.recencies.map { log(alpha + $0) }
        return data.sum { group in
            let x = Int(group.frequency)
            let stillActive = -shape[x] * logAge[Int(group.age)]
            let droppedOut = dropoutOdds[x] - shape[x] * logRecency[Int(group.recency)]
            return group.count * (head[x] + SpecialFunctions.logAddExp(stillActive, droppedOut))
        }
    }

    /// The probability that the customer is still active at the end of their observation period. A customer
    /// without a repeat purchase has probability 1 under this model.
    public func probabilityAlive(_ customer: CustomerSummary) -> Double {
        guard customer.frequency > 0 else { return 1 }
        return 1 / (1 + deadOdds(customer))
    }

    /// The purchases the customer is expected to make in the next `duration` (in the summary's unit).
    public func expectedPurchases(in duration: Double, for customer: CustomerSummary) -> Double {
        let x = Double(customer.frequency)
        let z = duration / (alpha + customer.age + duration)
        guard duration > 0, let series = SpecialFunctions.hypergeometric2F1(r + x, b + x, a + b + x - 1, z) else {
            return 0
        }
        let ratio = pow((alpha + customer.age) / (alpha + customer.age + duration), r + x)
        let numerator = (a + b + x - 1) / (a - 1) * (1 - ratio * series)
        let odds = customer.frequency > 0 ? deadOdds(customer) : 0
        return numerator / (1 + odds)
    }

    /// The purchases a new customer is expected to make in their first `duration`.
    public func expectedPurchases(in duration: Double) -> Double {
        let z = duration / (alpha + duration)
        guard duration > 0, let series = SpecialFunctions.hypergeometric2F1(r, b, a + b - 1, z) else { return 0 }
        return (a + b - 1) / (a - 1) * (1 - pow(alpha / (alpha + duration), r) * series)
    }

    /// a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x): the odds against the customer being alive.
    private func deadOdds(_ customer: CustomerSummary) -> Double {
        let x = Double(customer.frequency)
        return a / (b + x - 1) * exp((r + x) * (log(alpha + customer.age) - log(alpha + customer.recency)))
    }

    static func check(_ parameters: KeyValuePairs<String, Double>) throws(ModelError) {
        for (name, value) in parameters where !(value.isFinite && value > 0) {
            throw .invalidParameter(name: name, value: value)
        }
    }
}
