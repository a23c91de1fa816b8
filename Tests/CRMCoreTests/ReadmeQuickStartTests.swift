import CRMCore
import Foundation
import Testing

/// The README's quick start, as written there, so that it keeps compiling and doing what it says.
@Test func readmeQuickStartFindsTheContactByEmail() async throws {
    let directory = temporaryStorePath("readme")
    let engine = try await FileEngine.open(at: directory)
    try await engine.register([
        try EntitySchema(name: "contact", indexes: [IndexDefinition("email", unique: true)])
    ])

    let id = ULIDGenerator().next()
    let email = try EmailAddress("Ada@Example.com")
    _ = try await engine.commit(
        Transaction(
            principal: try Principal("user:1"),
            operations: [
                .insert(
                    RecordKey(entity: "contact", id: id), payload: Array("Ada Lovelace".utf8),
                    indexValues: ["email": .string(email.matchingKey)])
            ]))

    let found = try await engine.query(
        RecordQuery(entity: "contact", filters: [.equals("email", .string("ada@example.com"))]))
    #expect(found.records.map(\.key.id) == [id])
    try await engine.close()
}
