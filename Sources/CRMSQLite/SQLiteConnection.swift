import CRMSQL
import CSQLite

/// One connection to an SQLite database file, with a cache of prepared statements.
///
/// Not thread-safe: the engine confines each connection to one worker queue.
final class SQLiteConnection: SQLSession {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    /// `SQLITE_TRANSIENT`: SQLite copies bound bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Opens (creating if asked) the database at `path` and applies the connection settings.
    init(path: String, create: Bool, busyTimeout: Duration, synchronous: String) throws(SQLFailure) {
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, handle != nil else {
            let failure = Self.failure(
                status, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
            sqlite3_close_v2(handle)
            throw failure
        }
        sqlite3_extended_result_codes(handle, 1)
        let milliseconds =
            busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        do {
            _ = try execute("PRAGMA journal_mode = WAL", [])
            _ = try execute("PRAGMA synchronous = \(synchronous)", [])
        } catch {
            close()
            throw error
        }
    }

    func execute(_ sql: String, _ parameters: [SQLValue]) throws(SQLFailure) -> [SQLRow] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in parameters.enumerated() {
            let position = Int32(offset + 1)
            let status: Int32 =
                switch value {
                case .null: sqlite3_bind_null(statement, position)
                case .integer(let number): sqlite3_bind_int64(statement, position, number)
                case .real(let number): sqlite3_bind_double(statement, position, number)
                case .text(let text): sqlite3_bind_text(statement, position, text, -1, Self.transient)
                case .blob(let bytes):
                    bytes.withUnsafeBytes { buffer in
                        // A zero-length blob still needs a non-null pointer, or SQLite binds NULL.
                        sqlite3_bind_blob(
                            statement, position, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                            Int32(buffer.count), Self.transient)
                    }
                }
            guard status == SQLITE_OK else { throw lastFailure(status) }
        }
        var rows: [SQLRow] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw lastFailure(status) }
            rows.append(row(of: statement))
        }
    }

    func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        sqlite3_close_v2(handle)
        handle = nil
    }

    private func prepared(_ sql: String) throws(SQLFailure) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        guard handle != nil else { throw .other("the connection is closed") }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw lastFailure(status) }
        statements[sql] = statement
        return statement
    }

    private func row(of statement: OpaquePointer) -> SQLRow {
        (0..<sqlite3_column_count(statement)).map { column in
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: .real(sqlite3_column_double(statement, column))
            case SQLITE_TEXT: .text(String(cString: sqlite3_column_text(statement, column)))
            case SQLITE_BLOB:
                .blob(
                    Array(
                        UnsafeRawBufferPointer(
                            start: sqlite3_column_blob(statement, column),
                            count: Int(sqlite3_column_bytes(statement, column)))))
            default: .null
            }
        }
    }

    private func lastFailure(_ status: Int32) -> SQLFailure {
        Self.failure(sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    /// `SQLITE_CONSTRAINT_PRIMARYKEY` and `SQLITE_CONSTRAINT_UNIQUE`, whose C macros Swift does not import.
    private static let primaryKeyViolation = SQLITE_CONSTRAINT | 6 << 8
    private static let uniqueViolation = SQLITE_CONSTRAINT | 8 << 8

    /// The failure for an SQLite result code (extended codes included).
    static func failure(_ status: Int32, message: String) -> SQLFailure {
        switch status {
        case primaryKeyViolation: return .uniqueViolation(column: "id")
        case uniqueViolation:
            // "UNIQUE constraint failed: crm_r1.k2"
            return .uniqueViolation(column: message.split(separator: ".").last.map(String.init))
        default: break
        }
        switch status & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy(message)
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupted(message)
        case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM: return .io(message)
        default: return .other(message)
        }
    }
}
