import CRMCore
import CRMLoyalty
import Foundation
import Testing

/// The earning order: base, line multipliers, tier multipliers, one rounding, caps.
@Suite struct EarningTests {
    let euro = LoyaltyFixture.euro

    func engine(_ rules: [EarningRule]) -> EarningEngine {
        EarningEngine(program: LoyaltyFixture.program(rules: rules))
    }

    @Test func spendEarnsPerUnitRoundedOncePerOrderDown() throws {
        let engine = engine([
            EarningRule(name: "1 per 2 euro", kind: .pointsPerSpend(points: 1, per: LoyaltyFixture.eur(2)))
        ])
        let purchase = Purchase(
            orderReference: "A", at: LoyaltyFixture.start,
            lines: [
                Purchase.Line(sku: "A", amount: Money(minorUnits: 301, currency: .eur)),
                Purchase.Line(sku: "B", amount: Money(minorUnits: 299, currency: .eur)),
            ])
        #expect(
            try engine.points(for: purchase, tier: "blue").points == ["status": 3, "points": 3], "6.00 EUR, not 1 + 1")
    }

    @Test func multipliersApplyToTheirLinesAndTheTier() throws {
        let engine = engine([
            EarningRule(name: "1 per euro", kind: .pointsPerSpend(points: 1, per: euro)),
            EarningRule(
                name: "Tyres double", kind: .categoryMultiplier(2, categories: ["tyres"]), currencies: ["points"]),
            EarningRule(name: "Oil triple", kind: .productMultiplier(3, skus: ["OIL-5W30"]), currencies: ["points"]),
        ])
        let purchase = Purchase(
            orderReference: "B", at: LoyaltyFixture.start,
            lines: [
                Purchase.Line(sku: "T-1", category: "tyres", amount: LoyaltyFixture.eur(100)),
                Purchase.Line(sku: "OIL-5W30", category: "oil", amount: LoyaltyFixture.eur(10)),
                Purchase.Line(sku: "WASH", amount: LoyaltyFixture.eur(5)),
            ])
        let blue = try engine.points(for: purchase, tier: "blue")
        #expect(blue.points == ["status": 115, "points": 235])
        let gold = try engine.points(for: purchase, tier: "gold")
        #expect(gold.points == ["status": 230, "points": 470], "gold earns double")
        #expect(gold.explanation.contains("points: × 2 tier benefit of gold"))
    }

    @Test func minimumSpendValidityAndCaps() throws {
        let monday = LoyaltyFixture.start
        let engine = engine([
            EarningRule(
                name: "1 per euro from 20",
                kind: .pointsPerSpend(points: 1, per: euro, minimumSpend: LoyaltyFixture.eur(20))),
            EarningRule(
                name: "Spring double", kind: .categoryMultiplier(2, categories: ["service"]), validFrom: monday,
                validUntil: monday + 7 * LoyaltyFixture.day),
            EarningRule(name: "Order cap", kind: .capPerOrder(300)),
            EarningRule(name: "Day cap", kind: .capPerDay(500), currencies: ["points"]),
        ])
        #expect(try engine.points(for: LoyaltyFixture.purchase(19), tier: "blue").points.isEmpty, "below the minimum")
        #expect(try engine.points(for: LoyaltyFixture.purchase(50), tier: "blue").points["points"] == 100)
        let later = LoyaltyFixture.purchase(50, at: monday + 8 * LoyaltyFixture.day)
        #expect(try engine.points(for: later, tier: "blue").points["points"] == 50, "the promotion ended")
        #expect(try engine.points(for: LoyaltyFixture.purchase(400), tier: "blue").points["points"] == 300)
        let capped = try engine.points(for: LoyaltyFixture.purchase(400), tier: "blue", earnedToday: ["points": 450])
        #expect(capped.points["points"] == 50 && capped.points["status"] == 300, "the day cap covers points only")
    }

    @Test func bonusesAndBadInput() throws {
        let engine = engine(LoyaltyFixture.standardRules)
        #expect(engine.bonus(for: .enrollment, at: LoyaltyFixture.start).points == ["points": 100])
        #expect(engine.bonus(for: .birthday, at: LoyaltyFixture.start).points.isEmpty)
        let dollars = Purchase(
            orderReference: "C", at: LoyaltyFixture.start,
            lines: [Purchase.Line(sku: "X", amount: Money(minorUnits: 100, currency: .usd))])
        #expect(throws: LoyaltyError.wrongSpendCurrency(expected: .eur, got: .usd)) {
            try engine.points(for: dollars, tier: "blue")
        }
    }
}
