import CRMCore
import CRMLoyalty
import Foundation
import Testing

@Suite struct CardAndMemberTests {
    @Test func cardNumbersCarryALuhnCheckDigit() throws {
        #expect(try CardNumber("4539 1488 0343 6467").digits == "4539148803436467")
        let made = try CardNumber(prefix: "6031", sequence: 42)
        #expect(made.digits.count == 16 && made.digits.hasPrefix("6031"))
        #expect(try CardNumber(made.digits) == made)
        for bad in ["4539 1488 0343 6468", "4539148803436476", "12345", "6031abcd00000000"] {
            let error = #expect(throws: ValidationError.self, "\(bad)") { try CardNumber(bad) }
            #expect(error?.fields == ["number"])
        }
        #expect(made.description.split(separator: " ").count == 4)
    }

    @Test func aLostCardIsReplacedAndStopsWorking() throws {
        var member = LoyaltyFixture.member(LoyaltyFixture.program())
        let first = try CardNumber(prefix: "6031", sequence: 1)
        let second = try CardNumber(prefix: "6031", sequence: 2)
        try member.issueCard(first, at: LoyaltyFixture.start)
        try member.activateCard(first)
        try member.replaceLostCard(first, with: second, at: LoyaltyFixture.start)
        #expect(member.cards.map(\.status) == [.replaced, .issued])
        #expect(member.cards[0].replacedBy == second && member.currentCard?.number == second)
        #expect(throws: LoyaltyError.cardNotUsable(first, .replaced)) { try member.activateCard(first) }
        #expect(throws: LoyaltyError.cardInUse(second)) { try member.issueCard(second, at: LoyaltyFixture.start) }
        let stranger = try CardNumber(prefix: "6031", sequence: 3)
        #expect(throws: LoyaltyError.unknownCard(stranger)) { try member.reportLost(stranger) }
    }

    @Test func aClosedMembershipStaysClosed() throws {
        var member = LoyaltyFixture.member(LoyaltyFixture.program())
        try member.setStatus(.suspended)
        #expect(!member.isActive)
        try member.setStatus(.active)
        try member.setStatus(.closed)
        #expect(throws: LoyaltyError.memberNotActive(member.id, .closed)) { try member.setStatus(.active) }
    }

    @Test func badProgramsNameTheirFields() throws {
        let error = #expect(throws: ValidationError.self) {
            try LoyaltyProgram(
                id: ID(LoyaltyFixture.ids.next()), name: " ", spendCurrency: .eur,
                currencies: [PointCurrency(key: "p", name: "P", purpose: .redeemable, expiry: .afterDays(0))],
                earningRules: [EarningRule(name: "x", kind: .capPerDay(5), currencies: ["miles"])],
                returnWindowDays: -1)
        }
        #expect(error?.fields == ["name", "currencies.p.expiry", "earningRules[0].currencies", "returnWindowDays"])
        let tiers = #expect(throws: ValidationError.self) {
            try TierPolicy(tiers: [Tier(key: "a", name: "A", threshold: 10), Tier(key: "b", name: "B", threshold: 5)])
        }
        #expect(tiers?.fields == ["tiers"])
    }
}
