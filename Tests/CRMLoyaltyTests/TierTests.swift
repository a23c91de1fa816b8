import CRMCore
import CRMLoyalty
import Foundation
import Testing

/// Upgrades at once, downgrades at the end of the qualification period.
@Suite struct TierTests {
    let ids = LoyaltyFixture.ids
    let start = LoyaltyFixture.start
    let day = LoyaltyFixture.day

    func program(_ period: TierPolicy.Period, _ downgrade: TierPolicy.Downgrade) throws -> LoyaltyProgram {
        var program = LoyaltyFixture.program(window: 0)
        program.tiers = try TierPolicy(
            tiers: LoyaltyFixture.tiers.tiers, basis: .qualifyingPoints, period: period, downgrade: downgrade)
        return program
    }

    func earn(_ points: Int64, at date: Date, _ account: inout PointsAccount, _ program: LoyaltyProgram) throws {
        _ = try account.earn(
            points, currency: "status", source: .adjustment("test"), at: date, id: ID(ids.next()),
            program: program)
    }

    /// 2027-01-01 and 2028-01-01, 00:00 UTC.
    let nextYear = Date(timeIntervalSince1970: 1_798_761_600)
    let yearAfter = Date(timeIntervalSince1970: 1_830_297_600)

    @Test func anUpgradeTakesEffectAtOnce() throws {
        let program = try program(.calendarYear, .oneTierAtATime)
        var member = LoyaltyFixture.member(program)
        var account = PointsAccount(memberID: member.id)
        try earn(999, at: start, &account, program)
        #expect(program.reviewTier(of: &member, account: account, at: start).isEmpty)
        try earn(1, at: start + day, &account, program)
        let up = program.reviewTier(of: &member, account: account, at: start + day)
        #expect(up.map(\.to) == ["silver"] && up.first?.isUpgrade == true && member.tierSince == start + day)
        try earn(4_000, at: start + 2 * day, &account, program)
        #expect(program.reviewTier(of: &member, account: account, at: start + 2 * day).map(\.to) == ["gold"])
    }

    @Test func aDowngradeWaitsForTheEndOfThePeriodAndGoesOneTierAtATime() throws {
        let program = try program(.calendarYear, .oneTierAtATime)
        var member = LoyaltyFixture.member(program)
        var account = PointsAccount(memberID: member.id)
        try earn(6_000, at: start, &account, program)
        _ = program.reviewTier(of: &member, account: account, at: start)
        #expect(member.tier == "gold")
        #expect(program.reviewTier(of: &member, account: account, at: nextYear - 1).isEmpty, "kept all year")
        let first = program.reviewTier(of: &member, account: account, at: nextYear + day)
        #expect(first.isEmpty, "6,000 in 2026 requalifies gold for the review of 2026")
        let second = program.reviewTier(of: &member, account: account, at: yearAfter + day)
        #expect(second.map(\.to) == ["silver"] && second.first?.at == yearAfter, "nothing in 2027: one tier down")
        #expect(second.first?.isUpgrade == false)
    }

    @Test func theQualifiedTierModeFallsStraightToWhatThePeriodEarned() throws {
        let program = try program(.calendarYear, .toQualifiedTier)
        var member = LoyaltyFixture.member(program)
        var account = PointsAccount(memberID: member.id)
        try earn(6_000, at: start, &account, program)
        _ = program.reviewTier(of: &member, account: account, at: start)
        let changes = program.reviewTier(of: &member, account: account, at: yearAfter + day)
        #expect(changes.map(\.to) == ["blue"], "two reviews passed; 2027 brought nothing")
    }

    @Test func neverDowngradeKeepsTheTier() throws {
        let program = try program(.calendarYear, .never)
        var member = LoyaltyFixture.member(program)
        var account = PointsAccount(memberID: member.id)
        try earn(1_500, at: start, &account, program)
        _ = program.reviewTier(of: &member, account: account, at: start)
        #expect(program.reviewTier(of: &member, account: account, at: yearAfter + day).isEmpty)
        #expect(member.tier == "silver")
    }

    @Test func rollingAndAnniversaryPeriods() throws {
        let rolling = try program(.rolling12Months, .toQualifiedTier)
        let period = rolling.qualificationPeriod(containing: start, enrolledAt: start)
        #expect(period.end == Date(timeIntervalSince1970: 1_775_001_600), "ends with March 2026")
        #expect(period.start == Date(timeIntervalSince1970: 1_743_465_600), "starts with April 2025")
        let anniversary = try program(.anniversary, .toQualifiedTier)
        let year = anniversary.qualificationPeriod(containing: start + 400 * day, enrolledAt: start)
        #expect(year.start == start + 365 * day && year.end == start + 731 * day, "2028 is a leap year")
    }

    @Test func returnsCountAgainstThePeriodOfThePurchase() throws {
        let program = try program(.calendarYear, .toQualifiedTier)
        var member = LoyaltyFixture.member(program)
        var account = PointsAccount(memberID: member.id)
        let purchase = LoyaltyFixture.purchase(1_200, at: start, order: "BIG")
        let result = try EarningEngine(program: program).points(for: purchase, tier: member.tier)
        _ = account.award(result, for: purchase, ids: ids, program: program)
        _ = program.reviewTier(of: &member, account: account, at: start)
        #expect(member.tier == "silver")
        _ = try account.reverse(order: "BIG", returnedShare: 1, at: nextYear + day, ids: ids, program: program)
        let review = program.reviewTier(of: &member, account: account, at: nextYear + 2 * day)
        #expect(review.map(\.to) == ["blue"], "the return removed 2026's qualifying points")
    }
}
