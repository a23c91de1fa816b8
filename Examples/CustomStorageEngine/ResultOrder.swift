import CRMCore

/// The order of query results the storage contract asks for: the sort keys in turn, and between records
/// equal on all of them, the record id, in the direction of the last sort key (ascending when unsorted).
///
/// Because no two records share an id this is a total order, which is what makes keyset paging work: a
/// page ends at a record, the cursor remembers that record's sort values and id, and the next page is
/// every record after that position. Records inserted meanwhile land before or after it, never on a page
/// boundary twice.
struct ResultOrder {
    let sort: [SortKey]

    /// Whether `lhs` comes before `rhs`.
    func precedes(_ lhs: StoredRecord, _ rhs: StoredRecord) -> Bool {
        compare(lhs, values: sort.map { rhs.value(of: $0.field) }, id: rhs.key.id) < 0
    }

    /// Whether `record` comes after the position `cursor` marks.
    func isAfter(_ record: StoredRecord, cursor: QueryCursor) -> Bool {
        compare(record, values: cursor.values, id: cursor.id) > 0
    }

    /// The cursor that marks the position of `record`.
    func cursor(at record: StoredRecord) -> QueryCursor {
        QueryCursor(sort: sort, values: sort.map { record.value(of: $0.field) }, id: record.key.id)
    }

    /// -1, 0 or 1 as `record` comes before, at or after the position given by sort values and an id.
    private func compare(_ record: StoredRecord, values: [IndexValue], id: RecordID) -> Int {
        for (key, value) in zip(sort, values) {
            let own = record.value(of: key.field)
            if own == value { continue }
            return (own < value) == key.ascending ? -1 : 1
        }
        if record.key.id == id { return 0 }
        return (record.key.id < id) == (sort.last?.ascending ?? true) ? -1 : 1
    }
}
