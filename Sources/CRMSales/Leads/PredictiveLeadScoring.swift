import Foundation

/// Predictive lead scoring: a naive Bayes model of which leads are won, learned from the won and lost history
/// of past leads, as Odoo's predictive lead scoring does.
///
/// Each lead is described by categorical features (source, interest, category, territory, free or business
/// email, phone given, activity band). The model counts, for won and for lost leads, how often each value
/// occurs, and gives a new lead P(won | features) ∝ P(won) × Π P(value | won), with Laplace smoothing so
/// unseen values neither win nor lose a lead. The factors are each value's log-likelihood ratio: why the
/// probability is what it is. It learns incrementally: record each lead when it is won or lost.
public struct PredictiveLeadScoring: Sendable, Codable, Hashable {
    /// One feature value's pull on a prediction.
    public struct Factor: Sendable, Hashable {
        /// The feature and value: `source = referral`.
        public let feature: String
        /// The natural log of P(value | won) ÷ P(value | lost); positive pulls towards winning.
        public let weight: Double
    }

    /// A prediction.
    public struct Prediction: Sendable, Hashable {
        /// The probability the lead is won, 0 to 1.
        public let probability: Double
        /// The features behind it, strongest first.
        public let factors: [Factor]
    }

    private var won = 0
    private var lost = 0
    /// For each feature, how often each value occurred among won and among lost leads.
    private var counts: [String: [String: [Int]]] = [:]

    /// An untrained model.
    public init() {}

    /// How many won and lost leads the model has learned from.
    public var examples: (won: Int, lost: Int) { (won, lost) }

    /// Learns from a lead that was won or lost.
    public mutating func learn(_ lead: Lead, won outcome: Bool) {
        if outcome { won += 1 } else { lost += 1 }
        for (feature, value) in Self.features(of: lead) {
            counts[feature, default: [:]][value, default: [0, 0]][outcome ? 0 : 1] += 1
        }
    }

    /// The probability `lead` is won and why; with no history, the neutral 0.5 and no factors.
    public func predict(_ lead: Lead) -> Prediction {
        guard won > 0 || lost > 0 else { return Prediction(probability: 0.5, factors: []) }
        var logOdds = log(Double(won + 1) / Double(lost + 1))
        var factors: [Factor] = []
        for (feature, value) in Self.features(of: lead) {
            let values = counts[feature] ?? [:]
            let seen = values[value] ?? [0, 0]
            // Laplace smoothing over the values seen for the feature plus one for the unseen.
            let distinct = Double(values.count + 1)
            let pWon = (Double(seen[0]) + 1) / (Double(won) + distinct)
            let pLost = (Double(seen[1]) + 1) / (Double(lost) + distinct)
            let weight = log(pWon / pLost)
            logOdds += weight
            factors.append(Factor(feature: "\(feature) = \(value)", weight: weight))
        }
        return Prediction(
            probability: 1 / (1 + exp(-logOdds)),
            factors: factors.sorted { (abs($0.weight), $1.feature) > (abs($1.weight), $0.feature) })
    }

    /// The features of a lead, as feature name and value.
    static func features(of lead: Lead) -> [(String, String)] {
        let activity: String =
            switch lead.activityCount {
            case 0: "none"
            case 1...2: "some"
            default: "engaged"
            }
        return [
            ("source", lead.source.isEmpty ? "unknown" : lead.source),
            ("interest", lead.interest.isEmpty ? "unknown" : lead.interest),
            ("category", lead.category?.description ?? "unknown"),
            ("territory", lead.territory.isEmpty ? "unknown" : lead.territory),
            ("email", lead.email == nil ? "none" : (lead.usesFreeMail ? "free" : "business")),
            ("phone", lead.phone == nil ? "none" : "given"),
            ("activity", activity),
        ]
    }
}
