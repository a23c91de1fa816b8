public import CRMCore
public import Foundation

/// One line to price: a product, a quantity and, if the seller set one, a unit price of their own.
public struct LineRequest: Hashable, Sendable, Codable {
    /// The product.
    public var productID: CRMCore.ID<Product>
    /// How many units; must be positive (fractions for hours, kilograms).
    public var quantity: Decimal
    /// A unit price the seller set by hand, replacing the list and category price (step 1).
    public var manualUnitPrice: Money?

    /// Creates a line request.
    public init(productID: CRMCore.ID<Product>, quantity: Decimal, manualUnitPrice: Money? = nil) {
        self.productID = productID
        self.quantity = quantity
        self.manualUnitPrice = manualUnitPrice
    }
}

/// One rule that changed a line, for the explanation shown with a quote.
public struct AppliedRule: Hashable, Sendable, Codable {
    /// The step of the pricing order it belongs to.
    public enum Step: String, Hashable, Sendable, Codable {
        /// The list price from the price book.
        case listPrice
        /// A unit price the seller set.
        case manualPrice
        /// The customer category's price.
        case categoryPrice
        /// A volume tier.
        case volumeTier
        /// A discount.
        case discount
        /// A promotion.
        case promotion
        /// The unit price was held at zero instead of going below it.
        case floor
        /// A tax.
        case tax
    }

    /// The step.
    public let step: Step
    /// The rule's name, such as `Partner discount` or `VAT 20 %`.
    public let name: String
    /// The unit price after the rule (for taxes: the tax amount of the line, in major units).
    public let result: Decimal
}

/// A priced line: its unit price, net, tax and gross amounts, and the rules that made them.
public struct PricedLine: Hashable, Sendable, Codable {
    /// The request.
    public let request: LineRequest
    /// The unit price after every rule, exact (before rounding).
    public let unitPrice: Decimal
    /// The line's net amount: unit price × quantity, rounded once to minor units.
    public let net: Money
    /// The tax of the line, rounded to minor units.
    public let tax: Money
    /// Net plus tax.
    public let gross: Money
    /// The rules that applied, in order.
    public let appliedRules: [AppliedRule]
}

/// Priced lines with their totals, all in one currency.
public struct PricedDocument: Hashable, Sendable, Codable {
    /// The lines, in request order.
    public let lines: [PricedLine]
    /// The sum of the net amounts.
    public let net: Money
    /// The sum of the taxes.
    public let tax: Money
    /// The sum of the gross amounts.
    public let gross: Money
}
