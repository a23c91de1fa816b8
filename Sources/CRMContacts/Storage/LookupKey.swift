package import CRMCore

/// A value a record can be found by when it has several of them (emails, phones, tags, external ids).
///
/// The engine indexes one value per field, so each such value is stored as a small lookup record of the
/// entity ``entity``, written in the same transaction as its owner: `key` holds `<owner entity>/<kind>:<value>`
/// and `owner` the owner's id. Its record id is a stable hash of owner and key, so rewriting the owner
/// finds and replaces its lookup records without reading them first.
struct LookupKey: Hashable, Sendable {
    static let entity = "crm.lookup"
    static let schema = try! EntitySchema(
        name: entity, indexes: [IndexDefinition("key"), IndexDefinition("owner")])

    let owner: RecordKey
    let kind: String
    let value: String

    var text: String { "\(owner.entity)/\(kind):\(value)" }

    var recordKey: RecordKey {
        RecordKey(entity: Self.entity, id: StableHash.recordID(of: owner.description + "\u{1F}" + text))
    }

    var insert: WriteOperation {
        .insert(recordKey, payload: [], indexValues: ["key": .string(text), "owner": .string(owner.id.string)])
    }

    /// The writes that take `owner` from the lookup keys `old` to `new`.
    static func changes(from old: Set<LookupKey>, to new: Set<LookupKey>) -> [WriteOperation] {
        old.subtracting(new).sorted { $0.text < $1.text }.map { .delete($0.recordKey, expectedVersion: nil) }
            + new.subtracting(old).sorted { $0.text < $1.text }.map(\.insert)
    }

    /// The query for the owners of lookup key text `text`.
    static func query(_ text: String) -> RecordQuery {
        RecordQuery(entity: entity, filters: [.equals("key", .string(text))])
    }
}

/// A 128-bit FNV-1a hash (two 64-bit lanes with different offsets): stable across processes and
/// platforms, unlike `Hasher`, for deriving record ids from content.
package enum StableHash {
    package static func recordID(of text: String) -> RecordID {
        var high: UInt64 = 0xcbf2_9ce4_8422_2325
        var low: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            low = low &+ high >> 29
        }
        return RecordID(high: high, low: low)
    }
}
