import CRMCore
import Foundation

/// One record as one JSON file: `records/<entity>/<id>.json`.
///
/// The file holds everything a ``StoredRecord`` holds, so a store can be rebuilt from its files alone.
/// The payload is opaque to the engine; `Data` is written as Base64.
struct RecordDocument: Codable {
    var entity: String
    var id: String
    var version: UInt64
    var payload: Data
    var indexValues: [String: StoredValue]
    var createdAt: Date
    var createdBy: Principal
    var updatedAt: Date
    var updatedBy: Principal

    init(_ record: StoredRecord) {
        entity = record.key.entity
        id = record.key.id.string
        version = record.version
        payload = Data(record.payload)
        indexValues = Dictionary(
            uniqueKeysWithValues: record.indexValues.compactMap { element in
                StoredValue(element.value).map { (element.field, $0) }
            })
        createdAt = record.createdAt
        createdBy = record.createdBy
        updatedAt = record.updatedAt
        updatedBy = record.updatedBy
    }

    /// The record this document describes; throws when the id is not a valid record id.
    func record() throws -> StoredRecord {
        StoredRecord(
            key: RecordKey(entity: entity, id: try RecordID(id)), version: version, payload: Array(payload),
            indexValues: IndexValues(indexValues.mapValues(\.indexValue)), createdAt: createdAt,
            createdBy: createdBy, updatedAt: updatedAt, updatedBy: updatedBy)
    }
}

/// One entry of the change feed as it is written in a commit's file: `changes/<first sequence>.json`.
struct ChangeDocument: Codable {
    var sequence: UInt64
    var entity: String
    var id: String
    var kind: ChangeKind
    var version: UInt64
    var principal: Principal
    var committedAt: Date

    init(_ change: Change) {
        sequence = change.sequence
        entity = change.key.entity
        id = change.key.id.string
        kind = change.kind
        version = change.version
        principal = change.principal
        committedAt = change.committedAt
    }

    /// The change this document describes; throws when the id is not a valid record id.
    func change() throws -> Change {
        Change(
            sequence: sequence, key: RecordKey(entity: entity, id: try RecordID(id)), kind: kind, version: version,
            principal: principal, committedAt: committedAt)
    }
}
