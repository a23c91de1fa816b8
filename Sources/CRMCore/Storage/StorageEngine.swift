/// A backend that stores versioned records of every entity type for all modules of the SDK.
///
/// ## Implementation requirements
///
/// An engine is `Sendable` and safe to call from many tasks at once. It must guarantee:
///
/// - **Atomic transactions.** ``commit(_:)`` applies every operation of a ``Transaction`` or none. When any
///   operation fails (a stale version, a missing record, a taken key, a unique violation, an undeclared
///   index field) the store is left exactly as it was and the error names the record and field.
/// - **Optimistic concurrency.** Versions start at 1 and grow by 1 per update. An operation with an
///   expected version fails with ``StorageError/Code/conflict`` when the stored version differs; two
///   concurrent read-modify-write cycles on one record never both succeed.
/// - **Serializable commits and an ordered change feed.** Commits behave as if applied one at a time.
///   Each committed operation gets the next sequence number (starting at 1, no gaps, no reuse) and
///   ``changes(after:limit:)`` returns them in that order with principal and commit time.
/// - **Index values, not payloads.** Payloads are opaque bytes, returned unchanged. Queries read only the
///   index values declared in the ``EntitySchema``; their order is the total order of ``IndexValue``, ties
///   broken by id in the direction of the last sort key; paging is by keyset (``QueryCursor``), so
///   concurrent inserts never make a page skip or repeat a record. Unique indexes reject a second record
///   with the same non-absent value.
/// - **Durability, if the engine is persistent.** A commit that returned is not lost by a crash, and a
///   reopened store holds exactly the committed transactions.
///
/// ## Test your engine
///
/// Run the conformance kit from `CRMStorageTesting` against a factory that makes a fresh, empty engine:
///
/// ```swift
/// @Test func conformance() async throws {
///     try await StorageEngineConformance(makeEngine: { try MyEngine(temporary: true) }).run()
/// }
/// ```
///
/// ``InMemoryEngine`` and ``FileEngine`` are the reference implementations and pass the same kit.
public protocol StorageEngine: Sendable {
    /// Declares entity types and their indexed fields; idempotent, and may change a schema's indexes.
    ///
    /// Registering an index over existing records indexes their stored values (records written before a
    /// field was declared have no value for it: ``IndexValue/absent``). A new unique index over duplicate
    /// values fails with ``StorageError/Code/uniqueViolation`` and leaves the old schema in place.
    func register(_ schemas: [EntitySchema]) async throws(StorageError)

    /// The records with the given ids that exist, in the order of `ids`; missing ids are left out.
    func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord]

    /// Applies all operations of `transaction` atomically, or none; see the type's requirements.
    func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt

    /// One page of the records of `query.entity` that satisfy its filters, in its order.
    func query(_ query: RecordQuery) async throws(StorageError) -> QueryPage

    /// Up to `limit` changes with a sequence number greater than `sequence`, oldest first.
    func changes(after sequence: UInt64, limit: Int) async throws(StorageError) -> [Change]

    /// Releases resources (files, locks, connections); later calls fail with ``StorageError/Code/closed``.
    func close() async throws(StorageError)
}

extension StorageEngine {
    /// The record with `id`, or `nil`.
    public func read(_ entity: String, id: RecordID) async throws(StorageError) -> StoredRecord? {
        try await read(entity, ids: [id]).first
    }

    /// Runs `query` page by page and returns every matching record.
    public func queryAll(_ query: RecordQuery) async throws(StorageError) -> [StoredRecord] {
        var query = query
        var records: [StoredRecord] = []
        while true {
            let page = try await self.query(query)
            records += page.records
            guard let next = page.next else { return records }
            query.after = next
        }
    }
}
