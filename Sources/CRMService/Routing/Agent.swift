public import CRMCore

/// A person of the help desk who works on tickets.
public struct Agent: Hashable, Sendable, Codable, Identifiable {
    /// The agent's id.
    public let id: CRMCore.ID<Agent>
    /// The principal the agent acts as, for the audit history.
    public var principal: Principal
    /// The name shown to people.
    public var name: String
    /// What the agent can handle: languages, products, topics.
    public var skills: Set<String>
    /// The highest support tier the agent works in; 1 is the first line.
    public var tier: Int
    /// The most active tickets the agent takes at once.
    public var capacity: Int
    /// Whether the agent takes new tickets now (not on leave, not off shift).
    public var isAvailable: Bool

    /// Creates an agent; tier and capacity must be at least 1.
    public init(
        id: CRMCore.ID<Agent>, principal: Principal, name: String, skills: Set<String> = [], tier: Int = 1,
        capacity: Int = 20, isAvailable: Bool = true
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "Agent")
        check.requireText(name, field: "name")
        check.require(tier, atLeast: 1, field: "tier")
        check.require(capacity, atLeast: 1, field: "capacity")
        try check.finish()
        self.id = id
        self.principal = principal
        self.name = name
        self.skills = skills
        self.tier = tier
        self.capacity = capacity
        self.isAvailable = isAvailable
    }
}
