package import CRMCore
import Synchronization

/// The body of an SQL storage engine: one writer session (registrations and group commits) and a few
/// reader sessions (reads, queries and the change feed), each on its own queue, over one ``SQLStore``.
package final class SQLEngineCore: Sendable {
    package let store: SQLStore
    private let writer: SessionWorker
    private let readers: [SessionWorker]
    private let committer: GroupCommitter
    private let nextReader = Atomic<UInt>(0)
    private let open = Atomic(true)

    /// Creates the engine over open sessions: `writer` must have bootstrapped the store; `readers` may be
    /// empty, in which case the writer also reads.
    package init(store: SQLStore, writer: any SQLSession, readers: [any SQLSession]) {
        self.store = store
        self.writer = SessionWorker(writer, label: "\(store.name).writer")
        self.readers = readers.enumerated().map { SessionWorker($0.element, label: "\(store.name).reader\($0.offset)") }
        self.committer = GroupCommitter(writer: self.writer, store: store)
    }

    package func register(_ schemas: [EntitySchema]) async throws(StorageError) {
        try checkOpen()
        try await writer.perform { [store] session throws(StorageError) in try store.register(schemas, session: session)
        }
    }

    package func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord] {
        try checkOpen()
        return try await reader().perform { [store] session throws(StorageError) in
            try store.read(entity, ids: ids, session: session)
        }
    }

    package func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        try checkOpen()
        return try await committer.commit(transaction)
    }

    package func query(_ query: RecordQuery) async throws(StorageError) -> QueryPage {
        try checkOpen()
        return try await reader().perform { [store] session throws(StorageError) in
            try store.query(query, session: session)
        }
    }

    package func changes(after sequence: UInt64, limit: Int) async throws(StorageError) -> [Change] {
        try checkOpen()
        return try await reader().perform { [store] session throws(StorageError) in
            try store.changes(after: sequence, limit: limit, session: session)
        }
    }

    /// Runs `body` on the writer session, for engine-specific work such as a checkpoint.
    package func withWriter<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws(StorageError) -> T)
        async throws(StorageError) -> T
    {
        try checkOpen()
        return try await writer.perform(body)
    }

    /// Closes every session once the work queued before has run; later calls fail with `closed`.
    package func close() async throws(StorageError) {
        guard open.exchange(false, ordering: .sequentiallyConsistent) else { return }
        for worker in readers + [writer] {
            try await worker.perform { session in session.close() }
        }
    }

    private func reader() -> SessionWorker {
        guard !readers.isEmpty else { return writer }
        let turn = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
        return readers[Int(turn % UInt(readers.count))]
    }

    private func checkOpen() throws(StorageError) {
        guard open.load(ordering: .sequentiallyConsistent) else {
            throw StorageError(.closed, message: "\(store.name) was closed")
        }
    }
}
