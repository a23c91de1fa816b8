public import CRMCore
import CRMSQL

/// A storage engine on a PostgreSQL server, for CRM data shared by many application instances.
///
/// The layout is the one of the SQLite engine: a table `crm_r<n>` per entity with the payload (`bytea`)
/// and one `bytea` key column per indexed field, ordered exactly as the engine order; `crm_changes` holds
/// the change feed. Each instance keeps a small pool of connections: one writer, which commits the
/// transactions waiting at that moment together (each in its own savepoint), and readers for reads and
/// queries.
///
/// Every write transaction first locks the change-feed head row, so commits of all instances are applied
/// one at a time, each sees the latest committed versions (read-committed isolation), and sequence
/// numbers have no gaps and appear in commit order, so a feed reader never skips a change that commits
/// late. Reads are never blocked. Serialization failures and deadlocks are retried; a lock held past
/// ``PostgresEngineOptions/lockTimeout`` fails with `StorageError.Code.locked`; a lost connection
/// fails the operation in progress with `StorageError.Code.io` and is reopened for the next one.
///
/// ```swift
/// let engine = try await PostgresEngine.open(
///     PostgresEngineOptions(connectionString: "postgresql://crm@db.internal/crm?sslmode=verify-full"))
/// ```
public final class PostgresEngine: StorageEngine {
    private let core: SQLEngineCore

    private init(core: SQLEngineCore) {
        self.core = core
    }

    /// Connects, creates or migrates the store's tables, and loads the catalog.
    ///
    /// Throws `StorageError.Code.io` when the server cannot be reached, naming it (never the
    /// password), and `StorageError.Code.unsupportedFormat` for tables of a newer version.
    public static func open(_ options: PostgresEngineOptions) async throws(StorageError) -> PostgresEngine {
        let milliseconds =
            options.lockTimeout.components.seconds * 1000
            + options.lockTimeout.components.attoseconds / 1_000_000_000_000_000
        let settings = [
            "SET lock_timeout = \(max(1, milliseconds))",
            "SET synchronous_commit = \(options.durability == .synchronous ? "on" : "off")",
            "SET client_min_messages = warning",
        ]
        var connections: [PostgresConnection] = []
        do {
            for _ in 0..<max(1, options.connections) {
                connections.append(
                    try SQLErrors.run(store: "postgresql") { () throws(SQLFailure) in
                        try PostgresConnection(parameters: options.connectionParameters, settings: settings)
                    })
            }
            let store = SQLStore(dialect: .postgres, name: connections[0].address, clock: options.clock)
            try store.bootstrap(connections[0])
            return PostgresEngine(
                core: SQLEngineCore(
                    store: store, writer: connections[0], readers: Array(connections.dropFirst()), readMode: .queues))
        } catch {
            for connection in connections { connection.close() }
            throw error
        }
    }

    /// The server and database, as `postgresql://host:port/database`.
    public var address: String { core.store.name }

    /// Declares entity types; see `StorageEngine.register`.
    public func register(_ schemas: [EntitySchema]) async throws(StorageError) {
        try await core.register(schemas)
    }

    /// Reads records by id.
    public func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord] {
        try await core.read(entity, ids: ids)
    }

    /// Applies a transaction atomically, in one server transaction with this instance's other waiting
    /// transactions.
    public func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        try await core.commit(transaction)
    }

    /// Runs a query on the entity's indexes.
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
}
