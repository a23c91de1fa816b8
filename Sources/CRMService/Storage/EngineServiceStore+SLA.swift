public import CRMCore
public import Foundation

extension EngineServiceStore {
    /// Stores the SLA policies, replacing the ones stored.
    public func save(_ policies: SLAPolicyCatalog, by principal: Principal) async throws {
        let write = try await engine.upsert(Self.slaPoliciesKey, payload: try Self.slaPoliciesCoder.encode(policies))
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    /// The stored SLA policies, or `nil` before any were saved.
    public func slaPolicies() async throws -> SLAPolicyCatalog? {
        try await engine.read(Self.slaPoliciesKey.entity, id: Self.slaPoliciesKey.id).map {
            try Self.slaPoliciesCoder.decode($0)
        }
    }

    /// Records and publishes the at-risk and breached targets of every active ticket at `now`.
    ///
    /// Each ticket's alerts are one commit at the version read; a ticket changed meanwhile is left for the
    /// next run, which finds its alerts still due.
    public func checkSLAs(at now: Date, by principal: Principal) async throws -> [any DomainEvent] {
        var published: [any DomainEvent] = []
        for stored in try await activeTickets(in: nil) {
            var ticket = stored.value
            let alerts = try SLAAlerts.due(for: &ticket, at: now)
            guard !alerts.isEmpty else { continue }
            do {
                _ = try await engine.commit(
                    Transaction(
                        principal: principal,
                        operations: [try Self.ticketWrite(ticket, expectedVersion: stored.version)]
                    ))
            } catch let error as StorageError where error.code == .conflict {
                continue
            }
            for alert in alerts {
                await events.publish(alert)
                published.append(alert)
            }
        }
        return published
    }
}

/// The SLA alerts a ticket owes: one at-risk and one breach event per clock, each raised once.
public enum SLAAlerts {
    /// The events not yet raised for `ticket`'s clocks at `now`, recording them on the ticket.
    public static func due(for ticket: inout Ticket, at now: Date) throws(BusinessCalendarError)
        -> [any DomainEvent]
    {
        guard var agreement = ticket.sla else { return [] }
        var events: [any DomainEvent] = []
        for (index, clock) in agreement.clocks.enumerated() where !clock.alerted.contains(.breached) {
            let state = try clock.state(at: now, calendar: agreement.calendar, atRiskShare: agreement.atRiskShare)
            switch state.status {
            case .breached:
                agreement.recordAlert(.breached, onClockAt: index, breachedAt: state.breachedAt)
                events.append(
                    TicketSLABreached(ticketID: ticket.id, target: clock.target, breachedAt: state.breachedAt))
            case .atRisk where !clock.alerted.contains(.atRisk):
                agreement.recordAlert(.atRisk, onClockAt: index, breachedAt: nil)
                events.append(TicketSLAAtRisk(ticketID: ticket.id, target: clock.target, dueAt: state.dueAt))
            default: break
            }
        }
        ticket.sla = agreement
        return events
    }
}
