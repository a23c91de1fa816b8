import CRMCore
import CRMPostgres
import CRMTestSupport
import Foundation
import Testing

/// What the PostgreSQL engine promises beyond the conformance kit: several application instances writing
/// at once, lock timeouts, lost connections and connection settings.
@Suite(.enabled(if: PostgresServer.url != nil, "set CRM_POSTGRES_URL: see README, Running the PostgreSQL tests"))
struct PostgresEngineTests {
    static let writer = try! Principal("test:writer")
    static let contact = try! EntitySchema(name: "contact", indexes: [IndexDefinition("email", unique: true)])

    static func insertContact(_ id: RecordID, email: String) -> Transaction {
        Transaction(
            principal: writer,
            operations: [
                .insert(RecordKey(entity: "contact", id: id), payload: [1], indexValues: ["email": .string(email)])
            ])
    }

    static func outcome(_ engine: PostgresEngine, _ transaction: Transaction) async -> Result<
        CommitReceipt, StorageError
    > {
        do {
            return .success(try await engine.commit(transaction))
        } catch {
            return .failure(error)
        }
    }

    @Test func severalProcessesIncrementingOneRecordLoseNoUpdate() async throws {
        let database = try PostgresServer.freshDatabase()
        let engine = try await PostgresEngine.open(PostgresServer.options(database))
        try await engine.register([try EntitySchema(name: "counter")])
        let key = RecordKey(entity: "counter", id: RecordID(high: 9, low: 9))
        _ = try await engine.commit(
            Transaction(principal: Self.writer, operations: [.insert(key, payload: Array("0".utf8))]))
        let (processes, rounds) = (4, 25)
        let workers = try (0..<processes).map { _ in
            try WorkerProcess(
                [PostgresServer.url!, database, key.id.string, String(rounds)], executable: "PostgresEngineWorker")
        }
        let outputs = workers.map { $0.finish() }
        #expect(workers.allSatisfy { $0.process.terminationStatus == 0 }, "\(outputs)")
        let final = try #require(try await engine.read("counter", id: key.id))
        #expect(String(decoding: final.payload, as: UTF8.self) == String(processes * rounds))
        #expect(final.version == UInt64(1 + processes * rounds))
        let feed = try await engine.changes(after: 0, limit: 1000)
        #expect(feed.map(\.sequence) == Array(1...UInt64(1 + processes * rounds)))
        try await engine.close()
    }

    @Test func twoInstancesRacingForOneUniqueValueLetExactlyOneWin() async throws {
        let database = try PostgresServer.freshDatabase()
        let first = try await PostgresEngine.open(PostgresServer.options(database))
        let second = try await PostgresEngine.open(PostgresServer.options(database))
        try await first.register([Self.contact])
        try await second.register([Self.contact])
        for round in 0..<20 {
            let email = "race\(round)@example.com"
            async let a = Self.outcome(first, Self.insertContact(RecordID(high: 1, low: UInt64(round)), email: email))
            async let b = Self.outcome(second, Self.insertContact(RecordID(high: 2, low: UInt64(round)), email: email))
            let results = await [a, b]
            let failures = results.compactMap { result -> StorageError? in
                if case .failure(let error) = result { return error }
                return nil
            }
            #expect(failures.count == 1, "round \(round): \(results)")
            #expect(failures.first?.code == .uniqueViolation)
            #expect(failures.first?.field == "email")
        }
        try await first.close()
        try await second.close()
    }

    @Test func aCommitWaitingPastTheLockTimeoutFailsWithLockedAndWritesNothing() async throws {
        let database = try PostgresServer.freshDatabase()
        var options = PostgresServer.options(database)
        options.lockTimeout = .milliseconds(200)
        let engine = try await PostgresEngine.open(options)
        try await engine.register([Self.contact])
        let holder = try RawPostgres(database: database)
        try holder.run("BEGIN")
        try holder.run("SELECT last_sequence FROM crm_feed_head FOR UPDATE")
        let error = await #expect(throws: StorageError.self) {
            try await engine.commit(Self.insertContact(RecordID(high: 1, low: 1), email: "a@example.com"))
        }
        #expect(error?.code == .locked)
        try holder.run("ROLLBACK")
        #expect(try await engine.changes(after: 0, limit: 10).isEmpty)
        let receipt = try await engine.commit(Self.insertContact(RecordID(high: 1, low: 1), email: "a@example.com"))
        #expect(receipt.sequences == 1...1)
        try await engine.close()
    }

    @Test func aLostConnectionFailsWithIOAndIsReopenedForTheNextCall() async throws {
        let database = try PostgresServer.freshDatabase()
        var options = PostgresServer.options(database)
        options.connections = 1
        let engine = try await PostgresEngine.open(options)
        try await engine.register([Self.contact])
        let admin = try RawPostgres(database: database)
        let killed = try admin.run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        #expect(killed == ["t"])
        let error = await #expect(throws: StorageError.self) {
            try await engine.commit(Self.insertContact(RecordID(high: 1, low: 1), email: "a@example.com"))
        }
        #expect(error?.code == .io)
        #expect(error?.message.contains("connection") == true)
        _ = try await engine.commit(Self.insertContact(RecordID(high: 1, low: 2), email: "b@example.com"))
        #expect(try await engine.changes(after: 0, limit: 10).map(\.key.id) == [RecordID(high: 1, low: 2)])
        try await engine.close()
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() async throws {
        let options = PostgresEngineOptions(
            connectionString: "postgresql://crm:hunter2@/crm?host=/nonexistent-socket-directory&connect_timeout=2")
        let error = await #expect(throws: StorageError.self) { try await PostgresEngine.open(options) }
        #expect(error?.code == .io)
        #expect(error?.message.contains("nonexistent-socket-directory") == true)
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test func tlsSettingsReachLibpq() async throws {
        var options = PostgresServer.options(try PostgresServer.freshDatabase())
        options.tls = PostgresEngineOptions.TLS(mode: "no-such-mode")
        let error = await #expect(throws: StorageError.self) { try await PostgresEngine.open(options) }
        #expect(error?.message.contains("sslmode") == true)
    }
}
