public import CRMContacts
public import CRMCore
public import Foundation

/// The leads, pipelines and opportunities of a CRM, in domain words.
///
/// ``EngineSalesStore`` implements it over any `StorageEngine`, next to an `EngineContactStore` on the same
/// engine, so that converting a lead is one transaction across both modules.
///
/// Implementations publish ``OpportunityWon``, ``OpportunityLost``, ``OrderPlaced`` and ``OrderReturned`` on
/// ``events`` after the commit that made them.
public protocol SalesStore: Sendable {
    /// The bus that sales events are published on.
    var events: EventBus { get }
    /// Stores a new lead.
    func insert(_ lead: Lead, by principal: Principal) async throws -> Stored<Lead>
    /// Replaces a lead, if it is still at `expectedVersion`.
    func update(_ lead: Lead, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Lead>
    /// The lead with `id`, or `nil`.
    func lead(_ id: ID<Lead>) async throws -> Stored<Lead>?
    /// The leads with `status`.
    func leads(withStatus status: Lead.Status) async throws -> [Stored<Lead>]
    /// Stores a pipeline, or replaces it.
    func save(_ pipeline: Pipeline, by principal: Principal) async throws
    /// The pipeline with `id`, or `nil`.
    func pipeline(_ id: ID<Pipeline>) async throws -> Pipeline?
    /// Stores a new opportunity.
    func insert(_ opportunity: Opportunity, by principal: Principal) async throws -> Stored<Opportunity>
    /// Replaces an opportunity, if it is still at `expectedVersion`; publishes ``OpportunityWon`` or
    /// ``OpportunityLost`` when it closed.
    func update(_ opportunity: Opportunity, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Opportunity>
    /// The opportunity with `id`, or `nil`.
    func opportunity(_ id: ID<Opportunity>) async throws -> Stored<Opportunity>?
    /// The opportunities of an account.
    func opportunities(of account: ID<Organization>) async throws -> [Stored<Opportunity>]
    /// Stores a new order.
    func insert(_ order: Order, by principal: Principal) async throws -> Stored<Order>
    /// Replaces an order, if it is still at `expectedVersion`; publishes ``OrderPlaced`` when it became
    /// placed and ``OrderReturned`` when units came back.
    func update(_ order: Order, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Order>
    /// The order with `id`, or `nil`.
    func order(_ id: ID<Order>) async throws -> Stored<Order>?
    /// The orders of an account, oldest first.
    func orders(of account: ID<Organization>) async throws -> [Stored<Order>]
    /// Stores a quote version, or replaces it (quotes are kept per version).
    func save(_ quote: Quote, by principal: Principal) async throws
    /// The versions of a quote, oldest first.
    func quoteVersions(_ id: ID<Quote>) async throws -> [Quote]
    /// Accepts a quote at `now` in one transaction: the quote is marked accepted, its order stored, and, when
    /// `winningIn` is given and the quote belongs to an opportunity, that opportunity is won at the
    /// pipeline's first won stage (publishing ``OpportunityWon``). Returns the order.
    func accept(
        _ quote: Quote, orderID: ID<Order>, channel: Order.Channel, winningIn pipeline: Pipeline?, at now: Date,
        by principal: Principal
    ) async throws -> Order
    /// Stores a campaign, or replaces it.
    func save(_ campaign: Campaign, by principal: Principal) async throws
    /// The campaign with `id`, or `nil`.
    func campaign(_ id: ID<Campaign>) async throws -> Campaign?
    /// Converts a qualified lead in one transaction; see ``LeadConversion``.
    func convert(_ lead: ID<Lead>, _ conversion: LeadConversion, by principal: Principal, at now: Date) async throws
        -> Lead.Conversion
}

/// How a lead is converted: into a contact (merged into a matching stored contact, filling only its empty
/// fields), an organization (an existing one of the same name, or a new one) and optionally an opportunity.
public struct LeadConversion: Sendable {
    /// The opportunity to open, if any.
    public struct OpportunityPlan: Sendable {
        /// The pipeline it starts in.
        public var pipeline: Pipeline
        /// Its name.
        public var name: String
        /// Its expected value.
        public var amount: Money
        /// When it is expected to close.
        public var expectedClose: Date

        /// Creates a plan.
        public init(pipeline: Pipeline, name: String, amount: Money, expectedClose: Date) {
            self.pipeline = pipeline
            self.name = name
            self.amount = amount
            self.expectedClose = expectedClose
        }
    }

    /// The opportunity to open.
    public var opportunity: OpportunityPlan?
    /// The rules that decide whether the lead is a stored contact already.
    public var matching: MatchingRules

    /// Creates a conversion.
    public init(opportunity: OpportunityPlan? = nil, matching: MatchingRules = MatchingRules()) {
        self.opportunity = opportunity
        self.matching = matching
    }
}
