import CRMCore
import CRMSQL
import CRMSQLite
import CSQLite
import Foundation
import Testing

/// What the SQLite engine promises beyond the conformance kit: indexed query plans, lock handling,
/// format migrations, file modes and sharing a database between engines.
@Suite struct SQLiteEngineTests {
    static let schema = try! EntitySchema(
        name: "contact",
        indexes: [IndexDefinition("email", unique: true), IndexDefinition("name"), IndexDefinition("score")])
    static let writer = try! Principal("test:writer")

    static func open(_ path: String, _ options: SQLiteEngineOptions = SQLiteEngineOptions()) async throws
        -> SQLiteEngine
    {
        let engine = try await SQLiteEngine.open(at: path, options: options)
        try await engine.register([schema])
        return engine
    }

    static func insert(_ number: Int) -> WriteOperation {
        .insert(
            RecordKey(entity: "contact", id: RecordID(high: 1, low: UInt64(number))), payload: Array("c\(number)".utf8),
            indexValues: [
                "email": .string("c\(number)@example.com"), "name": .string("Name \(number % 7)"),
                "score": .integer(Int64(number)),
            ])
    }

    @Test func everyQueryShapeRunsOnAnIndex() async throws {
        let path = SQLiteConformanceTests.temporaryDatabase()
        let engine = try await Self.open(path)
        _ = try await engine.commit(Transaction(principal: Self.writer, operations: (1...50).map(Self.insert)))
        let cursor = QueryCursor(sort: [SortKey("name")], values: [.string("Name 3")], id: RecordID(high: 1, low: 10))
        let queries: [RecordQuery] = [
            RecordQuery(entity: "contact", filters: [.equals("email", .string("c1@example.com"))]),
            RecordQuery(entity: "contact", filters: [.isIn("name", [.string("Name 1"), .string("Name 2")])]),
            RecordQuery(entity: "contact", filters: [.prefix("email", "c1")], limit: 5),
            RecordQuery(entity: "contact", filters: [.range("score", from: .integer(5), to: .integer(9))]),
            RecordQuery(entity: "contact", sort: [SortKey("name")], limit: 10),
            RecordQuery(entity: "contact", sort: [SortKey("name")], limit: 10, after: cursor),
            RecordQuery(
                entity: "contact", filters: [.equals("name", .string("Name 3"))],
                sort: [SortKey("score", ascending: false)]),
        ]
        for query in queries {
            let plan = try await engine.queryPlan(query)
            let fullScans = plan.filter { $0.hasPrefix("SCAN") && !$0.contains("INDEX") }
            #expect(!plan.isEmpty)
            #expect(fullScans.isEmpty, "\(query.filters) sorted by \(query.sort.map(\.field)): \(plan)")
        }
        try await engine.close()
    }

    @Test func aWriteBlockedPastTheTimeoutFailsWithLockedAndChangesNothing() async throws {
        let path = SQLiteConformanceTests.temporaryDatabase()
        let engine = try await Self.open(path, SQLiteEngineOptions(busyTimeout: .milliseconds(100)))
        let other = try RawConnection(path)
        try other.run("BEGIN IMMEDIATE")
        let error = await #expect(throws: StorageError.self) {
            try await engine.commit(Transaction(principal: Self.writer, operations: [Self.insert(1)]))
        }
        #expect(error?.code == .locked)
        #expect(error?.message.contains(path) == true)
        try other.run("ROLLBACK")
        #expect(try await engine.changes(after: 0, limit: 10).isEmpty)
        let receipt = try await engine.commit(Transaction(principal: Self.writer, operations: [Self.insert(1)]))
        #expect(receipt.sequences == 1...1)
        try await engine.close()
    }

    @Test func anOlderFormatIsMigratedAndANewerOneRefused() async throws {
        let path = SQLiteConformanceTests.temporaryDatabase()
        let raw = try RawConnection(path)
        try raw.run("BEGIN")
        try raw.migrate(upTo: 1)
        try raw.run("COMMIT")
        #expect(try raw.integer("SELECT value FROM crm_meta WHERE name = 'format'") == 1)
        let engine = try await Self.open(path)
        try await engine.close()
        #expect(try raw.integer("SELECT value FROM crm_meta WHERE name = 'format'") == StoreFormat.currentVersion)
        #expect(try raw.integer("SELECT count(*) FROM sqlite_master WHERE name = 'crm_changes_by_record'") == 1)

        try raw.run("UPDATE crm_meta SET value = 99 WHERE name = 'format'")
        let error = await #expect(throws: StorageError.self) { try await SQLiteEngine.open(at: path) }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("99") == true)
    }

    @Test func valuesThatLookLikeSQLAreStoredAsData() async throws {
        let path = SQLiteConformanceTests.temporaryDatabase()
        let engine = try await Self.open(path)
        let hostile = "x'); DROP TABLE crm_changes; --"
        let key = RecordKey(entity: "contact", id: RecordID(high: 2, low: 1))
        _ = try await engine.commit(
            Transaction(
                principal: try Principal("o'brien\"; DELETE FROM crm_meta"),
                operations: [.insert(key, payload: Array(hostile.utf8), indexValues: ["name": .string(hostile)])]))
        let found = try await engine.queryAll(
            RecordQuery(entity: "contact", filters: [.equals("name", .string(hostile))]))
        #expect(found.map(\.payload) == [Array(hostile.utf8)])
        #expect(try await engine.changes(after: 0, limit: 5).map(\.principal.id) == ["o'brien\"; DELETE FROM crm_meta"])
        try await engine.close()
    }

    @Test func theDatabaseFileIsPrivateToItsOwner() async throws {
        let path = SQLiteConformanceTests.temporaryDatabase()
        let engine = try await Self.open(path)
        _ = try await engine.commit(Transaction(principal: Self.writer, operations: [Self.insert(1)]))
        for file in [path, path + "-wal"] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
        try await engine.close()
    }

    @Test func twoEnginesOnOneFileNeitherLoseUpdatesNorGapTheFeed() async throws {
        let path = SQLiteConformanceTests.temporaryDatabase()
        let first = try await Self.open(path)
        let second = try await Self.open(path)
        let key = RecordKey(entity: "contact", id: RecordID(high: 3, low: 1))
        _ = try await first.commit(
            Transaction(principal: Self.writer, operations: [.insert(key, payload: [0], indexValues: [:])]))
        let rounds = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for engine in [first, second] {
                group.addTask {
                    var done = 0
                    while done < rounds {
                        let current = try await engine.read("contact", id: key.id)!
                        let next = [current.payload[0] &+ 1]
                        do {
                            _ = try await engine.commit(
                                Transaction(
                                    principal: Self.writer,
                                    operations: [.update(key, payload: next, expectedVersion: current.version)]))
                            done += 1
                        } catch let error as StorageError where error.code == .conflict {
                            continue
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try await first.read("contact", id: key.id)!
        #expect(final.version == UInt64(1 + 2 * rounds))
        #expect(final.payload == [UInt8(2 * rounds)])
        #expect(try await second.changes(after: 0, limit: 1000).map(\.sequence) == Array(1...UInt64(1 + 2 * rounds)))
        try await first.close()
        try await second.close()
    }
}

/// A plain SQLite connection, for setting up states the engine would not make.
final class RawConnection {
    private let connection: OpaquePointer

    init(_ path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else { throw StorageError(.io, message: path) }
        connection = handle
    }

    deinit { sqlite3_close_v2(connection) }

    func run(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
            throw StorageError(.io, message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    func integer(_ sql: String) throws -> Int64 {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            throw StorageError(.io, message: String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { throw StorageError(.notFound, message: sql) }
        return sqlite3_column_int64(statement, 0)
    }

    /// Creates the store's tables of format `version` and nothing newer.
    func migrate(upTo version: Int64) throws {
        for migration in StoreFormat.migrations where migration.version <= version {
            for statement in migration.statements(.sqlite) { try run(statement) }
        }
        try run("CREATE TABLE crm_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        try run("INSERT INTO crm_meta VALUES ('format', \(version))")
    }
}
