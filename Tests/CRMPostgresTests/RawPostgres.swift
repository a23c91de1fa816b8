import CLibPQ
import CRMCore
import Foundation

/// A plain libpq connection, for setting up states the engine would not make (a held lock, a killed
/// session).
final class RawPostgres {
    private let connection: OpaquePointer?

    init(database: String) throws {
        connection = PQconnectdbParams(
            ["dbname", "dbname", nil].map { $0.map { UnsafePointer(strdup($0)) } },
            [PostgresServer.url ?? "", database, nil].map { $0.map { UnsafePointer(strdup($0)) } }, 1)
        guard PQstatus(connection) == CONNECTION_OK else {
            throw StorageError(.io, message: String(cString: PQerrorMessage(connection)))
        }
    }

    deinit { PQfinish(connection) }

    /// Runs `sql` and returns the first column of every row as text.
    @discardableResult
    func run(_ sql: String) throws -> [String] {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw StorageError(.io, message: String(cString: PQerrorMessage(connection)))
        }
        return (0..<PQntuples(result)).map { String(cString: PQgetvalue(result, $0, 0)) }
    }
}
