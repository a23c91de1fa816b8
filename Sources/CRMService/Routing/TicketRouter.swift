public import CRMCore

/// Why no agent could be picked.
public enum RoutingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every agent of the queue is unavailable, at capacity, below the queue's tier or missing a skill.
    case noAvailableAgent(queue: CRMCore.ID<SupportQueue>, requiredSkills: Set<String>)

    /// What failed.
    public var description: String {
        switch self {
        case .noAvailableAgent(let queue, let skills):
            "no agent of queue \(queue) is available"
                + (skills.isEmpty ? "" : " with the skills \(skills.sorted().joined(separator: ", "))")
        }
    }
}

/// Picks the agent of a queue for a ticket by the queue's routing method.
///
/// An agent can take a ticket when available, below capacity and working at the queue's tier or above.
/// Round robin starts after the agent who got the last ticket, and the other methods break ties in the same
/// turn, so work spreads evenly.
public enum TicketRouter {
    /// The agent for `ticket`, advancing the queue's turn; `load` counts each agent's active tickets.
    public static func pick(
        for ticket: Ticket, in queue: inout SupportQueue, agents: [CRMCore.ID<Agent>: Agent],
        load: [CRMCore.ID<Agent>: Int]
    ) throws(RoutingError) -> CRMCore.ID<Agent> {
        let count = queue.agentIDs.count
        let start = queue.lastAssigned.map { $0 + 1 } ?? 0
        let turn = (0..<count).map { (start + $0) % count }
        let able = turn.filter { position in
            guard let agent = agents[queue.agentIDs[position]] else { return false }
            return agent.isAvailable && agent.tier >= queue.tier && load[agent.id, default: 0] < agent.capacity
                && (queue.routing != .skillsBased || ticket.requiredSkills.isSubset(of: agent.skills))
        }
        let chosen: Int?
        switch queue.routing {
        case .roundRobin: chosen = able.first
        case .leastBusy, .skillsBased:
            chosen = able.min { load[queue.agentIDs[$0], default: 0] < load[queue.agentIDs[$1], default: 0] }
        }
        guard let chosen else {
            throw .noAvailableAgent(
                queue: queue.id, requiredSkills: queue.routing == .skillsBased ? ticket.requiredSkills : [])
        }
        queue.lastAssigned = chosen
        return queue.agentIDs[chosen]
    }
}
