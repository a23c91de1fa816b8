import CRMCore
import CRMPostgres

// A separate application instance for the PostgreSQL tests: increments a shared counter record `rounds`
// times by read-modify-write with version checks, retrying on conflicts, then prints `done <retries>`.
//
// Usage: PostgresEngineWorker <connection string> <database> <record id> <rounds>
func incrementCounter(_ arguments: [String]) async throws -> Int {
    let engine = try await PostgresEngine.open(
        PostgresEngineOptions(connectionString: arguments[1], database: arguments[2], connections: 2))
    let key = RecordKey(entity: "counter", id: try RecordID(arguments[3]))
    let rounds = Int(arguments[4])!
    let principal = try Principal("worker:\(arguments[4])")
    try await engine.register([try EntitySchema(name: "counter")])
    var done = 0
    var retries = 0
    while done < rounds {
        guard let current = try await engine.read("counter", id: key.id) else { fatalError("no counter record") }
        let next = String(Int(String(decoding: current.payload, as: UTF8.self))! + 1)
        do {
            _ = try await engine.commit(
                Transaction(
                    principal: principal,
                    operations: [.update(key, payload: Array(next.utf8), expectedVersion: current.version)]))
            done += 1
        } catch {
            guard error.code == .conflict else { throw error }
            retries += 1
        }
    }
    try await engine.close()
    return retries
}

print("done \(try await incrementCounter(CommandLine.arguments))")
