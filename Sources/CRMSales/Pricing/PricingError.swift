public import CRMCore
public import Foundation

/// Why a quote or order could not be priced; each case names the line (0-based) and the product.
public enum PricingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The quantity is zero or negative.
    case invalidQuantity(line: Int, product: CRMCore.ID<Product>, quantity: Decimal)
    /// The product is not in the catalog.
    case unknownProduct(line: Int, product: CRMCore.ID<Product>)
    /// The product may no longer be sold.
    case inactiveProduct(line: Int, product: CRMCore.ID<Product>)
    /// The price book has no active entry for the product in the currency.
    case noPrice(line: Int, product: CRMCore.ID<Product>, currency: Currency)
    /// The product's prices in the currency were valid only before (or only after) the pricing date.
    case expiredPrice(line: Int, product: CRMCore.ID<Product>, on: Date)
    /// An amount in another currency than the document's.
    case currencyMismatch(line: Int, rule: String, expected: Currency, found: Currency)
    /// A percentage outside 0 to 100.
    case invalidPercentage(line: Int, rule: String, percent: Decimal)
    /// An amount too large for 64-bit minor units.
    case overflow(line: Int)

    /// A sentence naming the line, the product or rule, and the problem.
    public var description: String {
        switch self {
        case .invalidQuantity(let line, let product, let quantity):
            "line \(line + 1): the quantity of \(product) must be positive, not \(quantity)"
        case .unknownProduct(let line, let product): "line \(line + 1): no product \(product) in the catalog"
        case .inactiveProduct(let line, let product): "line \(line + 1): product \(product) is no longer sold"
        case .noPrice(let line, let product, let currency):
            "line \(line + 1): the price book has no \(currency) price for \(product)"
        case .expiredPrice(let line, let product, let date):
            "line \(line + 1): no price for \(product) is valid on \(date.formatted(.iso8601))"
        case .currencyMismatch(let line, let rule, let expected, let found):
            "line \(line + 1): \(rule) is in \(found), the document in \(expected)"
        case .invalidPercentage(let line, let rule, let percent):
            "line \(line + 1): \(rule) takes \(percent) %; a percentage is 0 to 100"
        case .overflow(let line): "line \(line + 1): the amount does not fit in 64-bit minor units"
        }
    }
}
