import CRMCore
import CRMStorageTesting
import Foundation
import Testing

@Suite struct FileConformanceTests {
    static func temporaryStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("crm-kit-\(UUID().uuidString)").path
    }

    static let kit = StorageEngineConformance(
        makeEngine: { try await FileEngine.open(at: temporaryStore()) },
        reopen: { engine in
            let directory = (engine as! FileEngine).directory
            try await engine.close()
            return try await FileEngine.open(at: directory)
        })

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func fileEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        try await Self.kit.check(area)
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func relaxedFileEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        let options = FileEngineOptions(durability: .relaxed)
        try await StorageEngineConformance(
            makeEngine: { try await FileEngine.open(at: Self.temporaryStore(), options: options) },
            reopen: { engine in
                let directory = (engine as! FileEngine).directory
                try await engine.close()
                return try await FileEngine.open(at: directory, options: options)
            }
        ).check(area)
    }

    @Test(arguments: StorageEngineConformance.Area.allCases)
    func compactingFileEnginePasses(_ area: StorageEngineConformance.Area) async throws {
        let options = FileEngineOptions(compactionThreshold: 4096)
        try await StorageEngineConformance(
            makeEngine: { try await FileEngine.open(at: Self.temporaryStore(), options: options) },
            reopen: { engine in
                let directory = (engine as! FileEngine).directory
                try await engine.close()
                return try await FileEngine.open(at: directory, options: options)
            }
        ).check(area)
    }
}
