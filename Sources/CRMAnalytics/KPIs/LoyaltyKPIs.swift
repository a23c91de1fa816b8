public import CRMLoyalty
public import Foundation

/// The headline numbers of a loyalty program: who takes part, how many points are earned and spent, and how
/// many are never used.
public struct LoyaltyKPIs: Hashable, Sendable {
    /// Active members.
    public let activeMembers: Int
    /// Members per tier key.
    public let tierDistribution: [String: Int]
    /// Redeemable points earned in the period.
    public let pointsEarned: Int64
    /// Points spent on rewards in the period (burn).
    public let pointsSpent: Int64
    /// Points that expired in the period.
    public let pointsExpired: Int64
    /// The share of active members who redeemed in the period; `nil` without active members.
    public let redemptionRate: Double?
    /// Breakage: the share of earned points that expired instead of being spent; `nil` when nothing was
    /// spent or expired.
    public let breakage: Double?

    /// Computes the numbers from the members and their ledgers in `period`, for the redeemable point
    /// currencies of `program`.
    public init(program: LoyaltyProgram, members: [Member], ledgers: [[LedgerEntry]], period: DateInterval) {
        let redeemable = Set(program.currencies.filter { $0.purpose == .redeemable }.map(\.key))
        activeMembers = members.filter(\.isActive).count
        tierDistribution = members.reduce(into: [:]) { $0[$1.tier, default: 0] += 1 }
        var earned: Int64 = 0
        var spent: Int64 = 0
        var expired: Int64 = 0
        var redeemers = Set<String>()
        for entry in ledgers.joined() where redeemable.contains(entry.currency) && period.contains(entry.at) {
            switch entry.kind {
            case .earned: earned += entry.points
            case .spent:
                spent += entry.points
                redeemers.insert(entry.memberID.description)
            case .refunded: spent -= entry.points
            case .expired: expired += entry.points
            case .pending, .reversed, .expiryNotice: break
            }
        }
        pointsEarned = earned
        pointsSpent = spent
        pointsExpired = expired
        redemptionRate = activeMembers == 0 ? nil : Double(redeemers.count) / Double(activeMembers)
        breakage = spent + expired == 0 ? nil : Double(expired) / Double(spent + expired)
    }
}
