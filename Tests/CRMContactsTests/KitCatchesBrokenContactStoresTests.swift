import CRMContacts
import CRMCore
import CRMStorageTesting
import Foundation
import Testing

/// The contacts kit fails stores that break a rule, so passing it means something.
@Suite struct KitCatchesBrokenContactStoresTests {
    @Test func aStoreThatSendsMarketingWithoutConsentFails() async throws {
        let kit = ContactStoreConformance(makeStore: {
            BrokenContactStore(base: try await Engines.inMemory.store(), defect: .ignoresConsent)
        })
        await #expect(throws: ConformanceFailure.self) { try await kit.check(.interactionsAndConsent) }
    }

    @Test func aStoreWhoseSearchMindsDiacriticsFails() async throws {
        let kit = ContactStoreConformance(makeStore: {
            BrokenContactStore(base: try await Engines.inMemory.store(), defect: .literalSearch)
        })
        await #expect(throws: ConformanceFailure.self) { try await kit.check(.lookups) }
    }

    @Test func aStoreThatForgetsTheVersionCheckFails() async throws {
        let kit = ContactStoreConformance(makeStore: {
            BrokenContactStore(base: try await Engines.inMemory.store(), defect: .ignoresVersions)
        })
        await #expect(throws: ConformanceFailure.self) { try await kit.check(.contacts) }
    }
}

/// A contact store with one deliberate defect, delegating everything else to a correct store.
struct BrokenContactStore: ContactStore {
    enum Defect {
        case ignoresConsent
        case literalSearch
        case ignoresVersions
    }

    let base: EngineContactStore
    let defect: Defect

    func insert(_ contact: Contact, by principal: Principal) async throws -> Stored<Contact> {
        try await base.insert(contact, by: principal)
    }

    func update(_ contact: Contact, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Contact> {
        let version =
            defect == .ignoresVersions
            ? try await base.contact(contact.id)?.version ?? expectedVersion : expectedVersion
        return try await base.update(contact, expectedVersion: version, by: principal)
    }

    func deleteContact(_ id: ID<Contact>, expectedVersion: UInt64?, by principal: Principal) async throws {
        try await base.deleteContact(id, expectedVersion: expectedVersion, by: principal)
    }

    func contact(_ id: ID<Contact>) async throws -> Stored<Contact>? { try await base.contact(id) }

    func contacts(withEmail email: EmailAddress) async throws -> [Stored<Contact>] {
        try await base.contacts(withEmail: email)
    }

    func contacts(withPhone phone: PhoneNumber) async throws -> [Stored<Contact>] {
        try await base.contacts(withPhone: phone)
    }

    func contacts(withExternalID externalID: ExternalID) async throws -> [Stored<Contact>] {
        try await base.contacts(withExternalID: externalID)
    }

    func contacts(in organization: ID<Organization>) async throws -> [Stored<Contact>] {
        try await base.contacts(in: organization)
    }

    func contacts(taggedWith tag: CRMCore.Tag) async throws -> [Stored<Contact>] {
        try await base.contacts(taggedWith: tag)
    }

    func searchContacts(name text: String, limit: Int) async throws -> [Stored<Contact>] {
        let found = try await base.searchContacts(name: text, limit: limit)
        guard defect == .literalSearch else { return found }
        return found.filter { $0.value.name.displayName.lowercased().contains(text.lowercased()) }
    }

    func insert(_ organization: Organization, by principal: Principal) async throws -> Stored<Organization> {
        try await base.insert(organization, by: principal)
    }

    func update(_ organization: Organization, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Organization>
    {
        try await base.update(organization, expectedVersion: expectedVersion, by: principal)
    }

    func organization(_ id: ID<Organization>) async throws -> Stored<Organization>? { try await base.organization(id) }

    func organizations(withDomain domain: String) async throws -> [Stored<Organization>] {
        try await base.organizations(withDomain: domain)
    }

    func suborganizations(of id: ID<Organization>) async throws -> [Stored<Organization>] {
        try await base.suborganizations(of: id)
    }

    func record(_ interaction: Interaction, by principal: Principal) async throws -> Stored<Interaction> {
        var interaction = interaction
        if defect == .ignoresConsent { interaction.isMarketing = false }
        return try await base.record(interaction, by: principal)
    }

    func timeline(of contact: ID<Contact>) async throws -> [Stored<Interaction>] {
        try await base.timeline(of: contact)
    }

    func interactions(linkedTo record: RecordKey) async throws -> [Stored<Interaction>] {
        try await base.interactions(linkedTo: record)
    }

    func insert(_ followUp: FollowUp, by principal: Principal) async throws -> Stored<FollowUp> {
        try await base.insert(followUp, by: principal)
    }

    func update(_ followUp: FollowUp, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<FollowUp>
    {
        try await base.update(followUp, expectedVersion: expectedVersion, by: principal)
    }

    func followUp(_ id: ID<FollowUp>) async throws -> Stored<FollowUp>? { try await base.followUp(id) }

    func activeFollowUps(assignedTo assignee: Principal) async throws -> [Stored<FollowUp>] {
        try await base.activeFollowUps(assignedTo: assignee)
    }

    func overdueFollowUps(at now: Date) async throws -> [Stored<FollowUp>] { try await base.overdueFollowUps(at: now) }

    func record(_ consent: ConsentRecord, by principal: Principal) async throws -> Stored<ConsentRecord> {
        try await base.record(consent, by: principal)
    }

    func consentLedger(of contact: ID<Contact>) async throws -> ConsentLedger {
        try await base.consentLedger(of: contact)
    }

    func insert(_ segment: Segment, by principal: Principal) async throws -> Stored<Segment> {
        try await base.insert(segment, by: principal)
    }

    func update(_ segment: Segment, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Segment> {
        try await base.update(segment, expectedVersion: expectedVersion, by: principal)
    }

    func segment(_ id: ID<Segment>) async throws -> Stored<Segment>? { try await base.segment(id) }

    func members(of segment: ID<Segment>, at now: Date) async throws -> [Stored<Contact>] {
        try await base.members(of: segment, at: now)
    }

    func merge(_ request: MergeRequest, by principal: Principal) async throws -> Stored<MergeRecord> {
        try await base.merge(request, by: principal)
    }

    func undoMerge(_ id: ID<MergeRecord>, by principal: Principal) async throws {
        try await base.undoMerge(id, by: principal)
    }

    func mergeHistory(of contact: ID<Contact>) async throws -> [Stored<MergeRecord>] {
        try await base.mergeHistory(of: contact)
    }

    func mergeOrganizations(_ ids: [ID<Organization>], into survivor: ID<Organization>, by principal: Principal)
        async throws -> Stored<OrganizationMergeRecord>
    {
        try await base.mergeOrganizations(ids, into: survivor, by: principal)
    }

    func undoOrganizationMerge(_ id: ID<OrganizationMergeRecord>, by principal: Principal) async throws {
        try await base.undoOrganizationMerge(id, by: principal)
    }
}
