import Foundation

/// The Pareto/NBD model of repeat buying (Schmittlein, Morrison and Colombo, "Counting Your Customers: Who
/// Are They and What Will They Do Next?", Management Science 33(1), 1987), with the likelihood of Fader and
/// Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005).
///
/// While alive, a customer buys at a Poisson rate λ (gamma: shape `r`, rate `alpha`) and dies after an
/// exponential lifetime of rate μ (gamma: shape `s`, rate `beta`). On the CDNOW sample the fit gives
/// r = 0.553, α = 10.58, s = 0.606, β = 11.67 with log-likelihood −9,595.0.
public struct ParetoNBDModel: Hashable, Sendable, Codable {
    /// Shape of the purchase-rate distribution.
    public let r: Double
    /// Rate of the purchase-rate distribution.
    public let alpha: Double
    /// Shape of the death-rate distribution.
    public let s: Double
    /// Rate of the death-rate distribution.
    public let beta: Double
    /// The log-likelihood of the data the model was fitted to, when it was fitted.
    public let logLikelihood: Double?

    /// A model with known parameters; each must be positive and finite.
    public init(r: Double, alpha: Double, s: Double, beta: Double) throws(ModelError) {
        try ModelError.requirePositive(["r": r, "alpha": alpha, "s": s, "beta": beta])
        self.init(unchecked: [r, alpha, s, beta], logLikelihood: nil)
    }

    private init(unchecked parameters: [Double], logLikelihood: Double?) {
        (r, alpha, s, beta) = (parameters[0], parameters[1], parameters[2], parameters[3])
        self.logLikelihood = logLikelihood
    }

    /// Fits the model by maximum likelihood; see ``BGNBDModel/fit(_:)`` for the errors.
    public static func fit(_ customers: [CustomerSummary]) throws(ModelError) -> ParetoNBDModel {
        guard !customers.isEmpty else { throw .noCustomers }
        for customer in customers { try customer.validate() }
        guard customers.contains(where: { $0.frequency > 0 }) else { throw .noRepeatBuyers }
        guard customers.count >= 4 else { throw .tooFewCustomers(customers.count, needed: 4) }
        let data = WeightedSummaries(customers, includeValue: false)
        let objective: ([Double]) -> Double = { logs in
            let value = -logLikelihood(data, logs.map(exp))
            return value.isFinite ? value : .greatestFiniteMagnitude
        }
        let result = NelderMead().minimize(objective, from: [0, 0, 0, 0])
        let parameters = result.point.map(exp)
        guard result.converged, result.value < .greatestFiniteMagnitude else {
            throw .didNotConverge(parameters: parameters, logLikelihood: -result.value)
        }
        return ParetoNBDModel(unchecked: parameters, logLikelihood: -result.value)
    }

    /// The log-likelihood of `customers` under the model.
    public func logLikelihood(of customers: [CustomerSummary]) -> Double {
        Self.logLikelihood(WeightedSummaries(customers, includeValue: false), [r, alpha, s, beta])
    }

    private static func logLikelihood(_ data: WeightedSummaries, _ parameters: [Double]) -> Double {
        let (r, alpha, s, beta) = (parameters[0], parameters[1], parameters[2], parameters[3])
        var total = 0.0
        for group in data.groups {
            guard
                let value = logLikelihood(
                    x: data.frequencies[Int(group.frequency)], recency: data.recencies[Int(group.recency)],
                    age: data.ages[Int(group.age)], r, alpha, s, beta)
            else { return -.infinity }
            total += group.count * value
        }
        return total
    }

    /// One customer's log-likelihood, or `nil` when a series does not settle.
    private static func logLikelihood(
        x: Double, recency: Double, age: Double, _ r: Double, _ alpha: Double, _ s: Double, _ beta: Double
    ) -> Double? {
        let head = lgamma(r + x) - lgamma(r) + r * log(alpha) + s * log(beta)
        let alive = -(r + x) * log(alpha + age) - s * log(beta + age)
        let (bigger, smaller, second) = alpha >= beta ? (alpha, beta, s + 1) : (beta, alpha, r + x)
        let order = r + s + x
        func logTerm(_ time: Double) -> Double? {
            guard
                let series = SpecialFunctions.hypergeometric2F1(
                    order, second, order + 1, (bigger - smaller) / (bigger + time))
            else { return nil }
            return log(series) - order * log(bigger + time)
        }
        guard let atRecency = logTerm(recency), let atAge = logTerm(age) else { return nil }
        let died = log(s / order) + SpecialFunctions.logSubExp(atRecency, atAge)
        return head + SpecialFunctions.logAddExp(alive, atRecency > atAge ? died : -.infinity)
    }

    /// The probability that the customer is still alive at the end of their observation period.
    public func probabilityAlive(_ customer: CustomerSummary) -> Double {
        let x = Double(customer.frequency)
        guard let total = Self.logLikelihood(x: x, recency: customer.recency, age: customer.age, r, alpha, s, beta)
        else { return 1 }
        let alive =
            lgamma(r + x) - lgamma(r) + r * log(alpha) + s * log(beta) - (r + x) * log(alpha + customer.age)
            - s * log(beta + customer.age)
        return min(1, exp(alive - total))
    }

    /// The purchases the customer is expected to make in the next `duration`: P(alive) times
    /// (r + x)(β + T) / ((α + T)(s − 1)) · (1 − ((β + T) / (β + T + t))^(s − 1)); for s = 1 the limit.
    public func expectedPurchases(in duration: Double, for customer: CustomerSummary) -> Double {
        let x = Double(customer.frequency)
        let base = (r + x) * (beta + customer.age) / (alpha + customer.age)
        let rest =
            abs(s - 1) < 1e-9
            ? log((beta + customer.age + duration) / (beta + customer.age))
            : (1 - pow((beta + customer.age) / (beta + customer.age + duration), s - 1)) / (s - 1)
        return probabilityAlive(customer) * base * rest
    }
}
