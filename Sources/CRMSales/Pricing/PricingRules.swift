public import CRMContacts
public import CRMCore
public import Foundation

/// Which lines a pricing rule applies to.
public enum PricingScope: Hashable, Sendable, Codable {
    /// Every line.
    case all
    /// The lines of these products.
    case products(Set<CRMCore.ID<Product>>)
    /// The lines of products of these families.
    case families(Set<String>)

    func includes(_ product: Product) -> Bool {
        switch self {
        case .all: true
        case .products(let ids): ids.contains(product.id)
        case .families(let families): families.contains(product.family)
        }
    }
}

/// A change to a unit price: a percentage off, an amount off, or a new price.
public enum PriceAdjustment: Hashable, Sendable, Codable {
    /// This many percent off the current unit price (0 to 100).
    case percentOff(Decimal)
    /// This amount off each unit.
    case amountOff(Money)
    /// This unit price instead.
    case unitPrice(Money)
}

/// A customer category's own price for a product, replacing the list price (step 1).
public struct CategoryPrice: Hashable, Sendable, Codable {
    /// The category.
    public var category: CustomerCategory
    /// The product.
    public var productID: CRMCore.ID<Product>
    /// The category's unit price.
    public var unitPrice: Money

    /// Creates a category price.
    public init(category: CustomerCategory, productID: CRMCore.ID<Product>, unitPrice: Money) {
        self.category = category
        self.productID = productID
        self.unitPrice = unitPrice
    }
}

/// A price break for large quantities (step 2): from `minimumQuantity` on, the adjustment applies; of a
/// product's tiers, the highest one reached wins.
public struct VolumeTier: Hashable, Sendable, Codable {
    /// The lines it applies to.
    public var scope: PricingScope
    /// The quantity from which it applies.
    public var minimumQuantity: Decimal
    /// The price change.
    public var adjustment: PriceAdjustment

    /// Creates a tier.
    public init(scope: PricingScope, minimumQuantity: Decimal, adjustment: PriceAdjustment) {
        self.scope = scope
        self.minimumQuantity = minimumQuantity
        self.adjustment = adjustment
    }
}

/// A negotiated or standing discount (step 3), applied in the order given.
public struct Discount: Hashable, Sendable, Codable {
    /// A name for the explanation: `Partner discount`.
    public var name: String
    /// The lines it applies to.
    public var scope: PricingScope
    /// The customer categories it is for; empty for everyone.
    public var categories: Set<CustomerCategory>
    /// The price change.
    public var adjustment: PriceAdjustment

    /// Creates a discount.
    public init(
        name: String, scope: PricingScope = .all, categories: Set<CustomerCategory> = [], adjustment: PriceAdjustment
    ) {
        self.name = name
        self.scope = scope
        self.categories = categories
        self.adjustment = adjustment
    }
}

/// A time-limited offer (step 4): a discount that applies from `validFrom` until `validUntil` (exclusive).
public struct Promotion: Hashable, Sendable, Codable {
    /// The discount while the promotion runs.
    public var discount: Discount
    /// When it starts.
    public var validFrom: Date
    /// When it ends (exclusive).
    public var validUntil: Date

    /// Creates a promotion.
    public init(discount: Discount, validFrom: Date, validUntil: Date) {
        self.discount = discount
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// A tax on the net amount of the lines in scope (step 6), such as VAT at 20 %.
public struct TaxRate: Hashable, Sendable, Codable {
    /// A name for the explanation: `VAT 20 %`.
    public var name: String
    /// The lines it applies to.
    public var scope: PricingScope
    /// The rate in percent.
    public var percent: Decimal

    /// Creates a tax rate.
    public init(name: String, scope: PricingScope = .all, percent: Decimal) {
        self.name = name
        self.scope = scope
        self.percent = percent
    }
}
