import Foundation
import Testing

@testable import CRMCore

/// A snapshot's changes stay encoded until read; reading them must give exactly the feed that was written.
@Suite struct ChangeFeedTests {
    @Test func reopenedStoreReadsTheSameFeedFromAnySequenceAndLimit() async throws {
        let directory = temporaryStorePath("feed")
        let engine = try await FileEngine.openFixture(directory)
        // 2,500 changes go into the snapshot (three runs), ten more into the log after it.
        for start in stride(from: UInt64(1), through: 2_500, by: 500) {
            _ = try await engine.commit(StoreFixture.transaction((start..<start + 500).map { StoreFixture.insert($0) }))
        }
        try await engine.compact()
        for number in UInt64(1)...10 {
            _ = try await engine.commit(
                StoreFixture.transaction([StoreFixture.update(number, to: "renamed \(number)")]))
        }
        let starts: [UInt64] = [0, 1, 1_023, 1_024, 1_025, 2_047, 2_048, 2_499, 2_500, 2_505, 2_509, 2_510, 9_999]
        let limits = [1, 7, 1_500, Int.max]
        var expected: [[Change]] = []
        for start in starts {
            for limit in limits { expected.append(try await engine.changes(after: start, limit: limit)) }
        }
        #expect(expected[0].map(\.sequence) == [1])
        try await engine.close()
        let reopened = try await FileEngine.openFixture(directory)
        var actual: [[Change]] = []
        for start in starts {
            for limit in limits { actual.append(try await reopened.changes(after: start, limit: limit)) }
        }
        #expect(actual == expected)
        #expect(try await reopened.changes(after: 0, limit: .max).map(\.sequence) == Array(1...2_510))
        #expect(try await reopened.verify().isClean)
        try await reopened.close()
    }

    @Test func runWhoseChangesAreOutOfSequenceIsReportedAsCorruptionWithItsOrigin() throws {
        let changes = (1...3).map { number in
            Change(
                sequence: number == 2 ? 7 : UInt64(number), key: StoreFixture.key(UInt64(number)), kind: .insert,
                version: 1, principal: StoreFixture.principal, committedAt: Date(timeIntervalSince1970: 0))
        }
        var writer = ByteWriter()
        ChangeRunCodec.encode(changes[...], to: &writer)
        let run = ChangeFeed.EncodedRun(
            bytes: writer.bytes, body: 0..<writer.bytes.count, first: 1, count: 3, origin: "snapshot at offset 99")
        let feed = ChangeFeed(runs: [run])
        #expect(feed.count == 3)
        let error = #expect(throws: StorageError.self) { try feed.changes(after: 0, limit: 10) }
        #expect(error?.code == .corrupted)
        #expect(error?.message.contains("snapshot at offset 99") == true)
    }
}
