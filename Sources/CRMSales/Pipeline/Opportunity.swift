public import CRMContacts
public import CRMCore
public import Foundation

/// A potential sale: an account, the people involved, an amount, an expected close date and a stage in a
/// pipeline, with the history of its stage changes.
public struct Opportunity: Hashable, Sendable, Codable, Identifiable {
    /// A contact's part in the deal.
    public struct ContactRole: Hashable, Sendable, Codable {
        /// The contact.
        public var contactID: CRMCore.ID<Contact>
        /// The role: `decision maker`, `influencer`, `technical buyer`, …
        public var role: String

        /// Creates a role.
        public init(contactID: CRMCore.ID<Contact>, role: String) {
            self.contactID = contactID
            self.role = role
        }
    }

    /// The state of the deal at one stage change, for days-in-stage and slippage reports.
    public struct Snapshot: Hashable, Sendable, Codable {
        /// The stage entered.
        public var stage: String
        /// The amount then.
        public var amount: Money
        /// The probability then.
        public var probability: Int
        /// The expected close date then.
        public var expectedClose: Date
        /// When the change was made.
        public var at: Date
    }

    /// The opportunity's id.
    public var id: CRMCore.ID<Opportunity>
    /// A short name: `Acme renewal 2027`.
    public var name: String
    /// The pipeline it moves through.
    public var pipelineID: CRMCore.ID<Pipeline>
    /// The customer organization.
    public var accountID: CRMCore.ID<Organization>?
    /// The people involved and their roles.
    public var contacts: [ContactRole]
    /// The seller responsible.
    public var owner: Principal
    /// The expected value.
    public var amount: Money
    /// When it is expected to close.
    public private(set) var expectedClose: Date
    /// The current stage's key.
    public private(set) var stage: String
    /// The probability of winning, in percent; the stage's default unless set.
    public var probability: Int
    /// The agreed next action.
    public var nextStep: String
    /// The products of the deal, priced by a ``PricingEngine``; their net total is the amount.
    public private(set) var lineItems: [PricedLine] = []
    /// The campaign that sourced the deal, for attribution.
    public var sourceCampaign: CRMCore.ID<Campaign>?
    /// Campaigns that touched the deal along the way.
    public var influencingCampaigns: Set<CRMCore.ID<Campaign>> = []
    /// Why it was lost, once lost.
    public private(set) var lostReason: String?
    /// When it was created.
    public let createdAt: Date
    /// When it was won or lost.
    public private(set) var closedAt: Date?
    /// Every stage change and close-date move, oldest first.
    public private(set) var history: [Snapshot]

    /// Opens an opportunity at the first open stage of `pipeline`.
    public init(
        id: CRMCore.ID<Opportunity>, name: String, pipeline: Pipeline, accountID: CRMCore.ID<Organization>? = nil,
        contacts: [ContactRole] = [], owner: Principal, amount: Money, expectedClose: Date, at now: Date
    ) throws(OpportunityError) {
        guard !amount.isNegative else { throw .negativeAmount(amount) }
        let first = pipeline.stages.first { $0.outcome == .open }!
        self.id = id
        self.name = name
        self.pipelineID = pipeline.id
        self.accountID = accountID
        self.contacts = contacts
        self.owner = owner
        self.amount = amount
        self.expectedClose = expectedClose
        self.stage = first.key
        self.probability = first.probability
        self.nextStep = ""
        self.createdAt = now
        self.history = [
            Snapshot(
                stage: first.key, amount: amount, probability: first.probability, expectedClose: expectedClose, at: now)
        ]
    }

    /// Whether it is won or lost.
    public var isClosed: Bool { closedAt != nil }

    /// Moves to the stage `key` of `pipeline`, taking the stage's probability and recording a snapshot. A
    /// lost stage needs `lostReason`; a closed opportunity does not move.
    public mutating func move(to key: String, in pipeline: Pipeline, at now: Date, lostReason: String? = nil)
        throws(OpportunityError)
    {
        guard pipeline.id == pipelineID else { throw .wrongPipeline(pipeline.id) }
        guard let target = pipeline.stage(key) else { throw .unknownStage(key) }
        guard !isClosed else { throw .alreadyClosed(stage) }
        if target.outcome == .lost {
            guard let reason = lostReason?.trimmingWhitespace(), !reason.isEmpty else { throw .lostReasonRequired }
            self.lostReason = reason
        }
        if target.outcome != .open { closedAt = now }
        stage = key
        probability = target.probability
        history.append(
            Snapshot(stage: key, amount: amount, probability: probability, expectedClose: expectedClose, at: now))
    }

    /// Closes as won at the stage `key`, which must be a won stage.
    public mutating func win(at key: String, in pipeline: Pipeline, at now: Date) throws(OpportunityError) {
        guard pipeline.stage(key)?.outcome == .won else { throw .notAWonStage(key) }
        try move(to: key, in: pipeline, at: now)
    }

    /// Closes as lost at the first lost stage of `pipeline`, for `reason`.
    public mutating func lose(in pipeline: Pipeline, reason: String, at now: Date) throws(OpportunityError) {
        let lost = pipeline.stages.first { $0.outcome == .lost }!
        try move(to: lost.key, in: pipeline, at: now, lostReason: reason)
    }

    /// Prices `lines` with `engine` in the opportunity's currency on `date` and makes their net total the
    /// amount.
    public mutating func setLineItems(
        _ lines: [LineRequest], engine: PricingEngine, on date: Date, category: CustomerCategory? = nil
    ) throws(PricingError) {
        let priced = try engine.price(lines, currency: amount.currency, on: date, category: category)
        lineItems = priced.lines
        amount = priced.net
    }

    /// Moves the expected close date, recording a snapshot (a later date is slippage).
    public mutating func reschedule(to date: Date, at now: Date) throws(OpportunityError) {
        guard !isClosed else { throw .alreadyClosed(stage) }
        expectedClose = date
        history.append(Snapshot(stage: stage, amount: amount, probability: probability, expectedClose: date, at: now))
    }

    /// Days since the current stage was entered, at `now`.
    public func daysInStage(at now: Date) -> Int {
        // The earliest snapshot of the trailing run at the current stage (reschedules add snapshots too).
        var entered = history[history.count - 1].at
        for snapshot in history.reversed() {
            guard snapshot.stage == stage else { break }
            entered = snapshot.at
        }
        return max(0, Int(now.timeIntervalSince(entered) / 86_400))
    }

    /// How many times the expected close date moved later.
    public var slippage: Int {
        zip(history, history.dropFirst()).filter { $1.expectedClose > $0.expectedClose }.count
    }
}

/// Why an opportunity change was refused.
public enum OpportunityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pipeline has no stage with this key.
    case unknownStage(String)
    /// The stage belongs to another pipeline.
    case wrongPipeline(CRMCore.ID<Pipeline>)
    /// Winning needs a won stage.
    case notAWonStage(String)
    /// Closing as lost needs a reason.
    case lostReasonRequired
    /// A won or lost opportunity does not change stage or close date.
    case alreadyClosed(String)
    /// The amount is negative.
    case negativeAmount(Money)

    /// What was refused and why.
    public var description: String {
        switch self {
        case .unknownStage(let key): "the pipeline has no stage \(key)"
        case .wrongPipeline(let id): "the opportunity is not in pipeline \(id)"
        case .notAWonStage(let key): "\(key) is not a won stage"
        case .lostReasonRequired: "closing as lost needs a lost reason"
        case .alreadyClosed(let stage): "the opportunity is closed at \(stage)"
        case .negativeAmount(let amount): "the amount \(amount) is negative"
        }
    }
}
