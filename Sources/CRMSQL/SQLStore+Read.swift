package import CRMCore
import Foundation

extension SQLStore {
    /// The largest number of ids looked up by one statement (SQLite allows 32,766 parameters).
    static let idsPerStatement = 500

    /// The records with `ids` that exist, in the order of `ids`.
    package func read(_ entity: String, ids: [RecordID], session: any SQLSession) throws(StorageError)
        -> [StoredRecord]
    {
        let layout = try layout(of: entity, session: session)
        var found: [RecordID: StoredRecord] = [:]
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + Self.idsPerStatement, ids.count)])
            start += chunk.count
            let sql =
                chunk.count == 1
                ? "SELECT \(layout.selectList) FROM \(layout.table) WHERE id = \(marker(1))"
                : "SELECT \(layout.selectList) FROM \(layout.table) WHERE id IN (\(markers(from: 1, count: chunk.count)))"
            let rows = try SQLErrors.run(store: name) { () throws(SQLFailure) in
                try session.execute(sql, chunk.map { .blob($0.sqlBytes) })
            }
            for row in rows {
                let record = try record(from: row, layout: layout)
                found[record.key.id] = record
            }
        }
        return ids.compactMap { found[$0] }
    }

    /// Up to `limit` changes after `sequence`, oldest first.
    package func changes(after sequence: UInt64, limit: Int, session: any SQLSession) throws(StorageError)
        -> [Change]
    {
        try StorageRules.validateChangesLimit(limit)
        let rows = try SQLErrors.run(store: name) { () throws(SQLFailure) in
            try session.execute(
                """
                SELECT sequence, entity, id, kind, version, principal, committed_at FROM crm_changes
                WHERE sequence > \(marker(1)) ORDER BY sequence LIMIT \(marker(2))
                """, [.integer(Int64(clamping: sequence)), .integer(Int64(limit))])
        }
        return try rows.map { row throws(StorageError) in
            guard let sequence = row[0].integer, let entity = row[1].text,
                let id = row[2].blob.flatMap(RecordID.init(sqlBytes:)),
                let kind = row[3].integer.flatMap({ UInt8(exactly: $0) }).flatMap(ChangeKind.init(rawValue:)),
                let version = row[4].integer, let principal = row[5].text, let time = row[6].real
            else {
                throw StorageError(.corrupted, message: "\(name): a row of the change feed is unreadable")
            }
            return Change(
                sequence: UInt64(sequence), key: RecordKey(entity: entity, id: id), kind: kind,
                version: UInt64(version), principal: Self.principal(principal),
                committedAt: Date(timeIntervalSinceReferenceDate: time))
        }
    }

    /// A record from a row selected with the layout's ``EntityLayout/selectList``.
    func record(from row: SQLRow, layout: EntityLayout) throws(StorageError) -> StoredRecord {
        guard let id = row[0].blob.flatMap(RecordID.init(sqlBytes:)), let version = row[1].integer,
            let created = row[2].real, let createdBy = row[3].text, let updated = row[4].real,
            let updatedBy = row[5].text, let payload = row[6].blob
        else {
            throw StorageError(.corrupted, entity: layout.schema.name, message: "\(name): a record row is unreadable")
        }
        var values: [IndexValues.Element] = []
        for (offset, (field, _)) in layout.fieldsInColumnOrder.enumerated() {
            let key = row[EntityLayout.fixedColumns.count + offset].blob ?? []
            guard let value = IndexKey.decode(key) else {
                throw StorageError(
                    .corrupted, entity: layout.schema.name, id: id, field: field,
                    message: "\(name): the stored index key is unreadable")
            }
            if value != .absent { values.append(IndexValues.Element(field: field, value: value)) }
        }
        values.sort { $0.field < $1.field }
        return StoredRecord(
            key: RecordKey(entity: layout.schema.name, id: id), version: UInt64(version), payload: payload,
            indexValues: IndexValues(sortedFields: values), createdAt: Date(timeIntervalSinceReferenceDate: created),
            createdBy: Self.principal(createdBy), updatedAt: Date(timeIntervalSinceReferenceDate: updated),
            updatedBy: Self.principal(updatedBy))
    }

    /// A principal read back from the store, where it was written from a valid one.
    static func principal(_ id: String) -> Principal {
        Principal(unchecked: id)
    }
}
