import CRMContacts
import CRMCore
import CRMLoyalty
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Testing

/// The loyalty kit fails stores that break a rule, so passing it means something.
@Suite struct KitCatchesBrokenLoyaltyStoresTests {
    static func kit(_ defect: BrokenLoyaltyStore.Defect) -> LoyaltyStoreConformance {
        LoyaltyStoreConformance(makeStore: {
            BrokenLoyaltyStore(base: try await LoyaltyStoreTests.store(.inMemory), defect: defect)
        })
    }

    @Test func aStoreThatForgetsTheVersionCheckFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.ignoresVersions).check(.members) }
    }

    @Test func aStoreThatRedeemsARepeatedRequestAgainFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.ignoresIdempotency).check(.redemptions) }
    }

    @Test func aStoreThatUnlocksPendingPointsAtOnceFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.unlocksAtOnce).check(.earning) }
    }

    @Test func aStoreThatExpiresWithoutNoticeFails() async throws {
        await #expect(throws: ConformanceFailure.self) { try await Self.kit(.skipsNotices).check(.expiryAndTiers) }
    }
}

/// A loyalty store with one deliberate defect, delegating everything else to a correct store.
struct BrokenLoyaltyStore: LoyaltyStore {
    enum Defect {
        case ignoresVersions
        case ignoresIdempotency
        case unlocksAtOnce
        case skipsNotices
    }

    let base: EngineLoyaltyStore
    let defect: Defect
    var events: EventBus { base.events }

    func save(_ program: LoyaltyProgram, by principal: Principal) async throws {
        var program = program
        if defect == .unlocksAtOnce { program.returnWindowDays = 0 }
        try await base.save(program, by: principal)
    }

    func program(_ id: ID<LoyaltyProgram>) async throws -> LoyaltyProgram? { try await base.program(id) }

    func enroll(_ member: Member, by principal: Principal) async throws -> Stored<Member> {
        try await base.enroll(member, by: principal)
    }

    func update(_ member: Member, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Member> {
        let version =
            defect == .ignoresVersions ? try await base.member(member.id)?.version ?? expectedVersion : expectedVersion
        return try await base.update(member, expectedVersion: version, by: principal)
    }

    func member(_ id: ID<Member>) async throws -> Stored<Member>? { try await base.member(id) }

    func members(of contact: ID<Contact>) async throws -> [Stored<Member>] { try await base.members(of: contact) }

    func member(withCard card: CardNumber) async throws -> Stored<Member>? { try await base.member(withCard: card) }

    func account(of member: ID<Member>) async throws -> PointsAccount? { try await base.account(of: member) }

    func ledger(of member: ID<Member>) async throws -> [LedgerEntry] { try await base.ledger(of: member) }

    func recordPurchase(_ purchase: Purchase, for member: ID<Member>, by principal: Principal) async throws
        -> [LedgerEntry]
    {
        try await base.recordPurchase(purchase, for: member, by: principal)
    }

    func awardBonus(_ event: LoyaltyEvent, to member: ID<Member>, at now: Date, by principal: Principal) async throws
        -> [LedgerEntry]
    {
        try await base.awardBonus(event, to: member, at: now, by: principal)
    }

    func recordReturn(
        order: String, returnedShare: Decimal, for member: ID<Member>, at now: Date, by principal: Principal
    ) async throws -> [LedgerEntry] {
        try await base.recordReturn(order: order, returnedShare: returnedShare, for: member, at: now, by: principal)
    }

    func save(_ reward: Reward, by principal: Principal) async throws { try await base.save(reward, by: principal) }

    func reward(_ id: ID<Reward>) async throws -> Reward? { try await base.reward(id) }

    func redeem(
        _ reward: ID<Reward>, for member: ID<Member>, idempotencyKey: String, at now: Date, by principal: Principal
    ) async throws -> Redemption {
        let key = defect == .ignoresIdempotency ? "\(idempotencyKey)-\(UUID())" : idempotencyKey
        return try await base.redeem(reward, for: member, idempotencyKey: key, at: now, by: principal)
    }

    func fulfill(_ redemption: ID<Redemption>, at now: Date, by principal: Principal) async throws -> Redemption {
        try await base.fulfill(redemption, at: now, by: principal)
    }

    func cancel(_ redemption: ID<Redemption>, at now: Date, by principal: Principal) async throws -> Redemption {
        try await base.cancel(redemption, at: now, by: principal)
    }

    func redemption(_ id: ID<Redemption>) async throws -> Redemption? { try await base.redemption(id) }

    func advance(_ program: ID<LoyaltyProgram>, to now: Date, noticeDays: Int, by principal: Principal) async throws
        -> [any DomainEvent]
    {
        try await base.advance(program, to: now, noticeDays: defect == .skipsNotices ? 0 : noticeDays, by: principal)
    }

    func statement(of member: ID<Member>, at now: Date, expiringWithinDays days: Int) async throws -> MemberStatement {
        try await base.statement(of: member, at: now, expiringWithinDays: days)
    }
}
