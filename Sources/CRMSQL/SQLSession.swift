/// One open database connection, as the shared SQL engine logic uses it.
///
/// Implementations run one statement with bound parameters and return every result row. They are not
/// thread-safe: each engine confines a session to one worker at a time.
package protocol SQLSession: AnyObject {
    /// Runs `sql` with `parameters` bound to its markers, in order, and returns the rows it produced.
    func execute(_ sql: String, _ parameters: [SQLValue]) throws(SQLFailure) -> [SQLRow]

    /// Closes the connection; the session is not used afterwards.
    func close()
}

/// Why a statement failed, in the terms the engine logic acts on.
package enum SQLFailure: Error, Sendable {
    /// A unique constraint refused a row; `column` is the constrained column (`id` for the primary key,
    /// `k3` for index column 3) when the database says which.
    case uniqueViolation(column: String?)
    /// Another connection holds the lock longer than the engine waits.
    case busy(String)
    /// The database aborted the transaction to keep it serializable (a serialization failure or a
    /// deadlock); running it again may succeed.
    case retryable(String)
    /// The connection to the database was lost.
    case connectionLost(String)
    /// The database file is damaged.
    case corrupted(String)
    /// The disk or file system refused the operation.
    case io(String)
    /// Anything else, with the database's message.
    case other(String)
}
