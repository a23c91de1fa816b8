import CRMCore
import CRMLoyalty
import Foundation
import Testing

/// The points ledger: pending, unlocking, spending in order, expiry, returns, refunds, and the account that
/// replaying the ledger gives.
@Suite struct LedgerTests {
    let ids = LoyaltyFixture.ids
    let start = LoyaltyFixture.start
    let day = LoyaltyFixture.day

    /// A member's account with every entry kept, checking after each step that replaying gives the same.
    struct Ledger {
        let program: LoyaltyProgram
        var account: PointsAccount
        var entries: [LedgerEntry] = []

        init(_ program: LoyaltyProgram) {
            self.program = program
            account = PointsAccount(memberID: ID(LoyaltyFixture.ids.next()))
        }

        mutating func record(_ new: [LedgerEntry]) {
            entries += new
            #expect(PointsAccount(memberID: account.memberID, replaying: entries, program: program) == account)
        }

        mutating func buy(_ euros: Int64, at date: Date, order: String, tier: String = "blue") throws {
            let purchase = LoyaltyFixture.purchase(euros, at: date, order: order)
            let result = try EarningEngine(program: program).points(for: purchase, tier: tier)
            record(account.award(result, for: purchase, ids: LoyaltyFixture.ids, program: program))
        }
    }

    @Test func purchasePointsArePendingUntilTheReturnWindowEnds() throws {
        var ledger = Ledger(LoyaltyFixture.program(window: 14))
        try ledger.buy(120, at: start, order: "O1")
        #expect(ledger.account.balance("points") == 0 && ledger.account.pendingBalances["points"] == 120)
        ledger.record(ledger.account.unlock(at: start + 13 * day, ids: ids, program: ledger.program))
        #expect(ledger.account.balance("points") == 0, "not before the window ends")
        ledger.record(ledger.account.unlock(at: start + 20 * day, ids: ids, program: ledger.program))
        #expect(ledger.account.balance("points") == 120 && ledger.account.pendingBalances["points"] == 0)
        #expect(ledger.account.openLots("points").first?.earnedAt == start + 14 * day, "earned when the window ended")
        ledger.record(ledger.account.unlock(at: start + 30 * day, ids: ids, program: ledger.program))
        #expect(ledger.account.balance("points") == 120, "unlocking twice adds nothing")
    }

    @Test func spendingTakesOldestFirstOrSoonestExpiringFirst() throws {
        for order in [ConsumptionOrder.oldestFirst, .soonestExpiringFirst] {
            var ledger = Ledger(LoyaltyFixture.program(order: order, expiry: .afterDays(365), window: 0))
            let program = ledger.program
            let old = try ledger.account.earn(
                50, currency: "points", source: .adjustment("goodwill"), at: start, id: ID(ids.next()), program: program
            )
            ledger.record([old])
            let short = try ledger.account.earn(
                50, currency: "points", source: .event(.birthday), at: start + day, id: ID(ids.next()), program: program
            )
            ledger.record([short])
            // A campaign award that expires sooner than the older one.
            var sooner = LoyaltyFixture.program(order: order, expiry: .afterDays(30), window: 0)
            sooner = try LoyaltyProgram(
                id: program.id, name: program.name, spendCurrency: .eur, currencies: sooner.currencies,
                tiers: program.tiers, consumptionOrder: order, timeZone: program.timeZone)
            let campaign = try ledger.account.earn(
                50, currency: "points", source: .event(.custom("quiz")), at: start + 2 * day, id: ID(ids.next()),
                program: sooner)
            ledger.entries.append(campaign)
            let spent = try ledger.account.spend(
                60, currency: "points", at: start + 3 * day, source: .adjustment("test"), id: ID(ids.next()),
                program: program)
            ledger.entries.append(spent)
            switch order {
            case .oldestFirst: #expect(spent.consumed.map(\.lot) == [old.id, short.id])
            case .soonestExpiringFirst: #expect(spent.consumed.map(\.lot) == [campaign.id, old.id])
            }
            #expect(spent.consumed.map(\.points) == [50, 10])
            #expect(ledger.account.balance("points") == 90)
        }
    }

    @Test func spendingMoreThanTheBalanceChangesNothing() throws {
        var ledger = Ledger(LoyaltyFixture.program(window: 0))
        try ledger.buy(40, at: start, order: "O1")
        let before = ledger.account
        #expect(throws: LoyaltyError.insufficientPoints(currency: "points", balance: 40, requested: 41)) {
            try ledger.account.spend(
                41, currency: "points", at: start, source: .adjustment("x"), id: ID(ids.next()), program: ledger.program
            )
        }
        #expect(throws: LoyaltyError.nonPositivePoints(-5)) {
            try ledger.account.spend(
                -5, currency: "points", at: start, source: .adjustment("x"), id: ID(ids.next()), program: ledger.program
            )
        }
        #expect(throws: LoyaltyError.unknownPointCurrency("status"), "qualifying points are not spent") {
            try ledger.account.spend(
                1, currency: "status", at: start, source: .adjustment("x"), id: ID(ids.next()), program: ledger.program)
        }
        #expect(ledger.account == before)
    }

    @Test func expiryIsIdempotentAndNoticesComeOnce() throws {
        var ledger = Ledger(LoyaltyFixture.program(expiry: .endOfMonth(afterMonths: 0), window: 0))
        try ledger.buy(70, at: start, order: "O1")
        let notices = ledger.account.expiryNotices(
            at: start + 20 * day, withinDays: 14, ids: ids, program: ledger.program)
        ledger.record(notices)
        #expect(notices.map(\.consumed.first?.points) == [70])
        #expect(
            ledger.account.expiryNotices(at: start + 21 * day, withinDays: 14, ids: ids, program: ledger.program)
                .isEmpty)
        #expect(ledger.account.expire(at: start + 20 * day, ids: ids, program: ledger.program).isEmpty, "not yet")
        let monthEnd = Date(timeIntervalSince1970: 1_775_001_600)  // 2026-04-01 00:00 UTC
        let expired = ledger.account.expire(at: monthEnd, ids: ids, program: ledger.program)
        ledger.record(expired)
        #expect(expired.map(\.points) == [70] && ledger.account.balance("points") == 0)
        #expect(ledger.account.expire(at: monthEnd + day, ids: ids, program: ledger.program).isEmpty, "once")
        #expect(ledger.account.balance("status") == 70, "status points never expire")
    }

    @Test func inactivityExpiresEverythingAfterTheQuietPeriod() throws {
        var ledger = Ledger(LoyaltyFixture.program(expiry: .afterInactivity(days: 90), window: 0))
        try ledger.buy(30, at: start, order: "O1")
        try ledger.buy(20, at: start + 60 * day, order: "O2")
        #expect(ledger.account.expire(at: start + 100 * day, ids: ids, program: ledger.program).isEmpty)
        let expired = ledger.account.expire(at: start + 151 * day, ids: ids, program: ledger.program)
        ledger.record(expired)
        #expect(expired.first?.points == 50)
    }

    @Test func aReturnInTheWindowTakesBackPendingPoints() throws {
        var ledger = Ledger(LoyaltyFixture.program(window: 14))
        try ledger.buy(300, at: start, order: "O1")
        ledger.record(
            try ledger.account.reverse(
                order: "O1", returnedShare: Decimal(1) / 3, at: start + day, ids: ids, program: ledger.program))
        #expect(ledger.account.pendingBalances["points"] == 200)
        ledger.record(
            try ledger.account.reverse(
                order: "O1", returnedShare: Decimal(1) / 3, at: start + day, ids: ids, program: ledger.program))
        #expect(ledger.account.pendingBalances["points"] == 200, "the same total share takes nothing more")
        ledger.record(ledger.account.unlock(at: start + 15 * day, ids: ids, program: ledger.program))
        #expect(ledger.account.balance("points") == 200 && ledger.account.balance("status") == 200)
        ledger.record(
            try ledger.account.reverse(
                order: "O1", returnedShare: 1, at: start + 16 * day, ids: ids, program: ledger.program))
        #expect(ledger.account.balance("points") == 0 && ledger.account.balance("status") == 0)
        #expect(ledger.account.orders["O1"]?.spendReversed == 30_000, "the whole spend is taken back for tiers")
    }

    @Test func aReturnAfterSpendingTakesFromOtherPointsAndAfterExpiryTakesNothing() throws {
        var ledger = Ledger(LoyaltyFixture.program(expiry: .afterDays(30), window: 0))
        let program = ledger.program
        try ledger.buy(100, at: start, order: "O1")
        ledger.record([
            try ledger.account.spend(
                80, currency: "points", at: start + day, source: .adjustment("voucher"), id: ID(ids.next()),
                program: program)
        ])
        try ledger.buy(50, at: start + 2 * day, order: "O2")
        ledger.record(
            try ledger.account.reverse(order: "O1", returnedShare: 1, at: start + 3 * day, ids: ids, program: program))
        #expect(ledger.account.balance("points") == 0, "20 of its own, then 50 of O2 for the 80 it spent")
        #expect(ledger.entries.last { $0.currency == "points" }?.shortfall == 30, "the rest cannot be taken")

        var expired = Ledger(LoyaltyFixture.program(expiry: .afterDays(30), window: 0))
        try expired.buy(100, at: start, order: "O3")
        expired.record(expired.account.expire(at: start + 31 * day, ids: ids, program: expired.program))
        try expired.buy(40, at: start + 32 * day, order: "O4")
        expired.record(
            try expired.account.reverse(
                order: "O3", returnedShare: 1, at: start + 33 * day, ids: ids, program: expired.program))
        #expect(expired.account.balance("points") == 40, "expired points are not taken again from newer ones")
        #expect(throws: LoyaltyError.unknownOrder("nope")) {
            try expired.account.reverse(order: "nope", returnedShare: 1, at: start, ids: ids, program: expired.program)
        }
        #expect(throws: LoyaltyError.invalidShare(2)) {
            try expired.account.reverse(order: "O4", returnedShare: 2, at: start, ids: ids, program: expired.program)
        }
    }

    @Test func aRefundRestoresTheSpentAwardsWithTheirExpiry() throws {
        var ledger = Ledger(LoyaltyFixture.program(expiry: .afterDays(30), window: 0))
        try ledger.buy(100, at: start, order: "O1")
        let spent = try ledger.account.spend(
            60, currency: "points", at: start + day, source: .adjustment("voucher"), id: ID(ids.next()),
            program: ledger.program)
        ledger.record([spent])
        ledger.record([ledger.account.refund(spent, at: start + 2 * day, id: ID(ids.next()), program: ledger.program)])
        #expect(ledger.account.balance("points") == 100)
        #expect(ledger.account.openLots("points").map(\.expiresAt) == [start + 30 * day])
    }

    @Test func theBalanceOfALongLedgerIsReadWithoutReplaying() throws {
        var ledger = Ledger(LoyaltyFixture.program(window: 0))
        for number in 0..<500 {
            let purchase = LoyaltyFixture.purchase(10, at: start + Double(number) * 3600, order: "N\(number)")
            let result = try EarningEngine(program: ledger.program).points(for: purchase, tier: "blue")
            ledger.entries += ledger.account.award(result, for: purchase, ids: ids, program: ledger.program)
        }
        #expect(ledger.account.balance("points") == 5_000 && ledger.account.entryCount == 1_000)
        #expect(
            PointsAccount(memberID: ledger.account.memberID, replaying: ledger.entries, program: ledger.program)
                == ledger.account)
    }
}
