public import CRMCore
public import Foundation

extension EngineServiceStore {
    /// Stores a queue, or replaces it.
    public func save(_ queue: SupportQueue, by principal: Principal) async throws {
        let key = RecordKey(entity: Self.queue, id: queue.id.rawValue)
        let write = try await engine.upsert(key, payload: try Self.queueCoder.encode(queue))
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    /// The queue with `id`, or `nil`.
    public func queue(_ id: ID<SupportQueue>) async throws -> SupportQueue? {
        try await engine.read(Self.queue, id: id.rawValue).map { try Self.queueCoder.decode($0) }
    }

    /// Stores an agent, or replaces them.
    public func save(_ agent: Agent, by principal: Principal) async throws {
        let key = RecordKey(entity: Self.agent, id: agent.id.rawValue)
        let write = try await engine.upsert(key, payload: try Self.agentCoder.encode(agent))
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    /// The agent with `id`, or `nil`.
    public func agent(_ id: ID<Agent>) async throws -> Agent? {
        try await engine.read(Self.agent, id: id.rawValue).map { try Self.agentCoder.decode($0) }
    }

    /// Routes the ticket within `queue`: the queue's turn and the ticket change in one transaction, at the
    /// versions read, so two concurrent routings cannot both take the same turn.
    public func route(_ ticket: ID<Ticket>, to queue: ID<SupportQueue>, at now: Date, by principal: Principal)
        async throws -> ID<Agent>
    {
        var stored = try await existingTicket(ticket)
        let (agentID, operations) = try await routing(&stored.value, to: queue, reason: "routed", at: now)
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: operations + [try Self.ticketWrite(stored.value, expectedVersion: stored.version)]))
        return agentID
    }

    /// Escalates the ticket to `queue` and routes it there in one transaction, then publishes
    /// ``TicketEscalated``.
    public func escalate(
        _ ticket: ID<Ticket>, to queue: ID<SupportQueue>, reason: String, at now: Date, by principal: Principal
    ) async throws -> Stored<Ticket> {
        let stored = try await existingTicket(ticket)
        var escalated = stored.value
        guard let target = try await self.queue(queue) else { throw Self.missingQueue(queue) }
        try escalated.escalate(to: target, reason: reason, at: now)
        let (_, operations) = try await routing(&escalated, to: queue, reason: "escalated: \(reason)", at: now)
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: operations + [try Self.ticketWrite(escalated, expectedVersion: stored.version)]))
        await publishEscalation(from: stored.value, to: escalated)
        return try await self.ticket(ticket)!
    }

    /// Escalates every active ticket that a rule of `policy` sends elsewhere at `now`.
    public func runEscalations(_ policy: EscalationPolicy, at now: Date, by principal: Principal) async throws
        -> [ID<Ticket>]
    {
        var escalated: [ID<Ticket>] = []
        for stored in try await activeTickets(in: nil) {
            guard let rule = try policy.rule(for: stored.value, at: now),
                let target = try await queue(rule.targetQueueID),
                target.tier > stored.value.tier || target.isSpecialist
            else { continue }
            _ = try await escalate(stored.value.id, to: target.id, reason: rule.name, at: now, by: principal)
            escalated.append(stored.value.id)
        }
        return escalated
    }

    /// Picks the agent of `queue` for `ticket` and assigns it; returns the agent and the write of the queue's
    /// new turn.
    private func routing(_ ticket: inout Ticket, to queueID: ID<SupportQueue>, reason: String, at now: Date)
        async throws -> (ID<Agent>, [WriteOperation])
    {
        guard let queueRecord = try await engine.read(Self.queue, id: queueID.rawValue) else {
            throw Self.missingQueue(queueID)
        }
        var queue = try Self.queueCoder.decode(queueRecord)
        let members = try await engine.read(Self.agent, ids: queue.agentIDs.map(\.rawValue))
        var agents: [ID<Agent>: Agent] = [:]
        for record in members {
            let agent = try Self.agentCoder.decode(record)
            agents[agent.id] = agent
        }
        var load: [ID<Agent>: Int] = [:]
        for id in agents.keys {
            load[id] = try await engine.queryAll(
                RecordQuery(
                    entity: Self.ticket,
                    filters: [.equals("assignee", .string(id.description)), .equals("active", .bool(true))])
            ).count
        }
        let agentID = try TicketRouter.pick(for: ticket, in: &queue, agents: agents, load: load)
        if ticket.queueID == queue.id && ticket.assigneeID == nil {
            ticket.giveCurrentAssignment(to: agentID)
        } else {
            try ticket.assign(to: queue, agent: agentID, reason: reason, at: now)
        }
        let write = WriteOperation.update(
            queueRecord.key, payload: try Self.queueCoder.encode(queue), indexValues: queueRecord.indexValues,
            expectedVersion: queueRecord.version)
        return (agentID, [write])
    }

    static func missingQueue(_ id: ID<SupportQueue>) -> StorageError {
        StorageError(.notFound, entity: queue, id: id.rawValue, message: "no such queue")
    }
}
