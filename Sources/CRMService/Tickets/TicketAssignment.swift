public import CRMCore
public import Foundation

/// One period in which a queue (and perhaps an agent) held a ticket: the history of who held it.
public struct TicketAssignment: Hashable, Sendable, Codable {
    /// The queue.
    public let queueID: CRMCore.ID<SupportQueue>
    /// The queue's support tier.
    public let tier: Int
    /// The agent, if one was assigned.
    public internal(set) var agentID: CRMCore.ID<Agent>?
    /// Why it moved here: `routed`, `escalated: SLA at risk`.
    public let reason: String
    /// From when.
    public let from: Date
    /// Until when; `nil` while it still holds the ticket.
    public internal(set) var until: Date?
}
