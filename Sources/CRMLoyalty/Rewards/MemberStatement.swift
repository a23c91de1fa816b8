import CRMCore
public import Foundation

/// What a member sees of their account: balances, pending points, what expires soon, and the history.
public struct MemberStatement: Hashable, Sendable, Codable {
    /// Points about to expire.
    public struct Expiring: Hashable, Sendable, Codable {
        /// The point currency.
        public let currency: String
        /// How many.
        public let points: Int64
        /// When.
        public let expiresAt: Date
    }

    /// The member.
    public let member: Member
    /// Spendable points per point currency.
    public let balances: [String: Int64]
    /// Points in their return window per point currency.
    public let pending: [String: Int64]
    /// Awards expiring within the asked number of days, soonest first.
    public let expiringSoon: [Expiring]
    /// The ledger, newest first.
    public let history: [LedgerEntry]

    /// The statement of `member` at `now` from their account and ledger.
    public init(
        member: Member, account: PointsAccount, history: [LedgerEntry], at now: Date, expiringWithinDays days: Int,
        program: LoyaltyProgram
    ) {
        self.member = member
        balances = account.balances.filter { $0.value != 0 }
        pending = account.pendingBalances.filter { $0.value != 0 }
        let horizon = now + Double(days) * 86_400
        expiringSoon = program.currencies.flatMap { currency in
            account.openLots(currency.key).compactMap { lot -> Expiring? in
                guard let expiry = lot.expiresAt, expiry > now, expiry <= horizon else { return nil }
                return Expiring(currency: currency.key, points: lot.remaining, expiresAt: expiry)
            }
        }.sorted { $0.expiresAt < $1.expiresAt }
        self.history = history.sorted { ($0.at, $0.id) > ($1.at, $1.id) }
    }
}
