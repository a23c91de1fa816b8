import CRMCore

/// Engines with one deliberate defect each, built on the in-memory engine, to prove the kit catches it.
struct BrokenEngine: StorageEngine {
    enum Defect: String, CaseIterable {
        /// Ignores expected versions: stale writes overwrite.
        case ignoresVersions
        /// Applies the operations of a transaction one by one, so a failure leaves the earlier ones applied.
        case appliesHalfTransactions
        /// Sorts every key ascending, ignoring descending order.
        case ignoresDescendingSort
        /// Drops the first record of every page after the first.
        case skipsRecordsBetweenPages
        /// Repeats the cursor's record at the start of the next page.
        case repeatsRecordsBetweenPages
        /// Registers every index as non-unique.
        case ignoresUniqueIndexes
        /// Leaves out every third change of the feed.
        case dropsChanges
        /// Cuts payloads to 1 MiB.
        case truncatesLargePayloads
        /// Matches strings without regard to case.
        case foldsCase
    }

    let defect: Defect
    let base = InMemoryEngine()

    func register(_ schemas: [EntitySchema]) async throws(StorageError) {
        guard defect == .ignoresUniqueIndexes else { return try await base.register(schemas) }
        try await base.register(
            schemas.map { try! EntitySchema(name: $0.name, indexes: $0.indexes.map { IndexDefinition($0.field) }) })
    }

    func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord] {
        try await base.read(entity, ids: ids)
    }

    func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        switch defect {
        case .ignoresVersions:
            return try await base.commit(
                Transaction(
                    principal: transaction.principal, operations: transaction.operations.map(Self.withoutVersion)))
        case .appliesHalfTransactions where transaction.operations.count > 1:
            var last: CommitReceipt?
            for operation in transaction.operations {
                last = try await base.commit(Transaction(principal: transaction.principal, operations: [operation]))
            }
            return last!
        case .truncatesLargePayloads:
            return try await base.commit(
                Transaction(principal: transaction.principal, operations: transaction.operations.map(Self.truncated)))
        case .foldsCase:
            return try await base.commit(
                Transaction(principal: transaction.principal, operations: transaction.operations.map(Self.lowercased)))
        default:
            return try await base.commit(transaction)
        }
    }

    func query(_ query: RecordQuery) async throws(StorageError) -> QueryPage {
        var query = query
        switch defect {
        case .ignoresDescendingSort:
            query.sort = query.sort.map { SortKey($0.field) }
            if let cursor = query.after {
                query.after = QueryCursor(sort: query.sort, values: cursor.values, id: cursor.id)
            }
            let page = try await base.query(query)
            let next = page.next.map { QueryCursor(sort: query.sort, values: $0.values, id: $0.id) }
            return QueryPage(records: page.records, next: next)
        case .skipsRecordsBetweenPages where query.after != nil:
            let page = try await base.query(query)
            return QueryPage(records: Array(page.records.dropFirst()), next: page.next)
        case .repeatsRecordsBetweenPages where query.after != nil:
            let page = try await base.query(query)
            let repeated = try await base.read(query.entity, ids: [query.after!.id])
            return QueryPage(records: repeated + page.records, next: page.next)
        case .foldsCase:
            query.filters = query.filters.map(Self.lowercased)
            return try await base.query(query)
        default:
            return try await base.query(query)
        }
    }

    func changes(after sequence: UInt64, limit: Int) async throws(StorageError) -> [Change] {
        let changes = try await base.changes(after: sequence, limit: limit)
        guard defect == .dropsChanges else { return changes }
        return changes.filter { $0.sequence % 3 != 0 }
    }

    func close() async throws(StorageError) {
        try await base.close()
    }

    private static func withoutVersion(_ operation: WriteOperation) -> WriteOperation {
        switch operation {
        case .update(let key, let payload, let values, _):
            .update(key, payload: payload, indexValues: values, expectedVersion: nil)
        case .delete(let key, _): .delete(key, expectedVersion: nil)
        case .insert: operation
        }
    }

    private static func truncated(_ operation: WriteOperation) -> WriteOperation {
        switch operation {
        case .insert(let key, let payload, let values):
            .insert(key, payload: Array(payload.prefix(1 << 20)), indexValues: values)
        default: operation
        }
    }

    private static func lowercased(_ operation: WriteOperation) -> WriteOperation {
        switch operation {
        case .insert(let key, let payload, let values):
            .insert(key, payload: payload, indexValues: values.mapValues(lowercased))
        case .update(let key, let payload, let values, let version):
            .update(key, payload: payload, indexValues: values.mapValues(lowercased), expectedVersion: version)
        case .delete: operation
        }
    }

    private static func lowercased(_ filter: QueryFilter) -> QueryFilter {
        switch filter {
        case .equals(let field, let value): .equals(field, lowercased(value))
        case .prefix(let field, let prefix): .prefix(field, prefix.lowercased())
        default: filter
        }
    }

    private static func lowercased(_ value: IndexValue) -> IndexValue {
        if case .string(let text) = value { return .string(text.lowercased()) }
        return value
    }
}
