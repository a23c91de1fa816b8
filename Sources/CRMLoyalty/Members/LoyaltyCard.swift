public import Foundation

/// A club card and where it stands: issued, then active once the member uses it, lost when reported, and
/// replaced by a new card.
public struct LoyaltyCard: Hashable, Sendable, Codable {
    /// Where a card stands.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Made and sent, not yet used.
        case issued
        /// In use.
        case active
        /// Reported lost or stolen; it earns and redeems nothing.
        case lost
        /// Replaced by another card.
        case replaced
    }

    /// The number.
    public let number: CardNumber
    /// Where it stands.
    public internal(set) var status: Status
    /// When it was issued.
    public let issuedAt: Date
    /// The card that replaced it.
    public internal(set) var replacedBy: CardNumber?
}
