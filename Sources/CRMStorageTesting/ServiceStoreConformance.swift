import CRMContacts
import CRMCore
public import CRMService
import Foundation
import Synchronization

/// The conformance kit's service area: the checks every `ServiceStore` passes.
///
/// ```swift
/// @Test func myServiceStoreConforms() async throws {
///     try await ServiceStoreConformance(makeStore: { try await MyServiceStore.empty() }).run()
/// }
/// ```
public struct ServiceStoreConformance: Sendable {
    /// Makes a fresh, empty store.
    public let makeStore: @Sendable () async throws -> any ServiceStore

    /// Creates the kit for a store.
    public init(makeStore: @escaping @Sendable () async throws -> any ServiceStore) {
        self.makeStore = makeStore
    }

    /// The areas of the service kit.
    public enum Area: String, CaseIterable, Sendable {
        /// Tickets, their versions, their lists and their merge.
        case tickets
        /// Routing within a queue and escalation with its event.
        case routing
        /// SLA policies and the alerts, each raised once.
        case sla
        /// Knowledge articles and their search.
        case knowledge
        /// Satisfaction responses.
        case satisfaction
    }

    /// Runs every area; throws a ``ConformanceReport`` of the failed ones.
    public func run() async throws {
        try await ConformanceReport.runAll(Area.allCases, check: check)
    }

    /// Runs the checks of one area; throws at the first failure.
    public func check(_ area: Area) async throws {
        switch area {
        case .tickets: try await checkTickets()
        case .routing: try await checkRouting()
        case .sla: try await checkSLA()
        case .knowledge: try await checkKnowledge()
        case .satisfaction: try await checkSatisfaction()
        }
    }

    /// Tickets read back as stored, refuse stale updates, are listed by contact, queue and status category,
    /// and merge in one step.
    public func checkTickets() async throws {
        let expect = Expect(area: "tickets")
        let store = try await makeStore()
        let contact = ID<Contact>(ContactKit.ids.next())
        var first = try ServiceKit.ticket(contact: contact)
        let saved = try await store.insert(first, by: ContactKit.user)
        try expect.equal(saved.version, 1, "a new ticket has version 1")
        try expect.equal(try await store.ticket(first.id)?.value, first, "a ticket reads back as stored")
        try first.addReply("On it", by: .agent(ContactKit.user), at: ContactKit.now + 60)
        _ = try await store.update(first, expectedVersion: 1, by: ContactKit.user)
        try await expect.error(.conflict, "an update from a stale version is refused") {
            try await store.update(first, expectedVersion: 1, by: ContactKit.user)
        }
        var second = try ServiceKit.ticket(contact: contact)
        try second.addReply("Same problem", by: .customer(contact), at: ContactKit.now + 120)
        _ = try await store.insert(second, by: ContactKit.user)
        try expect.equal(
            Set(try await store.tickets(of: contact).map(\.value.id)), [first.id, second.id],
            "tickets are listed by contact")
        try expect.equal(
            try await store.tickets(in: .open).map(\.value.id), [first.id], "tickets are listed by status category")
        let survivor = try await store.merge(second.id, into: first.id, at: ContactKit.now + 180, by: ContactKit.user)
        try expect.equal(survivor.value.messages.count, 2, "a merge moves the duplicate's conversation")
        try expect.equal(
            try await store.ticket(second.id)?.value.mergedInto, first.id, "a merged duplicate points to the survivor")
        try expect.equal(
            try await store.activeTickets(in: nil).map(\.value.id), [first.id], "a merged duplicate is not active")
    }

    /// Routing takes agents in turn across calls; escalation moves the ticket up, routes it and publishes one
    /// event; a missing queue changes nothing.
    public func checkRouting() async throws {
        let expect = Expect(area: "routing")
        let store = try await makeStore()
        let escalations = Mutex<[Int]>([])
        store.events.subscribe(TicketEscalated.self) { event in escalations.withLock { $0.append(event.toTier) } }
        let first = try Agent(id: ID(ContactKit.ids.next()), principal: ContactKit.user, name: "Ana")
        let second = try Agent(id: ID(ContactKit.ids.next()), principal: ContactKit.user, name: "Ben")
        let expert = try Agent(id: ID(ContactKit.ids.next()), principal: ContactKit.user, name: "Cy", tier: 2)
        for agent in [first, second, expert] { try await store.save(agent, by: ContactKit.user) }
        let line = try SupportQueue(id: ID(ContactKit.ids.next()), name: "First line", agentIDs: [first.id, second.id])
        let experts = try SupportQueue(id: ID(ContactKit.ids.next()), name: "Experts", tier: 2, agentIDs: [expert.id])
        try await store.save(line, by: ContactKit.user)
        try await store.save(experts, by: ContactKit.user)
        var picked: [ID<Agent>] = []
        var tickets: [Ticket] = []
        for _ in 0..<3 {
            let ticket = try ServiceKit.ticket()
            _ = try await store.insert(ticket, by: ContactKit.user)
            picked.append(try await store.route(ticket.id, to: line.id, at: ContactKit.now, by: ContactKit.user))
            tickets.append(ticket)
        }
        try expect.equal(picked, [first.id, second.id, first.id], "round robin continues across calls")
        try expect.equal(
            try await store.activeTickets(in: line.id).count, 3, "routed tickets are listed by their queue")
        let escalated = try await store.escalate(
            tickets[0].id, to: experts.id, reason: "expert needed", at: ContactKit.now + 60, by: ContactKit.user)
        try expect.equal(escalated.value.tier, 2, "escalation moves the ticket up a tier")
        try expect.equal(escalated.value.assigneeID, expert.id, "escalation routes within the new queue")
        try expect.equal(escalations.withLock { $0 }, [2], "one escalation event after the commit")
        let before = try await store.ticket(tickets[1].id)
        let missing = ID<SupportQueue>(ContactKit.ids.next())
        try await expect.error(.notFound, "routing to a missing queue is refused") {
            try await store.route(tickets[1].id, to: missing, at: ContactKit.now, by: ContactKit.user)
        }
        try expect.equal(
            try await store.ticket(tickets[1].id)?.version, before?.version, "a refused routing changes nothing")
    }

    /// SLA policies read back; alerts are recorded and published once each, in time order.
    public func checkSLA() async throws {
        let expect = Expect(area: "sla")
        let store = try await makeStore()
        try expect.equal(try await store.slaPolicies(), nil, "an empty store has no policies")
        try await store.save(ServiceKit.catalog, by: ContactKit.user)
        try expect.equal(try await store.slaPolicies(), ServiceKit.catalog, "policies read back as saved")
        let seen = Mutex<[String]>([])
        store.events.subscribe(TicketSLAAtRisk.self) { event in seen.withLock { $0.append("risk \(event.target)") } }
        store.events.subscribe(TicketSLABreached.self) { event in seen.withLock { $0.append("breach \(event.target)") }
        }
        let ticket = try ServiceKit.ticket()
        _ = try await store.insert(ticket, by: ContactKit.user)
        _ = try await store.checkSLAs(at: ContactKit.now + 2_700, by: ContactKit.user)
        _ = try await store.checkSLAs(at: ContactKit.now + 2_700, by: ContactKit.user)
        try expect.equal(seen.withLock { $0 }, ["risk firstResponse"], "an at-risk target is alerted once")
        _ = try await store.checkSLAs(at: ContactKit.now + 4_000, by: ContactKit.user)
        _ = try await store.checkSLAs(at: ContactKit.now + 5_000, by: ContactKit.user)
        try expect.equal(
            seen.withLock { $0 }, ["risk firstResponse", "breach firstResponse"], "a breach is alerted once")
        let stored = try await store.ticket(ticket.id)?.value
        try expect.equal(
            stored?.sla?.firstResponse?.alerted, [.atRisk, .breached], "alerts are recorded on the stored ticket")
    }

    /// Articles keep their versions, refuse stale saves, and only live ones are found.
    public func checkKnowledge() async throws {
        let expect = Expect(area: "knowledge")
        let store = try await makeStore()
        var live = try KnowledgeArticle(
            id: ID(ContactKit.ids.next()), title: "Resetting a password", body: "Choose Forgot password.",
            at: ContactKit.now)
        try live.publish(at: ContactKit.now)
        let draft = try KnowledgeArticle(
            id: ID(ContactKit.ids.next()), title: "Password rules", body: "Draft", at: ContactKit.now)
        let saved = try await store.save(live, expectedVersion: nil, by: ContactKit.user)
        _ = try await store.save(draft, expectedVersion: nil, by: ContactKit.user)
        try expect.equal(try await store.article(live.id)?.value, live, "an article reads back as saved")
        try expect.equal(
            try await store.searchArticles("password", limit: 10).map(\.articleID), [live.id],
            "search finds live articles only")
        try live.startDraft(at: ContactKit.now)
        _ = try await store.save(live, expectedVersion: saved.version, by: ContactKit.user)
        try await expect.error(.conflict, "a save from a stale version is refused") {
            try await store.save(live, expectedVersion: saved.version, by: ContactKit.user)
        }
    }

    /// Responses are listed by ticket and by period; a response to a missing ticket is refused.
    public func checkSatisfaction() async throws {
        let expect = Expect(area: "satisfaction")
        let store = try await makeStore()
        let ticket = try ServiceKit.ticket()
        _ = try await store.insert(ticket, by: ContactKit.user)
        let early = try SatisfactionResponse(
            id: ID(ContactKit.ids.next()), ticketID: ticket.id, score: .csat(5), at: ContactKit.now)
        let late = try SatisfactionResponse(
            id: ID(ContactKit.ids.next()), ticketID: ticket.id, score: .nps(9), at: ContactKit.now + 86_400)
        try await store.record(late, by: ContactKit.user)
        try await store.record(early, by: ContactKit.user)
        try expect.equal(
            try await store.satisfaction(for: ticket.id), [early, late], "responses by ticket, oldest first")
        try expect.equal(
            try await store.satisfaction(from: ContactKit.now, to: ContactKit.now + 86_400), [early],
            "a period includes its start and excludes its end")
        let orphan = try SatisfactionResponse(
            id: ID(ContactKit.ids.next()), ticketID: ID(ContactKit.ids.next()), score: .csat(1), at: ContactKit.now)
        try await expect.error(.notFound, "a response to a missing ticket is refused") {
            try await store.record(orphan, by: ContactKit.user)
        }
        try expect.equal(
            try await store.satisfaction(for: orphan.ticketID), [], "a refused response is not stored")
    }
}

/// The fixture of the service area: a 24x7 policy with a one-hour first response.
enum ServiceKit {
    static let policy = try! SLAPolicy(
        id: ID(ContactKit.ids.next()), name: "Kit 24x7", calendar: .alwaysOpen(),
        targets: [.normal: try! SLATargets(firstResponse: 3_600, resolution: 8 * 3_600)], isDefault: true)
    static let catalog = try! SLAPolicyCatalog([policy])

    static func ticket(contact: ID<Contact>? = nil) throws -> Ticket {
        try Ticket(
            id: ID(ContactKit.ids.next()), subject: "Printer on fire", contactID: contact, channel: .phone,
            at: ContactKit.now, slaPolicy: policy)
    }
}
