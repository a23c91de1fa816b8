public import CRMCore

/// A group of agents that takes tickets at one support tier, such as "First line" (tier 1), "Product
/// specialists" (tier 2) or a specialist team ("Billing") beside the tiers.
public struct SupportQueue: Hashable, Sendable, Codable, Identifiable {
    /// How a queue picks the agent for a ticket.
    public enum Routing: String, Hashable, Sendable, Codable, CaseIterable {
        /// Each available agent in turn.
        case roundRobin
        /// The available agent with the fewest active tickets; ties in turn.
        case leastBusy
        /// Among the available agents with every skill the ticket needs, the least busy; ties in turn.
        case skillsBased
    }

    /// The queue's id.
    public let id: CRMCore.ID<SupportQueue>
    /// The name shown to people.
    public var name: String
    /// Its support tier; 1 is the first line.
    public var tier: Int
    /// Whether it is a specialist team that tickets may be escalated to from any tier.
    public var isSpecialist: Bool
    /// How it picks agents.
    public var routing: Routing
    /// Its agents, in round-robin order.
    public var agentIDs: [CRMCore.ID<Agent>]
    /// The position in ``agentIDs`` of the agent who got the last ticket.
    public internal(set) var lastAssigned: Int?

    /// Creates a queue; the tier must be at least 1.
    public init(
        id: CRMCore.ID<SupportQueue>, name: String, tier: Int = 1, isSpecialist: Bool = false,
        routing: Routing = .roundRobin, agentIDs: [CRMCore.ID<Agent>] = []
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "SupportQueue")
        check.requireText(name, field: "name")
        check.require(tier, atLeast: 1, field: "tier")
        try check.finish()
        self.id = id
        self.name = name
        self.tier = tier
        self.isSpecialist = isSpecialist
        self.routing = routing
        self.agentIDs = agentIDs
    }
}
