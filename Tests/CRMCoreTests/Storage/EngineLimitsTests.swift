import CRMCore
import Testing

/// Limits that the reference engines enforce beyond the conformance kit.
@Suite struct EngineLimitsTests {
    @Test func payloadOverSixteenMebibytesIsRefusedAndNothingIsWritten() async throws {
        let engine = InMemoryEngine()
        try await engine.register([StoreFixture.schema])
        let huge = WriteOperation.insert(StoreFixture.key(1), payload: [UInt8](repeating: 1, count: (16 << 20) + 1))
        let error = await #expect(throws: StorageError.self) {
            try await engine.commit(StoreFixture.transaction([StoreFixture.insert(2), huge]))
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.field == "payload")
        #expect(try await engine.read("item", ids: [StoreFixture.key(2).id]).isEmpty)
    }

    @Test func changeFeedReadsWithTheLargestLimit() async throws {
        let engine = InMemoryEngine()
        try await engine.register([StoreFixture.schema])
        _ = try await engine.commit(StoreFixture.transaction([StoreFixture.insert(1), StoreFixture.insert(2)]))
        #expect(try await engine.changes(after: 1, limit: .max).map(\.sequence) == [2])
    }
}
