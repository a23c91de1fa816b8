public import CRMContacts
public import CRMCore
public import Foundation

/// The ``ServiceStore`` over any `StorageEngine`, sharing the engine of an `EngineContactStore`, so that a
/// ticket can be written in one transaction with the contacts it concerns.
///
/// ```swift
/// let contacts = try await EngineContactStore(engine: try await FileEngine.open(at: path))
/// let service = try await EngineServiceStore(contacts: contacts)
/// let saved = try await service.insert(ticket, by: agent)
/// let agentID = try await service.route(ticket.id, to: firstLine.id, at: clock.now(), by: agent)
/// ```
///
/// Tickets are indexed by status category, activity, queue, assignee, contact and organization, so the
/// help desk's lists are index lookups.
public struct EngineServiceStore: ServiceStore {
    /// The contact store on the same engine.
    public let contacts: EngineContactStore
    /// The bus service events are published on.
    public let events: EventBus

    static let ticket = "crm.ticket"
    static let queue = "crm.supportQueue"
    static let agent = "crm.agent"
    static let slaPolicies = "crm.slaPolicies"
    static let article = "crm.knowledgeArticle"
    static let satisfaction = "crm.satisfactionResponse"
    static let schemas: [EntitySchema] = [
        try! EntitySchema(
            name: ticket,
            indexes: [
                IndexDefinition("category"), IndexDefinition("active"), IndexDefinition("queue"),
                IndexDefinition("assignee"), IndexDefinition("contact"), IndexDefinition("organization"),
            ]),
        try! EntitySchema(name: queue),
        try! EntitySchema(name: agent),
        try! EntitySchema(name: slaPolicies),
        try! EntitySchema(name: article, indexes: [IndexDefinition("live")]),
        try! EntitySchema(name: satisfaction, indexes: [IndexDefinition("ticket"), IndexDefinition("at")]),
    ]
    static let ticketCoder = PayloadCoder<Ticket>(entity: ticket)
    static let queueCoder = PayloadCoder<SupportQueue>(entity: queue)
    static let agentCoder = PayloadCoder<Agent>(entity: agent)
    static let slaPoliciesCoder = PayloadCoder<SLAPolicyCatalog>(entity: slaPolicies)
    static let articleCoder = PayloadCoder<KnowledgeArticle>(entity: article)
    static let satisfactionCoder = PayloadCoder<SatisfactionResponse>(entity: satisfaction)
    /// The one record that holds the SLA policies.
    static let slaPoliciesKey = RecordKey(entity: slaPolicies, id: RecordID(high: 0, low: 1))

    var engine: any StorageEngine { contacts.engine }

    /// Creates the store over the contact store's engine and registers its schemas.
    public init(contacts: EngineContactStore, events: EventBus = EventBus()) async throws {
        self.contacts = contacts
        self.events = events
        try await contacts.engine.register(Self.schemas)
    }

    /// Stores a new ticket.
    public func insert(_ ticket: Ticket, by principal: Principal) async throws -> Stored<Ticket> {
        _ = try await engine.commit(
            Transaction(principal: principal, operations: [try Self.ticketWrite(ticket, expectedVersion: nil)]))
        return try await self.ticket(ticket.id)!
    }

    /// Replaces a ticket, if it is still at `expectedVersion`, and publishes its escalation.
    public func update(_ ticket: Ticket, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Ticket>
    {
        let before = try await self.ticket(ticket.id)?.value
        _ = try await engine.commit(
            Transaction(
                principal: principal, operations: [try Self.ticketWrite(ticket, expectedVersion: expectedVersion)]))
        if let before { await publishEscalation(from: before, to: ticket) }
        return try await self.ticket(ticket.id)!
    }

    /// The ticket with `id`, or `nil`.
    public func ticket(_ id: ID<Ticket>) async throws -> Stored<Ticket>? {
        try await engine.read(Self.ticket, id: id.rawValue).map { Stored(try Self.ticketCoder.decode($0), record: $0) }
    }

    /// The tickets of a contact, oldest first.
    public func tickets(of contact: ID<Contact>) async throws -> [Stored<Ticket>] {
        try await tickets(where: [.equals("contact", .string(contact.description))])
    }

    /// The active tickets, oldest first; in one queue when given.
    public func activeTickets(in queue: ID<SupportQueue>?) async throws -> [Stored<Ticket>] {
        var filters: [QueryFilter] = [.equals("active", .bool(true))]
        if let queue { filters.append(.equals("queue", .string(queue.description))) }
        return try await tickets(where: filters)
    }

    /// The tickets with a status of `category`, oldest first.
    public func tickets(in category: TicketStatus.Category) async throws -> [Stored<Ticket>] {
        try await tickets(where: [.equals("category", .string(category.rawValue))])
    }

    /// Merges `duplicate` into `survivor` in one transaction, each at the version read.
    public func merge(_ duplicate: ID<Ticket>, into survivor: ID<Ticket>, at now: Date, by principal: Principal)
        async throws -> Stored<Ticket>
    {
        var kept = try await existingTicket(survivor)
        var merged = try await existingTicket(duplicate)
        try kept.value.merge(&merged.value, at: now)
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: [
                    try Self.ticketWrite(kept.value, expectedVersion: kept.version),
                    try Self.ticketWrite(merged.value, expectedVersion: merged.version),
                ]))
        return try await ticket(survivor)!
    }

    func tickets(where filters: [QueryFilter]) async throws -> [Stored<Ticket>] {
        try await engine.queryAll(RecordQuery(entity: Self.ticket, filters: filters)).map {
            Stored(try Self.ticketCoder.decode($0), record: $0)
        }
    }

    /// The stored ticket, or a `notFound` error naming it.
    func existingTicket(_ id: ID<Ticket>) async throws -> Stored<Ticket> {
        guard let stored = try await ticket(id) else {
            throw StorageError(.notFound, entity: Self.ticket, id: id.rawValue, message: "no such ticket")
        }
        return stored
    }

    func publishEscalation(from before: Ticket, to after: Ticket) async {
        guard let queue = after.queueID, after.assignments.count > before.assignments.count,
            let last = after.assignments.last, last.reason.hasPrefix("escalated: ")
        else { return }
        await events.publish(
            TicketEscalated(
                ticketID: after.id, fromTier: before.tier, queueID: queue, toTier: after.tier,
                reason: String(last.reason.dropFirst("escalated: ".count))))
    }

    static func ticketWrite(_ ticket: Ticket, expectedVersion: UInt64?) throws -> WriteOperation {
        var values: IndexValues = [
            "category": .string(ticket.status.category.rawValue), "active": .bool(ticket.isActive),
        ]
        values["queue"] = ticket.queueID.map { .string($0.description) }
        values["assignee"] = ticket.assigneeID.map { .string($0.description) }
        values["contact"] = ticket.contactID.map { .string($0.description) }
        values["organization"] = ticket.organizationID.map { .string($0.description) }
        return try write(
            ticket, key: RecordKey(entity: Self.ticket, id: ticket.id.rawValue), coder: ticketCoder, values: values,
            expectedVersion: expectedVersion)
    }

    /// The insert (without `expectedVersion`) or update of one record.
    static func write<Value: Codable>(
        _ value: Value, key: RecordKey, coder: PayloadCoder<Value>, values: IndexValues, expectedVersion: UInt64?
    ) throws -> WriteOperation {
        let payload = try coder.encode(value)
        guard let expectedVersion else { return .insert(key, payload: payload, indexValues: values) }
        return .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
    }
}
