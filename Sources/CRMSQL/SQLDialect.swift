/// What differs between the SQL of the supported databases: parameter markers and column types.
package struct SQLDialect: Sendable {
    /// The marker of the parameter at 1-based `position`: `?` or `$1`.
    package let parameter: @Sendable (Int) -> String
    /// The column type for bytes.
    package let blobType: String
    /// The column type for 64-bit integers.
    package let integerType: String
    /// The column type for doubles.
    package let realType: String
    /// The literal of the one-byte key `0x00` that encodes `IndexValue.absent`.
    package let absentKeyLiteral: String
    /// The clause after `CREATE TABLE (...)` of record tables, such as SQLite's `WITHOUT ROWID`.
    package let recordTableOptions: String
    /// The statement that starts a write transaction.
    package let beginWrite: String
    /// Appended to the read of the change-feed head in a write transaction: PostgreSQL's `FOR UPDATE`
    /// makes every writer of every application instance wait there, so commits are serial and sequence
    /// numbers have no gaps.
    package let lockFeedHead: String
    /// A statement that serializes concurrent creation of the store's tables, if the database needs one.
    package let serializeBootstrap: String?

    /// SQLite: `?` markers, `WITHOUT ROWID` record tables (clustered on the id), `BEGIN IMMEDIATE` so the
    /// write lock is taken up front rather than failing half-way.
    package static let sqlite = SQLDialect(
        parameter: { _ in "?" }, blobType: "BLOB", integerType: "INTEGER", realType: "REAL",
        absentKeyLiteral: "x'00'", recordTableOptions: " WITHOUT ROWID", beginWrite: "BEGIN IMMEDIATE",
        lockFeedHead: "", serializeBootstrap: nil)

    /// PostgreSQL: `$n` markers, `bytea` keys (compared byte by byte, like SQLite blobs), read-committed
    /// transactions serialized by a lock on the change-feed head row.
    package static let postgres = SQLDialect(
        parameter: { "$\($0)" }, blobType: "BYTEA", integerType: "BIGINT", realType: "DOUBLE PRECISION",
        absentKeyLiteral: "'\\x00'::bytea", recordTableOptions: "",
        beginWrite: "BEGIN ISOLATION LEVEL READ COMMITTED", lockFeedHead: " FOR UPDATE",
        serializeBootstrap: "SELECT pg_advisory_xact_lock(7262611)")
}
