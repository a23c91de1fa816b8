public import CRMContacts
public import CRMCore
public import Foundation

/// The programs, members, ledgers, rewards and redemptions of loyalty programs, in domain words.
///
/// ``EngineLoyaltyStore`` implements it over any `StorageEngine`. Every operation on a member is one
/// transaction: the new ledger entries, the member's derived account and whatever else changed (a reward's
/// stock, a redemption), at the versions read, so a concurrent change fails with a conflict instead of
/// spending twice. Implementations publish ``TierChanged``, ``PointsExpiringSoon`` and ``PointsExpired`` after
/// the commit that recorded them.
public protocol LoyaltyStore: Sendable {
    /// The bus loyalty events are published on.
    var events: EventBus { get }

    /// Stores a program, or replaces it.
    func save(_ program: LoyaltyProgram, by principal: Principal) async throws
    /// The program with `id`, or `nil`.
    func program(_ id: ID<LoyaltyProgram>) async throws -> LoyaltyProgram?
    /// Enrolls a member: the member, an empty account and the enrollment bonus, in one transaction.
    func enroll(_ member: Member, by principal: Principal) async throws -> Stored<Member>
    /// Replaces a member (status, cards), if still at `expectedVersion`.
    func update(_ member: Member, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Member>
    /// The member with `id`, or `nil`.
    func member(_ id: ID<Member>) async throws -> Stored<Member>?
    /// The memberships of a contact, in every program.
    func members(of contact: ID<Contact>) async throws -> [Stored<Member>]
    /// The member whose current card is `card`, or `nil`.
    func member(withCard card: CardNumber) async throws -> Stored<Member>?
    /// The member's account, derived from the ledger.
    func account(of member: ID<Member>) async throws -> PointsAccount?
    /// The member's ledger, oldest first.
    func ledger(of member: ID<Member>) async throws -> [LedgerEntry]

    /// Earns the points of a purchase (pending for the return window), and reviews the tier.
    func recordPurchase(_ purchase: Purchase, for member: ID<Member>, by principal: Principal) async throws
        -> [LedgerEntry]
    /// Awards the bonus rules of `event`, and reviews the tier.
    func awardBonus(_ event: LoyaltyEvent, to member: ID<Member>, at now: Date, by principal: Principal) async throws
        -> [LedgerEntry]
    /// Takes back the points of an order of which `returnedShare` has been returned in all.
    func recordReturn(
        order: String, returnedShare: Decimal, for member: ID<Member>, at now: Date, by principal: Principal
    ) async throws -> [LedgerEntry]

    /// Stores a reward, or replaces it.
    func save(_ reward: Reward, by principal: Principal) async throws
    /// The reward with `id`, or `nil`.
    func reward(_ id: ID<Reward>) async throws -> Reward?
    /// Redeems a reward for the member in one transaction; a repeated `idempotencyKey` returns the first
    /// redemption and changes nothing.
    func redeem(
        _ reward: ID<Reward>, for member: ID<Member>, idempotencyKey: String, at now: Date, by principal: Principal
    ) async throws -> Redemption
    /// Marks a redemption fulfilled.
    func fulfill(_ redemption: ID<Redemption>, at now: Date, by principal: Principal) async throws -> Redemption
    /// Cancels an issued redemption: the points go back with their original expiry and the stock is restored.
    func cancel(_ redemption: ID<Redemption>, at now: Date, by principal: Principal) async throws -> Redemption
    /// The redemption with `id`, or `nil`.
    func redemption(_ id: ID<Redemption>) async throws -> Redemption?

    /// Runs the program's clock for every member at `now`: unlocks pending points, sends expiry notices
    /// `noticeDays` ahead, expires points and reviews tiers; returns the events published. Running it again
    /// at the same instant changes nothing.
    func advance(_ program: ID<LoyaltyProgram>, to now: Date, noticeDays: Int, by principal: Principal) async throws
        -> [any DomainEvent]
    /// The member's statement at `now`, with the awards expiring within `days`.
    func statement(of member: ID<Member>, at now: Date, expiringWithinDays days: Int) async throws -> MemberStatement
}
