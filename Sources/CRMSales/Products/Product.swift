public import CRMCore

/// Something the business sells: a good or a service, identified by its stock-keeping unit.
public struct Product: Hashable, Sendable, Codable, Identifiable {
    /// The product's id.
    public var id: CRMCore.ID<Product>
    /// The stock-keeping unit: 1 to 64 of letters, digits, `-`, `_`, `.` and `/`, unique in a catalog.
    public var sku: String
    /// The product's name.
    public var name: String
    /// The product family, for reports and rules: `Hardware`, `Subscriptions`.
    public var family: String
    /// The unit quantities count in: `each`, `hour`, `kg`, `seat`.
    public var unit: String
    /// Whether it can be sold now; inactive products stay on old quotes but cannot be priced anew.
    public var isActive: Bool

    /// Creates a product and validates it.
    public init(
        id: CRMCore.ID<Product>, sku: String, name: String, family: String = "", unit: String = "each",
        isActive: Bool = true
    ) throws(ValidationError) {
        self.id = id
        self.sku = sku
        self.name = name
        self.family = family
        self.unit = unit
        self.isActive = isActive
        try validate()
    }

    /// Checks the SKU, name and unit.
    public func validate() throws(ValidationError) {
        var check = ValidationCollector(subject: "Product")
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        if sku.isEmpty || sku.count > 64 || !sku.allSatisfy(allowed.contains) {
            check.add(field: "sku", reason: "must be 1 to 64 of letters, digits, -, _, . and /", value: sku)
        }
        if name.trimmingWhitespace().isEmpty || name.count > 200 {
            check.add(field: "name", reason: "must be 1 to 200 characters", value: name)
        }
        if unit.isEmpty || unit.count > 32 {
            check.add(field: "unit", reason: "must be 1 to 32 characters", value: unit)
        }
        try check.finish()
    }
}
