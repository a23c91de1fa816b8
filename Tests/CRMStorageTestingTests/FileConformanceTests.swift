import CRMCore
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Testing

@Suite struct FileConformanceTests {
    static func temporaryStore() -> String {
        TestScratch.path("kit")
    }

    /// The kit on file engines opened with `options`, reopened with the same options.
    static func kit(_ options: FileEngineOptions = FileEngineOptions()) -> StorageEngineConformance {
        StorageEngineConformance(
            makeEngine: { try await FileEngine.open(at: temporaryStore(), options: options) },
            reopen: { engine in
                let directory = (engine as! FileEngine).directory
                try await engine.close()
                return try await FileEngine.open(at: directory, options: options)
            })
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func fileEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit().check(area)
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func relaxedFileEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit(FileEngineOptions(durability: .relaxed)).check(area)
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func compactingFileEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit(FileEngineOptions(compactionThreshold: 4096)).check(area)
    }
}
