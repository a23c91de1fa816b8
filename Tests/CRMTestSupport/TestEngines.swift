package import CRMCore
import CRMSQLite
import Foundation

/// The engines that domain-module test bodies run against: in-memory, file (and reopened), SQLite.
package enum TestEngines: String, CaseIterable, CustomStringConvertible, Sendable {
    case inMemory
    case file
    case sqlite

    package var description: String { rawValue }

    /// A new, empty engine in the test scratch directory.
    package func make() async throws -> any StorageEngine {
        let path = TestScratch.path("engine")
        switch self {
        case .inMemory: return InMemoryEngine()
        case .file: return try await FileEngine.open(at: path)
        case .sqlite: return try await SQLiteEngine.open(at: path + ".sqlite")
        }
    }

    /// The same storage closed and opened again (the in-memory engine is returned as it is).
    package func reopen(_ engine: any StorageEngine) async throws -> any StorageEngine {
        switch engine {
        case let file as FileEngine:
            try await file.close()
            return try await FileEngine.open(at: file.directory)
        case let sqlite as SQLiteEngine:
            try await sqlite.close()
            return try await SQLiteEngine.open(at: sqlite.path)
        default: return engine
        }
    }
}
