public import Foundation

/// A record as an engine returns it: identity, version, audit fields, the opaque payload and index values.
public struct StoredRecord: Hashable, Sendable {
    /// Entity name and id.
    public let key: RecordKey
    /// Starts at 1 on insert and grows by 1 on every update.
    public let version: UInt64
    /// The bytes the domain layer encoded; engines never interpret them.
    public let payload: [UInt8]
    /// The values of the entity's indexed fields; a declared field that is missing here is ``IndexValue/absent``.
    public let indexValues: IndexValues
    /// When the record was inserted.
    public let createdAt: Date
    /// Who inserted it.
    public let createdBy: Principal
    /// When it was last written.
    public let updatedAt: Date
    /// Who wrote it last.
    public let updatedBy: Principal

    /// Creates a record; engines use this to return what they stored.
    public init(
        key: RecordKey, version: UInt64, payload: [UInt8], indexValues: IndexValues,
        createdAt: Date, createdBy: Principal, updatedAt: Date, updatedBy: Principal
    ) {
        self.key = key
        self.version = version
        self.payload = payload
        self.indexValues = indexValues
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// The value of `field`, ``IndexValue/absent`` when the record has none.
    public func value(of field: String) -> IndexValue {
        indexValues[field] ?? .absent
    }
}
