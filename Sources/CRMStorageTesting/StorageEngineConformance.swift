public import CRMCore

/// The conformance kit for `StorageEngine` implementations: every check the reference engines pass.
///
/// Build it from a factory that returns a fresh, empty engine, and, if the engine persists, a function that
/// closes an engine and opens the same storage again. Then run everything, or one area at a time:
///
/// ```swift
/// import CRMStorageTesting
/// import Testing
///
/// @Test func myEngineConforms() async throws {
///     let kit = StorageEngineConformance(
///         makeEngine: { try await MyEngine.open(at: .temporaryDirectory.appending(path: UUID().uuidString)) },
///         reopen: { engine in try await (engine as! MyEngine).reopened() })
///     try await kit.run()
/// }
/// ```
///
/// Failures are thrown as ``ConformanceFailure`` values that name the check, the input, and what was
/// expected and found, so the kit works the same under Swift Testing and XCTest. Every check starts from
/// a new engine and registers the fixture schemas of ``ConformanceFixture``.
public struct StorageEngineConformance: Sendable {
    /// Makes a fresh, empty engine.
    public let makeEngine: @Sendable () async throws -> any StorageEngine
    /// Closes an engine and opens the same storage again; `nil` for engines that do not persist.
    public let reopen: (@Sendable (any StorageEngine) async throws -> any StorageEngine)?

    /// Creates the kit for an engine.
    public init(
        makeEngine: @escaping @Sendable () async throws -> any StorageEngine,
        reopen: (@Sendable (any StorageEngine) async throws -> any StorageEngine)? = nil
    ) {
        self.makeEngine = makeEngine
        self.reopen = reopen
    }

    /// The areas of the kit, in the order ``run()`` checks them.
    public enum Area: String, CaseIterable, Sendable {
        /// Insert, read by id and by many ids, update, delete, audit fields.
        case records
        /// Version numbers and optimistic concurrency conflicts.
        case versionsAndConflicts
        /// Multi-record, multi-entity atomic transactions.
        case transactions
        /// Equality, `in`, range and prefix filters.
        case queries
        /// Sort orders, the total order of index values, cursor paging.
        case sortAndPaging
        /// Unique indexes.
        case uniqueIndexes
        /// The change feed's order and content.
        case changeFeed
        /// Unicode strings, binary and large payloads.
        case unicodeAndLargeValues
        /// Concurrent read-modify-write without lost updates.
        case concurrency
        /// Fields added to and dropped from a schema.
        case schemaChanges
        /// Everything survives closing and reopening (skipped without `reopen`).
        case persistence
    }

    /// Runs every area and throws one ``ConformanceFailure`` per failed area, gathered in a
    /// ``ConformanceReport``, after all areas have run.
    public func run() async throws {
        try await ConformanceReport.runAll(Area.allCases, check: check)
    }

    /// Runs the checks of one area; throws at the first failure.
    public func check(_ area: Area) async throws {
        switch area {
        case .records: try await checkRecords()
        case .versionsAndConflicts: try await checkVersionsAndConflicts()
        case .transactions: try await checkTransactions()
        case .queries: try await checkQueries()
        case .sortAndPaging: try await checkSortAndPaging()
        case .uniqueIndexes: try await checkUniqueIndexes()
        case .changeFeed: try await checkChangeFeed()
        case .unicodeAndLargeValues: try await checkUnicodeAndLargeValues()
        case .concurrency: try await checkConcurrency()
        case .schemaChanges: try await checkSchemaChanges()
        case .persistence: try await checkPersistence()
        }
    }

    /// A fresh engine with the fixture schemas registered.
    func freshEngine() async throws -> any StorageEngine {
        let engine = try await makeEngine()
        try await engine.register(ConformanceFixture.schemas)
        return engine
    }
}
