/// The fast query path: walk one index in result order and stop once the page is full.
///
/// Applies when the query sorts by at most one field and either has no filters or has a filter on that same
/// field that bounds the walk (and no equality or `in` filter on another field that would find fewer
/// records). The index's own order, value then id, is exactly the result order, ascending or reversed.
struct IndexWalk {
    private let field: String?
    private let ascending: Bool
    private let bound: QueryFilter?

    init?(query: RecordQuery, table: EntityTable) {
        // Without a sort nothing can bound a walk of the id order, so any filter is better served by its index.
        guard query.sort.count <= 1, !(query.sort.isEmpty && !query.filters.isEmpty) else { return nil }
        let sortField = query.sort.first?.field
        let ascending = query.sort.first?.ascending ?? true
        let boundingFilters = query.filters.filter { filter in
            if case .isIn = filter { return false }
            return filter.field == sortField
        }
        // Walking pays only when a filter bounds the walk, or when there is nothing to filter by index.
        if !query.filters.isEmpty && boundingFilters.isEmpty { return nil }
        if query.filters.contains(where: { $0.field != sortField && $0.selectivityRank <= 1 }) { return nil }
        if !ascending, boundingFilters.contains(where: { if case .prefix = $0 { true } else { false } }) { return nil }
        self.field = sortField
        self.ascending = ascending
        self.bound = boundingFilters.first
    }

    /// Calls `emit` with matching records in result order until it returns `false`.
    func run(table: EntityTable, query: RecordQuery, emit: (StoredRecord) -> Bool) {
        let index = field.flatMap(table.index(of:)) ?? table.primary
        let cursorEntry = query.after.map { SortedIndex.Entry(value: $0.values.first ?? .absent, id: $0.id) }
        let visit: (SortedIndex.Entry) -> Bool = { entry in
            if let cursorEntry, entry.value == cursorEntry.value, entry.id == cursorEntry.id { return true }
            if let bound, field != nil {
                let inside = ascending ? bound.isBelowUpperBound(entry.value) : bound.isAboveLowerBound(entry.value)
                if !inside { return false }
            }
            guard let position = table.position(of: entry.id), table.matches(at: position, query.filters) else {
                return true
            }
            return emit(table.record(at: position))
        }
        let start = cursorEntry ?? startEntry()
        if ascending {
            index.forEachAscending(from: start, visit)
        } else {
            index.forEachDescending(from: start, visit)
        }
    }

    /// Where the walk begins when there is no cursor: the bound's near end.
    private func startEntry() -> SortedIndex.Entry? {
        guard let bound else { return nil }
        let lowest = RecordID(high: 0, low: 0)
        let highest = RecordID(high: .max, low: .max)
        switch bound {
        case .equals(_, let value):
            return SortedIndex.Entry(value: value, id: ascending ? lowest : highest)
        case .prefix(_, let prefix):
            return SortedIndex.Entry(value: .string(prefix), id: lowest)
        case .range(_, let lower, let upper):
            if ascending { return lower.map { SortedIndex.Entry(value: $0.value, id: lowest) } }
            return upper.map { SortedIndex.Entry(value: $0.value, id: highest) }
        case .isIn:
            return nil
        }
    }
}
