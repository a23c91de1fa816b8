public import CRMContacts
public import CRMCore
import Foundation

/// The ``SalesStore`` over any `StorageEngine`, sharing the engine of an `EngineContactStore`.
public struct EngineSalesStore: SalesStore {
    /// The contact store on the same engine.
    public let contacts: EngineContactStore
    /// The source of ids for records a conversion creates.
    public let ids: any IDGenerator
    /// The bus sales events are published on.
    public let events: EventBus

    static let lead = "crm.lead"
    static let pipeline = "crm.pipeline"
    static let opportunity = "crm.opportunity"
    static let order = "crm.order"
    static let quote = "crm.quote"
    static let campaign = "crm.campaign"
    static let schemas: [EntitySchema] = [
        try! EntitySchema(name: lead, indexes: [IndexDefinition("status"), IndexDefinition("owner")]),
        try! EntitySchema(name: pipeline),
        try! EntitySchema(
            name: opportunity,
            indexes: [IndexDefinition("account"), IndexDefinition("owner"), IndexDefinition("stage")]),
        try! EntitySchema(name: order, indexes: [IndexDefinition("account"), IndexDefinition("status")]),
        try! EntitySchema(name: quote, indexes: [IndexDefinition("quote"), IndexDefinition("version")]),
        try! EntitySchema(name: campaign, indexes: [IndexDefinition("status")]),
    ]
    static let leadCoder = PayloadCoder<Lead>(entity: lead)
    static let pipelineCoder = PayloadCoder<Pipeline>(entity: pipeline)
    static let opportunityCoder = PayloadCoder<Opportunity>(entity: opportunity)
    static let orderCoder = PayloadCoder<Order>(entity: order)
    static let quoteCoder = PayloadCoder<Quote>(entity: quote)
    static let campaignCoder = PayloadCoder<Campaign>(entity: campaign)

    var engine: any StorageEngine { contacts.engine }

    /// Creates the store over the contact store's engine and registers its schemas.
    public init(contacts: EngineContactStore, ids: any IDGenerator = ULIDGenerator(), events: EventBus = EventBus())
        async throws
    {
        self.contacts = contacts
        self.ids = ids
        self.events = events
        try await contacts.engine.register(Self.schemas)
    }

    /// Stores a new lead.
    public func insert(_ lead: Lead, by principal: Principal) async throws -> Stored<Lead> {
        _ = try await engine.commit(
            Transaction(principal: principal, operations: [try Self.leadWrite(lead, expectedVersion: nil)]))
        return try await self.lead(lead.id)!
    }

    /// Replaces a lead, if it is still at `expectedVersion`.
    public func update(_ lead: Lead, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Lead> {
        _ = try await engine.commit(
            Transaction(principal: principal, operations: [try Self.leadWrite(lead, expectedVersion: expectedVersion)]))
        return try await self.lead(lead.id)!
    }

    /// The lead with `id`, or `nil`.
    public func lead(_ id: ID<Lead>) async throws -> Stored<Lead>? {
        try await engine.read(Self.lead, id: id.rawValue).map { Stored(try Self.leadCoder.decode($0), record: $0) }
    }

    /// The leads with `status`.
    public func leads(withStatus status: Lead.Status) async throws -> [Stored<Lead>] {
        try await engine.queryAll(
            RecordQuery(entity: Self.lead, filters: [.equals("status", .string(status.rawValue))])
        )
        .map { Stored(try Self.leadCoder.decode($0), record: $0) }
    }

    /// Stores a pipeline, or replaces it.
    public func save(_ pipeline: Pipeline, by principal: Principal) async throws {
        let write = try await engine.upsert(
            RecordKey(entity: Self.pipeline, id: pipeline.id.rawValue),
            payload: try Self.pipelineCoder.encode(pipeline),
            indexValues: [:])
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    /// The pipeline with `id`, or `nil`.
    public func pipeline(_ id: ID<Pipeline>) async throws -> Pipeline? {
        try await engine.read(Self.pipeline, id: id.rawValue).map { try Self.pipelineCoder.decode($0) }
    }

    /// Stores a new opportunity.
    public func insert(_ opportunity: Opportunity, by principal: Principal) async throws -> Stored<Opportunity> {
        _ = try await engine.commit(
            Transaction(
                principal: principal, operations: [try Self.opportunityWrite(opportunity, expectedVersion: nil)]))
        return try await self.opportunity(opportunity.id)!
    }

    /// Replaces an opportunity, if it is still at `expectedVersion`, and publishes its closing.
    public func update(_ opportunity: Opportunity, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Opportunity>
    {
        let before = try await self.opportunity(opportunity.id)?.value
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: [try Self.opportunityWrite(opportunity, expectedVersion: expectedVersion)]))
        if before?.isClosed == false, let closedAt = opportunity.closedAt {
            if let reason = opportunity.lostReason {
                await events.publish(OpportunityLost(opportunityID: opportunity.id, reason: reason, at: closedAt))
            } else {
                await events.publish(
                    OpportunityWon(
                        opportunityID: opportunity.id, accountID: opportunity.accountID, amount: opportunity.amount,
                        at: closedAt))
            }
        }
        return try await self.opportunity(opportunity.id)!
    }

    /// The opportunity with `id`, or `nil`.
    public func opportunity(_ id: ID<Opportunity>) async throws -> Stored<Opportunity>? {
        try await engine.read(Self.opportunity, id: id.rawValue).map {
            Stored(try Self.opportunityCoder.decode($0), record: $0)
        }
    }

    /// The opportunities of an account.
    public func opportunities(of account: ID<Organization>) async throws -> [Stored<Opportunity>] {
        try await engine.queryAll(
            RecordQuery(entity: Self.opportunity, filters: [.equals("account", .string(account.description))])
        ).map { Stored(try Self.opportunityCoder.decode($0), record: $0) }
    }

    /// Every opportunity, open and closed, in the order of their ids.
    public func allOpportunities() async throws -> [Stored<Opportunity>] {
        try await engine.queryAll(RecordQuery(entity: Self.opportunity)).map {
            Stored(try Self.opportunityCoder.decode($0), record: $0)
        }
    }

    /// Stores a new order.
    public func insert(_ order: Order, by principal: Principal) async throws -> Stored<Order> {
        _ = try await engine.commit(
            Transaction(principal: principal, operations: [try Self.orderWrite(order, expectedVersion: nil)]))
        if order.status == .placed, let placedAt = order.placedAt {
            await events.publish(
                OrderPlaced(orderID: order.id, accountID: order.accountID, net: order.net, at: placedAt))
        }
        return try await self.order(order.id)!
    }

    /// Replaces an order, if it is still at `expectedVersion`, and publishes its placing and returns.
    public func update(_ order: Order, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Order> {
        let before = try await self.order(order.id)?.value
        _ = try await engine.commit(
            Transaction(
                principal: principal, operations: [try Self.orderWrite(order, expectedVersion: expectedVersion)]))
        if before?.placedAt == nil, let placedAt = order.placedAt {
            await events.publish(
                OrderPlaced(orderID: order.id, accountID: order.accountID, net: order.net, at: placedAt))
        }
        let returnedBefore = before?.lines.reduce(Decimal(0)) { $0 + $1.returnedQuantity } ?? 0
        if order.lines.reduce(Decimal(0), { $0 + $1.returnedQuantity }) > returnedBefore {
            await events.publish(
                OrderReturned(orderID: order.id, remainingNet: order.net, isFullReturn: order.status == .returned))
        }
        return try await self.order(order.id)!
    }

    /// The order with `id`, or `nil`.
    public func order(_ id: ID<Order>) async throws -> Stored<Order>? {
        try await engine.read(Self.order, id: id.rawValue).map { Stored(try Self.orderCoder.decode($0), record: $0) }
    }

    /// The orders of an account, oldest first.
    public func orders(of account: ID<Organization>) async throws -> [Stored<Order>] {
        try await engine.queryAll(
            RecordQuery(entity: Self.order, filters: [.equals("account", .string(account.description))])
        ).map { Stored(try Self.orderCoder.decode($0), record: $0) }
    }

    /// Every order, in the order of their ids.
    public func allOrders() async throws -> [Stored<Order>] {
        try await engine.queryAll(RecordQuery(entity: Self.order)).map {
            Stored(try Self.orderCoder.decode($0), record: $0)
        }
    }

    static func orderWrite(_ order: Order, expectedVersion: UInt64?) throws -> WriteOperation {
        var values: IndexValues = ["status": .string(order.status.rawValue)]
        values["account"] = order.accountID.map { .string($0.description) }
        return try write(
            order, id: order.id.rawValue, coder: orderCoder, values: values, expectedVersion: expectedVersion)
    }

    static func leadWrite(_ lead: Lead, expectedVersion: UInt64?) throws -> WriteOperation {
        var values: IndexValues = ["status": .string(lead.status.rawValue)]
        values["owner"] = lead.owner.map { .string($0.id) }
        return try write(lead, id: lead.id.rawValue, coder: leadCoder, values: values, expectedVersion: expectedVersion)
    }

    static func opportunityWrite(_ opportunity: Opportunity, expectedVersion: UInt64?) throws -> WriteOperation {
        var values: IndexValues = ["owner": .string(opportunity.owner.id), "stage": .string(opportunity.stage)]
        values["account"] = opportunity.accountID.map { .string($0.description) }
        return try write(
            opportunity, id: opportunity.id.rawValue, coder: opportunityCoder, values: values,
            expectedVersion: expectedVersion)
    }

    /// The insert (without `expectedVersion`) or update of one record of `coder`'s entity.
    private static func write<Value: Codable>(
        _ value: Value, id: RecordID, coder: PayloadCoder<Value>, values: IndexValues, expectedVersion: UInt64?
    ) throws -> WriteOperation {
        let key = RecordKey(entity: coder.entity, id: id)
        let payload = try coder.encode(value)
        guard let expectedVersion else { return .insert(key, payload: payload, indexValues: values) }
        return .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
    }
}
