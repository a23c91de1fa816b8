/// The records of one entity with their indexes, as the reference engines hold them in memory.
///
/// Records are compact rows (``RecordRow``) with their payloads and index values in one ``ByteArena``;
/// a ``StoredRecord`` is made only when a record is read.
///
/// The table's parts live in one copy-on-write box: reading a table out of the state's dictionary costs one
/// reference count instead of one per part, and a copy (as when registering a schema on a scratch state)
/// shares everything until it is written.
struct EntityTable {
    let entity: String
    private var storage: Storage

    /// The parts of a table, shared between copies until one of them writes.
    private final class Storage: @unchecked Sendable {
        // Mutated only through `EntityTable.unique()`, when this box has exactly one owner.
        var schema: EntitySchema? {
            didSet { fieldNames = Self.fieldNames(of: schema) }
        }
        /// The schema's indexed fields in ascending order, the order a body stores their values in.
        private(set) var fieldNames: [String]
        var rows: [RecordRow] = []
        var positions = RowSlots()
        var bodies = ByteArena()
        var principals = PrincipalTable()
        var primary = SortedIndex()
        /// The index of each field in `fieldNames`, at the field's position there.
        var indexes: [SortedIndex] = []
        /// The holders of each field in `fieldNames` that is unique; `nil` for the others.
        var holders: [RowSlots?] = []

        init(schema: EntitySchema?) {
            self.schema = schema
            self.fieldNames = Self.fieldNames(of: schema)
        }

        private static func fieldNames(of schema: EntitySchema?) -> [String] {
            (schema?.indexes.map(\.field) ?? []).sorted()
        }

        func copy() -> Storage {
            let copy = Storage(schema: schema)
            copy.rows = rows
            copy.positions = positions
            copy.bodies = bodies
            copy.principals = principals
            copy.primary = primary
            copy.indexes = indexes
            copy.holders = holders
            return copy
        }
    }

    init(entity: String, schema: EntitySchema?) {
        self.entity = entity
        self.storage = Storage(schema: schema)
    }

    /// The box, copied first if another table shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    var schema: EntitySchema? {
        _read { yield storage.schema }
        set { unique().schema = newValue }
    }
    private var rows: [RecordRow] {
        _read { yield storage.rows }
        _modify { yield &unique().rows }
    }
    /// The position of each record's row, by id.
    private var positions: RowSlots {
        _read { yield storage.positions }
        _modify { yield &unique().positions }
    }
    private var bodies: ByteArena {
        _read { yield storage.bodies }
        _modify { yield &unique().bodies }
    }
    private var principals: PrincipalTable {
        _read { yield storage.principals }
        _modify { yield &unique().principals }
    }
    /// Every id in ascending order, for queries without a sort.
    private(set) var primary: SortedIndex {
        _read { yield storage.primary }
        _modify { yield &unique().primary }
    }
    /// The index of each indexed field, in the order of `fieldNames`.
    private var indexes: [SortedIndex] {
        _read { yield storage.indexes }
        _modify { yield &unique().indexes }
    }
    /// For each unique field, the row holding each value: equality lookups and unique checks on these
    /// fields hash instead of searching. Absent values are not held. In the order of `fieldNames`, `nil` for
    /// a field that is not unique.
    private var holders: [RowSlots?] {
        _read { yield storage.holders }
        _modify { yield &unique().holders }
    }

    /// How many records the table holds.
    var count: Int { rows.count }

    /// The index of `field`; `nil` if the schema does not index it.
    func index(of field: String) -> SortedIndex? {
        column(of: field).map { indexes[$0] }
    }

    /// The position of `field` among the indexed fields (`fieldNames`).
    private func column(of field: String) -> Int? {
        storage.fieldNames.firstIndex(of: field)
    }

    // MARK: Reading

    /// Where the record with `id` is, for the reads that take a position.
    func position(of id: RecordID) -> Int? {
        let rows = storage.rows
        return positions.position(hash: RowSlots.hash(id)) { rows[$0].id == id }
    }

    /// The record with `id`, made from its row.
    func record(_ id: RecordID) -> StoredRecord? {
        position(of: id).map(record(at:))
    }

    /// Whether the record at `position` satisfies every filter but the one at `skipped`.
    func matches(at position: Int, _ filters: [QueryFilter], except skipped: Int? = nil) -> Bool {
        filters.indices.allSatisfy { $0 == skipped || filters[$0].matches(value(of: filters[$0].field, at: position)) }
    }

    /// The record at `position`, made from its row.
    func record(at position: Int) -> StoredRecord {
        let row = rows[position]
        var reader = valuesReader(at: position)
        do throws(ByteReader.Truncated) {
            let values = try RecordCodec.readIndexValues(&reader, naming: storage.fieldNames)
            return StoredRecord(
                key: RecordKey(entity: entity, id: row.id), version: row.version,
                payload: bodies.prefix(Int(row.payloadCount), of: row.body), indexValues: values,
                createdAt: row.createdAt, createdBy: principals[row.createdBy], updatedAt: row.updatedAt,
                updatedBy: principals[row.updatedBy])
        } catch {
            preconditionFailure("the body of \(entity)/\(row.id) is malformed")
        }
    }

    /// Calls `body` with each value the record at `position` stores, in field order, and the field's position
    /// in `fieldNames` (`nil` for a field the schema does not index).
    private func forEachValue(at position: Int, _ body: (Int?, IndexValue) -> Void) {
        var reader = valuesReader(at: position)
        let names = storage.fieldNames
        var next = 0
        do throws(ByteReader.Truncated) {
            for _ in 0..<(try reader.readLength()) {
                let column = try reader.readKnownString(names, from: &next)
                if column == nil { _ = try reader.readString() }
                body(column, try reader.readIndexValue())
            }
        } catch {
            preconditionFailure("the body of \(entity)/\(rows[position].id) is malformed")
        }
    }

    private func value(of field: String, at position: Int) -> IndexValue {
        var reader = valuesReader(at: position)
        return reader.indexValue(of: field)
    }

    /// Whether the record at `position` has `value` in `field`, compared where it is stored.
    private func value(of field: String, at position: Int, equals value: IndexValue) -> Bool {
        var reader = valuesReader(at: position)
        return reader.indexValue(of: field, equals: value)
    }

    /// A reader over the encoded index values of the record at `position` (its body after the payload).
    private func valuesReader(at position: Int) -> ByteReader {
        let row = rows[position]
        var reader = bodies.reader(row.body)
        try? reader.skip(Int(row.payloadCount))
        return reader
    }

    /// The positions of the rows in ascending id order.
    func positionsInIDOrder() -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(rows.count)
        primary.forEachAscending(from: nil) { entry in
            order.append(position(of: entry.id)!)
            return true
        }
        return order
    }

    /// The row at `position` with its principals and body, as a snapshot stores them.
    func storedParts(at position: Int) -> (
        row: RecordRow, createdBy: Principal, updatedBy: Principal, body: ArraySlice<UInt8>
    ) {
        let row = rows[position]
        return (row, principals[row.createdBy], principals[row.updatedBy], bodies.bytes(row.body))
    }

    /// Every record, made from its rows, by id.
    var recordsByID: [RecordID: StoredRecord] {
        Dictionary(uniqueKeysWithValues: rows.indices.map { (rows[$0].id, record(at: $0)) })
    }

    /// The record holding `value` in the unique field `field`.
    func holder(of value: IndexValue, field: String) -> RecordID? {
        column(of: field).flatMap { holders[$0] }.flatMap { holderPosition(of: value, field: field, in: $0) }
            .map { rows[$0].id }
    }

    /// The position of the record holding `value` in the unique field `field`, whose table is `slots`.
    private func holderPosition(of value: IndexValue, field: String, in slots: RowSlots) -> Int? {
        slots.position(hash: RowSlots.hash(value)) { self.value(of: field, at: $0, equals: value) }
    }

    /// The positions of the records whose value of `field` equals `value`, in ascending id order.
    func positions(where field: String, equals value: IndexValue) -> [Int] {
        guard let column = column(of: field) else { return [] }
        if value != .absent, let slots = holders[column] {
            return holderPosition(of: value, field: field, in: slots).map { [$0] } ?? []
        }
        var result: [Int] = []
        indexes[column].forEachAscending(from: SortedIndex.Entry(value: value, id: RecordID(high: 0, low: 0))) {
            guard $0.value == value else { return false }
            result.append(position(of: $0.id)!)
            return true
        }
        return result
    }

    // MARK: Writing

    /// Replaces the stored state of one record (`nil` removes it), keeping the indexes in step.
    mutating func put(_ id: RecordID, _ record: StoredRecord?) {
        var position = position(of: id)
        let fields = storage.fieldNames
        let oldValues = position.map { position in fields.map { value(of: $0, at: position) } }
        if let position, let oldValues {
            for column in fields.indices where holders[column] != nil && oldValues[column] != .absent {
                holders[column]?.remove(hash: RowSlots.hash(oldValues[column]), at: position)
            }
            bodies.release(rows[position].body)
        }
        if let record {
            let row = makeRow(record)
            if let position {
                rows[position] = row
            } else {
                position = rows.count
                positions.insert(hash: RowSlots.hash(id), at: rows.count)
                rows.append(row)
                primary.insert(.absent, id)
            }
        } else if let removed = position {
            // The last row moves into the gap; its id and unique holders follow it.
            positions.remove(hash: RowSlots.hash(id), at: removed)
            let last = rows.removeLast()
            if removed < rows.count {
                rows[removed] = last
                let lastPosition = rows.count
                positions.move(hash: RowSlots.hash(last.id), from: lastPosition, to: removed)
                for column in fields.indices where holders[column] != nil {
                    let value = value(of: fields[column], at: removed)
                    if value != .absent {
                        holders[column]?.move(hash: RowSlots.hash(value), from: lastPosition, to: removed)
                    }
                }
            }
            primary.remove(.absent, id)
        }
        for column in fields.indices {
            let oldValue = oldValues?[column]
            let newValue = record?.value(of: fields[column])
            if holders[column] != nil, let newValue, newValue != .absent, let position {
                holders[column]?.insert(hash: RowSlots.hash(newValue), at: position)
            }
            if oldValue == newValue { continue }
            if let oldValue { indexes[column].remove(oldValue, id) }
            if let newValue { indexes[column].insert(newValue, id) }
        }
        if bodies.isWasteful { compactBodies() }
    }

    /// The holders of a unique field whose value in the row at each position is `value(position)`; absent
    /// values are not held.
    private static func holders(count: Int, value: (Int) -> IndexValue) -> RowSlots {
        RowSlots(count: count) { position in
            let held = value(position)
            return held == .absent ? nil : RowSlots.hash(held)
        }
    }

    private mutating func makeRow(_ record: StoredRecord) -> RecordRow {
        RecordRow(
            id: record.key.id, version: record.version, createdAt: record.createdAt, updatedAt: record.updatedAt,
            createdBy: principals.number(of: record.createdBy), updatedBy: principals.number(of: record.updatedBy),
            payloadCount: UInt32(record.payload.count), body: bodies.append(RecordRow.body(of: record)))
    }

    /// Copies the live bodies into fresh buffers, dropping the space of overwritten and deleted records.
    private mutating func compactBodies() {
        var fresh = ByteArena()
        for position in rows.indices {
            rows[position].body = fresh.append(Array(bodies.bytes(rows[position].body)))
        }
        bodies = fresh
    }

    // MARK: Indexes

    /// Rebuilds every index from the stored index values, as after registering a changed schema.
    mutating func reindex() {
        buildIndexes(rowsInIDOrder: false, orders: [:])
    }
}

extension EntityTable {
    /// A table opened from a snapshot: `rows` in ascending id order with bodies in `bodies`, `orders[field]`
    /// listing positions in `rows` in the order of that field's index (a field without a complete order is
    /// indexed by sorting).
    init(
        entity: String, schema: EntitySchema?, rows: [RecordRow], bodies: ByteArena, principals: PrincipalTable,
        orders: [String: [Int]]
    ) {
        self.init(entity: entity, schema: schema)
        self.rows = rows
        self.bodies = bodies
        self.principals = principals
        buildIndexes(rowsInIDOrder: true, orders: orders)
    }

    /// Builds the id table, the primary index, each field's index and each unique field's holders from the
    /// rows. `orders[field]` lists row positions in the order of that field's index (a field without a
    /// complete order is indexed by sorting); `rowsInIDOrder` says the rows are in ascending id order.
    ///
    /// The parts are independent: they are built on all cores.
    private mutating func buildIndexes(rowsInIDOrder: Bool, orders: [String: [Int]]) {
        let rows = self.rows
        let table = self
        // Every indexed field's values in row order, decoded in one sequential pass over the bodies: the
        // indexes then read these instead of bodies scattered over the snapshot.
        let fields = storage.fieldNames
        let width = fields.count
        let values: [IndexValue] = parallelRows(rows.count, width: width, parts: rows.count >= 1_024 ? 2 : 1) {
            position, slots in
            slots.initialize(repeating: .absent)
            table.forEachValue(at: position) { column, value in
                if let column { slots[column] = value }
            }
        }
        let unique = Set(schema?.indexes.filter(\.unique).map(\.field) ?? [])
        // The largest parts first, so that no large part is left to run alone at the end.
        let parts: [TablePart] =
            fields.indices.filter { unique.contains(fields[$0]) }.map { .holders($0) }
            + fields.indices.map { .index($0) }
            + [.positions, .primary]
        let built = parallelArray(parts.count, parts: parts.count) { number -> TablePart.Built in
            switch parts[number] {
            case .holders(let offset):
                return .holders(Self.holders(count: rows.count) { values[$0 * width + offset] })
            case .index(let offset):
                if let order = orders[fields[offset]], order.count == rows.count {
                    return .index(
                        SortedIndex(count: order.count) {
                            SortedIndex.Entry(value: values[order[$0] * width + offset], id: rows[order[$0]].id)
                        })
                }
                return .index(
                    SortedIndex(
                        unsorted: rows.indices.map {
                            SortedIndex.Entry(value: values[$0 * width + offset], id: rows[$0].id)
                        }))
            case .positions:
                return .positions(RowSlots(count: rows.count) { RowSlots.hash(rows[$0].id) })
            case .primary:
                let entry = { SortedIndex.Entry(value: .absent, id: rows[$0].id) }
                return .index(
                    rowsInIDOrder
                        ? SortedIndex(count: rows.count, entry: entry) : SortedIndex(unsorted: rows.indices.map(entry)))
            }
        }
        indexes = Array(repeating: SortedIndex(), count: width)
        holders = Array(repeating: nil, count: width)
        for (part, result) in zip(parts, built) {
            switch (part, result) {
            case (.holders(let column), .holders(let map)): holders[column] = map
            case (.index(let column), .index(let index)): indexes[column] = index
            case (.positions, .positions(let map)): positions = map
            case (.primary, .index(let index)): primary = index
            default: preconditionFailure("a table part built the wrong thing")
            }
        }
    }

    /// One independent piece of a table's indexes.
    private enum TablePart: Sendable {
        /// The holders of the unique field at this position in `fieldNames`.
        case holders(Int)
        /// The index of the field at this position in `fieldNames`.
        case index(Int)
        case positions
        case primary

        enum Built: Sendable {
            case positions(RowSlots)
            case index(SortedIndex)
            case holders(RowSlots)
        }
    }
}
