/// The checks every engine applies the same way, so that all engines reject the same bad input with the
/// same error: payload size and index values of a write, and the shape of a query.
package enum StorageRules {
    /// The largest payload the reference engines store: 16 MiB.
    package static let maximumPayloadSize = 16 << 20

    /// Checks a written payload and its index values against the entity's schema.
    package static func checkWrite(payload: [UInt8], values: IndexValues, key: RecordKey, schema: EntitySchema)
        throws(StorageError)
    {
        guard payload.count <= maximumPayloadSize else {
            throw StorageError(
                .tooLarge, key: key, field: "payload",
                message: "is \(payload.count) bytes; the limit is \(maximumPayloadSize)")
        }
        for element in values {
            guard schema.index(element.field) != nil else {
                throw StorageError(
                    .invalidIndexValue, key: key, field: element.field,
                    message: "is not an indexed field of \(schema.name)")
            }
            guard element.value.isStorable else {
                throw StorageError(.invalidIndexValue, key: key, field: element.field, message: "NaN cannot be indexed")
            }
        }
    }

    /// Checks that a query filters and sorts on indexed fields only, has a positive limit, and that its
    /// cursor belongs to its sort order.
    package static func validate(_ query: RecordQuery, schema: EntitySchema) throws(StorageError) {
        func checkIndexed(_ field: String) throws(StorageError) {
            guard schema.index(field) == nil else { return }
            throw StorageError(
                .invalidQuery, entity: schema.name, field: field, message: "is not an indexed field of \(schema.name)")
        }
        for filter in query.filters { try checkIndexed(filter.field) }
        for key in query.sort { try checkIndexed(key.field) }
        if let limit = query.limit, limit <= 0 {
            throw StorageError(
                .invalidQuery, entity: schema.name, field: "limit", message: "must be positive, got \(limit)")
        }
        if let cursor = query.after, cursor.sort != query.sort || cursor.values.count != query.sort.count {
            throw StorageError(
                .invalidQuery, entity: schema.name, field: "after", message: "the cursor belongs to another sort order")
        }
    }

    /// Checks the limit of a change-feed read.
    package static func validateChangesLimit(_ limit: Int) throws(StorageError) {
        guard limit > 0 else {
            throw StorageError(.invalidQuery, field: "limit", message: "must be positive, got \(limit)")
        }
    }
}
