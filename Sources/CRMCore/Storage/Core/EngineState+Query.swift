extension EngineState {
    /// Runs a query: walks the sort index when it can stop early, otherwise collects candidates from the
    /// most selective filter's index, then filters, sorts, applies the cursor and the limit.
    func query(_ query: RecordQuery) throws(StorageError) -> QueryPage {
        let (table, schema) = try registeredTable(query.entity)
        try StorageRules.validate(query, schema: schema)
        let order = RecordOrder(sort: query.sort)
        let limit = query.limit ?? Int.max
        var records: [StoredRecord] = []
        if let walk = IndexWalk(query: query, table: table) {
            walk.run(table: table, query: query) { record in
                records.append(record)
                return records.count <= limit
            }
        } else {
            // The candidates satisfy the filter whose index produced them; only the others need checking.
            let (positions, driving) = candidates(for: query, table: table)
            var matches: [StoredRecord] = []
            matches.reserveCapacity(positions.count)
            for position in positions where table.matches(at: position, query.filters, except: driving) {
                matches.append(table.record(at: position))
            }
            if let cursor = query.after {
                matches = matches.filter { order.isAfter($0, cursor: cursor) }
            }
            records = matches.count > 1 ? matches.sorted(by: order.precedes) : matches
        }
        guard records.count > limit else { return QueryPage(records: records, next: nil) }
        records.removeSubrange(limit...)
        let last = records[records.count - 1]
        let next = QueryCursor(sort: query.sort, values: query.sort.map { last.value(of: $0.field) }, id: last.key.id)
        return QueryPage(records: records, next: next)
    }

    /// The row positions of the records that may match, and the position of the filter they all satisfy:
    /// from the index of the most selective filter, or every row (and no filter) when there is none.
    private func candidates(for query: RecordQuery, table: EntityTable) -> ([Int], Int?) {
        let position = query.filters.indices.min {
            query.filters[$0].selectivityRank < query.filters[$1].selectivityRank
        }
        guard let position, let index = table.index(of: query.filters[position].field) else {
            return (Array(0..<table.count), nil)
        }
        return (positions(matching: query.filters[position], in: index, of: table), position)
    }

    /// The row positions of the records whose value satisfies `filter`, read from the filter's index.
    private func positions(matching filter: QueryFilter, in index: SortedIndex, of table: EntityTable) -> [Int] {
        var positions: [Int] = []
        let values: [IndexValue]
        switch filter {
        case .equals(let field, let value): return table.positions(where: field, equals: value)
        case .isIn(_, let options): values = Array(Set(options))
        case .prefix(_, let prefix):
            let start = SortedIndex.Entry(value: .string(prefix), id: RecordID(high: 0, low: 0))
            index.forEachAscending(from: start) {
                guard $0.hasPrefix(prefix, start: start) else { return false }
                positions.append(table.position(of: $0.id)!)
                return true
            }
            return positions
        case .range(_, let lower, _):
            index.forEachAscending(
                from: lower.map { SortedIndex.Entry(value: $0.value, id: RecordID(high: 0, low: 0)) }
            ) {
                guard filter.isBelowUpperBound($0.value) else { return false }
                // An exclusive lower bound starts the walk at values it excludes.
                if filter.matches($0.value) { positions.append(table.position(of: $0.id)!) }
                return true
            }
            return positions
        }
        for value in values { positions += table.positions(where: filter.field, equals: value) }
        return positions
    }
}

extension QueryFilter {
    /// Lower is more selective: equality first, then `in`, prefix, range.
    var selectivityRank: Int {
        switch self {
        case .equals: 0
        case .isIn: 1
        case .prefix: 2
        case .range: 3
        }
    }

    /// Whether `value` is not past the filter's upper end, so an ascending walk must go on.
    func isBelowUpperBound(_ value: IndexValue) -> Bool {
        switch self {
        case .equals(_, let expected): value <= expected
        case .range(_, _, let upper): upper.map { $0.inclusive ? value <= $0.value : value < $0.value } ?? true
        case .prefix(_, let prefix): value.hasPrefix(prefix) || value < .string(prefix)
        case .isIn(_, let options): options.contains { value <= $0 }
        }
    }

    /// Whether `value` is not past the filter's lower end, so a descending walk must go on.
    func isAboveLowerBound(_ value: IndexValue) -> Bool {
        switch self {
        case .equals(_, let expected): value >= expected
        case .range(_, let lower, _): lower.map { $0.inclusive ? value >= $0.value : value > $0.value } ?? true
        case .prefix(_, let prefix): value >= .string(prefix)
        case .isIn(_, let options): options.contains { value >= $0 }
        }
    }
}
