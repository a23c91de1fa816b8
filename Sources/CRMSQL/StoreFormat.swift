package import CRMCore

/// The store's own tables and their versioned migrations.
///
/// `crm_meta` holds the format version. Opening a store applies every migration above its version in one
/// transaction; a store of a newer version than this build knows is refused with
/// `StorageError.Code.unsupportedFormat`.
package enum StoreFormat {
    /// One step of the format: the statements that take a store from the previous version to `version`.
    package struct Migration: Sendable {
        package let version: Int64
        package let statements: @Sendable (SQLDialect) -> [String]
    }

    /// Every migration, oldest first.
    package static let migrations: [Migration] = [
        Migration(version: 1) { dialect in
            [
                """
                CREATE TABLE crm_entities (name TEXT PRIMARY KEY, table_no \(dialect.integerType) NOT NULL UNIQUE,
                schema_json TEXT NOT NULL)
                """,
                """
                CREATE TABLE crm_fields (entity TEXT NOT NULL, field TEXT NOT NULL,
                column_no \(dialect.integerType) NOT NULL, PRIMARY KEY (entity, field))
                """,
                """
                CREATE TABLE crm_feed_head (id \(dialect.integerType) PRIMARY KEY,
                last_sequence \(dialect.integerType) NOT NULL)
                """,
                "INSERT INTO crm_feed_head (id, last_sequence) VALUES (1, 0)",
                """
                CREATE TABLE crm_changes (sequence \(dialect.integerType) PRIMARY KEY, entity TEXT NOT NULL,
                id \(dialect.blobType) NOT NULL, kind \(dialect.integerType) NOT NULL,
                version \(dialect.integerType) NOT NULL, principal TEXT NOT NULL,
                committed_at \(dialect.realType) NOT NULL)
                """,
            ]
        },
        // The history of one record (audit trails) reads the feed by record, not by sequence.
        Migration(version: 2) { _ in
            ["CREATE INDEX crm_changes_by_record ON crm_changes (entity, id, sequence)"]
        },
    ]

    /// The version this build writes.
    package static var currentVersion: Int64 { migrations.last!.version }

    /// Creates or upgrades the store's tables inside the caller's write transaction, up to `target`.
    package static func migrate(
        _ session: any SQLSession, dialect: SQLDialect, store: String, upTo target: Int64 = currentVersion
    ) throws(StorageError) {
        try SQLErrors.run(store: store) { () throws(SQLFailure) in
            if let serialize = dialect.serializeBootstrap { _ = try session.execute(serialize, []) }
            _ = try session.execute(
                "CREATE TABLE IF NOT EXISTS crm_meta (name TEXT PRIMARY KEY, value \(dialect.integerType) NOT NULL)", []
            )
        }
        let rows = try SQLErrors.run(store: store) { () throws(SQLFailure) in
            try session.execute("SELECT value FROM crm_meta WHERE name = \(dialect.parameter(1))", [.text("format")])
        }
        let found = rows.first?.first?.integer ?? 0
        guard found <= currentVersion else {
            throw StorageError(
                .unsupportedFormat,
                message: "\(store) has format version \(found); this version of swift-crm reads up to \(currentVersion)"
            )
        }
        guard found < target else { return }
        try SQLErrors.run(store: store) { () throws(SQLFailure) in
            for migration in migrations where migration.version > found && migration.version <= target {
                for statement in migration.statements(dialect) { _ = try session.execute(statement, []) }
            }
            _ = try session.execute("DELETE FROM crm_meta WHERE name = \(dialect.parameter(1))", [.text("format")])
            _ = try session.execute(
                "INSERT INTO crm_meta (name, value) VALUES (\(dialect.parameter(1)), \(dialect.parameter(2)))",
                [.text("format"), .integer(target)])
        }
    }
}
