/// A query over one entity's indexed fields: filters (all must hold), a sort order, a page size and a cursor.
///
/// Results are ordered by ``sort``, then by record id in the direction of the last sort key (ascending when
/// there is no sort), so the order is total and paging never skips or repeats a record. Paging is by
/// keyset: the cursor remembers the last record's sort values, so records inserted or deleted between
/// pages do not shift the pages that follow.
///
/// ```swift
/// var query = RecordQuery(entity: "contact")
/// query.filters = [.prefix("familyName", "Lov"), .range("score", from: .integer(50), to: nil)]
/// query.sort = [SortKey("familyName"), SortKey("score", ascending: false)]
/// query.limit = 50
/// let page = try await engine.query(query)
/// ```
public struct RecordQuery: Sendable, Hashable {
    /// The entity to search.
    public var entity: String
    /// Conditions that every result satisfies.
    public var filters: [QueryFilter]
    /// The order of the results.
    public var sort: [SortKey]
    /// The most results to return; `nil` for all. Must be positive.
    public var limit: Int?
    /// Where the previous page ended; `nil` for the first page.
    public var after: QueryCursor?

    /// Creates a query.
    public init(
        entity: String, filters: [QueryFilter] = [], sort: [SortKey] = [], limit: Int? = nil,
        after: QueryCursor? = nil
    ) {
        self.entity = entity
        self.filters = filters
        self.sort = sort
        self.limit = limit
        self.after = after
    }
}

/// A condition on one indexed field.
public enum QueryFilter: Sendable, Hashable {
    /// The field equals the value (absent matches records without a value).
    case equals(String, IndexValue)
    /// The field equals one of the values.
    case isIn(String, [IndexValue])
    /// The field lies between the bounds; a `nil` bound is open.
    case range(String, from: RangeBound?, to: RangeBound?)
    /// The field is a string starting with the prefix, byte for byte.
    case prefix(String, String)

    /// The field the condition reads.
    public var field: String {
        switch self {
        case .equals(let field, _), .isIn(let field, _), .range(let field, _, _), .prefix(let field, _): field
        }
    }

    /// Whether `value` satisfies the condition.
    public func matches(_ value: IndexValue) -> Bool {
        switch self {
        case .equals(_, let expected): value == expected
        case .isIn(_, let options): options.contains(value)
        case .prefix(_, let prefix): value.hasPrefix(prefix)
        case .range(_, let lower, let upper):
            (lower.map { $0.inclusive ? value >= $0.value : value > $0.value } ?? true)
                && (upper.map { $0.inclusive ? value <= $0.value : value < $0.value } ?? true)
        }
    }
}

/// One end of a range filter.
public struct RangeBound: Sendable, Hashable {
    /// The bound's value.
    public let value: IndexValue
    /// Whether the value itself is in the range.
    public let inclusive: Bool

    /// Creates a bound; inclusive unless told otherwise.
    public init(_ value: IndexValue, inclusive: Bool = true) {
        self.value = value
        self.inclusive = inclusive
    }
}

extension QueryFilter {
    /// `from <= field <= to` with inclusive bounds; pass `nil` for an open end.
    public static func range(_ field: String, from lower: IndexValue?, to upper: IndexValue?) -> QueryFilter {
        .range(field, from: lower.map { RangeBound($0) }, to: upper.map { RangeBound($0) })
    }
}

/// One key of a sort order.
public struct SortKey: Sendable, Hashable, Codable {
    /// The indexed field to sort by.
    public let field: String
    /// Smallest first when `true`.
    public let ascending: Bool

    /// Creates a sort key, ascending unless told otherwise.
    public init(_ field: String, ascending: Bool = true) {
        self.field = field
        self.ascending = ascending
    }
}

/// One page of query results and the cursor for the next one.
public struct QueryPage: Sendable, Hashable {
    /// The records of this page, in query order.
    public let records: [StoredRecord]
    /// Pass as ``RecordQuery/after`` to read the next page; `nil` when this was the last page.
    public let next: QueryCursor?

    /// Creates a page; engines use this.
    public init(records: [StoredRecord], next: QueryCursor?) {
        self.records = records
        self.next = next
    }
}
