public import CRMContacts
public import CRMCore
public import Foundation

/// A contact's membership of a loyalty program: status, cards and tier.
public struct Member: Hashable, Sendable, Codable, Identifiable {
    /// Whether the member takes part.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Earns and redeems.
        case active
        /// Neither earns nor redeems until reactivated.
        case suspended
        /// Left the program for good.
        case closed
    }

    /// The member's id.
    public let id: CRMCore.ID<Member>
    /// The program.
    public let programID: CRMCore.ID<LoyaltyProgram>
    /// The person.
    public let contactID: CRMCore.ID<Contact>
    /// When they joined; anniversaries count from here.
    public let enrolledAt: Date
    /// Whether they take part.
    public private(set) var status: Status
    /// Their cards, oldest first.
    public private(set) var cards: [LoyaltyCard] = []
    /// Their tier's key.
    public internal(set) var tier: String
    /// When they reached it.
    public internal(set) var tierSince: Date
    /// When the tier is next reviewed (the end of the current qualification period).
    public internal(set) var tierReviewAt: Date?
    /// The member who referred them.
    public var referredBy: CRMCore.ID<Member>?
    /// Their birthday, for birthday bonuses.
    public var birthday: CalendarDay?

    /// Enrolls a contact at `now` in the base tier of `program`.
    public init(
        id: CRMCore.ID<Member>, program: LoyaltyProgram, contactID: CRMCore.ID<Contact>, at now: Date,
        birthday: CalendarDay? = nil, referredBy: CRMCore.ID<Member>? = nil
    ) {
        self.id = id
        self.programID = program.id
        self.contactID = contactID
        self.enrolledAt = now
        self.status = .active
        self.tier = program.tiers.baseTier?.key ?? ""
        self.tierSince = now
        self.tierReviewAt = program.qualificationPeriod(containing: now, enrolledAt: now).end
        self.birthday = birthday
        self.referredBy = referredBy
    }

    /// Whether the member may earn and redeem now.
    public var isActive: Bool { status == .active }

    /// The card that is issued or active, if any.
    public var currentCard: LoyaltyCard? { cards.last { $0.status == .issued || $0.status == .active } }

    /// Suspends, reactivates or closes the membership; a closed one stays closed.
    public mutating func setStatus(_ newStatus: Status) throws(LoyaltyError) {
        guard status != .closed else { throw .memberNotActive(id, status) }
        status = newStatus
    }

    /// Issues a new card at `now`; the number must not be on the member already.
    public mutating func issueCard(_ number: CardNumber, at now: Date) throws(LoyaltyError) {
        guard !cards.contains(where: { $0.number == number }) else { throw .cardInUse(number) }
        cards.append(LoyaltyCard(number: number, status: .issued, issuedAt: now))
    }

    /// Marks a card active at its first use.
    public mutating func activateCard(_ number: CardNumber) throws(LoyaltyError) {
        let index = try cardIndex(number)
        guard cards[index].status == .issued || cards[index].status == .active else {
            throw .cardNotUsable(number, cards[index].status)
        }
        cards[index].status = .active
    }

    /// Reports a card lost at `now` and issues `replacement`, which carries on the membership.
    public mutating func replaceLostCard(_ number: CardNumber, with replacement: CardNumber, at now: Date)
        throws(LoyaltyError)
    {
        let index = try cardIndex(number)
        guard cards[index].status == .issued || cards[index].status == .active else {
            throw .cardNotUsable(number, cards[index].status)
        }
        guard !cards.contains(where: { $0.number == replacement }) else { throw .cardInUse(replacement) }
        cards[index].status = .replaced
        cards[index].replacedBy = replacement
        cards.append(LoyaltyCard(number: replacement, status: .issued, issuedAt: now))
    }

    /// Reports a card lost without a replacement yet.
    public mutating func reportLost(_ number: CardNumber) throws(LoyaltyError) {
        let index = try cardIndex(number)
        guard cards[index].status == .issued || cards[index].status == .active else {
            throw .cardNotUsable(number, cards[index].status)
        }
        cards[index].status = .lost
    }

    private func cardIndex(_ number: CardNumber) throws(LoyaltyError) -> Int {
        guard let index = cards.firstIndex(where: { $0.number == number }) else { throw .unknownCard(number) }
        return index
    }
}
