package import CRMCore

/// The `SELECT` that answers a `RecordQuery` on an entity's table: every filter a comparison of a
/// key column with bound keys (so it runs on the column's `(k, id)` index), the sort an `ORDER BY` of key
/// columns ending with the id, and the cursor a keyset condition after the previous page's last row.
package struct SQLQueryStatement {
    package private(set) var sql = ""
    package private(set) var parameters: [SQLValue] = []
    private let dialect: SQLDialect

    /// Builds the statement; `query` must have been validated against `layout.schema`. It asks for one row
    /// more than the limit, to tell whether another page follows.
    package init(_ query: RecordQuery, layout: EntityLayout, dialect: SQLDialect) {
        self.dialect = dialect
        var conditions = query.filters.map { condition(for: $0, layout: layout) }
        if let cursor = query.after { conditions.append(keyset(after: cursor, layout: layout)) }
        let sortColumns = query.sort.map { (layout.column(of: $0.field)!, $0.ascending) }
        let idAscending = query.sort.last?.ascending ?? true
        let order = (sortColumns + [("id", idAscending)]).map { "\($0.0) \($0.1 ? "ASC" : "DESC")" }
        sql = "SELECT \(layout.selectList) FROM \(layout.table)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY " + order.joined(separator: ", ")
        if let limit = query.limit { sql += " LIMIT \(bind(.integer(Int64(limit < Int.max ? limit + 1 : limit))))" }
    }

    private mutating func bind(_ value: SQLValue) -> String {
        parameters.append(value)
        return dialect.parameter(parameters.count)
    }

    private mutating func bindKey(_ value: IndexValue) -> String {
        bind(.blob(IndexKey.encode(value)))
    }

    private mutating func condition(for filter: QueryFilter, layout: EntityLayout) -> String {
        let column = layout.column(of: filter.field)!
        switch filter {
        case .equals(_, let value):
            return "\(column) = \(bindKey(value))"
        case .isIn(_, let options):
            guard !options.isEmpty else { return "1 = 0" }
            return "\(column) IN (\(Array(Set(options)).map { bindKey($0) }.joined(separator: ", ")))"
        case .prefix(_, let prefix):
            let lower = bindKey(.string(prefix))
            return "\(column) >= \(lower) AND \(column) < \(bind(.blob(IndexKey.prefixUpperBound(prefix))))"
        case .range(_, let lower, let upper):
            var parts: [String] = []
            if let lower { parts.append("\(column) \(lower.inclusive ? ">=" : ">") \(bindKey(lower.value))") }
            if let upper { parts.append("\(column) \(upper.inclusive ? "<=" : "<") \(bindKey(upper.value))") }
            return parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND ")
        }
    }

    /// Rows after the cursor in the query's order: `(a > x) OR (a = x AND b < y) OR (a = x AND b = y AND
    /// id < z)` for `a` ascending and `b` descending, led by `a >= x` so the database can seek its index.
    private mutating func keyset(after cursor: QueryCursor, layout: EntityLayout) -> String {
        var terms = zip(cursor.sort, cursor.values).map { key, value in
            (
                column: layout.column(of: key.field)!, ascending: key.ascending,
                value: SQLValue.blob(IndexKey.encode(value))
            )
        }
        terms.append(("id", cursor.sort.last?.ascending ?? true, .blob(cursor.id.sqlBytes)))
        let lead = terms[0]
        // Markers are bound in the order they appear in the text (SQLite's `?` are positional).
        let leading = "\(lead.column) \(lead.ascending ? ">=" : "<=") \(bind(lead.value))"
        var alternatives: [String] = []
        for position in terms.indices {
            var parts = terms[..<position].map { "\($0.column) = \(bind($0.value))" }
            let term = terms[position]
            parts.append("\(term.column) \(term.ascending ? ">" : "<") \(bind(term.value))")
            alternatives.append("(" + parts.joined(separator: " AND ") + ")")
        }
        return leading + " AND (" + alternatives.joined(separator: " OR ") + ")"
    }
}

extension SQLStore {
    /// One page of `query`'s results.
    package func query(_ query: RecordQuery, session: any SQLSession) throws(StorageError) -> QueryPage {
        let fields = query.filters.map(\.field) + query.sort.map(\.field)
        let layout = try layout(of: query.entity, fields: fields, session: session)
        try StorageRules.validate(query, schema: layout.schema)
        let statement = SQLQueryStatement(query, layout: layout, dialect: dialect)
        let rows = try SQLErrors.run(store: name) { () throws(SQLFailure) in
            try session.execute(statement.sql, statement.parameters)
        }
        var records = try rows.map { row throws(StorageError) in try record(from: row, layout: layout) }
        guard let limit = query.limit, records.count > limit else { return QueryPage(records: records, next: nil) }
        records.removeSubrange(limit...)
        let last = records[records.count - 1]
        let next = QueryCursor(sort: query.sort, values: query.sort.map { last.value(of: $0.field) }, id: last.key.id)
        return QueryPage(records: records, next: next)
    }
}
