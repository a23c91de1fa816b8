import CRMCore
import CRMPostgres
import CRMStorageTesting
import Testing

@Suite(.enabled(if: PostgresServer.url != nil, "set CRM_POSTGRES_URL: see README, Running the PostgreSQL tests"))
struct PostgresConformanceTests {
    static func kit(_ durability: Durability) -> StorageEngineConformance {
        StorageEngineConformance(
            makeEngine: { try await PostgresServer.freshEngine(durability: durability) },
            reopen: { engine in
                let database = PostgresServer.database(of: engine as! PostgresEngine)
                try await engine.close()
                return try await PostgresEngine.open(PostgresServer.options(database, durability: durability))
            })
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func postgresEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit(.synchronous).check(area)
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func relaxedPostgresEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit(.relaxed).check(area)
    }
}

/// In CI the PostgreSQL tests must run: a missing server fails loudly instead of skipping in silence.
@Suite struct PostgresServerAvailability {
    @Test func aServerIsConfiguredWhenRunningInCI() {
        #expect(
            PostgresServer.url != nil || !PostgresServer.isCI,
            "CRM_POSTGRES_URL is not set: .ci/run must start a PostgreSQL server (.ci/postgres start)")
    }
}
