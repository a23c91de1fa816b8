public import CRMContacts
public import CRMCore
public import Foundation

/// A marketing effort with a budget and dates, and the people it reached and how they responded.
public struct Campaign: Hashable, Sendable, Codable, Identifiable {
    /// What kind of campaign it is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Email marketing.
        case email
        /// An event or trade show.
        case event
        /// A webinar.
        case webinar
        /// Paid advertising.
        case advertising
        /// Letters and catalogs.
        case directMail
        /// Social media.
        case social
        /// Anything else.
        case other
    }

    /// Where a campaign stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Being prepared.
        case planned
        /// Running.
        case active
        /// Finished.
        case completed
        /// Stopped early.
        case aborted
    }

    /// Who a member is.
    public enum Audience: Hashable, Sendable, Codable {
        /// A contact.
        case contact(CRMCore.ID<Contact>)
        /// A lead.
        case lead(CRMCore.ID<Lead>)
    }

    /// One person targeted by the campaign and how far they got: targeted, then sent, then responded.
    public struct Member: Hashable, Sendable, Codable {
        /// The person.
        public let audience: Audience
        /// When the campaign's message reached them.
        public internal(set) var sentAt: Date?
        /// When they responded.
        public internal(set) var respondedAt: Date?

        /// `targeted`, `sent` or `responded`.
        public var status: String { respondedAt != nil ? "responded" : (sentAt != nil ? "sent" : "targeted") }
    }

    /// The campaign's id.
    public var id: CRMCore.ID<Campaign>
    /// Its name.
    public var name: String
    /// Its kind.
    public var kind: Kind
    /// The channel it uses, if it is one of the contact channels.
    public var channel: ContactChannel?
    /// When it starts.
    public var startsAt: Date
    /// When it ends.
    public var endsAt: Date
    /// The money planned for it.
    public var budget: Money
    /// The money spent so far, in the budget's currency.
    public private(set) var actualCost: Money
    /// Where it stands.
    public var status: Status
    /// The people it targets.
    public private(set) var members: [Member]

    /// Creates a campaign; it must end after it starts and its budget must not be negative.
    public init(
        id: CRMCore.ID<Campaign>, name: String, kind: Kind, channel: ContactChannel? = nil, startsAt: Date,
        endsAt: Date,
        budget: Money, status: Status = .planned
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "Campaign")
        check.requireText(name, field: "name")
        if endsAt <= startsAt { check.add(field: "endsAt", reason: "must be after startsAt") }
        if budget.isNegative { check.add(field: "budget", reason: "must not be negative", value: "\(budget)") }
        try check.finish()
        self.id = id
        self.name = name
        self.kind = kind
        self.channel = channel
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.budget = budget
        self.actualCost = .zero(budget.currency)
        self.status = status
        self.members = []
    }

    /// Adds people as targeted; people already members are left as they are.
    public mutating func target(_ audience: [Audience]) {
        for person in audience where !members.contains(where: { $0.audience == person }) {
            members.append(Member(audience: person))
        }
    }

    /// Records that the message reached `person` at `date`.
    public mutating func markSent(_ person: Audience, at date: Date) throws(CampaignError) {
        let index = try position(of: person)
        guard members[index].sentAt == nil else { throw .alreadyRecorded(person, "sent") }
        members[index].sentAt = date
    }

    /// Records that `person` responded at `date` (a response may come without a recorded send, as at an event).
    public mutating func markResponded(_ person: Audience, at date: Date) throws(CampaignError) {
        let index = try position(of: person)
        guard members[index].respondedAt == nil else { throw .alreadyRecorded(person, "responded") }
        members[index].respondedAt = date
    }

    /// Adds spending; it must be in the budget's currency and not negative.
    public mutating func spend(_ amount: Money) throws(CampaignError) {
        guard amount.currency == budget.currency else { throw .currencyMismatch(budget.currency, amount.currency) }
        guard !amount.isNegative else { throw .negativeCost(amount) }
        do {
            actualCost = try actualCost + amount
        } catch {
            throw .negativeCost(amount)
        }
    }

    /// Responses ÷ messages sent; `nil` before anything was sent.
    public var responseRate: Double? {
        let sent = members.filter { $0.sentAt != nil }.count
        guard sent > 0 else { return nil }
        return Double(members.filter { $0.sentAt != nil && $0.respondedAt != nil }.count) / Double(sent)
    }

    private func position(of person: Audience) throws(CampaignError) -> Int {
        guard let index = members.firstIndex(where: { $0.audience == person }) else { throw .notAMember(person) }
        return index
    }
}

/// Why a campaign change was refused.
public enum CampaignError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The person is not targeted by the campaign.
    case notAMember(Campaign.Audience)
    /// The step was already recorded for the person.
    case alreadyRecorded(Campaign.Audience, String)
    /// A cost in another currency than the budget's.
    case currencyMismatch(Currency, Currency)
    /// A negative cost.
    case negativeCost(Money)

    /// What was refused and why.
    public var description: String {
        switch self {
        case .notAMember(let person): "\(person) is not a member of the campaign"
        case .alreadyRecorded(let person, let step): "\(person) is already \(step)"
        case .currencyMismatch(let budget, let found): "the budget is in \(budget), the cost in \(found)"
        case .negativeCost(let amount): "the cost \(amount) is negative"
        }
    }
}
