import CRMCore
import CRMSQL
import Testing

@testable import CRMSQLite

/// A batch the database aborts to keep transactions serializable (PostgreSQL's serialization failures and
/// deadlocks) is run again from the start, and applied once.
@Suite struct SQLStoreRetryTests {
    /// A real session whose first `COMMIT` fails as a serialization failure would.
    final class AbortingOnce: SQLSession {
        let inner: SQLiteConnection
        var aborts: Int

        init(_ inner: SQLiteConnection, aborts: Int) {
            self.inner = inner
            self.aborts = aborts
        }

        func execute(_ sql: String, _ parameters: [SQLValue]) throws(SQLFailure) -> [SQLRow] {
            if sql == "COMMIT", aborts > 0 {
                aborts -= 1
                throw .retryable("could not serialize access due to concurrent update")
            }
            return try inner.execute(sql, parameters)
        }

        func close() { inner.close() }
    }

    static func store(aborts: Int) throws -> (SQLStore, AbortingOnce) {
        let path = SQLiteConformanceTests.temporaryDatabase()
        let connection = try SQLiteConnection(path: path, create: true, busyTimeout: .seconds(1), synchronous: "FULL")
        let session = AbortingOnce(connection, aborts: 0)
        let store = SQLStore(dialect: .sqlite, name: path, clock: SystemWallClock())
        try store.bootstrap(session)
        try store.register(
            [try EntitySchema(name: "item", indexes: [IndexDefinition("code", unique: true)])], session: session)
        session.aborts = aborts
        return (store, session)
    }

    static let insert = Transaction(
        principal: try! Principal("test"),
        operations: [
            .insert(
                RecordKey(entity: "item", id: RecordID(high: 1, low: 1)), payload: [1],
                indexValues: ["code": .integer(7)])
        ])

    @Test func anAbortedBatchIsRetriedAndAppliedOnce() throws {
        let (store, session) = try Self.store(aborts: 2)
        let results = store.commit([Self.insert], session: session)
        #expect(try results[0].get().sequences == 1...1)
        #expect(try store.changes(after: 0, limit: 10, session: session).map(\.sequence) == [1])
        #expect(try store.read("item", ids: [RecordID(high: 1, low: 1)], session: session).count == 1)
    }

    @Test func aBatchAbortedEveryTimeFailsAndWritesNothing() throws {
        let (store, session) = try Self.store(aborts: .max)
        let results = store.commit([Self.insert], session: session)
        let error = #expect(throws: StorageError.self) { try results[0].get() }
        #expect(error?.code == .conflict)
        #expect(error?.message.contains("retry") == true)
        session.aborts = 0
        #expect(try store.changes(after: 0, limit: 10, session: session).isEmpty)
    }
}
