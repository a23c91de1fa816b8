import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Testing

/// The engine loyalty store on every engine: the conformance kit, and what the kit cannot see.
@Suite struct LoyaltyStoreTests {
    static func store(_ engine: TestEngines) async throws -> EngineLoyaltyStore {
        try await EngineLoyaltyStore(engine: try await engine.make())
    }

    static let cases = TestEngines.allCases.flatMap { engine in
        LoyaltyStoreConformance.Area.allCases.map { (engine, $0) }
    }

    @Test(arguments: cases)
    func theEngineStorePassesTheKit(_ engine: TestEngines, _ area: LoyaltyStoreConformance.Area) async throws {
        try await LoyaltyStoreConformance(makeStore: { try await Self.store(engine) }).check(area)
    }

    @Test(arguments: TestEngines.allCases)
    func theLedgerAndAccountSurviveAReopen(_ engine: TestEngines) async throws {
        let store = try await Self.store(engine)
        let program = LoyaltyFixture.program(window: 0)
        try await store.save(program, by: LoyaltyFixture.user)
        let member = LoyaltyFixture.member(program)
        _ = try await store.enroll(member, by: LoyaltyFixture.user)
        _ = try await store.recordPurchase(LoyaltyFixture.purchase(250), for: member.id, by: LoyaltyFixture.user)
        let reopened = try await EngineLoyaltyStore(engine: try await engine.reopen(store.engine))
        let account = try await reopened.account(of: member.id)
        #expect(account?.balance("points") == 350)
        let ledger = try await reopened.ledger(of: member.id)
        #expect(PointsAccount(memberID: member.id, replaying: ledger, program: program) == account)
        let statement = try await reopened.statement(of: member.id, at: LoyaltyFixture.start, expiringWithinDays: 700)
        #expect(statement.balances == ["points": 350, "status": 250] && statement.history.count == 3)
        let endOfNextYear = Date(timeIntervalSince1970: 1_830_297_600)
        #expect(statement.expiringSoon.map(\.points).sorted() == [100, 250])
        #expect(statement.expiringSoon.allSatisfy { $0.expiresAt == endOfNextYear }, "the end of next year")
        #expect(
            try await reopened.statement(of: member.id, at: LoyaltyFixture.start, expiringWithinDays: 600)
                .expiringSoon.isEmpty)
    }

    @Test(arguments: TestEngines.allCases)
    func advancingTheClockReadsOnlyTheMembersThatAreDue(_ engine: TestEngines) async throws {
        let store = try await Self.store(engine)
        let program = LoyaltyFixture.program(expiry: .afterDays(30), window: 0)
        try await store.save(program, by: LoyaltyFixture.user)
        let early = LoyaltyFixture.member(program)
        let late = LoyaltyFixture.member(program, at: LoyaltyFixture.start + 20 * LoyaltyFixture.day)
        _ = try await store.enroll(early, by: LoyaltyFixture.user)
        _ = try await store.enroll(late, by: LoyaltyFixture.user)
        let before = try await store.engine.changes(after: 0, limit: 10_000).count
        let now = LoyaltyFixture.start + 35 * LoyaltyFixture.day
        let events = try await store.advance(program.id, to: now, noticeDays: 0, by: LoyaltyFixture.user)
        #expect(events.compactMap { ($0 as? PointsExpired)?.memberID } == [early.id])
        let changed = try await store.engine.changes(after: UInt64(before), limit: 10_000)
        #expect(Set(changed.map(\.key.id)).isSuperset(of: [early.id.rawValue]))
        #expect(!changed.contains { $0.key.id == late.id.rawValue }, "the member not due is not written")
        #expect(try await store.advance(program.id, to: now, noticeDays: 0, by: LoyaltyFixture.user).isEmpty)
    }

    @Test(arguments: TestEngines.allCases)
    func aDayCapCountsWhatTheDayEarnedAlready(_ engine: TestEngines) async throws {
        let store = try await Self.store(engine)
        let program = LoyaltyFixture.program(
            window: 0,
            rules: [
                EarningRule(name: "1 per euro", kind: .pointsPerSpend(points: 1, per: LoyaltyFixture.euro)),
                EarningRule(name: "500 a day", kind: .capPerDay(500)),
            ])
        try await store.save(program, by: LoyaltyFixture.user)
        let member = LoyaltyFixture.member(program)
        _ = try await store.enroll(member, by: LoyaltyFixture.user)
        for hour in 0..<3 {
            let purchase = LoyaltyFixture.purchase(200, at: LoyaltyFixture.start + Double(hour) * 3600)
            _ = try await store.recordPurchase(purchase, for: member.id, by: LoyaltyFixture.user)
        }
        #expect(try await store.account(of: member.id)?.balance("points") == 500)
        let tomorrow = LoyaltyFixture.purchase(200, at: LoyaltyFixture.start + LoyaltyFixture.day)
        _ = try await store.recordPurchase(tomorrow, for: member.id, by: LoyaltyFixture.user)
        #expect(try await store.account(of: member.id)?.balance("points") == 700)
    }

    @Test(arguments: TestEngines.allCases)
    func aRewardAboveTheMembersTierOrOutOfStockIsRefused(_ engine: TestEngines) async throws {
        let store = try await Self.store(engine)
        let program = LoyaltyFixture.program(window: 0)
        try await store.save(program, by: LoyaltyFixture.user)
        let member = LoyaltyFixture.member(program)
        _ = try await store.enroll(member, by: LoyaltyFixture.user)
        let lounge = try Reward(
            id: ID(LoyaltyFixture.ids.next()), name: "Lounge day", points: 10, currency: "points", minimumTier: "gold")
        let gone = try Reward(
            id: ID(LoyaltyFixture.ids.next()), name: "Sold out", points: 10, currency: "points", stock: 0)
        try await store.save(lounge, by: LoyaltyFixture.user)
        try await store.save(gone, by: LoyaltyFixture.user)
        await #expect(throws: LoyaltyError.rewardUnavailable(lounge.id, reason: "needs tier gold")) {
            try await store.redeem(
                lounge.id, for: member.id, idempotencyKey: "a", at: LoyaltyFixture.start, by: LoyaltyFixture.user)
        }
        await #expect(throws: LoyaltyError.rewardUnavailable(gone.id, reason: "out of stock")) {
            try await store.redeem(
                gone.id, for: member.id, idempotencyKey: "b", at: LoyaltyFixture.start, by: LoyaltyFixture.user)
        }
        #expect(try await store.account(of: member.id)?.balance("points") == 100, "nothing was spent")
    }

    @Test func salesOrdersEarnPointsAndReturnsTakeThemBack() async throws {
        let engine = InMemoryEngine()
        let contacts = try await EngineContactStore(engine: engine)
        let sales = try await EngineSalesStore(contacts: contacts)
        let loyalty = try await EngineLoyaltyStore(engine: engine)
        let program = LoyaltyFixture.program(window: 0)
        try await loyalty.save(program, by: LoyaltyFixture.user)
        let member = LoyaltyFixture.member(program)
        _ = try await loyalty.enroll(member, by: LoyaltyFixture.user)
        let clock = ManualWallClock(LoyaltyFixture.start)
        let bridge = SalesOrderPoints(sales: sales, loyalty: loyalty, clock: clock, principal: LoyaltyFixture.user) {
            _ in
            member.id
        }
        bridge.start()

        let product = try Product(id: ID(LoyaltyFixture.ids.next()), sku: "SERVICE-A", name: "Service A")
        var book = PriceBook(id: ID(LoyaltyFixture.ids.next()), name: "Standard")
        book.setPrice(try PriceBook.Entry(productID: product.id, unitPrice: LoyaltyFixture.eur(90)))
        var quote = try Quote(
            id: ID(LoyaltyFixture.ids.next()), lines: [LineRequest(productID: product.id, quantity: 3)],
            engine: PricingEngine(products: [product], priceBook: book), currency: .eur, on: LoyaltyFixture.start,
            validUntil: LoyaltyFixture.start + LoyaltyFixture.day)
        var order = try quote.accept(at: LoyaltyFixture.start, orderID: ID(LoyaltyFixture.ids.next()), channel: .online)
        let draft = try await sales.insert(order, by: LoyaltyFixture.user)
        try order.place(at: LoyaltyFixture.start)
        let placed = try await sales.update(order, expectedVersion: draft.version, by: LoyaltyFixture.user)
        #expect(try await loyalty.account(of: member.id)?.balance("points") == 370, "100 welcome + 270")
        try order.fulfill(at: LoyaltyFixture.start)
        let fulfilled = try await sales.update(order, expectedVersion: placed.version, by: LoyaltyFixture.user)
        try order.returnUnits(1, ofLine: 0)
        _ = try await sales.update(order, expectedVersion: fulfilled.version, by: LoyaltyFixture.user)
        #expect(try await loyalty.account(of: member.id)?.balance("points") == 280, "a third came back")
        #expect(bridge.failures.isEmpty)
        bridge.stop()
    }
}
