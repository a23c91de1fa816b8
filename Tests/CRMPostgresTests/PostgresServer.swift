import CLibPQ
import CRMCore
import CRMPostgres
import Foundation

/// The PostgreSQL server the tests use: `CRM_POSTGRES_URL`, as exported by `.ci/postgres start`.
enum PostgresServer {
    static let url = ProcessInfo.processInfo.environment["CRM_POSTGRES_URL"]

    /// Whether the tests run in CI, where a missing server is a failure rather than a skip.
    static let isCI = ProcessInfo.processInfo.environment["CI"] != nil

    /// Creates an empty database and returns its name.
    static func freshDatabase() throws -> String {
        let name = "crm_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        guard let url else { throw StorageError(.io, message: "CRM_POSTGRES_URL is not set") }
        let connection = PQconnectdb(url)
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw StorageError(.io, message: String(cString: PQerrorMessage(connection)))
        }
        // The name is made here from a UUID; identifiers cannot be bound as parameters.
        let result = PQexec(connection, "CREATE DATABASE \(name)")
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw StorageError(.io, message: String(cString: PQerrorMessage(connection)))
        }
        return name
    }

    /// Options for `database` on the test server.
    static func options(_ database: String, durability: Durability = .synchronous) -> PostgresEngineOptions {
        PostgresEngineOptions(connectionString: url ?? "", database: database, connections: 3, durability: durability)
    }

    /// An engine on a fresh database.
    static func freshEngine(durability: Durability = .synchronous) async throws -> PostgresEngine {
        try await PostgresEngine.open(options(try freshDatabase(), durability: durability))
    }

    /// The database an engine is connected to.
    static func database(of engine: PostgresEngine) -> String {
        String(engine.address.split(separator: "/").last!)
    }
}
