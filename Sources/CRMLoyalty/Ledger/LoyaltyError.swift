public import CRMCore
public import Foundation

/// Why a loyalty operation was refused; nothing was changed.
public enum LoyaltyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Points must be positive.
    case nonPositivePoints(Int64)
    /// The program has no point currency with this key, or it has the wrong purpose.
    case unknownPointCurrency(String)
    /// The balance is smaller than the points asked for.
    case insufficientPoints(currency: String, balance: Int64, requested: Int64)
    /// The member is suspended or closed.
    case memberNotActive(CRMCore.ID<Member>, Member.Status)
    /// The card is not the member's.
    case unknownCard(CardNumber)
    /// The card is lost or replaced.
    case cardNotUsable(CardNumber, LoyaltyCard.Status)
    /// The card number is taken.
    case cardInUse(CardNumber)
    /// The purchase is in another currency than the program's.
    case wrongSpendCurrency(expected: Currency, got: Currency)
    /// The reward cannot be redeemed now: out of stock, outside its dates, or above the member's tier.
    case rewardUnavailable(CRMCore.ID<Reward>, reason: String)
    /// The redemption cannot change this way.
    case invalidRedemptionTransition(from: Redemption.Status, to: Redemption.Status)
    /// The order earned no points that could be taken back.
    case unknownOrder(String)
    /// A return share must lie in 0...1.
    case invalidShare(Decimal)

    /// What was refused and why.
    public var description: String {
        switch self {
        case .nonPositivePoints(let points): "points must be positive, got \(points)"
        case .unknownPointCurrency(let key): "the program has no suitable point currency \(key)"
        case .insufficientPoints(let currency, let balance, let requested):
            "\(requested) \(currency) requested but the balance is \(balance)"
        case .memberNotActive(let id, let status): "member \(id) is \(status.rawValue)"
        case .unknownCard(let number): "card \(number) is not the member's"
        case .cardNotUsable(let number, let status): "card \(number) is \(status.rawValue)"
        case .cardInUse(let number): "card \(number) is issued already"
        case .wrongSpendCurrency(let expected, let got): "purchases are in \(expected), not \(got)"
        case .rewardUnavailable(let id, let reason): "reward \(id) is unavailable: \(reason)"
        case .invalidRedemptionTransition(let from, let to): "a redemption cannot move from \(from) to \(to)"
        case .unknownOrder(let order): "order \(order) earned no points"
        case .invalidShare(let share): "a returned share must lie between 0 and 1, got \(share)"
        }
    }
}
