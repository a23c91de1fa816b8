/// How urgent a ticket is; ordered, so rules can say "high or above".
public enum TicketPriority: String, Hashable, Sendable, Codable, CaseIterable, Comparable,
    CodingKeyRepresentable
{
    /// Can wait.
    case low
    /// The usual.
    case normal
    /// Hurts the customer's work.
    case high
    /// Stops the customer's work.
    case urgent

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// Low before urgent.
    public static func < (lhs: TicketPriority, rhs: TicketPriority) -> Bool { lhs.rank < rhs.rank }
}
