public import CRMCore
public import Foundation

/// The service-level agreement on one ticket: the terms of the policy that applied when it was opened, and
/// a clock per promised target.
///
/// The terms are a copy, so changing a policy later moves no deadline of a ticket already open.
public struct TicketSLA: Hashable, Sendable, Codable {
    /// The policy that applied.
    public let policyID: CRMCore.ID<SLAPolicy>
    /// Its name then.
    public let policyName: String
    /// The working time the clocks count.
    public let calendar: BusinessCalendar
    /// The targets of every priority, so a change of priority can retarget the clocks.
    public let targetsByPriority: [TicketPriority: SLATargets]
    /// The share of a target after which it is at risk.
    public let atRiskShare: Double
    /// The first-response clock.
    public internal(set) var firstResponse: SLAClock?
    /// The clock of each next response, oldest first; the last one may be running.
    public internal(set) var nextResponses: [SLAClock] = []
    /// The resolution clock.
    public internal(set) var resolution: SLAClock?

    /// Applies `policy` to a ticket of `priority` opened at `now`: the first-response and resolution clocks
    /// start.
    init(policy: SLAPolicy, priority: TicketPriority, at now: Date) {
        policyID = policy.id
        policyName = policy.name
        calendar = policy.calendar
        targetsByPriority = policy.targets
        atRiskShare = policy.atRiskShare
        let targets = policy.targets[priority]
        firstResponse = targets?.firstResponse.map { SLAClock(target: .firstResponse, goal: $0, at: now) }
        resolution = targets?.resolution.map { SLAClock(target: .resolution, goal: $0, at: now) }
    }

    /// Every clock, the first response first.
    public var clocks: [SLAClock] { [firstResponse].compactMap { $0 } + nextResponses + [resolution].compactMap { $0 } }

    /// The state of every clock at `now`.
    public func states(at now: Date) throws(BusinessCalendarError) -> [SLAState] {
        var states: [SLAState] = []
        states.reserveCapacity(2 + nextResponses.count)
        if let firstResponse {
            states.append(try firstResponse.state(at: now, calendar: calendar, atRiskShare: atRiskShare))
        }
        for clock in nextResponses {
            states.append(try clock.state(at: now, calendar: calendar, atRiskShare: atRiskShare))
        }
        if let resolution { states.append(try resolution.state(at: now, calendar: calendar, atRiskShare: atRiskShare)) }
        return states
    }

    /// The state of the clock that needs attention first at `now` (see ``SLAStatus/mostUrgent(_:)``).
    public func mostUrgentState(at now: Date) throws(BusinessCalendarError) -> SLAState? {
        let states = try states(at: now)
        let status = SLAStatus.mostUrgent(states.map(\.status))
        return states.first { $0.status == status }
    }

    /// An agent answered publicly at `now`: the first-response clock and a running next-response clock stop.
    mutating func agentReplied(at now: Date) throws(BusinessCalendarError) {
        try firstResponse?.stop(at: now, calendar: calendar)
        if let last = nextResponses.indices.last { try nextResponses[last].stop(at: now, calendar: calendar) }
    }

    /// The customer wrote at `now`: once the first response was given, a next-response clock starts unless
    /// one is already running.
    mutating func customerWrote(at now: Date, priority: TicketPriority) {
        guard firstResponse?.isStopped ?? true, nextResponses.last?.isStopped ?? true,
            let goal = targetsByPriority[priority]?.nextResponse
        else { return }
        nextResponses.append(SLAClock(target: .nextResponse, goal: goal, at: now))
    }

    /// The ticket's status category changed at `now`: waiting pauses the resolution clock, work resumes it,
    /// resolving or closing stops it and reopening lets it run again with the time used so far.
    mutating func statusChanged(to category: TicketStatus.Category, at now: Date) throws(BusinessCalendarError) {
        switch category {
        case .waitingOnCustomer, .waitingOnThirdParty: try resolution?.pause(at: now, calendar: calendar)
        case .new, .open: resolution?.resume(at: now)
        case .resolved, .closed: try resolution?.stop(at: now, calendar: calendar)
        }
        if category == .closed {
            try firstResponse?.stop(at: now, calendar: calendar)
            if let last = nextResponses.indices.last { try nextResponses[last].stop(at: now, calendar: calendar) }
        }
    }

    /// The ticket's priority changed: unfinished clocks take the new priority's goals.
    mutating func priorityChanged(to priority: TicketPriority) {
        let targets = targetsByPriority[priority]
        if firstResponse?.isStopped == false, let goal = targets?.firstResponse { firstResponse?.retarget(goal) }
        if resolution?.isStopped == false, let goal = targets?.resolution { resolution?.retarget(goal) }
        if let last = nextResponses.indices.last, !nextResponses[last].isStopped, let goal = targets?.nextResponse {
            nextResponses[last].retarget(goal)
        }
    }

    /// Records an alert on the clock at `index` of ``clocks``.
    mutating func recordAlert(_ status: SLAStatus, onClockAt index: Int, breachedAt: Date?) {
        var position = index
        if firstResponse != nil {
            if position == 0 { return firstResponse!.recordAlert(status, breachedAt: breachedAt) }
            position -= 1
        }
        if position < nextResponses.count {
            return nextResponses[position].recordAlert(status, breachedAt: breachedAt)
        }
        resolution?.recordAlert(status, breachedAt: breachedAt)
    }
}
