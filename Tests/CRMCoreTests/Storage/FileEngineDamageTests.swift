import Foundation
import Testing

@testable import CRMCore

/// A torn tail is discarded; damage to committed data is reported with its location, never skipped.
@Suite struct FileEngineDamageTests {
    /// A closed store with five commits and the log offset after each (index 0: after the header).
    private func storeWithFiveCommits() async throws -> (directory: String, ends: [Int]) {
        let directory = temporaryStorePath("damage")
        let engine = try await FileEngine.openFixture(directory)
        var ends = [FileFormat.headerSize]
        for number in UInt64(1)...5 {
            _ = try await engine.commit(
                StoreFixture.transaction([StoreFixture.insert(number), StoreFixture.insert(number + 10)]))
            ends.append(try logSize(directory))
        }
        try await engine.close()
        return (directory, ends)
    }

    private func logSize(_ directory: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: directory + "/log-1")[.size] as! NSNumber).intValue
    }

    private func rewriteLog(_ directory: String, _ change: (inout Data) -> Void) throws {
        let url = URL(fileURLWithPath: directory + "/log-1")
        var data = try Data(contentsOf: url)
        change(&data)
        try data.write(to: url)
    }

    private func committedCount(_ directory: String) async throws -> Int {
        let engine = try await FileEngine.openFixture(directory)
        let verification = try await engine.verify()
        #expect(verification.isClean, "\(verification)")
        let state = try await ObservedState(engine)
        #expect(state.items.count == state.feed.count, "items and changes agree")
        try await engine.close()
        return state.feed.count / 2
    }

    @Test func logCutAtEveryByteOfTheLastTwoCommitsOpensWithTheCommittedPrefix() async throws {
        let (directory, ends) = try await storeWithFiveCommits()
        for cut in ends[3]..<ends[5] {
            let copy = try copyStore(directory)
            try rewriteLog(copy) { $0 = $0.prefix(cut) }
            let expected = ends.lastIndex { $0 <= cut }!
            #expect(try await committedCount(copy) == expected, "log cut at \(cut)")
            #expect(try logSize(copy) == ends[expected], "the torn tail is truncated at open (cut at \(cut))")
        }
    }

    @Test func appendingAfterATruncatedTailKeepsTheNewCommit() async throws {
        let (directory, ends) = try await storeWithFiveCommits()
        try rewriteLog(directory) { $0 = $0.prefix(ends[5] - 7) }
        let engine = try await FileEngine.openFixture(directory)
        _ = try await engine.commit(StoreFixture.transaction([StoreFixture.insert(99)]))
        try await engine.close()
        let reopened = try await FileEngine.openFixture(directory)
        let state = try await ObservedState(reopened)
        #expect(state.feed.map(\.sequence) == Array(1...9))
        #expect(state.items.contains { $0.key == StoreFixture.key(99) })
        try await reopened.close()
    }

    @Test func flippedByteAnywhereInTheLastCommitDiscardsOnlyThatCommit() async throws {
        let (directory, ends) = try await storeWithFiveCommits()
        for position in ends[4]..<ends[5] {
            let copy = try copyStore(directory)
            try rewriteLog(copy) { $0[position] ^= 0x5A }
            #expect(try await committedCount(copy) == 4, "byte \(position) flipped")
        }
    }

    @Test(arguments: [0, 3, 9, 40])
    func damageInAnEarlierCommitIsReportedWithItsOffset(_ offsetInFrame: Int) async throws {
        let (directory, ends) = try await storeWithFiveCommits()
        let position = ends[2] + offsetInFrame
        try rewriteLog(directory) { $0[position] ^= 0xFF }
        let error = await #expect(throws: StorageError.self) { try await FileEngine.open(at: directory) }
        #expect(error?.code == .corrupted)
        #expect(error?.message.contains("offset \(ends[2])") == true, "\(String(describing: error))")
        let report = FileEngine.verify(at: directory)
        #expect(!report.problems.isEmpty)
    }

    @Test func damagedSnapshotIsReported() async throws {
        let directory = temporaryStorePath("snapshot")
        let engine = try await FileEngine.openFixture(directory)
        _ = try await engine.commit(StoreFixture.transaction((1...20).map { StoreFixture.insert($0) }))
        try await engine.compact()
        try await engine.close()
        let url = URL(fileURLWithPath: directory + "/snapshot")
        var data = try Data(contentsOf: url)
        data[data.count / 2] ^= 0x01
        try data.write(to: url)
        let error = await #expect(throws: StorageError.self) { try await FileEngine.open(at: directory) }
        #expect(error?.code == .corrupted)
        #expect(error?.message.contains("snapshot") == true)
    }

    @Test func unknownFormatVersionIsRefused() async throws {
        let (directory, _) = try await storeWithFiveCommits()
        var header = FileFormat.header(kind: .log, generation: 1)
        header[4] = 99
        let checksum = CRC32C.checksum(header[0..<20])
        withUnsafeBytes(of: checksum.littleEndian) { for index in 0..<4 { header[20 + index] = $0[index] } }
        try rewriteLog(directory) { $0.replaceSubrange(0..<FileFormat.headerSize, with: header) }
        let error = await #expect(throws: StorageError.self) { try await FileEngine.open(at: directory) }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("version 99") == true)
    }

    @Test func filesArePrivateToTheOwner() async throws {
        let directory = temporaryStorePath("modes")
        let engine = try await FileEngine.openFixture(directory)
        _ = try await engine.commit(StoreFixture.transaction([StoreFixture.insert(1)]))
        try await engine.compact()
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        }
        #expect(try mode(directory) == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            #expect(try mode(directory + "/" + name) == 0o600, "\(name)")
        }
        try await engine.close()
    }

    @Test func compactionBoundsTheLogAndKeepsEverything() async throws {
        let directory = temporaryStorePath("compact")
        let engine = try await FileEngine.openFixture(directory, options: FileEngineOptions(compactionThreshold: 8_192))
        for number in UInt64(1)...300 {
            _ = try await engine.commit(StoreFixture.transaction([StoreFixture.insert(number)]))
        }
        let before = try await ObservedState(engine)
        try await engine.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let logs = names.filter { $0.hasPrefix("log-") }
        #expect(logs.count == 1 && logs != ["log-1"], "compaction started a later log: \(names)")
        let reopened = try await FileEngine.openFixture(directory)
        #expect(try await ObservedState(reopened) == before)
        try await reopened.close()
    }

    @Test func closedEngineRefusesCalls() async throws {
        let engine = try await FileEngine.openFixture(temporaryStorePath("closed"))
        try await engine.close()
        let error = await #expect(throws: StorageError.self) { try await engine.read("item", ids: []) }
        #expect(error?.code == .closed)
    }
}
