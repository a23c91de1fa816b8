public import Foundation

/// One purchase of one customer: who, when and how much, from any source (orders, a loyalty ledger, a CSV
/// file).
public struct CustomerTransaction: Hashable, Sendable, Codable {
    /// The customer's identifier in the source.
    public var customer: String
    /// When the purchase was made.
    public var at: Date
    /// What it was worth, in major units of one currency (euros, not cents).
    public var amount: Double

    /// Creates a transaction.
    public init(customer: String, at: Date, amount: Double) {
        self.customer = customer
        self.at = at
        self.amount = amount
    }
}
