public import CRMContacts
public import CRMCore

/// Decides who works a new lead: in turn among a team, by territory, or by customer category, falling back
/// to the next rule when one has no answer.
public struct LeadAssignment: Sendable {
    /// One way to pick an owner.
    public enum Rule: Sendable, Hashable {
        /// The owner of the lead's territory.
        case territory([String: Principal])
        /// The owner of the lead's customer category.
        case category([CustomerCategory: Principal])
        /// The team members in turn.
        case roundRobin([Principal])
    }

    /// The rules, tried in order.
    public let rules: [Rule]
    /// How many leads each round-robin rule has handed out.
    private var turns: [Int: Int] = [:]

    /// Creates the assignment.
    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// The owner for `lead` under the first rule that gives one, or `nil`.
    public mutating func owner(for lead: Lead) -> Principal? {
        for (position, rule) in rules.enumerated() {
            switch rule {
            case .territory(let owners):
                if let owner = owners[lead.territory] { return owner }
            case .category(let owners):
                if let category = lead.category, let owner = owners[category] { return owner }
            case .roundRobin(let team):
                guard !team.isEmpty else { continue }
                let turn = turns[position, default: 0]
                turns[position] = turn + 1
                return team[turn % team.count]
            }
        }
        return nil
    }
}
