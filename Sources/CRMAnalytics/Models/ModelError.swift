/// Why a customer-base model could not be fitted or evaluated.
public enum ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No customers to fit to.
    case noCustomers
    /// Too few customers for the number of parameters.
    case tooFewCustomers(Int, needed: Int)
    /// Nobody bought twice, so repeat behaviour cannot be estimated.
    case noRepeatBuyers
    /// A customer's summary is impossible (negative times, recency beyond age, a repeat buyer with no value).
    case invalidSummary(customer: String, field: String, reason: String)
    /// The optimizer did not settle; the parameters it reached are given.
    case didNotConverge(parameters: [Double], logLikelihood: Double)
    /// A parameter is not positive and finite.
    case invalidParameter(name: String, value: Double)

    /// What is wrong.
    public var description: String {
        switch self {
        case .noCustomers: "there are no customers to fit to"
        case .tooFewCustomers(let count, let needed): "\(count) customers are too few; at least \(needed) are needed"
        case .noRepeatBuyers: "no customer bought twice, so repeat buying cannot be estimated"
        case .invalidSummary(let customer, let field, let reason): "customer \(customer): \(field) \(reason)"
        case .didNotConverge(let parameters, let logLikelihood):
            "the fit did not converge (reached \(parameters), log-likelihood \(logLikelihood))"
        case .invalidParameter(let name, let value): "parameter \(name) must be positive and finite, got \(value)"
        }
    }
}

extension ModelError {
    /// Throws ``invalidParameter(name:value:)`` for the first parameter that is not positive and finite.
    static func requirePositive(_ parameters: KeyValuePairs<String, Double>) throws(ModelError) {
        for (name, value) in parameters where !(value.isFinite && value > 0) {
            throw .invalidParameter(name: name, value: value)
        }
    }
}

extension CustomerSummary {
    /// Throws unless the summary is possible: times finite and not negative, recency within age, no recency
    /// without repeats, and (when `needsValue`) a positive value for repeat buyers.
    func validate(needsValue: Bool = false) throws(ModelError) {
        func bad(_ field: String, _ reason: String) -> ModelError {
            .invalidSummary(customer: customer, field: field, reason: reason)
        }
        guard frequency >= 0 else { throw bad("frequency", "is negative") }
        guard recency.isFinite, recency >= 0 else { throw bad("recency", "must be finite and not negative") }
        guard age.isFinite, age >= 0 else { throw bad("age", "must be finite and not negative") }
        guard recency <= age + 1e-9 else { throw bad("recency", "exceeds the customer's age") }
        guard frequency > 0 || recency == 0 else { throw bad("recency", "must be 0 without repeat purchases") }
        if needsValue && frequency > 0 {
            guard monetaryValue.isFinite, monetaryValue > 0 else { throw bad("monetaryValue", "must be positive") }
        }
    }
}
