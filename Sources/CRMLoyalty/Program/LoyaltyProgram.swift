public import CRMCore
public import Foundation

/// A kind of points a program counts: qualifying points decide the tier, redeemable points buy rewards.
public struct PointCurrency: Hashable, Sendable, Codable {
    /// What the points are for.
    public enum Purpose: String, Hashable, Sendable, Codable {
        /// They count toward tiers and are never spent.
        case qualifying
        /// They are spent on rewards.
        case redeemable
    }

    /// The stable key used in rules and ledgers: `miles`, `status`.
    public let key: String
    /// The name shown to members: `Status points`.
    public var name: String
    /// What the points are for.
    public let purpose: Purpose
    /// When they expire.
    public var expiry: ExpiryPolicy

    /// Creates a point currency.
    public init(key: String, name: String, purpose: Purpose, expiry: ExpiryPolicy = .never) {
        self.key = key
        self.name = name
        self.purpose = purpose
        self.expiry = expiry
    }
}

/// Which awards a spend or an expiry takes first.
public enum ConsumptionOrder: String, Hashable, Sendable, Codable {
    /// Oldest earned first (FIFO).
    case oldestFirst
    /// Soonest expiring first (FEFO); awards that never expire last, oldest first among equals.
    case soonestExpiringFirst
}

/// A customer club: its point currencies, earning rules, tiers and rules of the ledger.
///
/// ```swift
/// let club = try LoyaltyProgram(
///     id: ID(ids.next()), name: "Club", spendCurrency: .eur,
///     currencies: [
///         PointCurrency(key: "status", name: "Status points", purpose: .qualifying),
///         PointCurrency(key: "points", name: "Points", purpose: .redeemable, expiry: .endOfYear(afterYears: 2)),
///     ],
///     earningRules: [EarningRule(name: "1 per euro", kind: .pointsPerSpend(points: 1, per: euro))],
///     tiers: tiers, returnWindowDays: 30)
/// ```
public struct LoyaltyProgram: Hashable, Sendable, Codable, Identifiable {
    /// The program's id.
    public let id: CRMCore.ID<LoyaltyProgram>
    /// The name shown to members.
    public var name: String
    /// The money purchases are made in.
    public let spendCurrency: Currency
    /// The kinds of points, by key.
    public let currencies: [PointCurrency]
    /// How purchases and events earn points.
    public var earningRules: [EarningRule]
    /// The tiers and how members qualify for them.
    public var tiers: TierPolicy
    /// Which awards a spend takes first.
    public var consumptionOrder: ConsumptionOrder
    /// How many days points from a purchase stay pending, so a return can take them back before they count.
    public var returnWindowDays: Int
    /// How fractional points of an order are rounded (down unless told otherwise).
    public var rounding: RoundingRule
    /// The time zone that month and year ends, days and birthdays are read in.
    public var timeZone: TimeZone

    /// Creates a program; throws naming each bad field.
    public init(
        id: CRMCore.ID<LoyaltyProgram>, name: String, spendCurrency: Currency, currencies: [PointCurrency],
        earningRules: [EarningRule] = [], tiers: TierPolicy = TierPolicy(),
        consumptionOrder: ConsumptionOrder = .oldestFirst,
        returnWindowDays: Int = 0, rounding: RoundingRule = .down, timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "LoyaltyProgram")
        check.requireText(name, field: "name")
        if currencies.isEmpty { check.add(field: "currencies", reason: "needs at least one point currency") }
        let keys = currencies.map(\.key)
        if Set(keys).count != keys.count { check.add(field: "currencies", reason: "keys must be unique") }
        for currency in currencies where !currency.expiry.isValid {
            check.add(field: "currencies.\(currency.key).expiry", reason: "needs a positive number of days or months")
        }
        for (index, rule) in earningRules.enumerated() {
            for key in rule.currencies where !keys.contains(key) {
                check.add(field: "earningRules[\(index)].currencies", reason: "names no point currency", value: key)
            }
        }
        check.require(returnWindowDays, atLeast: 0, field: "returnWindowDays")
        try check.finish()
        self.id = id
        self.name = name
        self.spendCurrency = spendCurrency
        self.currencies = currencies
        self.earningRules = earningRules
        self.tiers = tiers
        self.consumptionOrder = consumptionOrder
        self.returnWindowDays = returnWindowDays
        self.rounding = rounding
        self.timeZone = timeZone
    }

    /// The point currency with `key`, or `nil`.
    public func currency(_ key: String) -> PointCurrency? { currencies.first { $0.key == key } }
}
