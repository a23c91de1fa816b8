import Foundation
import Testing

@testable import CRMCore

/// A compaction starts the next log before its snapshot is in place: a store left between the two steps
/// reopens from the old snapshot and every log after it, and a break in that chain is corruption.
@Suite struct FileEngineLogChainTests {
    /// A closed store whose compaction failed after starting `log-2`: 20 items in `log-1`, 10 in `log-2`,
    /// no snapshot.
    private func storeBetweenCompactionSteps() async throws -> String {
        let directory = temporaryStorePath("chain")
        let io = FaultInjectingFileIO()
        let engine = try FileEngine(directory: directory, options: StoreFixture.options, io: io)
        try await engine.register([StoreFixture.schema])
        _ = try await engine.commit(StoreFixture.transaction((1...20).map { StoreFixture.insert($0) }))
        // The compaction's first write is the new log's header, its second the snapshot.
        io.arm(.diskFull, atCall: 2)
        let failure = await #expect(throws: StorageError.self) { try await engine.compact() }
        #expect(failure?.code == .io)
        #expect(io.disarm())
        _ = try await engine.commit(StoreFixture.transaction((21...30).map { StoreFixture.insert($0) }))
        try await engine.close()
        return directory
    }

    private func logNames(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("log-") }.sorted()
    }

    @Test func failedSnapshotLeavesEveryLogAndReopensWithAllCommits() async throws {
        let directory = try await storeBetweenCompactionSteps()
        #expect(try logNames(directory) == ["log-1", "log-2"])
        #expect(!FileManager.default.fileExists(atPath: directory + "/snapshot"))
        #expect(FileEngine.verify(at: directory).isClean)

        let reopened = try await FileEngine.openFixture(directory)
        let state = try await ObservedState(reopened)
        #expect(state.items.map(\.key) == (1...30).map(StoreFixture.key))
        #expect(state.feed.map(\.sequence) == Array(1...30))
        _ = try await reopened.commit(StoreFixture.transaction([StoreFixture.insert(31)]))
        try await reopened.compact()
        #expect(try logNames(directory) == ["log-3"], "the snapshot covers both older logs")
        try await reopened.close()

        let compacted = try await FileEngine.openFixture(directory)
        #expect(try await ObservedState(compacted).items.count == 31)
        try await compacted.close()
    }

    @Test func missingLogBetweenSnapshotAndLaterLogIsCorruption() async throws {
        let directory = try await storeBetweenCompactionSteps()
        try FileManager.default.removeItem(atPath: directory + "/log-1")
        let error = await #expect(throws: StorageError.self) { try await FileEngine.open(at: directory) }
        #expect(error?.code == .corrupted)
        #expect(error?.message.contains("log-1 is missing") == true, "\(String(describing: error))")
        #expect(!FileEngine.verify(at: directory).problems.isEmpty)
    }

    @Test func earlierLogCutShortIsCorruptionNotATornTail() async throws {
        let directory = try await storeBetweenCompactionSteps()
        let url = URL(fileURLWithPath: directory + "/log-1")
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 5).write(to: url)
        let error = await #expect(throws: StorageError.self) { try await FileEngine.open(at: directory) }
        #expect(error?.code == .corrupted)
        #expect(error?.message.contains("later logs follow it") == true, "\(String(describing: error))")
        #expect(try logNames(directory) == ["log-1", "log-2"], "a refused open changes nothing")
    }

    @Test func commitsAndReadsGoOnWhileCompactionsRun() async throws {
        let directory = temporaryStorePath("background")
        let engine = try await FileEngine.openFixture(
            directory, options: FileEngineOptions(compactionThreshold: 4_096, clock: StoreFixture.options.clock))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for _ in 0..<5 { try await engine.compact() }
            }
            group.addTask {
                for number in UInt64(1)...400 {
                    _ = try await engine.commit(StoreFixture.transaction([StoreFixture.insert(number)]))
                    let read = try await engine.read("item", ids: [StoreFixture.key(number).id])
                    #expect(read.count == 1, "item \(number) is readable as soon as it is committed")
                }
            }
            try await group.waitForAll()
        }
        let verification = try await engine.verify()
        #expect(verification.isClean, "\(verification)")
        let before = try await ObservedState(engine)
        try await engine.close()
        #expect(try logNames(directory).count == 1, "every finished compaction removed the logs it covers")

        let reopened = try await FileEngine.openFixture(directory)
        #expect(try await ObservedState(reopened) == before)
        #expect(before.items.count == 400)
        try await reopened.close()
    }
}
