package import CRMCore
import Synchronization

/// The body of an SQL storage engine: one writer session (registrations and group commits) on its own
/// queue, and a few reader sessions (reads, queries and the change feed), over one ``SQLStore``.
package final class SQLEngineCore: Sendable {
    /// Where reader sessions run their statements.
    package enum ReadMode: Sendable {
        /// On the calling thread, for databases in the process (SQLite): a read costs microseconds, less
        /// than handing it to another thread and back.
        case callingThread
        /// Each on its own queue, for databases across a network (PostgreSQL), so waiting for the server
        /// never holds a thread of Swift's cooperative pool.
        case queues
    }

    package let store: SQLStore
    private let writer: SessionWorker
    private let readers: [SessionWorker]
    private let idleReaders: Mutex<[SessionBox]>
    private let committer: GroupCommitter
    private let nextReader = Atomic<UInt>(0)
    private let open = Atomic(true)

    /// Creates the engine over open sessions: `writer` must have bootstrapped the store; `readers` may be
    /// empty, in which case the writer also reads.
    package init(store: SQLStore, writer: any SQLSession, readers: [any SQLSession], readMode: ReadMode) {
        self.store = store
        self.writer = SessionWorker(writer, label: "\(store.name).writer")
        switch readMode {
        case .callingThread:
            self.readers = []
            self.idleReaders = Mutex(readers.map(SessionBox.init))
        case .queues:
            self.readers = readers.enumerated().map {
                SessionWorker($0.element, label: "\(store.name).reader\($0.offset)")
            }
            self.idleReaders = Mutex([])
        }
        self.committer = GroupCommitter(writer: self.writer, store: store)
    }

    package func register(_ schemas: [EntitySchema]) async throws(StorageError) {
        try checkOpen()
        try await writer.perform { [store] session throws(StorageError) in try store.register(schemas, session: session)
        }
    }

    package func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord] {
        try checkOpen()
        return try await reading { [store] session throws(StorageError) in
            try store.read(entity, ids: ids, session: session)
        }
    }

    package func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        try checkOpen()
        return try await committer.commit(transaction)
    }

    package func query(_ query: RecordQuery) async throws(StorageError) -> QueryPage {
        try checkOpen()
        return try await reading { [store] session throws(StorageError) in
            try store.query(query, session: session)
        }
    }

    package func changes(after sequence: UInt64, limit: Int) async throws(StorageError) -> [Change] {
        try checkOpen()
        return try await reading { [store] session throws(StorageError) in
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
        for box in idleReaders.withLock({ idle in
            defer { idle = [] }; return idle
        }) { box.session.close() }
    }

    /// Runs a read on an idle reader on this thread, else on a reader's queue, else on the writer's.
    private func reading<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws(StorageError) -> T)
        async throws(StorageError) -> T
    {
        if let box = idleReaders.withLock({ $0.popLast() }) {
            defer {
                // A reader in use while the engine closed is closed on its way back.
                let returned = idleReaders.withLock { idle in
                    guard open.load(ordering: .sequentiallyConsistent) else { return false }
                    idle.append(box)
                    return true
                }
                if !returned { box.session.close() }
            }
            return try body(box.session)
        }
        guard !readers.isEmpty else { return try await writer.perform(body) }
        let turn = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
        return try await readers[Int(turn % UInt(readers.count))].perform(body)
    }

    private func checkOpen() throws(StorageError) {
        guard open.load(ordering: .sequentiallyConsistent) else {
            throw StorageError(.closed, message: "\(store.name) was closed")
        }
    }
}

/// A reader session handed between threads through the idle list; one thread uses it at a time.
private final class SessionBox: @unchecked Sendable {
    let session: any SQLSession

    init(_ session: any SQLSession) {
        self.session = session
    }
}
