import CRMContacts
import CRMCore
import Foundation
import Testing

/// The field rules of merging, and other modules' references moving with a merge.
@Suite struct MergeTests {
    static func stored(_ contact: Contact, updated seconds: TimeInterval) -> Stored<Contact> {
        let record = StoredRecord(
            key: RecordKey(entity: "crm.contact", id: contact.id.rawValue), version: 1, payload: [], indexValues: [:],
            createdAt: Date(timeIntervalSince1970: 0), createdBy: Fixture.user,
            updatedAt: Date(timeIntervalSince1970: seconds), updatedBy: Fixture.user)
        return Stored(contact, record: record)
    }

    @Test func theNewestNonEmptyValueWinsUnlessTheCallerPicks() throws {
        var older = try Fixture.person("Ada", "Lovelace", emails: ["ada@example.com"])
        older.jobTitle = "Analyst"
        older.customFields = ["score": .integer(1), "plan": .text("gold")]
        older.doNotContactAtAll = true
        var newer = try Fixture.person("Ada", "King", emails: ["ada@home.example"], phones: ["020 7946 0018"])
        newer.customFields = ["score": .integer(2)]
        newer.tags = [try CRMCore.Tag("vip")]
        newer.birthday = try CalendarDay(year: 1815, month: 12, day: 10)
        let contacts = [Self.stored(older, updated: 10), Self.stored(newer, updated: 20)]

        let merged = ContactMerger.merged(contacts, survivor: older.id, picks: [:])
        #expect(merged.id == older.id)
        #expect(merged.name.familyName == "King")
        #expect(merged.jobTitle == "Analyst")
        #expect(merged.customFields == ["score": .integer(2), "plan": .text("gold")])
        #expect(merged.emails.map(\.value.address) == ["ada@example.com", "ada@home.example"])
        #expect(merged.emails.map(\.isPrimary) == [true, false])
        #expect(merged.phones.count == 1)
        #expect(merged.tags == [try CRMCore.Tag("vip")])
        #expect(merged.doNotContactAtAll)

        let picked = ContactMerger.merged(contacts, survivor: older.id, picks: [.name: older.id])
        #expect(picked.name.familyName == "Lovelace")
        #expect(ContactMerger.survivor(of: contacts, rule: .mostRecentlyUpdated).value.id == newer.id)
        #expect(ContactMerger.survivor(of: contacts, rule: .mostComplete).value.id == newer.id)
        #expect(ContactMerger.survivor(of: contacts, rule: .oldest).value.id == older.id)
    }

    @Test(arguments: Engines.allCases)
    func referencesOfOtherModulesMoveInTheSameTransaction(_ engines: Engines) async throws {
        let engine = try await engines.make()
        let deals = try EntitySchema(name: "test.deal", indexes: [IndexDefinition("contact")])
        try await engine.register([deals])
        let store = try await EngineContactStore(engine: engine, referenceMovers: [DealMover()])
        let ada = try await store.insert(try Fixture.person("Ada", "Lovelace"), by: Fixture.user).value
        let copy = try await store.insert(try Fixture.person("Ada", "Lovelace"), by: Fixture.user).value
        let deal = RecordKey(entity: "test.deal", id: Fixture.ids.next())
        _ = try await engine.commit(
            Transaction(
                principal: Fixture.user,
                operations: [.insert(deal, payload: [], indexValues: ["contact": .string(copy.id.description)])]))
        let before = try await engine.changes(after: 0, limit: 1_000).count

        let merge = try await store.merge(MergeRequest(contacts: [ada.id, copy.id]), by: Fixture.user)
        #expect(try await engine.read("test.deal", id: deal.id)?.value(of: "contact") == .string(ada.id.description))
        let changes = try await engine.changes(after: UInt64(before), limit: 1_000)
        #expect(Set(changes.map(\.committedAt)).count == 1, "one transaction")

        try await store.undoMerge(merge.value.id, by: Fixture.user)
        #expect(try await engine.read("test.deal", id: deal.id)?.value(of: "contact") == .string(copy.id.description))
        let missing = await #expect(throws: StorageError.self) {
            try await store.merge(MergeRequest(contacts: [ada.id, ID(Fixture.ids.next())]), by: Fixture.user)
        }
        #expect(missing?.code == .notFound)
    }
}

extension MergeTests {
    @Test(arguments: Engines.allCases)
    func anOrganizationMergeThatWouldMakeACycleIsRefused(_ engines: Engines) async throws {
        let store = try await engines.store()
        let top = try await store.insert(try Fixture.organization("Top"), by: Fixture.user).value
        let middle = try await store.insert(try Fixture.organization("Middle", parent: top.id), by: Fixture.user).value
        let bottom = try await store.insert(try Fixture.organization("Bottom", parent: middle.id), by: Fixture.user)
            .value
        // Merging Top into Bottom would hang Middle under Bottom while Bottom stays under Middle.
        let error = await #expect(throws: ValidationError.self) {
            try await store.mergeOrganizations([top.id, bottom.id], into: bottom.id, by: Fixture.user)
        }
        #expect(error?.issues.map(\.field) == ["parentID"])
        #expect(try await store.organization(top.id) != nil)
        #expect(try await store.ancestors(of: bottom.id).map(\.value.name) == ["Middle", "Top"])
    }
}

/// A module of deals that points at contacts, moving its references when contacts merge.
struct DealMover: ContactReferenceMover {
    func operations(merging merged: [ID<Contact>], into survivor: ID<Contact>, engine: any StorageEngine) async throws
        -> [WriteOperation]
    {
        try await retarget(from: merged, to: survivor, engine: engine)
    }

    func operations(undoing record: MergeRecord, engine: any StorageEngine) async throws -> [WriteOperation] {
        // The test's deal belonged to the one merged contact.
        try await retarget(from: [record.survivorID], to: record.merged[0].id, engine: engine)
    }

    private func retarget(from old: [ID<Contact>], to new: ID<Contact>, engine: any StorageEngine) async throws
        -> [WriteOperation]
    {
        var operations: [WriteOperation] = []
        for id in old {
            let deals = try await engine.queryAll(
                RecordQuery(entity: "test.deal", filters: [.equals("contact", .string(id.description))]))
            operations += deals.map {
                .update(
                    $0.key, payload: $0.payload, indexValues: ["contact": .string(new.description)],
                    expectedVersion: $0.version)
            }
        }
        return operations
    }
}
