import CRMContacts
import CRMCore
import Testing

/// The contact store's rules, each body run on every engine.
@Suite struct ContactStoreTests {
    @Test(arguments: Engines.allCases)
    func aContactIsStoredAndReadBackWithItsPrimaryValues(_ engines: Engines) async throws {
        let store = try await engines.store()
        let ada = try Fixture.person(
            "Ada", "Lovelace", emails: ["ada@example.com", "ada@home.example"], phones: ["020 7946 0018"])
        let saved = try await store.insert(ada, by: Fixture.user)
        #expect(saved.version == 1)
        #expect(saved.createdBy == Fixture.user)
        #expect(saved.value.primaryEmail?.address == "ada@example.com")
        #expect(saved.value.emails.filter(\.isPrimary).count == 1)
        #expect(saved.value.primaryPhone?.e164 == "+442079460018")
        #expect(try await store.contact(ada.id)?.value == saved.value)
    }

    @Test(arguments: Engines.allCases)
    func everyLookupIsServedThroughTheStore(_ engines: Engines) async throws {
        let store = try await engines.store()
        let acme = try await store.insert(try Fixture.organization("Acme"), by: Fixture.user).value
        var zoe = try Fixture.person(
            "Zoë", "Ångström", emails: ["Zoe.Angstrom@Example.com"], phones: ["+44 20 7946 0001"])
        zoe.tags = [try CRMCore.Tag("VIP")]
        zoe.externalIDs = [try ExternalID(system: "shop", value: "C-17")]
        zoe.organizationID = acme.id
        let other = try Fixture.person("Zoltan", "Berg", emails: ["zb@example.com"])
        _ = try await store.insert(zoe, by: Fixture.user)
        _ = try await store.insert(other, by: Fixture.user)

        #expect(
            try await store.contacts(withEmail: try EmailAddress("zoe.angstrom@example.COM")).map(\.value.id) == [
                zoe.id
            ])
        #expect(
            try await store.contacts(withPhone: try PhoneNumber("020 7946 0001", defaultRegion: "GB")).map(\.value.id)
                == [zoe.id])
        #expect(
            try await store.contacts(withExternalID: try ExternalID(system: "shop", value: "C-17")).map(\.value.id) == [
                zoe.id
            ])
        #expect(try await store.contacts(taggedWith: try CRMCore.Tag("vip")).map(\.value.id) == [zoe.id])
        #expect(try await store.contacts(in: acme.id).map(\.value.id) == [zoe.id])
        #expect(try await store.searchContacts(name: "ANGS", limit: 10).map(\.value.id) == [zoe.id])
        #expect(try await store.searchContacts(name: "zo", limit: 10).map(\.value.id) == [zoe.id, other.id])
        #expect(try await store.searchContacts(name: "zoe ang", limit: 10).map(\.value.id) == [zoe.id])
        #expect(try await store.searchContacts(name: "zo", limit: 1).count == 1)
        #expect(try await store.searchContacts(name: "  ", limit: 10).isEmpty)
    }

    @Test(arguments: Engines.allCases)
    func anUpdateMovesTheLookupsAndAStaleOneChangesNothing(_ engines: Engines) async throws {
        let store = try await engines.store()
        var grace = try Fixture.person("Grace", "Hopper", emails: ["grace@navy.example"])
        let saved = try await store.insert(grace, by: Fixture.user)
        grace.emails = [LabeledValue(try EmailAddress("grace@cobol.example"))]
        grace.tags = [try CRMCore.Tag("pioneer")]
        let updated = try await store.update(grace, expectedVersion: saved.version, by: Fixture.user)
        #expect(updated.version == 2)
        #expect(try await store.contacts(withEmail: try EmailAddress("grace@navy.example")).isEmpty)
        #expect(try await store.contacts(withEmail: try EmailAddress("grace@cobol.example")).count == 1)

        var stale = grace
        stale.tags = []
        let error = await #expect(throws: StorageError.self) {
            try await store.update(stale, expectedVersion: saved.version, by: Fixture.user)
        }
        #expect(error?.code == .conflict)
        #expect(try await store.contacts(taggedWith: try CRMCore.Tag("pioneer")).count == 1)
        #expect(try await store.contact(grace.id)?.version == 2)
    }

    @Test(arguments: Engines.allCases)
    func aDeletedContactLeavesNoLookupBehind(_ engines: Engines) async throws {
        let store = try await engines.store()
        let alan = try Fixture.person("Alan", "Turing", emails: ["alan@example.com"])
        let saved = try await store.insert(alan, by: Fixture.user)
        try await store.deleteContact(alan.id, expectedVersion: saved.version, by: Fixture.user)
        #expect(try await store.contact(alan.id) == nil)
        #expect(try await store.contacts(withEmail: try EmailAddress("alan@example.com")).isEmpty)
        #expect(try await store.searchContacts(name: "turing", limit: 5).isEmpty)
        let lookups = try await store.engine.queryAll(RecordQuery(entity: "crm.lookup"))
        #expect(lookups.isEmpty)
    }

    @Test(arguments: Engines.allCases)
    func anInvalidContactReportsEveryFieldAndWritesNothing(_ engines: Engines) async throws {
        let store = try await engines.store()
        var bad = try Fixture.person("Bad", "Input", emails: ["a@example.com"])
        bad.emails = [
            LabeledValue(try EmailAddress("a@example.com"), isPrimary: true),
            LabeledValue(try EmailAddress("A@Example.com"), isPrimary: true),
        ]
        bad.jobTitle = String(repeating: "x", count: 201)
        bad.customFields = ["bad name": .text("x")]
        bad.organizationID = ID(Fixture.ids.next())
        let error = await #expect(throws: ValidationError.self) { try await store.insert(bad, by: Fixture.user) }
        #expect(Set(error?.issues.map(\.field) ?? []) == ["emails", "jobTitle", "customFields"])
        #expect(try await store.contact(bad.id) == nil)

        var orphan = try Fixture.person("Orphan", "Contact")
        orphan.organizationID = ID(Fixture.ids.next())
        let missing = await #expect(throws: ValidationError.self) { try await store.insert(orphan, by: Fixture.user) }
        #expect(missing?.issues.map(\.field) == ["organizationID"])
        #expect(try await store.engine.changes(after: 0, limit: 10).isEmpty)
    }

    @Test(arguments: Engines.allCases)
    func theOrganizationHierarchyRefusesCyclesAndMissingParents(_ engines: Engines) async throws {
        let store = try await engines.store()
        let group = try await store.insert(try Fixture.organization("Group"), by: Fixture.user)
        let division = try await store.insert(
            try Fixture.organization("Division", parent: group.value.id), by: Fixture.user)
        let team = try await store.insert(try Fixture.organization("Team", parent: division.value.id), by: Fixture.user)
        #expect(try await store.ancestors(of: team.value.id).map(\.value.name) == ["Division", "Group"])
        #expect(try await store.suborganizations(of: group.value.id).map(\.value.name) == ["Division"])

        var cyclic = group.value
        cyclic.parentID = team.value.id
        let cycle = await #expect(throws: ValidationError.self) {
            try await store.update(cyclic, expectedVersion: group.version, by: Fixture.user)
        }
        #expect(cycle?.issues.map(\.field) == ["parentID"])
        #expect(try await store.organization(group.value.id)?.value.parentID == nil)

        let missingParent = await #expect(throws: ValidationError.self) {
            try await store.insert(try Fixture.organization("Stray", parent: ID(Fixture.ids.next())), by: Fixture.user)
        }
        #expect(missingParent?.issues.map(\.field) == ["parentID"])
        let selfParent = #expect(throws: ValidationError.self) {
            var own = try Fixture.organization("Self")
            own.parentID = own.id
            return try own.validated()
        }
        #expect(selfParent?.issues.map(\.field) == ["parentID"])
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
