/// The records of one entity with their indexes, as the reference engines hold them in memory.
struct EntityTable {
    var schema: EntitySchema?
    var records: [RecordID: StoredRecord] = [:]
    /// Every id in ascending order, for queries without a sort.
    var primary = SortedIndex()
    var indexes: [String: SortedIndex] = [:]
    /// For each unique field, the record holding each value: equality lookups and unique checks on these
    /// fields hash instead of searching. Absent values are not held.
    var holders: [String: [IndexValue: RecordID]] = [:]

    init(schema: EntitySchema?) {
        self.schema = schema
    }

    /// Builds every index from records already in index order (as a snapshot stores them) without sorting.
    ///
    /// `records` is in id order; `orders[field]` lists positions in `records` in the order of that field's
    /// index. A field without a complete order is indexed by sorting.
    init(schema: EntitySchema?, recordsByID records: [StoredRecord], orders: [String: [Int]]) {
        self.schema = schema
        let fields = schema?.indexes.map(\.field) ?? []
        let uniqueFields = schema?.indexes.filter(\.unique).map(\.field) ?? []
        // The id dictionary, each field's index and each unique field's holders are independent: build them
        // on all cores.
        let partCount = 1 + fields.count + uniqueFields.count
        let parts = parallelArray(partCount, parts: partCount) { part -> TablePart in
            if part == 0 {
                var byID: [RecordID: StoredRecord] = [:]
                byID.reserveCapacity(records.count)
                for record in records { byID[record.key.id] = record }
                return .records(byID)
            }
            if part > fields.count {
                return .holders(Self.holders(of: uniqueFields[part - fields.count - 1], in: records))
            }
            let field = fields[part - 1]
            if let order = orders[field], order.count == records.count {
                return .index(
                    SortedIndex(count: order.count) {
                        SortedIndex.Entry(value: records[order[$0]].value(of: field), id: records[order[$0]].key.id)
                    })
            }
            return .index(
                SortedIndex(unsorted: records.map { SortedIndex.Entry(value: $0.value(of: field), id: $0.key.id) }))
        }
        for (position, part) in parts.enumerated() {
            switch part {
            case .records(let byID): self.records = byID
            case .index(let index): indexes[fields[position - 1]] = index
            case .holders(let map): holders[uniqueFields[position - fields.count - 1]] = map
            }
        }
        primary = SortedIndex(count: records.count) { SortedIndex.Entry(value: .absent, id: records[$0].key.id) }
    }

    private enum TablePart: Sendable {
        case records([RecordID: StoredRecord])
        case index(SortedIndex)
        case holders([IndexValue: RecordID])
    }

    /// The record holding each non-absent value of a unique field.
    private static func holders(of field: String, in records: some Collection<StoredRecord>) -> [IndexValue: RecordID] {
        var map: [IndexValue: RecordID] = [:]
        map.reserveCapacity(records.count)
        for record in records {
            let value = record.value(of: field)
            if value != .absent { map[value] = record.key.id }
        }
        return map
    }

    /// Rebuilds ``holders`` from the records.
    private mutating func rebuildHolders() {
        holders = [:]
        for definition in schema?.indexes ?? [] where definition.unique {
            holders[definition.field] = Self.holders(of: definition.field, in: records.values)
        }
    }

    /// Rebuilds every index from the stored index values, as after registering a changed schema.
    mutating func reindex() {
        primary = SortedIndex(unsorted: records.keys.map { SortedIndex.Entry(value: .absent, id: $0) })
        indexes = [:]
        for definition in schema?.indexes ?? [] {
            let entries = records.values.map { SortedIndex.Entry(value: $0.value(of: definition.field), id: $0.key.id) }
            indexes[definition.field] = SortedIndex(unsorted: entries)
        }
        rebuildHolders()
    }

    /// Replaces the stored state of one record (`nil` removes it), keeping the indexes in step.
    mutating func put(_ id: RecordID, _ record: StoredRecord?) {
        let old = record.map { records.updateValue($0, forKey: id) } ?? records.removeValue(forKey: id)
        switch (old, record) {
        case (nil, .some): primary.insert(.absent, id)
        case (.some, nil): primary.remove(.absent, id)
        default: break
        }
        guard let definitions = schema?.indexes, !definitions.isEmpty else { return }
        for definition in definitions {
            let field = definition.field
            let oldValue = old?.value(of: field)
            let newValue = record?.value(of: field)
            if oldValue == newValue, old != nil, record != nil { continue }
            if let oldValue {
                indexes[field]?.remove(oldValue, id)
                if definition.unique, holders[field]?[oldValue] == id { holders[field]?[oldValue] = nil }
            }
            if let newValue {
                indexes[field]?.insert(newValue, id)
                if definition.unique, newValue != .absent { holders[field]?[newValue] = id }
            }
        }
    }

    /// The ids whose value of `field` equals `value`, ascending.
    func ids(where field: String, equals value: IndexValue) -> [RecordID] {
        if value != .absent, let holders = holders[field] { return holders[value].map { [$0] } ?? [] }
        var result: [RecordID] = []
        indexes[field]?.forEachAscending(from: SortedIndex.Entry(value: value, id: RecordID(high: 0, low: 0))) {
            guard $0.value == value else { return false }
            result.append($0.id)
            return true
        }
        return result
    }
}
