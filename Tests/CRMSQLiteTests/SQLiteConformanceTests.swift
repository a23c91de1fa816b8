import CRMCore
import CRMSQLite
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Testing

@Suite struct SQLiteConformanceTests {
    static func temporaryDatabase() -> String {
        TestScratch.path("sqlite") + ".sqlite"
    }

    static func kit(_ options: SQLiteEngineOptions = SQLiteEngineOptions()) -> StorageEngineConformance {
        StorageEngineConformance(
            makeEngine: { try await SQLiteEngine.open(at: temporaryDatabase(), options: options) },
            reopen: { engine in
                let path = (engine as! SQLiteEngine).path
                try await engine.close()
                return try await SQLiteEngine.open(at: path, options: options)
            })
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func sqliteEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit().check(area)
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func relaxedSQLiteEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit(SQLiteEngineOptions(durability: .relaxed, readers: 0)).check(area)
    }
}
