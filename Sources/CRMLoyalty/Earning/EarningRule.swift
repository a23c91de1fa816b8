public import CRMCore
public import Foundation

/// Something outside purchases that earns a bonus.
public enum LoyaltyEvent: Hashable, Sendable, Codable {
    /// Joining the program.
    case enrollment
    /// The member's birthday.
    case birthday
    /// Bringing in a new member.
    case referral
    /// A business-defined event: `app download`, `survey answered`.
    case custom(String)
}

/// One rule of how points are earned, valid in an optional window, awarding into named point currencies.
///
/// ``EarningEngine`` applies the rules of a program in a fixed order; see there.
public struct EarningRule: Hashable, Sendable, Codable {
    /// What the rule does.
    public enum Kind: Hashable, Sendable, Codable {
        /// `points` for every `per` of spend (1 point per 1.00 EUR), when the purchase reaches `minimumSpend`.
        case pointsPerSpend(points: Decimal, per: Money, minimumSpend: Money? = nil)
        /// Multiplies the points of lines with these SKUs.
        case productMultiplier(Decimal, skus: Set<String>)
        /// Multiplies the points of lines in these categories.
        case categoryMultiplier(Decimal, categories: Set<String>)
        /// Multiplies the points of members in these tiers.
        case tierMultiplier(Decimal, tiers: Set<String>)
        /// A fixed bonus for an event.
        case bonus(LoyaltyEvent, points: Int64)
        /// At most this many points from one order.
        case capPerOrder(Int64)
        /// At most this many points from purchases on one day (in the program's time zone).
        case capPerDay(Int64)
    }

    /// The rule's name, shown in explanations.
    public var name: String
    /// What it does.
    public var kind: Kind
    /// The point currencies it awards into or limits; empty for all.
    public var currencies: Set<String>
    /// The first instant it applies.
    public var validFrom: Date?
    /// The instant it stops applying.
    public var validUntil: Date?

    /// Creates a rule.
    public init(
        name: String, kind: Kind, currencies: Set<String> = [], validFrom: Date? = nil, validUntil: Date? = nil
    ) {
        self.name = name
        self.kind = kind
        self.currencies = currencies
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Whether the rule applies at `instant`.
    public func isValid(at instant: Date) -> Bool {
        (validFrom.map { instant >= $0 } ?? true) && (validUntil.map { instant < $0 } ?? true)
    }

    /// Whether it concerns the point currency `key`.
    func covers(_ key: String) -> Bool { currencies.isEmpty || currencies.contains(key) }
}
