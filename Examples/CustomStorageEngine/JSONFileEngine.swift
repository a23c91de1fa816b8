import CRMCore
import Foundation

/// A storage engine written from scratch in one afternoon's worth of code: every record is a JSON file,
/// and everything is also held in memory, where reads and queries are answered.
///
/// It is the template for an adapter of your own. Each method below is one requirement of
/// `StorageEngine`, and the conformance kit checks every one of them. An actor gives the first requirement
/// for free: commits run one at a time, so they are serializable, and the change feed has no gaps.
///
/// What it leaves out, and a production engine adds: a lock so that only one process opens a store, a
/// checksum on each file so damage is found, indexes so that queries do not scan every record, and a limit
/// on payload sizes. The reference `FileEngine` of CRMCore has all of them.
actor JSONFileEngine: StorageEngine {
    /// The store's directory.
    nonisolated let directory: URL

    private let files: StoreDirectory
    private let clock: any WallClock
    private var schemas: [String: EntitySchema]
    private var records: [String: [RecordID: StoredRecord]]
    private var feed: [Change]
    private var status = Status.open

    private enum Status {
        case open
        /// A write failed after the disk may have changed; the disk, not memory, knows what is stored.
        case needsReopening(StorageError)
        case closed
    }

    /// Opens the store in `directory`, creating it if needed and finishing a commit a crash interrupted.
    init(directory: URL, clock: any WallClock = SystemWallClock()) throws(StorageError) {
        self.directory = directory
        self.clock = clock
        files = StoreDirectory(root: directory)
        let contents = try files.open()
        schemas = contents.schemas
        records = contents.records
        feed = contents.feed
    }

    // MARK: Schemas

    func register(_ schemas: [EntitySchema]) throws(StorageError) {
        try checkWritable()
        var updated = self.schemas
        for schema in schemas {
            for index in schema.indexes where index.unique {
                var holders: [IndexValue: RecordID] = [:]
                for record in (records[schema.name] ?? [:]).values {
                    let value = record.value(of: index.field)
                    guard value != .absent else { continue }
                    if let holder = holders.updateValue(record.key.id, forKey: value) {
                        throw StorageError(
                            .uniqueViolation, key: record.key, field: index.field,
                            message:
                                "shares the value \(value) with \(schema.name)/\(holder); cannot declare a unique index"
                        )
                    }
                }
            }
            updated[schema.name] = schema
        }
        guard updated != self.schemas else { return }
        try guardingTheDisk { () throws(StorageError) in
            try files.writeSchemas(updated.values.sorted { $0.name < $1.name })
        }
        self.schemas = updated
    }

    // MARK: Reading

    func read(_ entity: String, ids: [RecordID]) throws(StorageError) -> [StoredRecord] {
        try checkOpen()
        _ = try schema(of: entity)
        let table = records[entity] ?? [:]
        return ids.compactMap { table[$0] }
    }

    func query(_ query: RecordQuery) throws(StorageError) -> QueryPage {
        try checkOpen()
        let schema = try schema(of: query.entity)
        for field in query.filters.map(\.field) + query.sort.map(\.field) where schema.index(field) == nil {
            throw StorageError(
                .invalidQuery, entity: schema.name, field: field, message: "is not an indexed field of \(schema.name)")
        }
        if let limit = query.limit, limit <= 0 {
            throw StorageError(.invalidQuery, entity: schema.name, field: "limit", message: "must be positive")
        }
        if let cursor = query.after, cursor.sort != query.sort || cursor.values.count != query.sort.count {
            throw StorageError(
                .invalidQuery, entity: schema.name, field: "after", message: "the cursor belongs to another sort order")
        }
        // A scan of every record: fine for thousands of records; a database adapter would translate the
        // filters and the sort into its own query language instead.
        let order = ResultOrder(sort: query.sort)
        var matches = (records[query.entity] ?? [:]).values.filter { record in
            query.filters.allSatisfy { $0.matches(record.value(of: $0.field)) }
                && (query.after.map { order.isAfter(record, cursor: $0) } ?? true)
        }
        matches.sort(by: order.precedes)
        guard let limit = query.limit, matches.count > limit else { return QueryPage(records: matches, next: nil) }
        let page = Array(matches.prefix(limit))
        return QueryPage(records: page, next: order.cursor(at: page[limit - 1]))
    }

    func changes(after sequence: UInt64, limit: Int) throws(StorageError) -> [Change] {
        try checkOpen()
        guard limit > 0 else { throw StorageError(.invalidQuery, field: "limit", message: "must be positive") }
        // Sequence numbers run 1, 2, 3, … so change n sits at position n - 1.
        let start = Int(min(sequence, UInt64(feed.count)))
        return Array(feed[start...].prefix(limit))
    }

    // MARK: Writing

    func commit(_ transaction: Transaction) throws(StorageError) -> CommitReceipt {
        try checkWritable()
        let time = clock.now()
        // Work on a copy: if any operation fails, the copy is dropped and nothing has changed.
        var working = records
        var changes: [Change] = []
        var touched: [RecordKey] = []
        for operation in transaction.operations {
            let key = operation.key
            let schema = try schema(of: key.entity)
            let current = working[key.entity]?[key.id]
            let after: StoredRecord?
            let kind: ChangeKind
            switch operation {
            case .insert(_, let payload, let values):
                guard current == nil else {
                    throw StorageError(.alreadyExists, key: key, message: "a record with this id already exists")
                }
                try Self.check(values, of: key, against: schema)
                after = StoredRecord(
                    key: key, version: 1, payload: payload, indexValues: values, createdAt: time,
                    createdBy: transaction.principal, updatedAt: time, updatedBy: transaction.principal)
                kind = .insert
            case .update(_, let payload, let values, let expectedVersion):
                let existing = try Self.existing(current, key: key, expectedVersion: expectedVersion)
                try Self.check(values, of: key, against: schema)
                after = StoredRecord(
                    key: key, version: existing.version + 1, payload: payload, indexValues: values,
                    createdAt: existing.createdAt, createdBy: existing.createdBy, updatedAt: time,
                    updatedBy: transaction.principal)
                kind = .update
            case .delete(_, let expectedVersion):
                _ = try Self.existing(current, key: key, expectedVersion: expectedVersion)
                after = nil
                kind = .delete
            }
            working[key.entity, default: [:]][key.id] = after
            if !touched.contains(key) { touched.append(key) }
            changes.append(
                Change(
                    sequence: UInt64(feed.count + changes.count + 1), key: key, kind: kind,
                    version: after?.version ?? current?.version ?? 0, principal: transaction.principal,
                    committedAt: time))
        }
        try Self.checkUnique(touched, in: working, schemas: schemas)
        let versions = Dictionary(uniqueKeysWithValues: touched.map { ($0, working[$0.entity]?[$0.id]?.version ?? 0) })
        guard let first = changes.first, let last = changes.last else {
            return CommitReceipt(sequences: nil, versions: versions, committedAt: time)
        }

        let journal = CommitJournal(
            written: touched.compactMap { working[$0.entity]?[$0.id] }.map(RecordDocument.init),
            deleted: touched.filter { working[$0.entity]?[$0.id] == nil }.map {
                CommitJournal.DeletedRecord(entity: $0.entity, id: $0.id.string)
            },
            changes: changes.map(ChangeDocument.init))
        try guardingTheDisk { () throws(StorageError) in try files.writeJournal(journal) }
        // The journal is durable: the commit is stored, whatever happens next.
        records = working
        feed += changes
        try? guardingTheDisk { () throws(StorageError) in try files.apply(journal) }
        return CommitReceipt(sequences: first.sequence...last.sequence, versions: versions, committedAt: time)
    }

    func close() {
        status = .closed
    }

    // MARK: Rules

    private func schema(of entity: String) throws(StorageError) -> EntitySchema {
        guard let schema = schemas[entity] else {
            throw StorageError(.unknownEntity, entity: entity, message: "register the entity's schema first")
        }
        return schema
    }

    /// Written index values must be declared by the schema, and NaN has no place in an order.
    private static func check(_ values: IndexValues, of key: RecordKey, against schema: EntitySchema)
        throws(StorageError)
    {
        for element in values {
            guard schema.index(element.field) != nil else {
                throw StorageError(
                    .invalidIndexValue, key: key, field: element.field,
                    message: "is not an indexed field of \(schema.name)")
            }
            if case .double(let number) = element.value, number.isNaN {
                throw StorageError(.invalidIndexValue, key: key, field: element.field, message: "NaN cannot be indexed")
            }
        }
    }

    /// The record an update or delete acts on, at the version the caller expects.
    private static func existing(_ current: StoredRecord?, key: RecordKey, expectedVersion: UInt64?)
        throws(StorageError) -> StoredRecord
    {
        guard let current else { throw StorageError(.notFound, key: key, message: "no such record") }
        if let expectedVersion, expectedVersion != current.version {
            throw StorageError(
                .conflict, key: key,
                message: "expected version \(expectedVersion), found \(current.version); reread and retry")
        }
        return current
    }

    /// Unique indexes are checked on the state the whole transaction leaves, so a value freed by one
    /// operation can be taken by a later one.
    private static func checkUnique(
        _ touched: [RecordKey], in records: [String: [RecordID: StoredRecord]], schemas: [String: EntitySchema]
    ) throws(StorageError) {
        for key in touched {
            guard let record = records[key.entity]?[key.id], let schema = schemas[key.entity] else { continue }
            for index in schema.indexes where index.unique {
                let value = record.value(of: index.field)
                guard value != .absent else { continue }
                let holder = records[key.entity]?.values.first { other in
                    other.key != key && other.value(of: index.field) == value
                }
                if let holder {
                    throw StorageError(
                        .uniqueViolation, key: key, field: index.field,
                        message: "the value \(value) is already used by \(holder.key)")
                }
            }
        }
    }

    // MARK: State

    private func checkOpen() throws(StorageError) {
        if case .closed = status {
            throw StorageError(.closed, message: "the store at \(directory.path) is closed")
        }
    }

    private func checkWritable() throws(StorageError) {
        try checkOpen()
        if case .needsReopening(let cause) = status {
            throw StorageError(
                .io, message: "an earlier write failed (\(cause.message)); reopen the store at \(directory.path)")
        }
    }

    /// Runs a write to the disk. If it fails, what the disk holds is no longer known for sure (a flush that
    /// failed once may report success when retried, after losing data), so the store takes no more writes
    /// until it is reopened and reads the truth back from its files.
    private func guardingTheDisk(_ write: () throws(StorageError) -> Void) throws(StorageError) {
        do {
            try write()
        } catch {
            status = .needsReopening(error)
            throw error
        }
    }
}
