public import CRMCore

/// A ticket's status: a name the help desk chooses (`Awaiting parts`) in one of six fixed categories that
/// the rules read.
///
/// The category decides what a status means: waiting categories pause the resolution clock, resolved stops
/// it, closed ends the ticket for good.
public struct TicketStatus: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What a status means for the rules.
    public enum Category: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not yet looked at.
        case new
        /// Being worked on by the help desk.
        case open
        /// Waiting for the customer to answer.
        case waitingOnCustomer
        /// Waiting for a supplier, a partner or another team.
        case waitingOnThirdParty
        /// Solved; the customer can still reopen it.
        case resolved
        /// Finished; it does not change any more.
        case closed

        /// Whether the help desk still owes work on it.
        public var isActive: Bool { self != .resolved && self != .closed }
        /// Whether the resolution clock stands still.
        public var isWaiting: Bool { self == .waitingOnCustomer || self == .waitingOnThirdParty }

        /// The categories a ticket in this one may move to: nothing moves back to new, a resolved ticket
        /// can only be closed or reopened, and a closed one stays closed.
        public var successors: Set<Category> {
            switch self {
            case .new, .open, .waitingOnCustomer, .waitingOnThirdParty:
                [.open, .waitingOnCustomer, .waitingOnThirdParty, .resolved, .closed]
            case .resolved: [.open, .closed]
            case .closed: []
            }
        }
    }

    /// The name shown to people.
    public let name: String
    /// What it means.
    public let category: Category

    /// Creates a status; the name may not be empty.
    public init(_ name: String, category: Category) throws(ValidationError) {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw ValidationError(subject: "TicketStatus", field: "name", reason: "must not be empty")
        }
        self.name = trimmed
        self.category = category
    }

    private init(standard category: Category) {
        self.name = category.rawValue
        self.category = category
    }

    /// The standard status of each category, named after it.
    public static let new = TicketStatus(standard: .new)
    /// See ``new``.
    public static let open = TicketStatus(standard: .open)
    /// See ``new``.
    public static let waitingOnCustomer = TicketStatus(standard: .waitingOnCustomer)
    /// See ``new``.
    public static let waitingOnThirdParty = TicketStatus(standard: .waitingOnThirdParty)
    /// See ``new``.
    public static let resolved = TicketStatus(standard: .resolved)
    /// See ``new``.
    public static let closed = TicketStatus(standard: .closed)

    /// `Awaiting parts (waitingOnThirdParty)`.
    public var description: String { name == category.rawValue ? name : "\(name) (\(category.rawValue))" }
}
