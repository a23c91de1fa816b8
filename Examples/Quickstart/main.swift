// Quickstart: store and query records in memory, then in the durable file engine, and reopen it.
//
//   swift run Quickstart [directory]
//
// Every module of swift-crm stores its records through a `StorageEngine`. This program plays the part
// of a domain module: it encodes a small contact type, declares which fields are indexed, commits a
// transaction and queries by index. It does so twice, with the same code: on the in-memory engine (fast,
// gone when the program ends; right for tests and caches) and on the file engine (durable; the default for
// an application), which it then reopens to show that the data is still there. Without a directory it
// uses a temporary one and removes it at the end.
import CRMCore
import Foundation

/// A contact as a domain module might model it; the engine only sees its encoded bytes.
struct Contact: Codable {
    var name: PersonName
    var email: EmailAddress
    var lifetimeValue: Money
}

let chosenDirectory = CommandLine.arguments.dropFirst().first
let directory =
    chosenDirectory
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("crm-quickstart-\(UUID().uuidString)").path
let schema = try EntitySchema(
    name: "contact",
    indexes: [IndexDefinition("email", unique: true), IndexDefinition("familyName"), IndexDefinition("lifetimeValue")])
let ids = ULIDGenerator()
let principal = try Principal("user:quickstart")

/// What the engine stores for a contact: opaque JSON plus the values of the indexed fields.
func write(_ contact: Contact, id: RecordID) throws -> WriteOperation {
    .insert(
        RecordKey(entity: "contact", id: id), payload: Array(try JSONEncoder().encode(contact)),
        indexValues: [
            "email": .string(contact.email.matchingKey), "familyName": .string(contact.name.familyName),
            "lifetimeValue": .integer(contact.lifetimeValue.minorUnits),
        ])
}

func decode(_ record: StoredRecord) throws -> Contact {
    try JSONDecoder().decode(Contact.self, from: Data(record.payload))
}

/// What a domain module does with a store: the same code for every engine.
func tour(_ engine: any StorageEngine) async throws {
    try await engine.register([schema])
    let people = [
        ("Ada", "Lovelace", "ada@example.com", "1250.00"), ("Grace", "Hopper", "grace@example.com", "980.50"),
        ("Alan", "Turing", "alan@example.com", "310.00"), ("Katherine", "Johnson", "kj@example.com", "2200.00"),
    ]
    var operations: [WriteOperation] = []
    for (given, family, email, value) in people {
        let contact = Contact(
            name: try PersonName(givenName: given, familyName: family), email: try EmailAddress(email),
            lifetimeValue: try Money(parsing: value, currency: .usd))
        operations.append(try write(contact, id: ids.next()))
    }
    let receipt = try await engine.commit(Transaction(principal: principal, operations: operations))
    print("  Committed \(receipt.versions.count) contacts in one transaction (changes \(receipt.sequences!))")

    let byEmail = RecordQuery(entity: "contact", filters: [.equals("email", .string("grace@example.com"))])
    if let grace = try await engine.query(byEmail).records.first {
        print("  Found by email: \(try decode(grace).name.displayName), version \(grace.version)")
    }

    let valuable = RecordQuery(
        entity: "contact", filters: [.range("lifetimeValue", from: .integer(50_000), to: nil)],
        sort: [SortKey("lifetimeValue", ascending: false)])
    print("  Contacts worth at least $500, most valuable first:")
    for record in try await engine.query(valuable).records {
        let contact = try decode(record)
        print(
            "    \(contact.name.displayName): \(contact.lifetimeValue.formatted(locale: Locale(identifier: "en_US")))")
    }

    do {
        let duplicate = Contact(
            name: try PersonName(givenName: "Ada", familyName: "King"), email: try EmailAddress("ADA@example.com"),
            lifetimeValue: .zero(.usd))
        _ = try await engine.commit(
            Transaction(principal: principal, operations: [try write(duplicate, id: ids.next())]))
    } catch let error as StorageError {
        print("  A second contact with the same email is refused: \(error)")
    }
}

print("In memory:")
let memory = InMemoryEngine()
try await tour(memory)
try await memory.close()

print("\nIn a file store at \(directory):")
var engine = try await FileEngine.open(at: directory)
try await tour(engine)
try await engine.close()
engine = try await FileEngine.open(at: directory)
try await engine.register([schema])
let reopened = try await engine.queryAll(RecordQuery(entity: "contact", sort: [SortKey("familyName")]))
print("  After reopening, the store holds \(reopened.count) contacts:")
for record in reopened {
    print("    \(try decode(record).name.displayName), created by \(record.createdBy)")
}
let verification = try await engine.verify()
print("  Verification: \(verification.isClean ? "clean" : "\(verification.problems)")")
try await engine.close()
if chosenDirectory == nil {
    try FileManager.default.removeItem(atPath: directory)
    print("  (a temporary store, now removed; name a directory to keep it)")
}
