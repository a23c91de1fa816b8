import CRMCore
import CRMStorageTesting
import Testing

@Suite struct InMemoryConformanceTests {
    @Test(arguments: StorageEngineConformance.Area.allCases)
    func inMemoryEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await StorageEngineConformance(makeEngine: { InMemoryEngine() }).check(area)
    }
}
