import CRMContacts
import CRMCore
public import CRMLoyalty
import Foundation
import Synchronization

/// The conformance kit's loyalty area: the checks every `LoyaltyStore` passes.
///
/// ```swift
/// @Test func myLoyaltyStoreConforms() async throws {
///     try await LoyaltyStoreConformance(makeStore: { try await MyLoyaltyStore.empty() }).run()
/// }
/// ```
public struct LoyaltyStoreConformance: Sendable {
    /// Makes a fresh, empty store.
    public let makeStore: @Sendable () async throws -> any LoyaltyStore

    /// Creates the kit for a store.
    public init(makeStore: @escaping @Sendable () async throws -> any LoyaltyStore) {
        self.makeStore = makeStore
    }

    /// The areas of the loyalty kit.
    public enum Area: String, CaseIterable, Sendable {
        /// Enrollment, member versions and card lookup.
        case members
        /// Purchases, pending points, the ledger and returns.
        case earning
        /// Redemptions: idempotent, refused beyond the balance, cancelled with a refund.
        case redemptions
        /// Expiry and its notices, each once, and tier changes with their events.
        case expiryAndTiers
    }

    /// Runs every area; throws a ``ConformanceReport`` of the failed ones.
    public func run() async throws {
        try await ConformanceReport.runAll(Area.allCases, check: check)
    }

    /// Runs the checks of one area; throws at the first failure.
    public func check(_ area: Area) async throws {
        switch area {
        case .members: try await checkMembers()
        case .earning: try await checkEarning()
        case .redemptions: try await checkRedemptions()
        case .expiryAndTiers: try await checkExpiryAndTiers()
        }
    }

    /// Enrollment stores the member with the enrollment bonus; stale updates are refused; cards find members.
    public func checkMembers() async throws {
        let expect = Expect(area: "members")
        let store = try await makeStore()
        let program = LoyaltyKit.program(window: 0)
        try await store.save(program, by: ContactKit.user)
        try expect.equal(try await store.program(program.id), program, "a program reads back as saved")
        var member = LoyaltyKit.member(program)
        let card = try CardNumber(prefix: "6031", sequence: Int(ContactKit.ids.next().low % 1_000_000))
        try member.issueCard(card, at: ContactKit.now)
        let saved = try await store.enroll(member, by: ContactKit.user)
        try expect.equal(try await store.account(of: member.id)?.balance("points"), 100, "enrollment earns its bonus")
        try expect.equal(try await store.member(withCard: card)?.value.id, member.id, "a card finds its member")
        try expect.equal(
            try await store.members(of: member.contactID).map(\.value.id), [member.id],
            "a contact finds their membership")
        var suspended = saved.value
        try suspended.setStatus(.suspended)
        _ = try await store.update(suspended, expectedVersion: saved.version, by: ContactKit.user)
        try await expect.error(.conflict, "an update from a stale version is refused") {
            try await store.update(saved.value, expectedVersion: saved.version, by: ContactKit.user)
        }
        do {
            _ = try await store.recordPurchase(LoyaltyKit.purchase(10), for: member.id, by: ContactKit.user)
            try expect.that(
                false, "a suspended member earns nothing", expected: "LoyaltyError.memberNotActive", actual: "earned")
        } catch let error as LoyaltyError {
            try expect.equal(error, .memberNotActive(member.id, .suspended), "a suspended member earns nothing")
        }
    }

    /// Purchase points wait for the return window, unlock once, and a return takes them back.
    public func checkEarning() async throws {
        let expect = Expect(area: "earning")
        let store = try await makeStore()
        let program = LoyaltyKit.program(window: 14)
        try await store.save(program, by: ContactKit.user)
        let member = LoyaltyKit.member(program)
        _ = try await store.enroll(member, by: ContactKit.user)
        _ = try await store.recordPurchase(LoyaltyKit.purchase(120, order: "A"), for: member.id, by: ContactKit.user)
        _ = try await store.recordPurchase(LoyaltyKit.purchase(60, order: "B"), for: member.id, by: ContactKit.user)
        let account = try await store.account(of: member.id)
        try expect.equal(account?.pendingBalances["points"], 180, "purchase points are pending")
        try expect.equal(account?.balance("points"), 100, "pending points are not spendable")
        _ = try await store.recordReturn(
            order: "B", returnedShare: 1, for: member.id, at: ContactKit.now + 86_400, by: ContactKit.user)
        _ = try await store.advance(program.id, to: ContactKit.now + 15 * 86_400, noticeDays: 0, by: ContactKit.user)
        _ = try await store.advance(program.id, to: ContactKit.now + 15 * 86_400, noticeDays: 0, by: ContactKit.user)
        try expect.equal(
            try await store.account(of: member.id)?.balance("points"), 220,
            "unlocked once, the returned order's points gone")
        let ledger = try await store.ledger(of: member.id)
        try expect.equal(
            ledger.map(\.kind),
            [.earned, .pending, .pending, .pending, .pending, .reversed, .reversed, .earned, .earned],
            "the ledger keeps every entry in order")
        try expect.equal(
            PointsAccount(memberID: member.id, replaying: ledger, program: program),
            try await store.account(of: member.id)!, "the stored account is what the ledger gives")
    }

    /// Redemptions spend once per idempotency key, refuse more than the balance, and cancel with a refund.
    public func checkRedemptions() async throws {
        let expect = Expect(area: "redemptions")
        let store = try await makeStore()
        let program = LoyaltyKit.program(window: 0)
        try await store.save(program, by: ContactKit.user)
        let member = LoyaltyKit.member(program)
        _ = try await store.enroll(member, by: ContactKit.user)
        let voucher = try Reward(
            id: ID(ContactKit.ids.next()), name: "Car wash", points: 60, currency: "points", stock: 2)
        try await store.save(voucher, by: ContactKit.user)
        let first = try await store.redeem(
            voucher.id, for: member.id, idempotencyKey: "r-1", at: ContactKit.now, by: ContactKit.user)
        let again: Redemption
        do {
            again = try await store.redeem(
                voucher.id, for: member.id, idempotencyKey: "r-1", at: ContactKit.now, by: ContactKit.user)
        } catch {
            throw ConformanceFailure(
                check: "redemptions: a repeated request returns the first redemption", input: "idempotency key r-1",
                expected: "redemption \(first.id)", actual: "\(error)")
        }
        try expect.equal(again, first, "a repeated request returns the first redemption")
        try expect.equal(try await store.account(of: member.id)?.balance("points"), 40, "and spends once")
        try expect.equal(try await store.reward(voucher.id)?.stock, 1, "the stock goes down once")
        let big = try Reward(id: ID(ContactKit.ids.next()), name: "Service", points: 41, currency: "points")
        try await store.save(big, by: ContactKit.user)
        let before = try await store.ledger(of: member.id).count
        do {
            _ = try await store.redeem(
                big.id, for: member.id, idempotencyKey: "r-2", at: ContactKit.now, by: ContactKit.user)
            try expect.that(
                false, "redeeming beyond the balance is refused", expected: "insufficientPoints", actual: "redeemed")
        } catch let error as LoyaltyError {
            try expect.equal(
                error, .insufficientPoints(currency: "points", balance: 40, requested: 41),
                "redeeming beyond the balance is refused")
        }
        try expect.equal(try await store.ledger(of: member.id).count, before, "a refused redemption writes nothing")
        let cancelled = try await store.cancel(first.id, at: ContactKit.now + 60, by: ContactKit.user)
        try expect.equal(cancelled.status, .cancelled, "an issued redemption can be cancelled")
        try expect.equal(
            try await store.account(of: member.id)?.balance("points"), 100, "cancelling refunds the points")
        try expect.equal(try await store.reward(voucher.id)?.stock, 2, "and restores the stock")
        do {
            _ = try await store.fulfill(first.id, at: ContactKit.now, by: ContactKit.user)
            try expect.that(false, "a cancelled redemption is not fulfilled", expected: "an error", actual: "fulfilled")
        } catch let error as LoyaltyError {
            try expect.equal(
                error, .invalidRedemptionTransition(from: .cancelled, to: .fulfilled),
                "a cancelled redemption is not fulfilled")
        }
    }

    /// Notices and expiries come once each with their events; an upgrade publishes `TierChanged`.
    public func checkExpiryAndTiers() async throws {
        let expect = Expect(area: "expiryAndTiers")
        let store = try await makeStore()
        let seen = Mutex<[String]>([])
        store.events.subscribe(PointsExpiringSoon.self) { event in seen.withLock { $0.append("soon \(event.points)") } }
        store.events.subscribe(PointsExpired.self) { event in seen.withLock { $0.append("expired \(event.points)") } }
        store.events.subscribe(TierChanged.self) { event in seen.withLock { $0.append("tier \(event.to)") } }
        let program = LoyaltyKit.program(window: 0, expiry: .afterDays(30))
        try await store.save(program, by: ContactKit.user)
        let member = LoyaltyKit.member(program)
        _ = try await store.enroll(member, by: ContactKit.user)
        _ = try await store.recordPurchase(LoyaltyKit.purchase(1_000), for: member.id, by: ContactKit.user)
        try expect.equal(try await store.member(member.id)?.value.tier, "silver", "an upgrade takes effect at once")
        for day in [25.0, 25, 31, 31] {
            _ = try await store.advance(
                program.id, to: ContactKit.now + day * 86_400, noticeDays: 7, by: ContactKit.user)
        }
        try expect.equal(
            seen.withLock { $0 }, ["tier silver", "soon 1100", "expired 1100"], "each notice, expiry and change once")
        try expect.equal(try await store.account(of: member.id)?.balance("points"), 0, "expired points are gone")
    }
}

/// The fixture of the loyalty area: one point per euro, status and reward points, a silver tier at 1,000.
enum LoyaltyKit {
    static func program(window: Int, expiry: ExpiryPolicy = .never) -> LoyaltyProgram {
        try! LoyaltyProgram(
            id: ID(ContactKit.ids.next()), name: "Kit club", spendCurrency: .eur,
            currencies: [
                PointCurrency(key: "status", name: "Status", purpose: .qualifying),
                PointCurrency(key: "points", name: "Points", purpose: .redeemable, expiry: expiry),
            ],
            earningRules: [
                EarningRule(
                    name: "1 per euro", kind: .pointsPerSpend(points: 1, per: Money(minorUnits: 100, currency: .eur))),
                EarningRule(name: "Welcome", kind: .bonus(.enrollment, points: 100), currencies: ["points"]),
            ],
            tiers: try! TierPolicy(tiers: [
                Tier(key: "blue", name: "Blue", threshold: 0), Tier(key: "silver", name: "Silver", threshold: 1_000),
            ]),
            returnWindowDays: window)
    }

    static func member(_ program: LoyaltyProgram) -> Member {
        Member(
            id: ID(ContactKit.ids.next()), program: program, contactID: ID(ContactKit.ids.next()), at: ContactKit.now)
    }

    static func purchase(_ euros: Int64, order: String = "O-\(ContactKit.ids.next())") -> Purchase {
        Purchase(
            orderReference: order, at: ContactKit.now,
            lines: [Purchase.Line(sku: "SERVICE", amount: Money(minorUnits: euros * 100, currency: .eur))])
    }
}
