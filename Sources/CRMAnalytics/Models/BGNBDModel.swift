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
        try ModelError.requirePositive(["r": r, "alpha": alpha, "a": a, "b": b])
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
        // The mean log-likelihood per customer keeps the gradient's scale independent of the data's size.
        let count = Double(customers.count)
        let objective: ([Double]) -> (value: Double, gradient: [Double]) = { logs in
            let (r, alpha, a, b) = (exp(logs[0]), exp(logs[1]), exp(logs[2]), exp(logs[3]))
            let total = logLikelihoodAndGradient(data, r, alpha, a, b) / count
            return (-total[0], [-total[1] * r, -total[2] * alpha, -total[3] * a, -total[4] * b])
        }
        let fitted = QuasiNewton().minimize(objective, from: [0, 0, 0, 0])
        let result = (point: fitted.point, value: fitted.value * count, converged: fitted.converged)
        let parameters = result.point.map(exp)
        guard result.converged, result.value.isFinite, result.value < .greatestFiniteMagnitude else {
            throw .didNotConverge(parameters: parameters, logLikelihood: -result.value)
        }
        return BGNBDModel(unchecked: parameters, logLikelihood: -result.value)
    }

    /// The log-likelihood of `customers` under the model.
    public func logLikelihood(of customers: [CustomerSummary]) -> Double {
        Self.logLikelihoodAndGradient(WeightedSummaries(customers, includeValue: false), r, alpha, a, b)[0]
    }

    /// The log-likelihood (lane 0) and its derivatives by r, α, a and b (lanes 1 to 4), in one pass.
    private static func logLikelihoodAndGradient(
        _ data: WeightedSummaries, _ r: Double, _ alpha: Double, _ a: Double, _ b: Double
    ) -> SIMD8<Double> {
        let fixed = -lgamma(r) + r * log(alpha) - SpecialFunctions.logBeta(a, b)
        let psiR = SpecialFunctions.digamma(r)
        let psiAB = SpecialFunctions.digamma(a + b)
        let psiB = SpecialFunctions.digamma(b)
        let perFrequency = data.frequencies.map { x -> SIMD8<Double> in
            let psiABX = SpecialFunctions.digamma(a + b + x)
            return SIMD8(
                lgamma(r + x) + SpecialFunctions.logBeta(a, b + x) + fixed,
                SpecialFunctions.digamma(r + x) - psiR + log(alpha), r / alpha, psiAB - psiABX,
                SpecialFunctions.digamma(b + x) - psiABX - psiB + psiAB, r + x,
                x > 0 ? log(a) - log(b + x - 1) : -.infinity, x > 0 ? 1 / (b + x - 1) : 0)
        }
        let logAge = data.ages.map { log(alpha + $0) }
        let inverseAge = data.ages.map { 1 / (alpha + $0) }
        let logRecency = data.recencies.map { log(alpha + $0) }
        let inverseRecency = data.recencies.map { 1 / (alpha + $0) }
        return data.sum { group in
            let x = perFrequency[Int(group.frequency)]
            let (age, recency) = (Int(group.age), Int(group.recency))
            let shape = x[5]
            let stillActive = -shape * logAge[age]
            let droppedOut = x[6] - shape * logRecency[recency]
            let total = SpecialFunctions.logAddExp(stillActive, droppedOut)
            let active = exp(stillActive - total)
            let dropped = x[6] == -.infinity ? 0 : exp(droppedOut - total)
            let terms = SIMD8<Double>(
                x[0] + total, x[1] - active * logAge[age] - dropped * logRecency[recency],
                x[2] - shape * (active * inverseAge[age] + dropped * inverseRecency[recency]), x[3] + dropped / a,
                x[4] - dropped * x[7], 0, 0, 0)
            return terms * group.count
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
}
