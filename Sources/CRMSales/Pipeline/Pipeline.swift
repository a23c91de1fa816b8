public import CRMCore

/// Where a stage puts a deal in a forecast.
public enum ForecastCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// Early: counted in the pipeline only.
    case pipeline
    /// Could close this period if things go well.
    case bestCase
    /// The seller commits to closing it this period.
    case commit
    /// Won.
    case closed
    /// Left out of forecasts (lost, or parked).
    case omitted
}

/// What reaching a stage means for the deal.
public enum StageOutcome: String, Hashable, Sendable, Codable {
    /// Still being worked.
    case open
    /// Won: the deal closed with a sale.
    case won
    /// Lost: the deal closed without one.
    case lost
}

/// A sales process: ordered stages from first contact to won or lost. A business may run several, such
/// as one for new business and one for renewals.
public struct Pipeline: Hashable, Sendable, Codable, Identifiable {
    /// One step of the process.
    public struct Stage: Hashable, Sendable, Codable {
        /// A stable key, such as `qualify`; 1 to 64 of letters, digits, `-` and `_`.
        public var key: String
        /// The name shown.
        public var name: String
        /// The default probability of winning at this stage, in percent.
        public var probability: Int
        /// Where the stage puts a deal in the forecast.
        public var forecastCategory: ForecastCategory
        /// Whether the stage is open, won or lost.
        public var outcome: StageOutcome

        /// Creates a stage.
        public init(
            key: String, name: String, probability: Int, forecastCategory: ForecastCategory,
            outcome: StageOutcome = .open
        ) {
            self.key = key
            self.name = name
            self.probability = probability
            self.forecastCategory = forecastCategory
            self.outcome = outcome
        }
    }

    /// The pipeline's id.
    public var id: CRMCore.ID<Pipeline>
    /// Its name.
    public var name: String
    /// The stages, in order.
    public var stages: [Stage]

    /// Creates a pipeline and validates it: stage keys unique and well-formed, probabilities 0 to 100, at
    /// least one open, one won and one lost stage, won stages at 100 % and `closed`, lost stages at 0 %.
    public init(id: CRMCore.ID<Pipeline>, name: String, stages: [Stage]) throws(ValidationError) {
        var check = ValidationCollector(subject: "Pipeline")
        check.requireText(name, field: "name")
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        var keys = Set<String>()
        for stage in stages {
            if stage.key.isEmpty || stage.key.count > 64 || !stage.key.allSatisfy(allowed.contains)
                || !keys.insert(stage.key).inserted
            {
                check.add(
                    field: "stages", reason: "stage keys must be unique, 1 to 64 of letters, digits, - and _",
                    value: stage.key)
            }
            if !(0...100).contains(stage.probability) {
                check.add(
                    field: "stages", reason: "probabilities are 0 to 100", value: "\(stage.key): \(stage.probability)")
            }
            if stage.outcome == .won && (stage.probability != 100 || stage.forecastCategory != .closed) {
                check.add(field: "stages", reason: "a won stage is 100 % and closed", value: stage.key)
            }
            if stage.outcome == .lost && stage.probability != 0 {
                check.add(field: "stages", reason: "a lost stage is 0 %", value: stage.key)
            }
        }
        for outcome in [StageOutcome.open, .won, .lost] where !stages.contains(where: { $0.outcome == outcome }) {
            check.add(field: "stages", reason: "needs at least one \(outcome.rawValue) stage")
        }
        try check.finish()
        self.id = id
        self.name = name
        self.stages = stages
    }

    /// The stage with `key`.
    public func stage(_ key: String) -> Stage? {
        stages.first { $0.key == key }
    }
}

extension Pipeline {
    /// A ready-made pipeline for new business: Qualify (10 %, pipeline), Propose (50 %, best case),
    /// Negotiate (80 %, commit), Won and Lost.
    public static func newBusiness(id: CRMCore.ID<Pipeline>) -> Pipeline {
        try! Pipeline(
            id: id, name: "New business",
            stages: [
                Stage(key: "qualify", name: "Qualify", probability: 10, forecastCategory: .pipeline),
                Stage(key: "propose", name: "Propose", probability: 50, forecastCategory: .bestCase),
                Stage(key: "negotiate", name: "Negotiate", probability: 80, forecastCategory: .commit),
                Stage(key: "won", name: "Won", probability: 100, forecastCategory: .closed, outcome: .won),
                Stage(key: "lost", name: "Lost", probability: 0, forecastCategory: .omitted, outcome: .lost),
            ])
    }
}
