public import CRMCore
public import Foundation

/// Where a target stands at one instant.
public enum SLAStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Running, with less than the at-risk share of its time used.
    case due
    /// Running, past the at-risk share but not yet past the target.
    case atRisk
    /// Past the target: running late, or stopped late.
    case breached
    /// Standing still while the ticket waits on the customer or a third party.
    case paused
    /// Stopped within the target.
    case met

    /// The status that needs attention first among `statuses`: breached, then at risk, due, paused, met.
    public static func mostUrgent(_ statuses: some Sequence<SLAStatus>) -> SLAStatus? {
        let order: [SLAStatus] = [.breached, .atRisk, .due, .paused, .met]
        return statuses.min { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
    }
}

/// The clock of one target on one ticket: how much working time it has used, whether it runs, and the
/// wall-clock time it stood paused.
///
/// A clock only records its runs; its due date and status follow from them and the calendar
/// (``state(at:calendar:atRiskShare:)``), so they are never stale.
public struct SLAClock: Hashable, Sendable, Codable {
    /// The promise it measures.
    public let target: SLATarget
    /// The working time allowed, in seconds.
    public private(set) var goal: TimeInterval
    /// When it started.
    public let startedAt: Date
    /// Working time used by runs that ended, in seconds.
    public private(set) var usedBeforeRun: TimeInterval = 0
    /// When the current run started; `nil` while paused or stopped.
    public private(set) var runningSince: Date?
    /// Since when it is paused.
    public private(set) var pausedSince: Date?
    /// Every pause that ended, as wall-clock intervals.
    public private(set) var pauses: [DateInterval] = []
    /// When it stopped for good (the response was made, the ticket resolved).
    public private(set) var stoppedAt: Date?
    /// When it went past its goal, once known (the run that crossed it ended, or an alert was raised).
    public private(set) var breachedAt: Date?
    /// The alerts already raised for it, so that each is raised once.
    public internal(set) var alerted: Set<SLAStatus> = []

    /// Starts a clock at `now`.
    init(target: SLATarget, goal: TimeInterval, at now: Date) {
        self.target = target
        self.goal = goal
        self.startedAt = now
        self.runningSince = now
    }

    /// Whether it still counts.
    public var isRunning: Bool { runningSince != nil }

    /// Whether it stopped for good.
    public var isStopped: Bool { stoppedAt != nil }

    /// How the promise ended once the clock stopped: ``SLAStatus/met`` within the goal, else
    /// ``SLAStatus/breached``; `nil` while it still counts or stands paused.
    public var outcome: SLAStatus? {
        guard isStopped else { return nil }
        return usedBeforeRun > goal ? .breached : .met
    }

    /// Ends the current run at `now`, adding its working time.
    private mutating func endRun(at now: Date, calendar: BusinessCalendar) throws(BusinessCalendarError) {
        guard let since = runningSince else { return }
        let run = try calendar.workingDuration(from: since, to: max(since, now))
        if breachedAt == nil && usedBeforeRun + run > goal {
            breachedAt = try calendar.adding(goal - usedBeforeRun, to: since)
        }
        usedBeforeRun += run
        runningSince = nil
    }

    /// Stands the clock still at `now`; a paused or stopped clock is left as it is.
    mutating func pause(at now: Date, calendar: BusinessCalendar) throws(BusinessCalendarError) {
        guard isRunning else { return }
        try endRun(at: now, calendar: calendar)
        pausedSince = now
    }

    /// Lets a paused or stopped clock run again from `now`, recording the pause.
    mutating func resume(at now: Date) {
        guard !isRunning else { return }
        if let since = pausedSince { pauses.append(DateInterval(start: since, end: max(since, now))) }
        pausedSince = nil
        stoppedAt = nil
        runningSince = now
    }

    /// Stops the clock for good at `now`: the promise was kept or broken.
    mutating func stop(at now: Date, calendar: BusinessCalendar) throws(BusinessCalendarError) {
        guard !isStopped else { return }
        try endRun(at: now, calendar: calendar)
        if let since = pausedSince { pauses.append(DateInterval(start: since, end: max(since, now))) }
        pausedSince = nil
        stoppedAt = now
    }

    /// Gives the clock a new goal, as when the ticket's priority changes; the time used stays.
    mutating func retarget(_ newGoal: TimeInterval) {
        goal = newGoal
        if usedBeforeRun <= newGoal { breachedAt = nil }
    }

    /// Records that an alert was raised, and the breach instant when the alert is a breach.
    mutating func recordAlert(_ status: SLAStatus, breachedAt instant: Date?) {
        alerted.insert(status)
        if status == .breached, breachedAt == nil { breachedAt = instant }
    }

    /// The clock's due date, status, used and paused time at `now`.
    public func state(at now: Date, calendar: BusinessCalendar, atRiskShare: Double) throws(BusinessCalendarError)
        -> SLAState
    {
        let pausedNow = pausedSince.map { max(0, now.timeIntervalSince($0)) } ?? 0
        let paused = pauses.reduce(pausedNow) { $0 + $1.duration }
        guard let since = runningSince else {
            let status = outcome ?? (usedBeforeRun > goal ? .breached : .paused)
            return SLAState(
                target: target, status: status, dueAt: nil, breachedAt: breachedAt, used: usedBeforeRun, goal: goal,
                paused: paused)
        }
        let remaining = goal - usedBeforeRun
        let walk = try calendar.progress(
            from: since, reaching: goal * atRiskShare - usedBeforeRun, and: remaining, until: max(since, now))
        let dueAt = remaining > 0 ? walk.second : breachedAt
        let used = usedBeforeRun + walk.elapsed
        let status: SLAStatus
        if remaining <= 0 || (dueAt.map { now > $0 } ?? true) {
            status = .breached
        } else {
            status = now >= walk.first ? .atRisk : .due
        }
        return SLAState(
            target: target, status: status, dueAt: dueAt, breachedAt: status == .breached ? (breachedAt ?? dueAt) : nil,
            used: used, goal: goal, paused: paused)
    }
}

/// A target's standing at one instant, as ``SLAClock/state(at:calendar:atRiskShare:)`` computes it.
public struct SLAState: Hashable, Sendable, Codable {
    /// The promise.
    public let target: SLATarget
    /// Where it stands.
    public let status: SLAStatus
    /// When the target falls due, while the clock runs.
    public let dueAt: Date?
    /// When it was breached, if it was.
    public let breachedAt: Date?
    /// Working time used, in seconds.
    public let used: TimeInterval
    /// Working time allowed, in seconds.
    public let goal: TimeInterval
    /// Wall-clock time spent paused, in seconds.
    public let paused: TimeInterval

    /// Working time left before the target, in seconds; negative once breached.
    public var remaining: TimeInterval { goal - used }
}
