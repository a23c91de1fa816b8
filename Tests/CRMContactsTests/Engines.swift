import CRMContacts
import CRMCore
import CRMSQLite
import Foundation

/// The engines every contact test body runs against: in-memory, file (and reopened), SQLite.
enum Engines: String, CaseIterable, CustomStringConvertible {
    case inMemory
    case file
    case sqlite

    var description: String { rawValue }

    func make() async throws -> any StorageEngine {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crm-contacts-\(UUID().uuidString)")
            .path
        switch self {
        case .inMemory: return InMemoryEngine()
        case .file: return try await FileEngine.open(at: path)
        case .sqlite: return try await SQLiteEngine.open(at: path + ".sqlite")
        }
    }

    /// The same storage closed and opened again (the in-memory engine is returned as it is).
    func reopen(_ engine: any StorageEngine) async throws -> any StorageEngine {
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

    func store() async throws -> EngineContactStore {
        try await EngineContactStore(engine: try await make())
    }
}

/// Small builders for the tests.
enum Fixture {
    static let user = try! Principal("user:test")
    static let ids = ULIDGenerator()

    static func person(_ given: String, _ family: String, emails: [String] = [], phones: [String] = [])
        throws -> Contact
    {
        try Contact(
            id: ID(ids.next()), name: try PersonName(givenName: given, familyName: family),
            emails: try emails.map { LabeledValue(try EmailAddress($0)) },
            phones: try phones.map { LabeledValue(try PhoneNumber($0, defaultRegion: "GB")) })
    }

    static func organization(_ name: String, parent: ID<Organization>? = nil) throws -> Organization {
        try Organization(id: ID(ids.next()), name: name, parentID: parent)
    }
}
