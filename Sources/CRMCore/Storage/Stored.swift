public import Foundation

/// A domain value as a store holds it: the value with its version and audit fields.
///
/// Pass ``version`` back as the expected version of the next update, so a concurrent change is caught
/// instead of overwritten.
public struct Stored<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// The version the store holds; starts at 1.
    public let version: UInt64
    /// When the value was first stored.
    public let createdAt: Date
    /// Who stored it first.
    public let createdBy: Principal
    /// When it was last written.
    public let updatedAt: Date
    /// Who wrote it last.
    public let updatedBy: Principal

    /// Wraps `value` with the audit fields of `record`.
    public init(_ value: Value, record: StoredRecord) {
        self.value = value
        self.version = record.version
        self.createdAt = record.createdAt
        self.createdBy = record.createdBy
        self.updatedAt = record.updatedAt
        self.updatedBy = record.updatedBy
    }
}

extension Stored: Equatable where Value: Equatable {}
extension Stored: Hashable where Value: Hashable {}
