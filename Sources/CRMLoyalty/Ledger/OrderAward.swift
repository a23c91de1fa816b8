public import Foundation

/// What one purchase earned and what its returns took back, per point currency.
public struct OrderAward: Hashable, Sendable, Codable {
    /// Points earned per point currency (pending or unlocked).
    public private(set) var earned: [String: Int64] = [:]
    /// Points taken back per point currency, including what could not be taken back.
    public private(set) var reversed: [String: Int64] = [:]
    /// The money spent on the purchase, in minor units.
    public private(set) var spend: Int64 = 0
    /// The spend that returns took back, in minor units.
    public private(set) var spendReversed: Int64 = 0
    /// When the purchase was made, for the tier period its returns count in.
    public private(set) var purchasedAt: Date?
    /// Points of the order spent on rewards, per point currency.
    public private(set) var spent: [String: Int64] = [:]
    /// Points of the order taken back from the member's other awards because the order's own were spent.
    public private(set) var takenFromOthers: [String: Int64] = [:]

    /// Records an entry of the order: the award, or a return.
    mutating func record(_ entry: LedgerEntry) {
        switch entry.kind {
        case .pending, .earned:
            guard entry.relatesTo == nil else { return }
            earned[entry.currency, default: 0] += entry.points
            spend += entry.spend
            purchasedAt = purchasedAt ?? entry.at
        case .reversed:
            reversed[entry.currency, default: 0] += entry.points + entry.shortfall
            spendReversed -= entry.spend
            let fromOthers = entry.consumed.filter { $0.order != entry.order }.reduce(Int64(0)) { $0 + $1.points }
            takenFromOthers[entry.currency, default: 0] += fromOthers
        default: break
        }
    }

    /// Records that `points` of the order's awards were spent on a reward.
    mutating func recordSpending(of points: Int64, currency: String) {
        spent[currency, default: 0] += points
    }
}
