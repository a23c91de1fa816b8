import CRMContacts
import CRMCore
import CRMService
import Foundation
import Testing

/// SLA policies and clocks on the Berlin office calendar (Monday to Friday 09:00-17:00); the fixture's
/// Monday starts at 09:00.
@Suite struct SLATests {
    let monday = ServiceFixture.monday
    let hour = ServiceFixture.hour
    let sam = MessageAuthor.agent(ServiceFixture.agent)

    func state(_ ticket: Ticket, _ target: SLATarget, at now: Date) throws -> SLAState {
        try #require(try ticket.sla?.states(at: now).last { $0.target == target })
    }

    @Test func theFirstMatchingPolicyAppliesElseTheDefault() throws {
        #expect(ServiceFixture.ticket(category: .enterprise).sla?.policyName == "Enterprise 24x7")
        #expect(ServiceFixture.ticket(category: .consumer).sla?.policyName == "Standard")
        #expect(ServiceFixture.ticket().sla?.policyName == "Standard", "no category matches no condition")
    }

    @Test func policiesWithoutExactlyOneDefaultAreRefused() throws {
        let noDefault = #expect(throws: ValidationError.self) { try SLAPolicyCatalog([ServiceFixture.enterprise]) }
        #expect(noDefault?.fields == ["policies"])
        var second = ServiceFixture.enterprise
        second.isDefault = true
        #expect(throws: ValidationError.self) { try SLAPolicyCatalog([second, ServiceFixture.standard]) }
        let share = #expect(throws: ValidationError.self) {
            try SLAPolicy(
                id: ID(ServiceFixture.ids.next()), name: "", calendar: ServiceFixture.office, targets: [:],
                atRiskShare: 1.5)
        }
        #expect(Set(share?.fields ?? []) == ["name", "atRiskShare"])
        let targets = #expect(throws: ValidationError.self) { try SLATargets(firstResponse: 0, resolution: -5) }
        #expect(targets?.fields == ["firstResponse", "resolution"])
    }

    @Test func dueDatesAreInWorkingTime() throws {
        let ticket = ServiceFixture.ticket(at: monday + 6 * hour)
        let first = try state(ticket, .firstResponse, at: monday + 6 * hour)
        #expect(first.dueAt == monday + 24 * hour + 2 * hour, "2 h on Monday, 2 h on Tuesday")
        #expect(first.status == .due)
        let resolution = try state(ticket, .resolution, at: monday + 6 * hour)
        #expect(resolution.dueAt == monday + 48 * hour + 6 * hour, "16 working hours: Monday 2, Tuesday 8, Wednesday 6")
    }

    @Test func targetsAreDueThenAtRiskThenBreached() throws {
        let ticket = ServiceFixture.ticket()
        #expect(try state(ticket, .firstResponse, at: monday + 2 * hour).status == .due)
        #expect(try state(ticket, .firstResponse, at: monday + 3 * hour).status == .atRisk, "75 % of 4 h")
        #expect(try state(ticket, .firstResponse, at: monday + 4 * hour).status == .atRisk, "due at the instant")
        let late = try state(ticket, .firstResponse, at: monday + 5 * hour)
        #expect(late.status == .breached && late.breachedAt == monday + 4 * hour)
        #expect(late.remaining == -hour)
    }

    @Test func theMostUrgentStateIsTheOneToLookAt() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.setStatus(.waitingOnCustomer, at: monday + hour)
        #expect(try ticket.sla?.mostUrgentState(at: monday + 2 * hour)?.target == .firstResponse)
        #expect(try ticket.sla?.mostUrgentState(at: monday + 2 * hour)?.status == .due)
        #expect(SLAStatus.mostUrgent([.met, .paused, .breached, .atRisk]) == .breached)
        #expect(SLAStatus.mostUrgent([]) == nil)
    }

    @Test func theFirstResponseStopsTheClockMetOrBreached() throws {
        var onTime = ServiceFixture.ticket()
        try onTime.addReply("Hello", by: sam, at: monday + hour)
        #expect(try state(onTime, .firstResponse, at: monday + 10 * hour).status == .met)
        var late = ServiceFixture.ticket()
        try late.addReply("Sorry", by: sam, at: monday + 5 * hour)
        let breached = try state(late, .firstResponse, at: monday + 10 * hour)
        #expect(breached.status == .breached && breached.breachedAt == monday + 4 * hour)
    }

    @Test func waitingPausesResolutionButNotFirstResponse() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.setStatus(.waitingOnCustomer, at: monday + hour)
        let paused = try state(ticket, .resolution, at: monday + 5 * hour)
        #expect(paused.status == .paused && paused.used == hour && paused.dueAt == nil)
        #expect(paused.paused == 4 * hour)
        #expect(try state(ticket, .firstResponse, at: monday + 5 * hour).status == .breached, "never pauses")
        try ticket.addReply("Here is the invoice", by: .customer(nil), at: monday + 5 * hour)
        let resumed = try state(ticket, .resolution, at: monday + 5 * hour)
        #expect(resumed.status == .due && resumed.used == hour)
        #expect(resumed.dueAt == monday + 48 * hour + 4 * hour, "15 h left: 3 on Monday, 8 on Tuesday, 4 on Wednesday")
        #expect(ticket.sla?.resolution?.pauses == [DateInterval(start: monday + hour, end: monday + 5 * hour)])
    }

    @Test func aNextResponseIsDueAfterEachCustomerMessage() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.addReply("Hello", by: sam, at: monday + hour)
        try ticket.addReply("Thanks, but…", by: .customer(nil), at: monday + 2 * hour)
        let next = try state(ticket, .nextResponse, at: monday + 2 * hour)
        #expect(next.dueAt == monday + 24 * hour + 2 * hour, "8 working hours")
        try ticket.addReply("And another thing", by: .customer(nil), at: monday + 3 * hour)
        #expect(ticket.sla?.nextResponses.count == 1, "one clock until an agent answers")
        try ticket.addReply("Done", by: sam, at: monday + 4 * hour)
        #expect(try state(ticket, .nextResponse, at: monday + 4 * hour).status == .met)
    }

    @Test func resolvingStopsAndReopeningResumesTheResolutionClock() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.resolve(at: monday + 2 * hour)
        #expect(try state(ticket, .resolution, at: monday + 30 * hour).status == .met)
        try ticket.reopen(at: monday + 24 * hour)
        let reopened = try state(ticket, .resolution, at: monday + 24 * hour)
        #expect(reopened.used == 2 * hour && reopened.status == .due)
    }

    @Test func aPriorityChangeRetargetsRunningClocks() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.changePriority(to: .urgent)
        #expect(try state(ticket, .firstResponse, at: monday).dueAt == monday + hour)
        #expect(try state(ticket, .resolution, at: monday).goal == 4 * hour)
    }

    @Test func the24x7PolicyCountsNightsAndWeekends() throws {
        let ticket = ServiceFixture.ticket(category: .enterprise, at: monday + 4 * 24 * hour + 10 * hour)
        let first = try state(ticket, .firstResponse, at: monday + 4 * 24 * hour + 10 * hour)
        #expect(first.dueAt == monday + 4 * 24 * hour + 11 * hour, "Friday 19:00 plus one hour")
    }

    @Test func alertsAreRaisedOncePerClock() throws {
        var ticket = ServiceFixture.ticket()
        #expect(try SLAAlerts.due(for: &ticket, at: monday + hour).isEmpty)
        let risk = try SLAAlerts.due(for: &ticket, at: monday + 3 * hour)
        #expect(risk.compactMap { $0 as? TicketSLAAtRisk }.map(\.target) == [.firstResponse])
        #expect(try SLAAlerts.due(for: &ticket, at: monday + 3 * hour).isEmpty, "raised once")
        let breach = try SLAAlerts.due(for: &ticket, at: monday + 5 * hour)
        #expect(breach.compactMap { $0 as? TicketSLABreached }.map(\.breachedAt) == [monday + 4 * hour])
        #expect(try SLAAlerts.due(for: &ticket, at: monday + 6 * hour).isEmpty)
    }
}
