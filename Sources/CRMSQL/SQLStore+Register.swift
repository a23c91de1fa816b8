package import CRMCore
import Foundation

extension SQLStore {
    /// Declares schemas: creates tables and key columns, and creates or drops indexes so that exactly the
    /// declared fields are indexed; all in one transaction, so a failure leaves the old schemas in place.
    package func register(_ schemas: [EntitySchema], session: any SQLSession) throws(StorageError) {
        try inWriteTransaction(session) { () throws(StorageError) in
            var catalog = try loadCatalog(session)
            for schema in schemas where catalog.entities[schema.name]?.schema != schema {
                catalog.entities[schema.name] = try apply(schema, over: catalog, session: session)
            }
        }
        try loadCatalog(session)
    }

    private func apply(_ schema: EntitySchema, over catalog: SQLCatalog, session: any SQLSession)
        throws(StorageError) -> EntityLayout
    {
        let isNew = catalog.entities[schema.name] == nil
        let number =
            catalog.entities[schema.name]?.tableNumber
            ?? (catalog.entities.values.map(\.tableNumber).max() ?? 0) + 1
        var layout =
            catalog.entities[schema.name]
            ?? EntityLayout(schema: schema, tableNumber: number, columns: [:])
        layout.schema = schema
        var statements: [(String, [SQLValue])] = []
        if isNew {
            statements.append(
                (
                    """
                    CREATE TABLE \(layout.table) (id \(dialect.blobType) PRIMARY KEY,
                    version \(dialect.integerType) NOT NULL, created_at \(dialect.realType) NOT NULL,
                    created_by TEXT NOT NULL, updated_at \(dialect.realType) NOT NULL, updated_by TEXT NOT NULL,
                    payload \(dialect.blobType) NOT NULL)\(dialect.recordTableOptions)
                    """, []
                ))
            statements.append(
                (
                    "INSERT INTO crm_entities (name, table_no, schema_json) VALUES (\(markers(from: 1, count: 3)))",
                    [.text(schema.name), .integer(Int64(number)), .text(try Self.json(schema))]
                ))
        } else {
            statements.append(
                (
                    "UPDATE crm_entities SET schema_json = \(marker(1)) WHERE name = \(marker(2))",
                    [.text(try Self.json(schema)), .text(schema.name)]
                ))
        }
        for definition in schema.indexes where layout.columns[definition.field] == nil {
            let column = (layout.columns.values.max() ?? 0) + 1
            layout.columns[definition.field] = column
            statements.append(
                (
                    "ALTER TABLE \(layout.table) ADD COLUMN k\(column) \(dialect.blobType) NOT NULL DEFAULT \(dialect.absentKeyLiteral)",
                    []
                ))
            statements.append(
                (
                    "INSERT INTO crm_fields (entity, field, column_no) VALUES (\(markers(from: 1, count: 3)))",
                    [.text(schema.name), .text(definition.field), .integer(Int64(column))]
                ))
        }
        try SQLErrors.run(store: name) { () throws(SQLFailure) in
            for (sql, parameters) in statements { _ = try session.execute(sql, parameters) }
        }
        for (field, column) in layout.fieldsInColumnOrder {
            try index(field: field, column: column, of: layout, session: session)
        }
        return layout
    }

    /// Makes the indexes of one key column match the schema: `(k, id)` for every declared field, plus a
    /// unique index over non-absent values for a unique one (refused, naming a record, over duplicates).
    private func index(field: String, column: String, of layout: EntityLayout, session: any SQLSession)
        throws(StorageError)
    {
        let definition = layout.schema.index(field)
        let plain = "\(layout.table)_i\(column.dropFirst())"
        let unique = "\(layout.table)_u\(column.dropFirst())"
        try SQLErrors.run(store: name) { () throws(SQLFailure) in
            if definition == nil {
                _ = try session.execute("DROP INDEX IF EXISTS \(plain)", [])
            } else {
                _ = try session.execute("CREATE INDEX IF NOT EXISTS \(plain) ON \(layout.table) (\(column), id)", [])
            }
            if definition?.unique != true { _ = try session.execute("DROP INDEX IF EXISTS \(unique)", []) }
        }
        guard definition?.unique == true else { return }
        let duplicates = try SQLErrors.run(store: name) { () throws(SQLFailure) in
            try session.execute(
                """
                SELECT a.id, a.\(column) FROM \(layout.table) a JOIN \(layout.table) b
                ON a.\(column) = b.\(column) AND a.id > b.id WHERE a.\(column) > \(dialect.absentKeyLiteral) LIMIT 1
                """, [])
        }
        if let row = duplicates.first {
            let value = row[1].blob.flatMap(IndexKey.decode) ?? .absent
            throw StorageError(
                .uniqueViolation, entity: layout.schema.name, id: row[0].blob.flatMap(RecordID.init(sqlBytes:)),
                field: field, message: "existing records share the value \(value); cannot declare a unique index")
        }
        try SQLErrors.run(store: name) { () throws(SQLFailure) in
            _ = try session.execute(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS \(unique) ON \(layout.table) (\(column))
                WHERE \(column) > \(dialect.absentKeyLiteral)
                """, [])
        }
    }

    private static func json(_ schema: EntitySchema) throws(StorageError) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(schema), as: UTF8.self)
        } catch {
            throw StorageError(.invalidQuery, entity: schema.name, message: "the schema cannot be encoded: \(error)")
        }
    }
}
