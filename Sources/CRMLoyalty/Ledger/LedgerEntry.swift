public import CRMCore
public import Foundation

/// One line of a member's points ledger. The ledger is append-only: nothing is edited or deleted, and every
/// balance is derived from it.
public struct LedgerEntry: Hashable, Sendable, Codable, Identifiable {
    /// What the entry records.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Points from a purchase, locked until the return window ends; they count toward nothing yet.
        case pending
        /// Points added to the balance (a purchase's points unlocking, a bonus, an adjustment).
        case earned
        /// Points spent on a reward.
        case spent
        /// Points that expired.
        case expired
        /// Points taken back because their purchase was returned or cancelled.
        case reversed
        /// Spent points given back because a redemption was cancelled, with their original expiry.
        case refunded
        /// A notice that points will expire soon; changes no balance.
        case expiryNotice
    }

    /// Where the points came from or went to.
    public enum Source: Hashable, Sendable, Codable {
        /// A purchase, by order reference.
        case order(String)
        /// A bonus event.
        case event(LoyaltyEvent)
        /// A redemption.
        case redemption(CRMCore.ID<Redemption>)
        /// The program's expiry rules.
        case expiry
        /// A manual correction, with its reason.
        case adjustment(String)
    }

    /// A part of an award that an entry took (or, for a refund, gave back).
    public struct Consumption: Hashable, Sendable, Codable {
        /// The entry that earned the award.
        public let lot: CRMCore.ID<LedgerEntry>
        /// How many of its points.
        public let points: Int64
        /// When the award was earned.
        public let earnedAt: Date
        /// When the award expires.
        public let expiresAt: Date?
        /// The order that earned it, if any.
        public let order: String?
    }

    /// The entry's id.
    public let id: CRMCore.ID<LedgerEntry>
    /// Whose ledger.
    public let memberID: CRMCore.ID<Member>
    /// The point currency's key.
    public let currency: String
    /// What it records.
    public let kind: Kind
    /// How many points; never negative, the kind says which way they move.
    public let points: Int64
    /// When it was recorded.
    public let at: Date
    /// Where the points came from or went to.
    public let source: Source
    /// When earned points expire.
    public let expiresAt: Date?
    /// When pending points unlock.
    public let unlocksAt: Date?
    /// The awards a spend, expiry, reversal or notice concerns, or a refund gives back.
    public let consumed: [Consumption]
    /// The entry this one follows from: the pending entry an unlock releases, the spend a refund undoes.
    public let relatesTo: CRMCore.ID<LedgerEntry>?
    /// How the entry changes the qualifying points that tiers count (negative for a reversal).
    public let qualifyingPoints: Int64
    /// How the entry changes the spend that tiers count, in minor units (one entry per purchase carries it).
    public let spend: Int64
    /// When the qualifying points and spend count: the purchase's time, also for its reversal.
    public let countsAt: Date?
    /// The part of a reversal the balance could not give back because those points were already gone.
    public let shortfall: Int64

    init(
        id: CRMCore.ID<LedgerEntry>, memberID: CRMCore.ID<Member>, currency: String, kind: Kind, points: Int64,
        at: Date, source: Source, expiresAt: Date? = nil, unlocksAt: Date? = nil, consumed: [Consumption] = [],
        relatesTo: CRMCore.ID<LedgerEntry>? = nil, qualifyingPoints: Int64 = 0, spend: Int64 = 0,
        countsAt: Date? = nil, shortfall: Int64 = 0
    ) {
        self.id = id
        self.memberID = memberID
        self.currency = currency
        self.kind = kind
        self.points = points
        self.at = at
        self.source = source
        self.expiresAt = expiresAt
        self.unlocksAt = unlocksAt
        self.consumed = consumed
        self.relatesTo = relatesTo
        self.qualifyingPoints = qualifyingPoints
        self.spend = spend
        self.countsAt = countsAt
        self.shortfall = shortfall
    }

    /// The order of a purchase entry.
    public var order: String? {
        if case .order(let reference) = source { return reference }
        return nil
    }
}
