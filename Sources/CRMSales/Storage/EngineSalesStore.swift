public import CRMContacts
public import CRMCore

/// The ``SalesStore`` over any `StorageEngine`, sharing the engine of an `EngineContactStore`.
public struct EngineSalesStore: SalesStore {
    /// The contact store on the same engine.
    public let contacts: EngineContactStore
    /// The source of ids for records a conversion creates.
    public let ids: any IDGenerator

    static let lead = "crm.lead"
    static let pipeline = "crm.pipeline"
    static let opportunity = "crm.opportunity"
    static let schemas: [EntitySchema] = [
        try! EntitySchema(name: lead, indexes: [IndexDefinition("status"), IndexDefinition("owner")]),
        try! EntitySchema(name: pipeline),
        try! EntitySchema(
            name: opportunity,
            indexes: [IndexDefinition("account"), IndexDefinition("owner"), IndexDefinition("stage")]),
    ]
    static let leadCoder = PayloadCoder<Lead>(entity: lead)
    static let pipelineCoder = PayloadCoder<Pipeline>(entity: pipeline)
    static let opportunityCoder = PayloadCoder<Opportunity>(entity: opportunity)

    private var engine: any StorageEngine { contacts.engine }

    /// Creates the store over the contact store's engine and registers its schemas.
    public init(contacts: EngineContactStore, ids: any IDGenerator = ULIDGenerator()) async throws {
        self.contacts = contacts
        self.ids = ids
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
        let key = RecordKey(entity: Self.pipeline, id: pipeline.id.rawValue)
        let payload = try Self.pipelineCoder.encode(pipeline)
        let write: WriteOperation =
            try await engine.read(Self.pipeline, id: pipeline.id.rawValue) == nil
            ? .insert(key, payload: payload) : .update(key, payload: payload, expectedVersion: nil)
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

    /// Replaces an opportunity, if it is still at `expectedVersion`.
    public func update(_ opportunity: Opportunity, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Opportunity>
    {
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: [try Self.opportunityWrite(opportunity, expectedVersion: expectedVersion)]))
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

    static func leadWrite(_ lead: Lead, expectedVersion: UInt64?) throws -> WriteOperation {
        let key = RecordKey(entity: Self.lead, id: lead.id.rawValue)
        var values: IndexValues = ["status": .string(lead.status.rawValue)]
        values["owner"] = lead.owner.map { .string($0.id) }
        let payload = try leadCoder.encode(lead)
        guard let expectedVersion else { return .insert(key, payload: payload, indexValues: values) }
        return .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
    }

    static func opportunityWrite(_ opportunity: Opportunity, expectedVersion: UInt64?) throws -> WriteOperation {
        let key = RecordKey(entity: Self.opportunity, id: opportunity.id.rawValue)
        var values: IndexValues = ["owner": .string(opportunity.owner.id), "stage": .string(opportunity.stage)]
        values["account"] = opportunity.accountID.map { .string($0.description) }
        let payload = try opportunityCoder.encode(opportunity)
        guard let expectedVersion else { return .insert(key, payload: payload, indexValues: values) }
        return .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
    }
}
