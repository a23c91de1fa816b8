public import CRMCore
public import Foundation

/// A member's purchase of a reward with points.
///
/// The idempotency key makes a repeated request (a retry after a timeout, a double click) return the first
/// redemption instead of spending twice.
public struct Redemption: Hashable, Sendable, Codable, Identifiable {
    /// Where a redemption stands.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Points spent, reward not yet handed over.
        case issued
        /// Handed over.
        case fulfilled
        /// Called off; the points went back with their original expiry.
        case cancelled
    }

    /// The redemption's id.
    public let id: CRMCore.ID<Redemption>
    /// Who redeemed.
    public let memberID: CRMCore.ID<Member>
    /// What.
    public let rewardID: CRMCore.ID<Reward>
    /// The points spent.
    public let points: Int64
    /// The point currency.
    public let currency: String
    /// The caller's key for this request.
    public let idempotencyKey: String
    /// The ledger entry that spent the points.
    public let spendEntryID: CRMCore.ID<LedgerEntry>
    /// Where it stands.
    public private(set) var status: Status
    /// When it was made.
    public let issuedAt: Date
    /// When it was handed over.
    public private(set) var fulfilledAt: Date?
    /// When it was called off.
    public private(set) var cancelledAt: Date?

    init(
        id: CRMCore.ID<Redemption>, memberID: CRMCore.ID<Member>, reward: Reward, idempotencyKey: String,
        spendEntryID: CRMCore.ID<LedgerEntry>, at now: Date
    ) {
        self.id = id
        self.memberID = memberID
        self.rewardID = reward.id
        self.points = reward.points
        self.currency = reward.currency
        self.idempotencyKey = idempotencyKey
        self.spendEntryID = spendEntryID
        self.status = .issued
        self.issuedAt = now
    }

    /// Marks the reward handed over.
    public mutating func fulfill(at now: Date) throws(LoyaltyError) {
        guard status == .issued else { throw .invalidRedemptionTransition(from: status, to: .fulfilled) }
        status = .fulfilled
        fulfilledAt = now
    }

    /// Calls it off; only an issued redemption can be cancelled.
    mutating func cancel(at now: Date) throws(LoyaltyError) {
        guard status == .issued else { throw .invalidRedemptionTransition(from: status, to: .cancelled) }
        status = .cancelled
        cancelledAt = now
    }
}
