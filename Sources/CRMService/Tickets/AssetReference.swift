public import CRMCore

/// The product or installed asset a ticket is about, such as a car by its vehicle number or a laptop by its
/// service tag.
public struct AssetReference: Hashable, Sendable, Codable {
    /// The kind of identifier: `serial number`, `service tag`, `VIN`, `SKU`.
    public var kind: String
    /// The identifier itself.
    public var identifier: String
    /// The record of the asset in another module or system, when there is one.
    public var record: RecordKey?

    /// Creates a reference; the identifier may not be empty.
    public init(kind: String, identifier: String, record: RecordKey? = nil) throws(ValidationError) {
        guard !identifier.trimmingWhitespace().isEmpty else {
            throw ValidationError(subject: "AssetReference", field: "identifier", reason: "must not be empty")
        }
        self.kind = kind
        self.identifier = identifier.trimmingWhitespace()
        self.record = record
    }
}
