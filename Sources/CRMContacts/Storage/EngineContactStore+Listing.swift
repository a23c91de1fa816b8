public import CRMCore

extension EngineContactStore {
    /// Every contact, in the order of their ids (which is the order they were created in).
    public func allContacts() async throws -> [Stored<Contact>] {
        try await engine.queryAll(RecordQuery(entity: ContactEntities.contact)).map(Self.contact(from:))
    }

    /// Every organization, in the order of their ids.
    public func allOrganizations() async throws -> [Stored<Organization>] {
        try await engine.queryAll(RecordQuery(entity: ContactEntities.organization)).map(Self.organization(from:))
    }
}
