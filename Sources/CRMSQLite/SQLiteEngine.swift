public import CRMCore
import CRMSQL
import Foundation

/// A storage engine on SQLite: one database file, embedded, queried with SQL indexes.
///
/// Choose it over `FileEngine` when other tools must read the data with SQL, or when a store is
/// far larger than memory: the file engine keeps every record in memory, SQLite only its page cache.
///
/// Each entity has a table `crm_r<n>` holding the payload and one key column per indexed field, with an
/// index on `(key, id)` for every declared field and a unique index for unique ones; the change feed is
/// the table `crm_changes`. Key columns hold an order-preserving encoding of the index value, so SQLite's
/// byte comparison gives exactly the engine order. Writes go through one connection that commits
/// concurrent transactions together (each in its own savepoint); reads use separate connections, which
/// the write-ahead log lets run during writes. Other processes may open the same file: their writes wait
/// up to ``SQLiteEngineOptions/busyTimeout`` for the lock.
///
/// ```swift
/// let engine = try await SQLiteEngine.open(at: "/var/lib/myapp/crm.sqlite")
/// try await engine.register(schemas)
/// ```
public final class SQLiteEngine: StorageEngine {
    private let core: SQLEngineCore
    /// The database file.
    public let path: String

    private init(core: SQLEngineCore, path: String) {
        self.core = core
        self.path = path
    }

    /// Opens the database at `path`, creating it (mode 0600) and its tables if needed, and migrating the
    /// tables of an older format.
    ///
    /// Throws `StorageError.Code.unsupportedFormat` for a store written by a newer version,
    /// `StorageError.Code.locked` when another process holds the write lock past the timeout.
    public static func open(at path: String, options: SQLiteEngineOptions = SQLiteEngineOptions())
        async throws(StorageError) -> SQLiteEngine
    {
        try createFile(at: path)
        let synchronous = options.durability == .synchronous ? "FULL" : "NORMAL"
        let store = SQLStore(dialect: .sqlite, name: path, clock: options.clock)
        var sessions: [SQLiteConnection] = []
        do {
            for _ in 0...max(0, options.readers) {
                let connection = try SQLErrors.run(store: path) { () throws(SQLFailure) in
                    try SQLiteConnection(
                        path: path, create: false, busyTimeout: options.busyTimeout, synchronous: synchronous)
                }
                sessions.append(connection)
                if sessions.count == 1 { try store.bootstrap(connection) }
            }
        } catch {
            for session in sessions { session.close() }
            throw error
        }
        let core = SQLEngineCore(
            store: store, writer: sessions[0], readers: Array(sessions.dropFirst()), readMode: .callingThread)
        return SQLiteEngine(core: core, path: path)
    }

    /// Declares entity types; see `StorageEngine.register`.
    public func register(_ schemas: [EntitySchema]) async throws(StorageError) {
        try await core.register(schemas)
    }

    /// Reads records by id.
    public func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord] {
        try await core.read(entity, ids: ids)
    }

    /// Applies a transaction atomically, in one SQLite transaction with the others waiting.
    public func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        try await core.commit(transaction)
    }

    /// Runs a query on the entity's SQL indexes.
    public func query(_ query: RecordQuery) async throws(StorageError) -> QueryPage {
        try await core.query(query)
    }

    /// Reads the change feed.
    public func changes(after sequence: UInt64, limit: Int) async throws(StorageError) -> [Change] {
        try await core.changes(after: sequence, limit: limit)
    }

    /// Closes the connections; later calls fail with `StorageError.Code.closed`.
    public func close() async throws(StorageError) {
        try await core.close()
    }

    /// SQLite's plan for the statement that would answer `query`, one line per step (for example
    /// `SEARCH crm_r1 USING INDEX crm_r1_i2 (k2=?)`): a way to check that a query runs on an index.
    public func queryPlan(_ query: RecordQuery) async throws(StorageError) -> [String] {
        try await core.withWriter { [store = core.store] session throws(StorageError) in
            let layout = try store.layout(of: query.entity, session: session)
            try StorageRules.validate(query, schema: layout.schema)
            let statement = SQLQueryStatement(query, layout: layout, dialect: .sqlite)
            let rows = try SQLErrors.run(store: store.name) { () throws(SQLFailure) in
                try session.execute("EXPLAIN QUERY PLAN " + statement.sql, statement.parameters)
            }
            return rows.compactMap { $0.last?.text }
        }
    }

    /// Creates the database file with mode 0600 if it does not exist, so SQLite's log files get that mode too.
    private static func createFile(at path: String) throws(StorageError) {
        let descriptor = Foundation.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StorageError(
                .io, message: "\(path): cannot create the database file: \(String(cString: strerror(errno)))")
        }
        Foundation.close(descriptor)
    }
}
