import Foundation
import Synchronization

/// A storage engine that keeps everything in memory: fast, for tests, previews and small programs.
///
/// It follows the whole ``StorageEngine`` contract except durability: its content ends with the process.
/// All calls are safe from any number of tasks; commits are serialized by a lock.
///
/// ```swift
/// let engine = InMemoryEngine()
/// try await engine.register([try EntitySchema(name: "contact", indexes: [IndexDefinition("email", unique: true)])])
/// ```
public final class InMemoryEngine: StorageEngine {
    private let state = Mutex(EngineState())
    private let open = Atomic(true)
    private let clock: any WallClock

    /// Creates an empty engine that stamps commits with `clock`.
    public init(clock: any WallClock = SystemWallClock()) {
        self.clock = clock
    }

    /// Declares entity types; see ``StorageEngine/register(_:)``.
    public func register(_ schemas: [EntitySchema]) async throws(StorageError) {
        try checkOpen()
        _ = try state.withLock { state throws(StorageError) in try state.register(schemas) }
    }

    /// Reads records by id.
    public func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord] {
        try checkOpen()
        return try state.withLock { state throws(StorageError) in try state.read(entity, ids: ids) }
    }

    /// Applies a transaction atomically.
    public func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        try checkOpen()
        let time = clock.now()
        return try state.withLock { state throws(StorageError) in
            let plan = try state.plan(transaction, at: time)
            state.apply(plan)
            return plan.receipt
        }
    }

    /// Runs a query.
    public func query(_ query: RecordQuery) async throws(StorageError) -> QueryPage {
        try checkOpen()
        return try state.withLock { state throws(StorageError) in try state.query(query) }
    }

    /// Reads the change feed.
    public func changes(after sequence: UInt64, limit: Int) async throws(StorageError) -> [Change] {
        try checkOpen()
        return try state.withLock { state throws(StorageError) in try state.changes(after: sequence, limit: limit) }
    }

    /// Drops the content; later calls fail with ``StorageError/Code/closed``.
    public func close() async throws(StorageError) {
        open.store(false, ordering: .sequentiallyConsistent)
        state.withLock { $0 = EngineState() }
    }

    private func checkOpen() throws(StorageError) {
        guard open.load(ordering: .sequentiallyConsistent) else {
            throw StorageError(.closed, message: "the in-memory engine was closed")
        }
    }
}
