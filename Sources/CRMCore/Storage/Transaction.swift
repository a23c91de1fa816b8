public import Foundation

/// A set of writes that an engine applies all together or not at all.
///
/// ```swift
/// let receipt = try await engine.commit(Transaction(principal: user, operations: [
///     .insert(RecordKey(entity: "contact", id: contactID), payload: bytes, indexValues: ["email": .string(key)]),
///     .update(RecordKey(entity: "organization", id: orgID), payload: orgBytes, expectedVersion: 3),
/// ]))
/// ```
public struct Transaction: Sendable, Hashable {
    /// Who makes the change; recorded in the change feed and on each written record.
    public let principal: Principal
    /// The writes, applied in order; later operations see the effect of earlier ones.
    public let operations: [WriteOperation]

    /// Creates a transaction.
    public init(principal: Principal, operations: [WriteOperation]) {
        self.principal = principal
        self.operations = operations
    }
}

/// One write inside a ``Transaction``.
public enum WriteOperation: Sendable, Hashable {
    /// Creates a record; fails with ``StorageError/Code/alreadyExists`` if the key is taken.
    case insert(RecordKey, payload: [UInt8], indexValues: IndexValues = [:])
    /// Replaces a record's payload and index values; fails with ``StorageError/Code/notFound`` if it does not
    /// exist and with ``StorageError/Code/conflict`` if `expectedVersion` is given and differs.
    case update(RecordKey, payload: [UInt8], indexValues: IndexValues = [:], expectedVersion: UInt64?)
    /// Removes a record; the same existence and version rules as ``update(_:payload:indexValues:expectedVersion:)``.
    case delete(RecordKey, expectedVersion: UInt64?)

    /// The record the operation writes.
    public var key: RecordKey {
        switch self {
        case .insert(let key, _, _), .update(let key, _, _, _), .delete(let key, _): key
        }
    }
}

/// What a successful commit did.
public struct CommitReceipt: Sendable, Hashable {
    /// The change-feed sequence numbers given to the operations, in order.
    public let sequences: ClosedRange<UInt64>?
    /// The version each written record now has; `0` for deleted records.
    public let versions: [RecordKey: UInt64]
    /// The commit time, from the engine's clock.
    public let committedAt: Date

    /// Creates a receipt; engines use this.
    public init(sequences: ClosedRange<UInt64>?, versions: [RecordKey: UInt64], committedAt: Date) {
        self.sequences = sequences
        self.versions = versions
        self.committedAt = committedAt
    }
}
