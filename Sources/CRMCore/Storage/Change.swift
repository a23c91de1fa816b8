public import Foundation

/// One committed write in a store's change feed: the basis of audit history, events and sync.
public struct Change: Sendable, Hashable {
    /// Position in the feed: starts at 1, grows by 1 for each change, never reused.
    public let sequence: UInt64
    /// The record written.
    public let key: RecordKey
    /// What happened to it.
    public let kind: ChangeKind
    /// The record's version after the change (its last version for a delete).
    public let version: UInt64
    /// Who made the change.
    public let principal: Principal
    /// When it was committed.
    public let committedAt: Date

    /// Creates a change; engines use this.
    public init(
        sequence: UInt64, key: RecordKey, kind: ChangeKind, version: UInt64, principal: Principal, committedAt: Date
    ) {
        self.sequence = sequence
        self.key = key
        self.kind = kind
        self.version = version
        self.principal = principal
        self.committedAt = committedAt
    }
}

/// The kind of a ``Change``.
public enum ChangeKind: UInt8, Sendable, Hashable, Codable, CaseIterable {
    /// The record was created.
    case insert = 1
    /// The record was replaced.
    case update = 2
    /// The record was removed.
    case delete = 3
}
