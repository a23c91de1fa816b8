// CustomStorageEngine: a storage engine written from scratch, proven by the conformance kit.
//
//   swift run CustomStorageEngine
//
// Every module of swift-crm stores its records through the `StorageEngine` protocol, so a team can keep
// its CRM data in any database by writing one adapter. This program is the template: `JSONFileEngine`
// keeps each record in a JSON file of its own, and the conformance kit of CRMStorageTesting checks that it
// keeps every promise of the protocol (versions, atomic transactions, queries, paging, unique indexes, the
// change feed, persistence). Then the program stores a few records and shows the files they became.
import CRMCore
import CRMStorageTesting
import Foundation

let workspace = FileManager.default.temporaryDirectory.appending(path: "crm-custom-engine-\(UUID().uuidString)")

/// The kit handed back an engine of another type to reopen: a mistake in this program.
struct NotAJSONFileEngine: Error {}

// The kit needs two things: a way to make a fresh, empty engine, and, for the persistence checks, a way to
// close an engine and open the same storage again.
let kit = StorageEngineConformance(
    makeEngine: { try JSONFileEngine(directory: workspace.appending(path: UUID().uuidString)) },
    reopen: { engine in
        guard let engine = engine as? JSONFileEngine else { throw NotAJSONFileEngine() }
        await engine.close()
        return try JSONFileEngine(directory: engine.directory)
    })

print("The conformance kit, area by area, on JSONFileEngine:")
var failures = 0
for area in StorageEngineConformance.Area.allCases {
    do {
        try await kit.check(area)
        print("  passed  \(area.rawValue)")
    } catch {
        failures += 1
        print("  FAILED  \(area.rawValue): \(error)")
    }
}
print(failures == 0 ? "Every check passed." : "\(failures) area(s) failed.")

// Using the engine is the same as using any other: register schemas, commit, query.
let store = workspace.appending(path: "demo")
let engine = try JSONFileEngine(directory: store)
try await engine.register([try EntitySchema(name: "contact", indexes: [IndexDefinition("email", unique: true)])])
let ids = ULIDGenerator()
let principal = try Principal("user:student")
let people = ["ada@example.com", "grace@example.com"]
let receipt = try await engine.commit(
    Transaction(
        principal: principal,
        operations: try people.map { email in
            .insert(
                RecordKey(entity: "contact", id: ids.next()), payload: Array(email.utf8),
                indexValues: ["email": .string(try EmailAddress(email).matchingKey)])
        }))
print("\nCommitted \(receipt.versions.count) contacts; the store's files are now:")
let files = (FileManager.default.subpaths(atPath: store.path) ?? []).filter { $0.hasSuffix(".json") }.sorted()
for path in files { print("  \(path)") }
if let record = files.first(where: { $0.hasPrefix("records/") }) {
    let text = String(decoding: try Data(contentsOf: store.appending(path: record)), as: UTF8.self)
    print("\nEach record file is plain JSON (the payload in Base64):\n  \(text)")
}
await engine.close()
try? FileManager.default.removeItem(at: workspace)
exit(failures == 0 ? 0 : 1)
