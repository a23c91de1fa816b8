import CRMContacts
import CRMCore
import CRMService
import Foundation
import Testing

@Suite struct RoutingTests {
    let now = ServiceFixture.monday

    func agents(_ skills: [Set<String>], tier: Int = 1, capacity: Int = 5) throws -> [Agent] {
        try skills.enumerated().map { index, skills in
            try Agent(
                id: ID(ServiceFixture.ids.next()), principal: try Principal("agent:\(index)"), name: "Agent \(index)",
                skills: skills, tier: tier, capacity: capacity)
        }
    }

    func queue(_ agents: [Agent], routing: SupportQueue.Routing, tier: Int = 1) throws -> SupportQueue {
        try SupportQueue(
            id: ID(ServiceFixture.ids.next()), name: "First line", tier: tier, routing: routing,
            agentIDs: agents.map(\.id))
    }

    func byID(_ agents: [Agent]) -> [ID<Agent>: Agent] {
        Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0) })
    }

    @Test func roundRobinTakesEachAvailableAgentInTurn() throws {
        var team = try agents([[], [], []])
        team[1].isAvailable = false
        var queue = try queue(team, routing: .roundRobin)
        let picks = try (0..<4).map { _ in
            try TicketRouter.pick(for: ServiceFixture.ticket(), in: &queue, agents: byID(team), load: [:])
        }
        #expect(picks == [team[0].id, team[2].id, team[0].id, team[2].id])
    }

    @Test func leastBusyTakesTheFewestActiveTicketsAndRespectsCapacity() throws {
        let team = try agents([[], [], []], capacity: 3)
        var queue = try queue(team, routing: .leastBusy)
        let load = [team[0].id: 2, team[1].id: 1, team[2].id: 3]
        #expect(
            try TicketRouter.pick(for: ServiceFixture.ticket(), in: &queue, agents: byID(team), load: load)
                == team[1].id)
        let full = [team[0].id: 3, team[1].id: 3, team[2].id: 3]
        #expect(throws: RoutingError.noAvailableAgent(queue: queue.id, requiredSkills: [])) {
            try TicketRouter.pick(for: ServiceFixture.ticket(), in: &queue, agents: byID(team), load: full)
        }
    }

    @Test func skillsBasedNeedsEveryRequiredSkill() throws {
        let team = try agents([["german"], ["german", "billing"], ["billing"]])
        var queue = try queue(team, routing: .skillsBased)
        let ticket = ServiceFixture.ticket(skills: ["german", "billing"])
        #expect(try TicketRouter.pick(for: ticket, in: &queue, agents: byID(team), load: [:]) == team[1].id)
        let french = ServiceFixture.ticket(skills: ["french"])
        #expect(throws: RoutingError.noAvailableAgent(queue: queue.id, requiredSkills: ["french"])) {
            try TicketRouter.pick(for: french, in: &queue, agents: byID(team), load: [:])
        }
    }

    @Test func agentsBelowTheQueueTierDoNotTakeItsTickets() throws {
        let team = try agents([[]], tier: 1)
        var second = try queue(team, routing: .roundRobin, tier: 2)
        #expect(throws: RoutingError.self) {
            try TicketRouter.pick(for: ServiceFixture.ticket(), in: &second, agents: byID(team), load: [:])
        }
    }

    @Test func escalationGoesUpATierOrToASpecialistAndKeepsTheHistory() throws {
        let first = try queue([], routing: .roundRobin, tier: 1)
        let second = try queue([], routing: .roundRobin, tier: 2)
        var billing = try queue([], routing: .roundRobin, tier: 2)
        billing.isSpecialist = true
        var ticket = ServiceFixture.ticket()
        let agent = ID<Agent>(ServiceFixture.ids.next())
        try ticket.assign(to: first, agent: agent, at: now)
        try ticket.escalate(to: second, reason: "needs a product expert", at: now + 60)
        #expect(ticket.tier == 2 && ticket.assigneeID == nil && ticket.queueID == second.id)
        #expect(throws: TicketError.notAnEscalation(fromTier: 2, toTier: 1)) {
            try ticket.escalate(to: first, reason: "back", at: now)
        }
        try ticket.escalate(to: billing, reason: "refund", at: now + 120)
        #expect(ticket.assignments.map(\.tier) == [1, 2, 2])
        #expect(ticket.assignments.map(\.until) == [now + 60, now + 120, nil])
        #expect(ticket.assignments[0].agentID == agent)
        #expect(ticket.assignments[1].reason == "escalated: needs a product expert")
    }

    @Test func escalationRulesReadPriorityCategoryCustomerAndSLARisk() throws {
        let second = ID<SupportQueue>(ServiceFixture.ids.next())
        let specialists = ID<SupportQueue>(ServiceFixture.ids.next())
        let policy = EscalationPolicy([
            EscalationRule(
                name: "urgent enterprise", minimumPriority: .urgent, customerCategories: [.enterprise],
                targetQueueID: specialists),
            EscalationRule(name: "billing", categories: ["billing"], targetQueueID: specialists),
            EscalationRule(name: "resolution at risk", slaRisk: .atRisk, fromTiers: [1], targetQueueID: second),
        ])
        #expect(
            try policy.rule(for: ServiceFixture.ticket(priority: .urgent, category: .enterprise), at: now)?.name
                == "urgent enterprise")
        #expect(try policy.rule(for: ServiceFixture.ticket(priority: .urgent, category: .consumer), at: now) == nil)
        var billing = ServiceFixture.ticket()
        billing.category = "billing"
        #expect(try policy.rule(for: billing, at: now)?.name == "billing")
        let slow = ServiceFixture.ticket()
        #expect(try policy.rule(for: slow, at: now + ServiceFixture.hour) == nil)
        #expect(try policy.rule(for: slow, at: now + 3 * ServiceFixture.hour)?.name == "resolution at risk")
    }

    @Test func aRuleForOneTargetIgnoresTheOthers() throws {
        let second = ID<SupportQueue>(ServiceFixture.ids.next())
        let policy = EscalationPolicy([
            EscalationRule(name: "resolution at risk", slaRisk: .atRisk, slaTarget: .resolution, targetQueueID: second)
        ])
        let ticket = ServiceFixture.ticket()
        let hour = ServiceFixture.hour
        #expect(try policy.rule(for: ticket, at: now + 5 * hour) == nil, "only the first response is late")
        #expect(try policy.rule(for: ticket, at: now + 24 * hour + 5 * hour)?.name == "resolution at risk")
    }

    @Test func badAgentsAndQueuesNameTheirFields() throws {
        let agent = #expect(throws: ValidationError.self) {
            try Agent(
                id: ID(ServiceFixture.ids.next()), principal: ServiceFixture.agent, name: "", tier: 0, capacity: 0)
        }
        #expect(agent?.fields == ["name", "tier", "capacity"])
        let queue = #expect(throws: ValidationError.self) {
            try SupportQueue(id: ID(ServiceFixture.ids.next()), name: "Q", tier: 0)
        }
        #expect(queue?.fields == ["tier"])
    }
}
