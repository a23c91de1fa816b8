import Foundation

/// The in-memory state both reference engines share: tables, indexes and the change feed, with the rules
/// of the ``StorageEngine`` contract. Not thread-safe; each engine guards its state with a lock.
struct EngineState {
    var tables: [String: EntityTable] = [:]
    private(set) var feed = ChangeFeed()

    var lastSequence: UInt64 { feed.lastSequence }

    /// Replaces the change feed, as when loading a snapshot.
    mutating func restoreFeed(_ feed: ChangeFeed) {
        self.feed = feed
    }

    /// The registered schemas, by entity name.
    var schemas: [EntitySchema] { tables.values.compactMap(\.schema).sorted { $0.name < $1.name } }

    var recordCount: Int { tables.values.reduce(0) { $0 + $1.count } }

    // MARK: Schemas

    /// Declares schemas; returns those that were new or changed (and so re-indexed).
    @discardableResult
    mutating func register(_ schemas: [EntitySchema]) throws(StorageError) -> [EntitySchema] {
        var updated = tables
        var changed: [EntitySchema] = []
        for schema in schemas {
            var table = updated[schema.name] ?? EntityTable(entity: schema.name, schema: nil)
            guard table.schema != schema else { continue }
            table.schema = schema
            table.reindex()
            for definition in schema.indexes where definition.unique {
                if let duplicate = Self.firstDuplicate(in: table, field: definition.field) {
                    throw StorageError(
                        .uniqueViolation, entity: schema.name, id: duplicate.id, field: definition.field,
                        message: "existing records share the value \(duplicate.value); cannot declare a unique index")
                }
            }
            updated[schema.name] = table
            changed.append(schema)
        }
        tables = updated
        return changed
    }

    private static func firstDuplicate(in table: EntityTable, field: String) -> SortedIndex.Entry? {
        var previous: IndexValue?
        var duplicate: SortedIndex.Entry?
        table.index(of: field)?.forEachAscending(from: nil) { entry in
            if entry.value != .absent, entry.value == previous {
                duplicate = entry
                return false
            }
            previous = entry.value
            return true
        }
        return duplicate
    }

    /// The table of a registered entity and its schema; throws ``StorageError/Code/unknownEntity`` otherwise.
    func registeredTable(_ entity: String) throws(StorageError) -> (table: EntityTable, schema: EntitySchema) {
        guard let table = tables[entity], let schema = table.schema else {
            throw StorageError(.unknownEntity, entity: entity, message: "register the entity's schema first")
        }
        return (table, schema)
    }

    // MARK: Reading

    func read(_ entity: String, ids: [RecordID]) throws(StorageError) -> [StoredRecord] {
        let table = try registeredTable(entity).table
        if ids.count == 1 { return table.record(ids[0]).map { [$0] } ?? [] }
        return ids.compactMap { table.record($0) }
    }

    func changes(after sequence: UInt64, limit: Int) throws(StorageError) -> [Change] {
        try StorageRules.validateChangesLimit(limit)
        return try feed.changes(after: sequence, limit: limit)
    }

    // MARK: Writing

    /// Checks `transaction` against the current state and computes its effect, changing nothing.
    func plan(_ transaction: Transaction, at time: Date) throws(StorageError) -> CommitPlan {
        var overlay: [RecordKey: StoredRecord?] = [:]
        var order: [RecordKey] = []
        var changes: [Change] = []
        let count = transaction.operations.count
        var pendingUnique = PendingUniqueValues(capacity: count)
        overlay.reserveCapacity(count)
        order.reserveCapacity(count)
        changes.reserveCapacity(count)
        var sequence = lastSequence
        var lookedUp: (table: EntityTable, schema: EntitySchema)?
        for operation in transaction.operations {
            let key = operation.key
            // Batches usually write one entity: look its table up once.
            if lookedUp?.schema.name != key.entity { lookedUp = try registeredTable(key.entity) }
            let (table, schema) = lookedUp!
            let pending = overlay[key]
            let current: StoredRecord? = pending ?? table.record(key.id)
            let after: StoredRecord?
            let kind: ChangeKind
            switch operation {
            case .insert(_, let payload, let values):
                if current != nil {
                    throw StorageError(.alreadyExists, key: key, message: "a record with this id already exists")
                }
                try StorageRules.checkWrite(payload: payload, values: values, key: key, schema: schema)
                after = StoredRecord(
                    key: key, version: 1, payload: payload, indexValues: values, createdAt: time,
                    createdBy: transaction.principal, updatedAt: time, updatedBy: transaction.principal)
                kind = .insert
            case .update(_, let payload, let values, let expected):
                let existing = try Self.existing(current, key: key, expected: expected)
                try StorageRules.checkWrite(payload: payload, values: values, key: key, schema: schema)
                after = StoredRecord(
                    key: key, version: existing.version + 1, payload: payload, indexValues: values,
                    createdAt: existing.createdAt, createdBy: existing.createdBy, updatedAt: time,
                    updatedBy: transaction.principal)
                kind = .update
            case .delete(_, let expected):
                _ = try Self.existing(current, key: key, expected: expected)
                after = nil
                kind = .delete
            }
            if case .some(.some(let replaced)) = pending { pendingUnique.remove(replaced, schema: schema) }
            if let after {
                try Self.checkUnique(after, schema: schema, table: table, overlay: overlay, pending: pendingUnique)
                pendingUnique.add(after, schema: schema)
            }
            if pending == nil { order.append(key) }
            overlay[key] = .some(after)
            sequence += 1
            let version = after?.version ?? current!.version
            changes.append(
                Change(
                    sequence: sequence, key: key, kind: kind, version: version, principal: transaction.principal,
                    committedAt: time))
        }
        let writes = order.map { CommitPlan.Write(key: $0, after: overlay[$0]!) }
        return CommitPlan(writes: writes, changes: changes, committedAt: time, principal: transaction.principal)
    }

    /// Applies a plan made by ``plan(_:at:)`` on this state (or read back from a log).
    mutating func apply(_ plan: CommitPlan) {
        // Each table is taken out of the dictionary while written, so its storage is never copied and a run
        // of writes to one entity looks the table up once.
        var entity: String?
        var table = EntityTable(entity: "", schema: nil)
        for write in plan.writes {
            if write.key.entity != entity {
                if let entity { tables[entity] = table }
                entity = write.key.entity
                table =
                    tables.removeValue(forKey: write.key.entity) ?? EntityTable(entity: write.key.entity, schema: nil)
            }
            table.put(write.key.id, write.after)
        }
        if let entity { tables[entity] = table }
        feed.append(contentsOf: plan.changes)
    }

    private static func existing(_ current: StoredRecord?, key: RecordKey, expected: UInt64?) throws(StorageError)
        -> StoredRecord
    {
        guard let current else { throw StorageError(.notFound, key: key, message: "no such record") }
        if let expected, expected != current.version {
            throw StorageError(
                .conflict, key: key, message: "expected version \(expected), found \(current.version); reread and retry"
            )
        }
        return current
    }

    private static func checkUnique(
        _ record: StoredRecord, schema: EntitySchema, table: EntityTable, overlay: [RecordKey: StoredRecord?],
        pending: PendingUniqueValues
    ) throws(StorageError) {
        for definition in schema.indexes where definition.unique {
            let value = record.value(of: definition.field)
            guard value != .absent else { continue }
            let written = pending.holder(of: value, field: definition.field, entity: record.key.entity)
            // A committed holder counts only if this transaction has not rewritten it (then `pending` knows).
            let committed = table.holder(of: value, field: definition.field).flatMap { holder in
                overlay[RecordKey(entity: record.key.entity, id: holder)] == nil ? holder : nil
            }
            let holder =
                written.flatMap { $0 == record.key.id ? nil : $0 }
                ?? committed.flatMap { $0 == record.key.id ? nil : $0 }
            if let holder {
                throw StorageError(
                    .uniqueViolation, key: record.key, field: definition.field,
                    message: "the value \(value) is already used by \(record.key.entity)/\(holder)")
            }
        }
    }
}

/// The unique-index values written so far by the transaction being planned.
private struct PendingUniqueValues {
    private struct Slot: Hashable {
        var entity: String
        var field: String
        var value: IndexValue
    }

    private var holders: [Slot: RecordID] = [:]

    /// Room for `capacity` values before the table grows: about one per write, as most entities have one
    /// unique field at most.
    init(capacity: Int) {
        holders.reserveCapacity(capacity)
    }

    func holder(of value: IndexValue, field: String, entity: String) -> RecordID? {
        holders.isEmpty ? nil : holders[Slot(entity: entity, field: field, value: value)]
    }

    mutating func add(_ record: StoredRecord, schema: EntitySchema) {
        for definition in schema.indexes where definition.unique {
            let value = record.value(of: definition.field)
            if value != .absent {
                holders[Slot(entity: schema.name, field: definition.field, value: value)] = record.key.id
            }
        }
    }

    mutating func remove(_ record: StoredRecord, schema: EntitySchema) {
        for definition in schema.indexes where definition.unique {
            let slot = Slot(entity: schema.name, field: definition.field, value: record.value(of: definition.field))
            if holders[slot] == record.key.id { holders[slot] = nil }
        }
    }
}
