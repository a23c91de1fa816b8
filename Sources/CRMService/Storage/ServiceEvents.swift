public import CRMCore
public import Foundation

/// A ticket's SLA target passed its at-risk share; published once per clock, after the commit that
/// recorded it.
public struct TicketSLAAtRisk: DomainEvent, Hashable {
    /// The ticket.
    public let ticketID: CRMCore.ID<Ticket>
    /// The target at risk.
    public let target: SLATarget
    /// When it falls due.
    public let dueAt: Date?
}

/// A ticket's SLA target was breached; published once per clock, after the commit that recorded it.
public struct TicketSLABreached: DomainEvent, Hashable {
    /// The ticket.
    public let ticketID: CRMCore.ID<Ticket>
    /// The target breached.
    public let target: SLATarget
    /// When it was breached.
    public let breachedAt: Date?
}

/// A ticket moved up to a higher tier or a specialist team.
public struct TicketEscalated: DomainEvent, Hashable {
    /// The ticket.
    public let ticketID: CRMCore.ID<Ticket>
    /// The tier it left.
    public let fromTier: Int
    /// The queue it went to.
    public let queueID: CRMCore.ID<SupportQueue>
    /// The queue's tier.
    public let toTier: Int
    /// Why.
    public let reason: String
}
