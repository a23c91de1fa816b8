public import CRMCore

/// Two contacts that duplicate detection judged to be the same person, with its evidence.
public struct DuplicateMatch: Hashable, Sendable {
    /// One contact.
    public let first: ID<Contact>
    /// The other.
    public let second: ID<Contact>
    /// The Fellegi-Sunter score: the sum of the field weights (see ``MatchingRules``).
    public let score: Double
    /// What agreed, such as `same email` or `similar family name`.
    public let reasons: [String]

    /// Creates a match.
    public init(first: ID<Contact>, second: ID<Contact>, score: Double, reasons: [String]) {
        self.first = first
        self.second = second
        self.score = score
        self.reasons = reasons
    }
}

/// Contacts that duplicate detection groups as one person: the matches that link them, transitively.
public struct DuplicateGroup: Hashable, Sendable {
    /// The contacts of the group, oldest id first.
    public let members: [ID<Contact>]
    /// The matched pairs inside the group.
    public let matches: [DuplicateMatch]

    /// The weakest link's score: how sure the group is as a whole.
    public var score: Double { matches.map(\.score).min() ?? 0 }

    /// Creates a group.
    public init(members: [ID<Contact>], matches: [DuplicateMatch]) {
        self.members = members
        self.matches = matches
    }
}
