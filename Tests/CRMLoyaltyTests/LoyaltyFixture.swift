import CRMContacts
import CRMCore
import CRMLoyalty
import Foundation

/// A car maker's club: status points decide the tier, reward points (valid to the end of the next year)
/// buy rewards; one point per euro, a 14-day return window.
enum LoyaltyFixture {
    static let ids = ULIDGenerator()
    static let user = try! Principal("user:club")
    static let utc = TimeZone(identifier: "UTC")!
    /// 2026-03-02 12:00 UTC, a Monday.
    static let start = Date(timeIntervalSince1970: 1_772_452_800)
    static let day: TimeInterval = 86_400
    static let euro = Money(minorUnits: 100, currency: .eur)

    static func eur(_ euros: Int64) -> Money { Money(minorUnits: euros * 100, currency: .eur) }

    static let tiers = try! TierPolicy(
        tiers: [
            Tier(key: "blue", name: "Blue", threshold: 0),
            Tier(key: "silver", name: "Silver", threshold: 1_000, earningMultiplier: Decimal(string: "1.25")!),
            Tier(key: "gold", name: "Gold", threshold: 5_000, earningMultiplier: 2, benefits: ["lounge"]),
        ], basis: .qualifyingPoints, period: .calendarYear, downgrade: .oneTierAtATime)

    static func program(
        order: ConsumptionOrder = .oldestFirst, expiry: ExpiryPolicy = .endOfYear(afterYears: 1), window: Int = 14,
        rules: [EarningRule] = standardRules
    ) -> LoyaltyProgram {
        try! LoyaltyProgram(
            id: ID(ids.next()), name: "Drive Club", spendCurrency: .eur,
            currencies: [
                PointCurrency(key: "status", name: "Status points", purpose: .qualifying),
                PointCurrency(key: "points", name: "Reward points", purpose: .redeemable, expiry: expiry),
            ],
            earningRules: rules, tiers: tiers, consumptionOrder: order, returnWindowDays: window, timeZone: utc)
    }

    static let standardRules = [
        EarningRule(name: "1 per euro", kind: .pointsPerSpend(points: 1, per: euro)),
        EarningRule(name: "Welcome", kind: .bonus(.enrollment, points: 100), currencies: ["points"]),
    ]

    static func member(_ program: LoyaltyProgram, at now: Date = start) -> Member {
        Member(id: ID(ids.next()), program: program, contactID: ID(ids.next()), at: now)
    }

    static func purchase(_ euros: Int64, at: Date = start, order: String = "O-\(ids.next())", sku: String = "SERVICE")
        -> Purchase
    {
        Purchase(
            orderReference: order, at: at,
            lines: [
                Purchase.Line(sku: sku, category: "service", amount: Money(minorUnits: euros * 100, currency: .eur))
            ])
    }
}
