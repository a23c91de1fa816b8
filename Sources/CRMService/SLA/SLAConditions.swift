public import CRMContacts
public import CRMCore

/// When an SLA policy applies: every condition that is set must hold; an empty set of conditions matches
/// every ticket.
public struct SLAConditions: Hashable, Sendable, Codable {
    /// The priorities it covers; `nil` for all.
    public var priorities: Set<TicketPriority>?
    /// The customer categories it covers; `nil` for all.
    public var customerCategories: Set<CustomerCategory>?
    /// The channels it covers; `nil` for all.
    public var channels: Set<TicketChannel>?
    /// The organizations it covers (a contract with named customers); `nil` for all.
    public var organizations: Set<CRMCore.ID<Organization>>?

    /// Creates conditions.
    public init(
        priorities: Set<TicketPriority>? = nil, customerCategories: Set<CustomerCategory>? = nil,
        channels: Set<TicketChannel>? = nil, organizations: Set<CRMCore.ID<Organization>>? = nil
    ) {
        self.priorities = priorities
        self.customerCategories = customerCategories
        self.channels = channels
        self.organizations = organizations
    }

    /// Whether `ticket` meets every condition.
    public func matches(_ ticket: Ticket) -> Bool {
        func holds<Value>(_ allowed: Set<Value>?, _ value: Value?) -> Bool {
            guard let allowed else { return true }
            return value.map(allowed.contains) ?? false
        }
        return holds(priorities, ticket.priority) && holds(customerCategories, ticket.customerCategory)
            && holds(channels, ticket.channel) && holds(organizations, ticket.organizationID)
    }
}
