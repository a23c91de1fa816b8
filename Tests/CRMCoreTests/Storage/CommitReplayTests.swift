import Foundation
import Testing

@testable import CRMCore

/// A commit read back from the log is the commit that was written.
@Suite struct CommitReplayTests {
    @Test func transactionWritingRecordsTwiceReopensWithEachChangeOnItsRecord() async throws {
        let directory = temporaryStorePath("replay")
        let engine = try await FileEngine.openFixture(directory)
        let operations: [WriteOperation] = [
            StoreFixture.insert(1), StoreFixture.insert(2), StoreFixture.update(1, to: "renamed"),
            .delete(StoreFixture.key(2), expectedVersion: 1), StoreFixture.insert(3),
        ]
        _ = try await engine.commit(StoreFixture.transaction(operations))
        let committed = try await ObservedState(engine)
        try await engine.close()

        let reopened = try await FileEngine.openFixture(directory)
        let replayed = try await ObservedState(reopened)
        try await reopened.close()
        #expect(replayed == committed)
        #expect(replayed.feed.map(\.key) == [1, 2, 1, 2, 3].map(StoreFixture.key))
        #expect(replayed.feed.map(\.kind) == [.insert, .insert, .update, .delete, .insert])
        #expect(replayed.feed.map(\.version) == [1, 1, 2, 1, 1])
        #expect(replayed.items.map(\.key) == [1, 3].map(StoreFixture.key))
    }
}
