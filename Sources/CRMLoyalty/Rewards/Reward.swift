public import CRMCore
public import Foundation

/// Something members buy with points: a voucher, a product, an experience.
public struct Reward: Hashable, Sendable, Codable, Identifiable {
    /// The reward's id.
    public let id: CRMCore.ID<Reward>
    /// The name shown to members.
    public var name: String
    /// Its price in points.
    public var points: Int64
    /// The redeemable point currency it is paid in.
    public var currency: String
    /// The first instant it can be redeemed.
    public var availableFrom: Date?
    /// The instant it stops being available.
    public var availableUntil: Date?
    /// How many are left; `nil` for unlimited.
    public internal(set) var stock: Int?
    /// The lowest tier that may redeem it; `nil` for every member.
    public var minimumTier: String?

    /// Creates a reward; the price must be positive and the stock not negative.
    public init(
        id: CRMCore.ID<Reward>, name: String, points: Int64, currency: String, availableFrom: Date? = nil,
        availableUntil: Date? = nil, stock: Int? = nil, minimumTier: String? = nil
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "Reward")
        check.requireText(name, field: "name")
        if points <= 0 { check.add(field: "points", reason: "must be positive", value: "\(points)") }
        if let stock { check.require(stock, atLeast: 0, field: "stock") }
        try check.finish()
        self.id = id
        self.name = name
        self.points = points
        self.currency = currency
        self.availableFrom = availableFrom
        self.availableUntil = availableUntil
        self.stock = stock
        self.minimumTier = minimumTier
    }

    /// Throws unless `member` may redeem it at `now` under `tiers`.
    public func checkAvailable(to member: Member, at now: Date, tiers: TierPolicy) throws(LoyaltyError) {
        guard member.isActive else { throw .memberNotActive(member.id, member.status) }
        if let from = availableFrom, now < from { throw .rewardUnavailable(id, reason: "not available yet") }
        if let until = availableUntil, now >= until { throw .rewardUnavailable(id, reason: "no longer available") }
        if let stock, stock <= 0 { throw .rewardUnavailable(id, reason: "out of stock") }
        if let minimumTier, tiers.rank(of: member.tier) < tiers.rank(of: minimumTier) {
            throw .rewardUnavailable(id, reason: "needs tier \(minimumTier)")
        }
    }

    /// Takes one from the stock.
    mutating func takeOne() { stock = stock.map { $0 - 1 } }

    /// Puts one back into the stock.
    mutating func putBack() { stock = stock.map { $0 + 1 } }
}
