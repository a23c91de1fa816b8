import CRMContacts
import CRMCore
import CRMService
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Testing

/// The service kit fails stores that break a rule, so passing it means something.
@Suite struct KitCatchesBrokenServiceStoresTests {
    static func kit(_ defect: BrokenServiceStore.Defect) -> ServiceStoreConformance {
        ServiceStoreConformance(makeStore: {
            BrokenServiceStore(base: try await ServiceStoreTests.store(.inMemory), defect: defect)
        })
    }

    @Test func aStoreThatForgetsTheVersionCheckFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.ignoresVersions).check(.tickets) }
    }

    @Test func aStoreThatAlertsOnEveryRunFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.repeatsAlerts).check(.sla) }
    }

    @Test func aStoreThatFindsDraftsFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.searchesDrafts).check(.knowledge) }
    }

    @Test func aStoreThatForgetsTheRoundRobinTurnFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.forgetsTurns).check(.routing) }
    }

    @Test func aStoreThatKeepsOrphanResponsesFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.keepsOrphans).check(.satisfaction) }
    }
}

/// A service store with one deliberate defect, delegating everything else to a correct store.
struct BrokenServiceStore: ServiceStore {
    enum Defect {
        case ignoresVersions
        case repeatsAlerts
        case searchesDrafts
        case forgetsTurns
        case keepsOrphans
    }

    let base: EngineServiceStore
    let defect: Defect
    var events: EventBus { base.events }

    func insert(_ ticket: Ticket, by principal: Principal) async throws -> Stored<Ticket> {
        try await base.insert(ticket, by: principal)
    }

    func update(_ ticket: Ticket, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Ticket> {
        let version =
            defect == .ignoresVersions ? try await base.ticket(ticket.id)?.version ?? expectedVersion : expectedVersion
        return try await base.update(ticket, expectedVersion: version, by: principal)
    }

    func ticket(_ id: ID<Ticket>) async throws -> Stored<Ticket>? { try await base.ticket(id) }

    func tickets(of contact: ID<Contact>) async throws -> [Stored<Ticket>] { try await base.tickets(of: contact) }

    func activeTickets(in queue: ID<SupportQueue>?) async throws -> [Stored<Ticket>] {
        try await base.activeTickets(in: queue)
    }

    func tickets(in category: TicketStatus.Category) async throws -> [Stored<Ticket>] {
        try await base.tickets(in: category)
    }

    func merge(_ duplicate: ID<Ticket>, into survivor: ID<Ticket>, at now: Date, by principal: Principal) async throws
        -> Stored<Ticket>
    {
        try await base.merge(duplicate, into: survivor, at: now, by: principal)
    }

    func save(_ queue: SupportQueue, by principal: Principal) async throws {
        try await base.save(queue, by: principal)
    }

    func queue(_ id: ID<SupportQueue>) async throws -> SupportQueue? { try await base.queue(id) }

    func save(_ agent: Agent, by principal: Principal) async throws { try await base.save(agent, by: principal) }

    func agent(_ id: ID<Agent>) async throws -> Agent? { try await base.agent(id) }

    func route(_ ticket: ID<Ticket>, to queue: ID<SupportQueue>, at now: Date, by principal: Principal) async throws
        -> ID<Agent>
    {
        let before = try await base.queue(queue)
        let agent = try await base.route(ticket, to: queue, at: now, by: principal)
        if defect == .forgetsTurns, let before { try await base.save(before, by: principal) }
        return agent
    }

    func escalate(
        _ ticket: ID<Ticket>, to queue: ID<SupportQueue>, reason: String, at now: Date, by principal: Principal
    ) async throws -> Stored<Ticket> {
        try await base.escalate(ticket, to: queue, reason: reason, at: now, by: principal)
    }

    func runEscalations(_ policy: EscalationPolicy, at now: Date, by principal: Principal) async throws -> [ID<Ticket>]
    {
        try await base.runEscalations(policy, at: now, by: principal)
    }

    func save(_ policies: SLAPolicyCatalog, by principal: Principal) async throws {
        try await base.save(policies, by: principal)
    }

    func slaPolicies() async throws -> SLAPolicyCatalog? { try await base.slaPolicies() }

    func checkSLAs(at now: Date, by principal: Principal) async throws -> [any DomainEvent] {
        guard defect == .repeatsAlerts else { return try await base.checkSLAs(at: now, by: principal) }
        var published: [any DomainEvent] = []
        for stored in try await base.activeTickets(in: nil) {
            var ticket = stored.value
            for alert in try SLAAlerts.due(for: &ticket, at: now) {
                await events.publish(alert)
                published.append(alert)
            }
        }
        return published
    }

    func save(_ article: KnowledgeArticle, expectedVersion: UInt64?, by principal: Principal) async throws
        -> Stored<KnowledgeArticle>
    {
        try await base.save(article, expectedVersion: expectedVersion, by: principal)
    }

    func article(_ id: ID<KnowledgeArticle>) async throws -> Stored<KnowledgeArticle>? { try await base.article(id) }

    func searchArticles(_ text: String, limit: Int) async throws -> [KnowledgeSearchResult] {
        let found = try await base.searchArticles(text, limit: limit)
        guard defect == .searchesDrafts else { return found }
        return found + [KnowledgeSearchResult(articleID: ID(ServiceFixture.ids.next()), title: "Draft", score: 0)]
    }

    func record(_ response: SatisfactionResponse, by principal: Principal) async throws {
        guard defect == .keepsOrphans, try await base.ticket(response.ticketID) == nil else {
            return try await base.record(response, by: principal)
        }
        let madeUp = try Ticket(id: response.ticketID, subject: "Made up", channel: .web, at: response.at)
        _ = try await base.insert(madeUp, by: principal)
        try await base.record(response, by: principal)
    }

    func satisfaction(for ticket: ID<Ticket>) async throws -> [SatisfactionResponse] {
        try await base.satisfaction(for: ticket)
    }

    func satisfaction(from start: Date, to end: Date) async throws -> [SatisfactionResponse] {
        try await base.satisfaction(from: start, to: end)
    }
}
