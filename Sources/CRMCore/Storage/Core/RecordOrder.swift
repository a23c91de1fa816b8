/// The total order of query results: the sort keys, then the id in the direction of the last key.
struct RecordOrder {
    let sort: [SortKey]

    var idAscending: Bool { sort.last?.ascending ?? true }

    func precedes(_ lhs: StoredRecord, _ rhs: StoredRecord) -> Bool {
        compare(values: { lhs.value(of: $0) }, id: lhs.key.id, with: { rhs.value(of: $0) }, id: rhs.key.id) < 0
    }

    func isAfter(_ record: StoredRecord, cursor: QueryCursor) -> Bool {
        var index = 0
        return compare(
            values: { record.value(of: $0) }, id: record.key.id,
            with: { _ in
                defer { index += 1 }
                return cursor.values[index]
            }, id: cursor.id) > 0
    }

    /// -1, 0 or 1 as the first record comes before, at or after the second.
    private func compare(
        values lhs: (String) -> IndexValue, id lhsID: RecordID, with rhs: (String) -> IndexValue, id rhsID: RecordID
    ) -> Int {
        for key in sort {
            let left = lhs(key.field)
            let right = rhs(key.field)
            if left == right { continue }
            return (left < right) == key.ascending ? -1 : 1
        }
        if lhsID == rhsID { return 0 }
        return (lhsID < rhsID) == idAscending ? -1 : 1
    }
}
