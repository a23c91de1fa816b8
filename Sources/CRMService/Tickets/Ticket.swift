public import CRMContacts
public import CRMCore
public import Foundation

/// A customer's request or complaint and everything done about it: the conversation, who holds it, its
/// status and its service-level agreement.
///
/// ```swift
/// var ticket = try Ticket(
///     id: ID(ids.next()), subject: "Invoice shows the wrong VAT", contactID: ada.id, channel: .email,
///     priority: .high, at: clock.now(), slaPolicy: catalog.policy(for: draft))
/// try ticket.addReply("We are looking into it.", by: .agent(sam), at: clock.now())
/// try ticket.setStatus(.waitingOnCustomer, at: clock.now())
/// ```
public struct Ticket: Hashable, Sendable, Codable, Identifiable {
    /// The ticket's id.
    public let id: CRMCore.ID<Ticket>
    /// A one-line summary.
    public var subject: String
    /// The customer's description of the problem.
    public var description: String
    /// The customer.
    public var contactID: CRMCore.ID<Contact>?
    /// The contact the ticket belonged to before that contact was merged into ``contactID``.
    public internal(set) var contactBeforeMerge: CRMCore.ID<Contact>?
    /// The customer's organization.
    public var organizationID: CRMCore.ID<Organization>?
    /// The customer's category, for SLA policies and escalation rules.
    public var customerCategory: CustomerCategory?
    /// How the customer reached the help desk.
    public let channel: TicketChannel
    /// How urgent it is; change it with ``changePriority(to:)`` so the SLA follows.
    public private(set) var priority: TicketPriority
    /// What it is about: `billing`, `delivery`, `defect`.
    public var category: String?
    /// The product or asset concerned.
    public var asset: AssetReference?
    /// The skills an agent needs to work on it: `german`, `billing`.
    public var requiredSkills: Set<String>
    /// Where it stands.
    public private(set) var status: TicketStatus
    /// The conversation, oldest first.
    public private(set) var messages: [TicketMessage] = []
    /// The queue that holds it.
    public private(set) var queueID: CRMCore.ID<SupportQueue>?
    /// The agent working on it.
    public private(set) var assigneeID: CRMCore.ID<Agent>?
    /// The support tier that holds it; 1 is the first line.
    public private(set) var tier: Int = 1
    /// Who held it, oldest first.
    public private(set) var assignments: [TicketAssignment] = []
    /// The service-level agreement, if a policy applied.
    public internal(set) var sla: TicketSLA?
    /// When it was opened.
    public let createdAt: Date
    /// When an agent first answered publicly.
    public private(set) var firstRespondedAt: Date?
    /// When it was last resolved.
    public private(set) var resolvedAt: Date?
    /// When it was closed.
    public private(set) var closedAt: Date?
    /// How often it was reopened after being resolved.
    public private(set) var reopenCount = 0
    /// The ticket it was merged into, as a duplicate.
    public private(set) var mergedInto: CRMCore.ID<Ticket>?
    /// The duplicates merged into it.
    public private(set) var mergedTickets: [CRMCore.ID<Ticket>] = []
    /// Knowledge articles linked to it.
    public var linkedArticles: Set<CRMCore.ID<KnowledgeArticle>> = []

    /// Opens a ticket at `now`, with the SLA of `slaPolicy` when one applies; the subject may not be empty.
    public init(
        id: CRMCore.ID<Ticket>, subject: String, description: String = "", contactID: CRMCore.ID<Contact>? = nil,
        organizationID: CRMCore.ID<Organization>? = nil, customerCategory: CustomerCategory? = nil,
        channel: TicketChannel, priority: TicketPriority = .normal, category: String? = nil,
        asset: AssetReference? = nil, requiredSkills: Set<String> = [], at now: Date, slaPolicy: SLAPolicy? = nil
    ) throws(ValidationError) {
        guard !subject.trimmingWhitespace().isEmpty else {
            throw ValidationError(subject: "Ticket", field: "subject", reason: "must not be empty")
        }
        self.id = id
        self.subject = subject.trimmingWhitespace()
        self.description = description
        self.contactID = contactID
        self.organizationID = organizationID
        self.customerCategory = customerCategory
        self.channel = channel
        self.priority = priority
        self.category = category
        self.asset = asset
        self.requiredSkills = requiredSkills
        self.status = .new
        self.createdAt = now
        self.sla = slaPolicy.map { TicketSLA(policy: $0, priority: priority, at: now) }
    }

    /// Whether the help desk still owes work on it.
    public var isActive: Bool { status.category.isActive }

    /// Applies `policy` from the ticket's opening, replacing any agreement it had; for policies chosen after
    /// the ticket was built (``SLAPolicyCatalog/policy(for:)`` reads the ticket).
    public mutating func applySLA(_ policy: SLAPolicy) {
        sla = TicketSLA(policy: policy, priority: priority, at: createdAt)
    }

    /// Adds a public reply. An agent's first one is the first response; a customer's reply opens a ticket that
    /// waited on the customer and reopens a resolved one.
    public mutating func addReply(
        _ body: String, by author: MessageAuthor, attachments: [AttachmentReference] = [], at now: Date
    ) throws(TicketError) {
        try atomically { (ticket: inout Ticket) throws(TicketError) in
            try ticket.append(
                TicketMessage(author: author, visibility: .publicReply, body: body, attachments: attachments, at: now))
            switch author {
            case .agent:
                if ticket.firstRespondedAt == nil { ticket.firstRespondedAt = now }
                try ticket.measured { (sla: inout TicketSLA) throws(BusinessCalendarError) in
                    try sla.agentReplied(at: now)
                }
                if ticket.status.category == .new { try ticket.setStatus(.open, at: now) }
            case .customer:
                let priority = ticket.priority
                try ticket.measured { (sla: inout TicketSLA) throws(BusinessCalendarError) in
                    sla.customerWrote(at: now, priority: priority)
                }
                if [.waitingOnCustomer, .resolved].contains(ticket.status.category) {
                    try ticket.setStatus(.open, at: now)
                }
            }
        }
    }

    /// Adds an internal note that the customer does not see; it changes no clock.
    public mutating func addNote(
        _ body: String, by agent: Principal, attachments: [AttachmentReference] = [], at now: Date
    ) throws(TicketError) {
        try append(
            TicketMessage(
                author: .agent(agent), visibility: .internalNote, body: body, attachments: attachments, at: now))
    }

    /// Moves to `newStatus` at `now`, if its category may follow the current one.
    ///
    /// Resolving records the time, opening a resolved ticket counts as a reopen, and the SLA clocks follow
    /// the category.
    public mutating func setStatus(_ newStatus: TicketStatus, at now: Date) throws(TicketError) {
        try requireNotClosed()
        let from = status.category
        guard newStatus.category == from || from.successors.contains(newStatus.category) else {
            throw .invalidTransition(from: status, to: newStatus)
        }
        try atomically { (ticket: inout Ticket) throws(TicketError) in
            if from == .resolved && newStatus.category == .open { ticket.reopenCount += 1 }
            switch newStatus.category {
            case .resolved: ticket.resolvedAt = now
            case .closed: ticket.closedAt = now
            case .new, .open, .waitingOnCustomer, .waitingOnThirdParty: break
            }
            ticket.status = newStatus
            try ticket.measured { (sla: inout TicketSLA) throws(BusinessCalendarError) in
                try sla.statusChanged(to: newStatus.category, at: now)
            }
        }
    }

    /// Resolves the ticket at `now`.
    public mutating func resolve(at now: Date) throws(TicketError) {
        guard status.category != .resolved else { throw .invalidTransition(from: status, to: .resolved) }
        try setStatus(.resolved, at: now)
    }

    /// Reopens a resolved ticket at `now`.
    public mutating func reopen(at now: Date) throws(TicketError) {
        guard status.category == .resolved else { throw .invalidTransition(from: status, to: .open) }
        try setStatus(.open, at: now)
    }

    /// Closes the ticket at `now`; it does not change afterwards.
    public mutating func close(at now: Date) throws(TicketError) {
        try setStatus(.closed, at: now)
    }

    /// Changes the priority; unfinished SLA clocks take the new priority's targets.
    public mutating func changePriority(to newPriority: TicketPriority) throws(TicketError) {
        try requireNotClosed()
        priority = newPriority
        sla?.priorityChanged(to: newPriority)
    }

    /// Hands the ticket to `queue` (and `agent`) at `now`, ending the previous holder's period.
    public mutating func assign(
        to queue: SupportQueue, agent: CRMCore.ID<Agent>?, reason: String = "routed", at now: Date
    ) throws(TicketError) {
        try requireNotClosed()
        if let last = assignments.indices.last, assignments[last].until == nil { assignments[last].until = now }
        assignments.append(
            TicketAssignment(queueID: queue.id, tier: queue.tier, agentID: agent, reason: reason, from: now))
        queueID = queue.id
        assigneeID = agent
        tier = queue.tier
    }

    /// Gives the agent picked within the queue that holds the ticket, without starting a new period.
    mutating func giveCurrentAssignment(to agent: CRMCore.ID<Agent>) {
        assigneeID = agent
        if let last = assignments.indices.last { assignments[last].agentID = agent }
    }

    /// Escalates to `queue` at `now`: a higher support tier, or a specialist team at any tier. The agent is
    /// cleared until the new queue routes it.
    public mutating func escalate(to queue: SupportQueue, reason: String, at now: Date) throws(TicketError) {
        guard queue.tier > tier || (queue.isSpecialist && queue.id != queueID) else {
            throw .notAnEscalation(fromTier: tier, toTier: queue.tier)
        }
        try assign(to: queue, agent: nil, reason: "escalated: \(reason)", at: now)
    }

    /// Merges `duplicate` into this ticket at `now`: its messages come over (marked with their origin) and
    /// it is closed with a link to this one.
    public mutating func merge(_ duplicate: inout Ticket, at now: Date) throws(TicketError) {
        func refuse(_ reason: String) -> TicketError { .cannotMerge(duplicate.id, into: id, reason: reason) }
        guard duplicate.id != id else { throw refuse("a ticket cannot be merged into itself") }
        guard mergedInto == nil else { throw refuse("the survivor was merged into another ticket") }
        guard status.category != .closed else { throw refuse("the survivor is closed") }
        guard duplicate.status.category != .closed else { throw refuse("the duplicate is closed") }
        var closedDuplicate = duplicate
        closedDuplicate.mergedInto = id
        try closedDuplicate.close(at: now)
        let moved = duplicate.messages.map { message in
            var message = message
            message.mergedFrom = message.mergedFrom ?? duplicate.id
            return message
        }
        messages = (messages + moved).sorted { $0.at < $1.at }
        mergedTickets.append(duplicate.id)
        linkedArticles.formUnion(duplicate.linkedArticles)
        duplicate = closedDuplicate
    }

    /// Applies `change` to a copy and keeps it only when every step succeeded, so a refused change leaves
    /// the ticket as it was.
    private mutating func atomically(_ change: (inout Ticket) throws(TicketError) -> Void) throws(TicketError) {
        var copy = self
        try change(&copy)
        self = copy
    }

    private mutating func append(_ message: TicketMessage) throws(TicketError) {
        try requireNotClosed()
        guard !message.body.trimmingWhitespace().isEmpty || !message.attachments.isEmpty else { throw .emptyMessage }
        messages.append(message)
    }

    private func requireNotClosed() throws(TicketError) {
        if status.category == .closed { throw .closed(id) }
    }

    /// Runs `change` on the SLA, turning calendar errors into ticket errors.
    private mutating func measured(_ change: (inout TicketSLA) throws(BusinessCalendarError) -> Void)
        throws(TicketError)
    {
        guard var agreement = sla else { return }
        do {
            try change(&agreement)
        } catch {
            throw .calendar(error)
        }
        sla = agreement
    }
}
