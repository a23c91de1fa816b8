public import CRMCore

/// Why a change to a ticket was refused.
public enum TicketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The status category may not follow the current one; see ``TicketStatus/Category/successors``.
    case invalidTransition(from: TicketStatus, to: TicketStatus)
    /// The ticket is closed and does not change any more.
    case closed(CRMCore.ID<Ticket>)
    /// A message needs a body or an attachment.
    case emptyMessage
    /// Escalation must go to a higher tier or to a specialist queue.
    case notAnEscalation(fromTier: Int, toTier: Int)
    /// A ticket cannot be merged into itself, into a merged ticket or once closed.
    case cannotMerge(CRMCore.ID<Ticket>, into: CRMCore.ID<Ticket>, reason: String)
    /// The calendar of the ticket's SLA could not measure the change.
    case calendar(BusinessCalendarError)

    /// What was refused and why.
    public var description: String {
        switch self {
        case .invalidTransition(let from, let to): "a ticket cannot move from \(from) to \(to)"
        case .closed(let id): "ticket \(id) is closed"
        case .emptyMessage: "a message needs a body or an attachment"
        case .notAnEscalation(let from, let to): "moving from tier \(from) to tier \(to) is not an escalation"
        case .cannotMerge(let duplicate, let survivor, let reason):
            "ticket \(duplicate) cannot be merged into \(survivor): \(reason)"
        case .calendar(let error): "the SLA calendar failed: \(error)"
        }
    }
}
