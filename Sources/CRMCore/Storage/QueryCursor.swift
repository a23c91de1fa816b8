/// Where a page of results ended: the last record's sort values and id, plus the sort order they belong to.
///
/// Cursors are opaque to callers; ``token`` gives a URL-safe string to hand to a client, and
/// ``init(token:)`` reads it back. A cursor used with a different sort order is refused with
/// ``StorageError/Code/invalidQuery``.
public struct QueryCursor: Sendable, Hashable {
    /// The sort order the cursor was made for.
    public let sort: [SortKey]
    /// The last record's values for each sort key.
    public let values: [IndexValue]
    /// The last record's id.
    public let id: RecordID

    /// Creates a cursor positioned after the record with `values` and `id` in `sort` order.
    public init(sort: [SortKey], values: [IndexValue], id: RecordID) {
        self.sort = sort
        self.values = values
        self.id = id
    }

    /// A URL-safe string form.
    public var token: String {
        var writer = ByteWriter()
        writer.writeVarint(UInt64(sort.count))
        for (key, value) in zip(sort, values) {
            writer.writeString(key.field)
            writer.writeByte(key.ascending ? 1 : 0)
            writer.writeIndexValue(value)
        }
        writer.writeRecordID(id)
        return Base64URL.encode(writer.bytes)
    }

    /// Reads a token made by ``token``; throws ``StorageError/Code/invalidQuery`` for anything else.
    public init(token: String) throws(StorageError) {
        let invalid = StorageError(.invalidQuery, field: "after", message: "the cursor token is malformed")
        guard let bytes = Base64URL.decode(token) else { throw invalid }
        var reader = ByteReader(bytes)
        do {
            let count = try reader.readVarint()
            guard count <= 64 else { throw invalid }
            var sort: [SortKey] = []
            var values: [IndexValue] = []
            for _ in 0..<count {
                let field = try reader.readString()
                sort.append(SortKey(field, ascending: try reader.readByte() == 1))
                values.append(try reader.readIndexValue())
            }
            let id = try reader.readRecordID()
            guard reader.isAtEnd else { throw invalid }
            self.init(sort: sort, values: values, id: id)
        } catch {
            throw invalid
        }
    }
}
