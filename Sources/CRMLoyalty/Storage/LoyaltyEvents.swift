public import CRMCore
public import Foundation

/// Points of a member will expire soon; published once per award, after the commit that recorded the notice.
public struct PointsExpiringSoon: DomainEvent, Hashable {
    /// The member.
    public let memberID: CRMCore.ID<Member>
    /// The point currency.
    public let currency: String
    /// How many points.
    public let points: Int64
    /// When the first of them expire.
    public let expiresAt: Date
}

/// Points of a member expired; published after the commit that recorded it.
public struct PointsExpired: DomainEvent, Hashable {
    /// The member.
    public let memberID: CRMCore.ID<Member>
    /// The point currency.
    public let currency: String
    /// How many points.
    public let points: Int64
    /// When the expiry ran.
    public let at: Date
}
