import CRMCore
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Testing

@testable import CustomStorageEngine

/// The CustomStorageEngine example: the engine a team copies to start its own adapter.
@Suite struct CustomStorageEngineExampleTests {
    static func temporaryStore() -> URL {
        TestScratch.url("json-engine")
    }

    static let schema = try! EntitySchema(name: "contact", indexes: [IndexDefinition("email", unique: true)])

    static func insert(_ email: String) -> WriteOperation {
        .insert(
            RecordKey(entity: "contact", id: ULIDGenerator().next()), payload: Array(email.utf8),
            indexValues: ["email": .string(email)])
    }

    @Test func theExampleRunsTheWholeKitAndPassesIt() throws {
        let worker = try WorkerProcess([], executable: "CustomStorageEngine")
        let output = worker.finish()
        #expect(worker.process.terminationStatus == 0, "\(output)")
        for area in StorageEngineConformance.Area.allCases {
            #expect(output.contains("passed  \(area.rawValue)\n"), "area \(area.rawValue) in \(output)")
        }
        #expect(output.contains("Every check passed."))
        #expect(output.contains("records/contact/") && output.contains("changes/00000000000000000001.json"))
    }

    @Test func aCommitInterruptedAfterItsJournalIsFinishedOnOpening() async throws {
        let directory = Self.temporaryStore()
        let engine = try JSONFileEngine(directory: directory)
        try await engine.register([Self.schema])
        _ = try await engine.commit(Transaction(principal: .system, operations: [Self.insert("ada@example.com")]))
        await engine.close()

        // A crash right after the journal became durable: no record file and no change file yet.
        let key = RecordKey(entity: "contact", id: ULIDGenerator().next())
        let record = StoredRecord(
            key: key, version: 1, payload: [7], indexValues: ["email": .string("grace@example.com")],
            createdAt: Date(timeIntervalSinceReferenceDate: 1), createdBy: .system,
            updatedAt: Date(timeIntervalSinceReferenceDate: 1), updatedBy: .system)
        let change = Change(
            sequence: 2, key: key, kind: .insert, version: 1, principal: .system, committedAt: record.createdAt)
        try StoreDirectory(root: directory).writeJournal(
            CommitJournal(written: [RecordDocument(record)], deleted: [], changes: [ChangeDocument(change)]))

        let reopened = try JSONFileEngine(directory: directory)
        #expect(try await reopened.read("contact", id: key.id) == record)
        #expect(try await reopened.changes(after: 1, limit: 10) == [change])
        #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "journal.json").path))
        await reopened.close()
    }

    @Test func aDamagedRecordFileIsReportedAsCorruptionNamingTheFile() async throws {
        let directory = Self.temporaryStore()
        let engine = try JSONFileEngine(directory: directory)
        try await engine.register([Self.schema])
        let operation = Self.insert("ada@example.com")
        _ = try await engine.commit(Transaction(principal: .system, operations: [operation]))
        await engine.close()
        let file = directory.appending(path: "records/contact/\(operation.key.id).json")
        try Data("{\"entity\": \"contact\"".utf8).write(to: file)

        let error = #expect(throws: StorageError.self) { try JSONFileEngine(directory: directory) }
        #expect(error?.code == .corrupted)
        #expect(error?.message.contains(file.path) == true, "\(String(describing: error))")
    }

    @Test func aFailedTransactionWritesNoFile() async throws {
        let directory = Self.temporaryStore()
        let engine = try JSONFileEngine(directory: directory)
        try await engine.register([Self.schema])
        let before = FileManager.default.subpaths(atPath: directory.path)?.sorted()
        let clash = Transaction(
            principal: .system, operations: [Self.insert("ada@example.com"), Self.insert("ada@example.com")])
        let error = await #expect(throws: StorageError.self) { try await engine.commit(clash) }
        #expect(error?.code == .uniqueViolation && error?.field == "email")
        #expect(FileManager.default.subpaths(atPath: directory.path)?.sorted() == before)
        await engine.close()
    }
}
