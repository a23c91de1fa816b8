public import CRMCore

/// The identifier of a record in another system (an ERP, a web shop, a former CRM), for matching imports
/// and syncing back.
public struct ExternalID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The other system's name, such as `shopify` or `sap`.
    public let system: String
    /// The record's identifier there.
    public let value: String

    /// Creates an external id; both parts must be 1 to 200 printable characters and the system may not
    /// contain `:`.
    public init(system: String, value: String) throws(ValidationError) {
        var check = ValidationCollector(subject: "ExternalID")
        if system.isEmpty || system.count > 200 || system.contains(":") || system.contains(where: \.isNewline) {
            check.add(field: "system", reason: "must be 1 to 200 characters without ':' or line breaks", value: system)
        }
        if value.isEmpty || value.count > 200 || value.contains(where: \.isNewline) {
            check.add(field: "value", reason: "must be 1 to 200 characters without line breaks", value: value)
        }
        try check.finish()
        self.system = system
        self.value = value
    }

    /// `system:value`.
    public var description: String { "\(system):\(value)" }
}
