public import CRMContacts
public import CRMCore
public import Foundation

/// When a ticket moves up to a higher tier or a specialist team, and where to.
///
/// Every condition that is set must hold. The SLA condition reads the worst state of the ticket's clocks,
/// or of one target's clocks when ``slaTarget`` is set, so "escalate when resolution is at risk" escalates
/// before the breach, not after.
public struct EscalationRule: Hashable, Sendable, Codable {
    /// How bad the SLA must stand for the rule to apply.
    public enum SLARisk: String, Hashable, Sendable, Codable {
        /// At risk or breached.
        case atRisk
        /// Breached.
        case breached
    }

    /// The rule's name, recorded as the reason: `urgent enterprise tickets`.
    public var name: String
    /// The lowest priority it applies to.
    public var minimumPriority: TicketPriority?
    /// The ticket categories it applies to.
    public var categories: Set<String>?
    /// The customer categories it applies to.
    public var customerCategories: Set<CustomerCategory>?
    /// How bad the SLA must stand.
    public var slaRisk: SLARisk?
    /// The target whose clocks ``slaRisk`` reads; `nil` for all of them.
    public var slaTarget: SLATarget?
    /// The tiers it takes tickets from; `nil` for any below the target.
    public var fromTiers: Set<Int>?
    /// The queue to escalate to.
    public var targetQueueID: CRMCore.ID<SupportQueue>

    /// Creates a rule.
    public init(
        name: String, minimumPriority: TicketPriority? = nil, categories: Set<String>? = nil,
        customerCategories: Set<CustomerCategory>? = nil, slaRisk: SLARisk? = nil, slaTarget: SLATarget? = nil,
        fromTiers: Set<Int>? = nil, targetQueueID: CRMCore.ID<SupportQueue>
    ) {
        self.name = name
        self.minimumPriority = minimumPriority
        self.categories = categories
        self.customerCategories = customerCategories
        self.slaRisk = slaRisk
        self.slaTarget = slaTarget
        self.fromTiers = fromTiers
        self.targetQueueID = targetQueueID
    }

    /// Whether the rule applies to `ticket`, whose SLA clocks stand at `sla`.
    public func matches(_ ticket: Ticket, sla states: [SLAState]) -> Bool {
        guard ticket.isActive, ticket.queueID != targetQueueID else { return false }
        if let minimumPriority, ticket.priority < minimumPriority { return false }
        if let categories, !(ticket.category.map(categories.contains) ?? false) { return false }
        if let customerCategories, !(ticket.customerCategory.map(customerCategories.contains) ?? false) {
            return false
        }
        if let fromTiers, !fromTiers.contains(ticket.tier) { return false }
        let sla = SLAStatus.mostUrgent(states.filter { slaTarget == nil || $0.target == slaTarget }.map(\.status))
        switch slaRisk {
        case nil: return true
        case .atRisk: return sla == .atRisk || sla == .breached
        case .breached: return sla == .breached
        }
    }
}

/// Escalation rules in order; the first that matches a ticket decides where it goes.
public struct EscalationPolicy: Hashable, Sendable, Codable {
    /// The rules, tried in order.
    public var rules: [EscalationRule]

    /// Creates a policy.
    public init(_ rules: [EscalationRule]) {
        self.rules = rules
    }

    /// The first rule that sends `ticket` somewhere new at `now`, if any.
    public func rule(for ticket: Ticket, at now: Date) throws(BusinessCalendarError) -> EscalationRule? {
        let states = try ticket.sla?.states(at: now) ?? []
        return rules.first { $0.matches(ticket, sla: states) }
    }
}
