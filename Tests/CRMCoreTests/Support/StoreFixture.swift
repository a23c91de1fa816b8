import CRMCore
import Foundation

/// A small entity for engine tests: items with a unique `sku` and an indexed `name`.
enum StoreFixture {
    static let schema = try! EntitySchema(
        name: "item", indexes: [IndexDefinition("sku", unique: true), IndexDefinition("name")])
    static let principal = try! Principal("test")
    /// Options with a clock that stands still, so that two runs of the same commits store the same times.
    static let options = FileEngineOptions(clock: ManualWallClock(Date(timeIntervalSince1970: 1_750_000_000)))

    static func key(_ number: UInt64) -> RecordKey {
        RecordKey(entity: "item", id: RecordID(high: 7, low: number))
    }

    static func insert(_ number: UInt64, size: Int = 120) -> WriteOperation {
        .insert(key(number), payload: payload(number, size: size), indexValues: values(number))
    }

    static func update(_ number: UInt64, to name: String) -> WriteOperation {
        .update(
            key(number), payload: Array(name.utf8),
            indexValues: ["sku": .string("sku-\(number)"), "name": .string(name)], expectedVersion: nil)
    }

    static func payload(_ number: UInt64, size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: Int(number) &* 31 &+ $0) }
    }

    static func values(_ number: UInt64) -> IndexValues {
        ["sku": .string("sku-\(number)"), "name": .string("item \(number)")]
    }

    static func transaction(_ operations: [WriteOperation]) -> Transaction {
        Transaction(principal: principal, operations: operations)
    }
}

/// Everything a store shows: its items and its change feed.
struct ObservedState: Equatable, CustomStringConvertible {
    var items: [StoredRecord]
    var feed: [Change]

    init(_ engine: some StorageEngine) async throws {
        items = try await engine.queryAll(RecordQuery(entity: "item"))
        feed = try await engine.changes(after: 0, limit: .max)
    }

    var description: String { "\(items.count) items, \(feed.count) changes" }
}

extension FileEngine {
    /// Opens a store with the fixture schema registered.
    static func openFixture(_ directory: String, options: FileEngineOptions = StoreFixture.options) async throws
        -> FileEngine
    {
        let engine = try await FileEngine.open(at: directory, options: options)
        try await engine.register([StoreFixture.schema])
        return engine
    }
}
