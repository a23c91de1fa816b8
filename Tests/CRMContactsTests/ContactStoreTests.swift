import CRMContacts
import CRMCore
import CRMStorageTesting
import Testing

/// The engine contact store on every engine: the conformance kit's contacts area, and what the kit cannot
/// see from outside (lookup records, reopening).
@Suite struct ContactStoreTests {
    @Test(arguments: Engines.allCases, ContactStoreConformance.Area.allCases)
    func theEngineStorePassesTheContactsKit(_ engines: Engines, _ area: ContactStoreConformance.Area) async throws {
        try await ContactStoreConformance(makeStore: { try await engines.store() }).check(area)
    }

    @Test(arguments: Engines.allCases)
    func aDeletedContactLeavesNoLookupRecordBehind(_ engines: Engines) async throws {
        let store = try await engines.store()
        var alan = try Fixture.person("Alan", "Turing", emails: ["alan@example.com"], phones: ["020 7946 0002"])
        alan.tags = [try CRMCore.Tag("pioneer")]
        let saved = try await store.insert(alan, by: Fixture.user)
        #expect(try await store.engine.queryAll(RecordQuery(entity: "crm.lookup")).count == 3)
        try await store.deleteContact(alan.id, expectedVersion: saved.version, by: Fixture.user)
        #expect(try await store.engine.queryAll(RecordQuery(entity: "crm.lookup")).isEmpty)
    }

    @Test(arguments: [Engines.file, Engines.sqlite])
    func contactsAndTheirLookupsSurviveReopening(_ engines: Engines) async throws {
        let engine = try await engines.make()
        let store = try await EngineContactStore(engine: engine)
        let katherine = try Fixture.person("Katherine", "Johnson", emails: ["kj@nasa.example"])
        _ = try await store.insert(katherine, by: Fixture.user)
        let reopened = try await EngineContactStore(engine: try await engines.reopen(engine))
        #expect(try await reopened.contacts(withEmail: try EmailAddress("KJ@nasa.example")).map(\.value) == [katherine])
        #expect(try await reopened.searchContacts(name: "john", limit: 3).map(\.value.id) == [katherine.id])
    }
}
