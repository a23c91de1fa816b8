public import CRMCore
public import Foundation

/// A membership level: reached at a threshold, with its benefits.
public struct Tier: Hashable, Sendable, Codable {
    /// The stable key: `silver`.
    public let key: String
    /// The name shown to members.
    public var name: String
    /// The qualifying points (or spend in minor units) a qualification period needs.
    public var threshold: Int64
    /// The multiplier on points earned from purchases while in the tier.
    public var earningMultiplier: Decimal
    /// Other benefits, in words: `lounge access`, `free shipping`.
    public var benefits: [String]

    /// Creates a tier.
    public init(key: String, name: String, threshold: Int64, earningMultiplier: Decimal = 1, benefits: [String] = []) {
        self.key = key
        self.name = name
        self.threshold = threshold
        self.earningMultiplier = earningMultiplier
        self.benefits = benefits
    }
}

/// How members qualify for tiers: what counts, over which period, and how they fall back.
///
/// An upgrade takes effect as soon as the period's total reaches a higher threshold. Downgrades happen only
/// when a period ends: the member is reviewed on what that period brought (``Downgrade``).
public struct TierPolicy: Hashable, Sendable, Codable {
    /// What counts toward the thresholds.
    public enum Basis: String, Hashable, Sendable, Codable {
        /// Qualifying points earned.
        case qualifyingPoints
        /// Money spent, in minor units of the program's currency.
        case spend
    }

    /// The period a total is counted over.
    public enum Period: String, Hashable, Sendable, Codable {
        /// January to December; reviewed at each year end.
        case calendarYear
        /// The last twelve months; reviewed at each month end.
        case rolling12Months
        /// The membership year, from each enrollment anniversary; reviewed at the anniversary.
        case anniversary
    }

    /// How a review moves a member who did not requalify.
    public enum Downgrade: String, Hashable, Sendable, Codable {
        /// To the tier the period's total reaches.
        case toQualifiedTier
        /// One tier down per review, never below the tier the total reaches.
        case oneTierAtATime
        /// Never; tiers only go up.
        case never
    }

    /// The tiers, lowest first; the first is the base tier every member starts in.
    public let tiers: [Tier]
    /// What counts.
    public var basis: Basis
    /// Over which period.
    public var period: Period
    /// How members fall back.
    public var downgrade: Downgrade

    /// Creates a policy; thresholds must rise from the first tier's and keys be unique.
    public init(
        tiers: [Tier] = [], basis: Basis = .qualifyingPoints, period: Period = .calendarYear,
        downgrade: Downgrade = .toQualifiedTier
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "TierPolicy")
        if Set(tiers.map(\.key)).count != tiers.count { check.add(field: "tiers", reason: "keys must be unique") }
        if zip(tiers, tiers.dropFirst()).contains(where: { $0.threshold >= $1.threshold }) {
            check.add(field: "tiers", reason: "thresholds must rise from tier to tier")
        }
        for (index, tier) in tiers.enumerated() where tier.earningMultiplier <= 0 {
            check.add(field: "tiers[\(index)].earningMultiplier", reason: "must be positive")
        }
        try check.finish()
        self.tiers = tiers
        self.basis = basis
        self.period = period
        self.downgrade = downgrade
    }

    /// A program without tiers.
    public init() {
        tiers = []
        basis = .qualifyingPoints
        period = .calendarYear
        downgrade = .toQualifiedTier
    }

    /// The base tier.
    public var baseTier: Tier? { tiers.first }

    /// The tier with `key`.
    public func tier(_ key: String) -> Tier? { tiers.first { $0.key == key } }

    /// The position of `key` among the tiers, lowest 0; -1 when unknown.
    public func rank(of key: String) -> Int { tiers.firstIndex { $0.key == key } ?? -1 }

    /// The highest tier a total reaches.
    public func qualifiedTier(for total: Int64) -> Tier? { tiers.last { total >= $0.threshold } ?? baseTier }
}
