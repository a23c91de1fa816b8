import CRMCore
import Foundation

/// A person row of the fixture, with its payload and index values.
struct KitPerson {
    var key: RecordKey
    var name: String
    var age: Int64
    var score: Double
    var email: String?
    var joined: Date
    var active: Bool

    init(
        key: RecordKey, name: String, age: Int64 = 30, score: Double = 0.5, email: String? = nil,
        joined: Date = Date(timeIntervalSince1970: 1_700_000_000), active: Bool = true
    ) {
        self.key = key
        self.name = name
        self.age = age
        self.score = score
        self.email = email
        self.joined = joined
        self.active = active
    }

    var payload: [UInt8] { Array("person:\(name):\(age)".utf8) }

    var indexValues: IndexValues {
        var values: IndexValues = [
            "name": .string(name), "age": .integer(age), "score": .double(score), "joined": .date(joined),
            "active": .bool(active),
        ]
        if let email { values["email"] = .string(email) }
        return values
    }

    var insert: WriteOperation { .insert(key, payload: payload, indexValues: indexValues) }

    func update(expectedVersion: UInt64?) -> WriteOperation {
        .update(key, payload: payload, indexValues: indexValues, expectedVersion: expectedVersion)
    }
}

extension StorageEngine {
    /// Commits `operations` as the kit's writer.
    @discardableResult
    func write(_ operations: [WriteOperation], as principal: Principal = ConformanceFixture.writer) async throws
        -> CommitReceipt
    {
        try await commit(Transaction(principal: principal, operations: operations))
    }

    /// Every record of `entity`, by id.
    func all(_ entity: String) async throws -> [StoredRecord] {
        try await queryAll(RecordQuery(entity: entity))
    }
}
