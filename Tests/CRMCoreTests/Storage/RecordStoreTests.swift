import CRMCore
import Testing

/// How the reference engines keep records in memory: compact rows whose payloads share large buffers.
/// These tests rewrite and delete records until the buffers are repacked, on every reference engine.
@Suite struct RecordStoreTests {
    enum Engine: String, CaseIterable, CustomTestStringConvertible {
        case inMemory, file

        var testDescription: String { rawValue }

        func make() async throws -> any StorageEngine {
            switch self {
            case .inMemory: InMemoryEngine()
            case .file: try await FileEngine.open(at: temporaryStorePath("record-store"), options: StoreFixture.options)
            }
        }
    }

    @Test(arguments: Engine.allCases)
    func rewritingLargeRecordsRepacksTheirBuffersAndKeepsTheLatestState(_ kind: Engine) async throws {
        let engine = try await kind.make()
        try await engine.register([StoreFixture.schema])
        _ = try await engine.commit(StoreFixture.transaction((1...3).map { StoreFixture.insert($0) }))
        // Twelve 2 MiB rewrites of one record leave 22 MiB of the buffers unused: more than half.
        for round in 1...12 {
            let payload = [UInt8](repeating: UInt8(round), count: 2 << 20)
            _ = try await engine.commit(
                StoreFixture.transaction([
                    .update(
                        StoreFixture.key(1), payload: payload,
                        indexValues: ["sku": .string("sku-1"), "name": .string("round \(round)")],
                        expectedVersion: UInt64(round))
                ]))
        }
        let rewritten = try #require(try await engine.read("item", ids: [StoreFixture.key(1).id]).first)
        #expect(rewritten.version == 13)
        #expect(rewritten.payload == [UInt8](repeating: 12, count: 2 << 20))
        #expect(rewritten.indexValues == ["sku": .string("sku-1"), "name": .string("round 12")])
        let others = try await engine.read("item", ids: [StoreFixture.key(2).id, StoreFixture.key(3).id])
        #expect(others.map(\.payload) == [StoreFixture.payload(2, size: 120), StoreFixture.payload(3, size: 120)])
        let byName = try await engine.query(
            RecordQuery(entity: "item", filters: [.equals("name", .string("round 12"))]))
        #expect(byName.records.map(\.key) == [StoreFixture.key(1)])
        let stale = try await engine.query(RecordQuery(entity: "item", filters: [.prefix("name", "round 1")]))
        #expect(stale.records.map(\.indexValues["name"]) == [.string("round 12")])
        try await engine.close()
    }

    @Test(arguments: Engine.allCases)
    func deletingRecordsKeepsEveryOtherRecordReachableByIDAndIndex(_ kind: Engine) async throws {
        let engine = try await kind.make()
        try await engine.register([StoreFixture.schema])
        _ = try await engine.commit(StoreFixture.transaction((1...20).map { StoreFixture.insert($0) }))
        let deleted: [UInt64] = [1, 7, 8, 20]
        _ = try await engine.commit(
            StoreFixture.transaction(deleted.map { .delete(StoreFixture.key($0), expectedVersion: 1) }))
        let kept = (1...20).filter { !deleted.contains($0) }
        let read = try await engine.read("item", ids: (1...20).map { StoreFixture.key($0).id })
        #expect(read.map(\.key) == kept.map { StoreFixture.key($0) })
        for number in kept {
            let found = try await engine.query(
                RecordQuery(entity: "item", filters: [.equals("sku", .string("sku-\(number)"))]))
            #expect(found.records.map(\.payload) == [StoreFixture.payload(number, size: 120)])
        }
        for number in deleted {
            let found = try await engine.query(
                RecordQuery(entity: "item", filters: [.equals("name", .string("item \(number)"))]))
            #expect(found.records.isEmpty)
        }
        try await engine.close()
    }
}
