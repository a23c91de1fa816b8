public import CRMCore
public import Foundation

/// A list of prices: per product and currency, with validity dates.
///
/// Entries are deactivated, never deleted, so a quote priced from an old entry can still be explained. A
/// catalog has one standard price book, the default for quotes that name none.
public struct PriceBook: Hashable, Sendable, Codable, Identifiable {
    /// One product's price in one currency.
    public struct Entry: Hashable, Sendable, Codable {
        /// The product.
        public var productID: CRMCore.ID<Product>
        /// The price of one unit.
        public var unitPrice: Money
        /// When the price starts to apply; `nil` for always.
        public var validFrom: Date?
        /// When the price stops applying (exclusive); `nil` for never.
        public var validUntil: Date?
        /// Whether the entry may be used; a replaced price is deactivated, not removed.
        public var isActive: Bool

        /// Creates an entry; the unit price must not be negative.
        public init(
            productID: CRMCore.ID<Product>, unitPrice: Money, validFrom: Date? = nil, validUntil: Date? = nil,
            isActive: Bool = true
        ) throws(ValidationError) {
            guard !unitPrice.isNegative else {
                throw ValidationError(
                    subject: "PriceBook.Entry", field: "unitPrice", reason: "must not be negative",
                    value: "\(unitPrice)")
            }
            if let validFrom, let validUntil, validUntil <= validFrom {
                throw ValidationError(
                    subject: "PriceBook.Entry", field: "validUntil", reason: "must be after validFrom")
            }
            self.productID = productID
            self.unitPrice = unitPrice
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.isActive = isActive
        }

        /// Whether the entry applies on `date`.
        public func isValid(on date: Date) -> Bool {
            (validFrom.map { $0 <= date } ?? true) && (validUntil.map { date < $0 } ?? true)
        }
    }

    /// The price book's id.
    public var id: CRMCore.ID<PriceBook>
    /// Its name.
    public var name: String
    /// Whether it is the catalog's standard price book.
    public var isStandard: Bool
    /// The entries, old and new.
    public var entries: [Entry]

    /// Creates a price book.
    public init(id: CRMCore.ID<PriceBook>, name: String, isStandard: Bool = false, entries: [Entry] = []) {
        self.id = id
        self.name = name
        self.isStandard = isStandard
        self.entries = entries
    }

    /// Adds `entry` and deactivates the entries it replaces: the active ones of the same product and currency.
    public mutating func setPrice(_ entry: Entry) {
        for index in entries.indices
        where entries[index].isActive && entries[index].productID == entry.productID
            && entries[index].unitPrice.currency == entry.unitPrice.currency
        {
            entries[index].isActive = false
        }
        entries.append(entry)
    }
}
