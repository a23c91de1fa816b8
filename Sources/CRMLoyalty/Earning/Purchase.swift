public import CRMCore
public import Foundation

/// A purchase that may earn points: an order reference and its lines, as any sales system records them.
public struct Purchase: Hashable, Sendable, Codable {
    /// One bought product.
    public struct Line: Hashable, Sendable, Codable {
        /// The product's SKU.
        public var sku: String
        /// The product's category.
        public var category: String?
        /// What the member paid for the line, after discounts.
        public var amount: Money

        /// Creates a line.
        public init(sku: String, category: String? = nil, amount: Money) {
            self.sku = sku
            self.category = category
            self.amount = amount
        }
    }

    /// The order's reference, so a return can find the points it earned.
    public var orderReference: String
    /// When it was made.
    public var at: Date
    /// What was bought.
    public var lines: [Line]

    /// Creates a purchase.
    public init(orderReference: String, at: Date, lines: [Line]) {
        self.orderReference = orderReference
        self.at = at
        self.lines = lines
    }
}
