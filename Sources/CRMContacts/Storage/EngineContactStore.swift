public import CRMCore

/// The ``ContactStore`` over any `StorageEngine`: the in-memory, file and SQL engines work out of the box.
///
/// ```swift
/// let store = try await EngineContactStore(engine: try await FileEngine.open(at: path))
/// let saved = try await store.insert(ada, by: user)
/// let found = try await store.contacts(withEmail: try EmailAddress("ADA@example.com"))
/// ```
///
/// Each write is one engine transaction: the record and its lookup records (emails, phones, tags, external
/// ids) change together or not at all.
public struct EngineContactStore: ContactStore {
    /// The engine the store writes to.
    public let engine: any StorageEngine
    /// Other modules' movers of contact references, run inside every merge and undo.
    public let referenceMovers: [any ContactReferenceMover]
    /// The source of ids for records the store creates itself (merge records).
    public let ids: any IDGenerator

    /// Creates the store and registers its schemas with `engine`.
    public init(
        engine: any StorageEngine, referenceMovers: [any ContactReferenceMover] = [],
        ids: any IDGenerator = ULIDGenerator()
    ) async throws {
        self.engine = engine
        self.referenceMovers = referenceMovers
        self.ids = ids
        try await engine.register(ContactEntities.schemas)
    }

    // MARK: Contacts

    /// Stores a new contact and its lookup records in one transaction.
    public func insert(_ contact: Contact, by principal: Principal) async throws -> Stored<Contact> {
        let contact = try contact.validated()
        try await requireOrganization(contact.organizationID, for: contact)
        let operations = try contactWrites(from: nil, to: contact, expectedVersion: nil)
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        return try await self.contact(contact.id)!
    }

    /// Replaces a contact and moves its lookup records, if it is still at `expectedVersion`.
    public func update(_ contact: Contact, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Contact>
    {
        let contact = try contact.validated()
        let current = try await existing(contact.id, expectedVersion: expectedVersion)
        if contact.organizationID != current.value.organizationID {
            try await requireOrganization(contact.organizationID, for: contact)
        }
        let operations = try contactWrites(from: current.value, to: contact, expectedVersion: expectedVersion)
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        return try await self.contact(contact.id)!
    }

    /// Removes a contact and its lookup records.
    public func deleteContact(_ id: ID<Contact>, expectedVersion: UInt64?, by principal: Principal) async throws {
        let current = try await existing(id, expectedVersion: expectedVersion)
        let operations = try contactWrites(from: current.value, to: nil, expectedVersion: current.version)
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
    }

    /// The contact with `id`, or `nil`.
    public func contact(_ id: ID<Contact>) async throws -> Stored<Contact>? {
        try await engine.read(ContactEntities.contact, id: id.rawValue).map(Self.contact(from:))
    }

    /// The contacts with `email` among their addresses.
    public func contacts(withEmail email: EmailAddress) async throws -> [Stored<Contact>] {
        try await contacts(withLookup: "email", email.matchingKey)
    }

    /// The contacts with `phone` among their numbers.
    public func contacts(withPhone phone: PhoneNumber) async throws -> [Stored<Contact>] {
        try await contacts(withLookup: "phone", phone.e164)
    }

    /// The contacts that carry `externalID`.
    public func contacts(withExternalID externalID: ExternalID) async throws -> [Stored<Contact>] {
        try await contacts(withLookup: "ext", externalID.description)
    }

    /// The contacts tagged `tag`.
    public func contacts(taggedWith tag: CRMCore.Tag) async throws -> [Stored<Contact>] {
        try await contacts(withLookup: "tag", tag.key)
    }

    /// The contacts of an organization, by name.
    public func contacts(in organization: ID<Organization>) async throws -> [Stored<Contact>] {
        let records = try await engine.queryAll(
            RecordQuery(
                entity: ContactEntities.contact, filters: [.equals("organization", .string(organization.description))],
                sort: [SortKey("nameKey")]))
        return try records.map(Self.contact(from:))
    }

    /// Contacts whose given, family or full name starts with `text`, folded; by name.
    public func searchContacts(name text: String, limit: Int) async throws -> [Stored<Contact>] {
        let prefix = SearchKey.fold(text)
        guard !prefix.isEmpty, limit > 0 else { return [] }
        var found: [RecordID: StoredRecord] = [:]
        for field in ["familyKey", "givenKey", "nameKey"] {
            let page = try await engine.query(
                RecordQuery(
                    entity: ContactEntities.contact, filters: [.prefix(field, prefix)], sort: [SortKey(field)],
                    limit: limit))
            for record in page.records { found[record.key.id] = record }
        }
        let ordered = found.values.sorted {
            ($0.value(of: "nameKey"), $0.key.id) < ($1.value(of: "nameKey"), $1.key.id)
        }
        return try ordered.prefix(limit).map(Self.contact(from:))
    }

    // MARK: Organizations

    /// Stores a new organization; its parent must exist.
    public func insert(_ organization: Organization, by principal: Principal) async throws -> Stored<Organization> {
        let organization = try organization.validated()
        if let parent = organization.parentID, try await self.organization(parent) == nil {
            throw ValidationError(
                subject: "Organization", field: "parentID", reason: "no such organization", value: parent.description)
        }
        let operations = try organizationWrites(from: nil, to: organization, expectedVersion: nil)
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        return try await self.organization(organization.id)!
    }

    /// Replaces an organization, refusing a parent that would make a cycle.
    public func update(_ organization: Organization, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Organization>
    {
        let organization = try organization.validated()
        guard let current = try await self.organization(organization.id) else {
            throw StorageError(.notFound, key: ContactEntities.key(organization.id), message: "no such organization")
        }
        if organization.parentID != current.value.parentID { try await checkHierarchy(of: organization) }
        let operations = try organizationWrites(from: current.value, to: organization, expectedVersion: expectedVersion)
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        return try await self.organization(organization.id)!
    }

    /// The organization with `id`, or `nil`.
    public func organization(_ id: ID<Organization>) async throws -> Stored<Organization>? {
        try await engine.read(ContactEntities.organization, id: id.rawValue).map(Self.organization(from:))
    }

    /// The organizations with web domain `domain` (any case).
    public func organizations(withDomain domain: String) async throws -> [Stored<Organization>] {
        try await organizations(where: .equals("domain", .string(domain.lowercased())))
    }

    /// The organizations whose parent is `id`, by name.
    public func suborganizations(of id: ID<Organization>) async throws -> [Stored<Organization>] {
        try await organizations(where: .equals("parent", .string(id.description)))
    }

    // MARK: Helpers

    /// The writes that take an organization from `old` to `new` (`nil` for none), with its lookup records.
    package func organizationWrites(from old: Organization?, to new: Organization?, expectedVersion: UInt64?) throws
        -> [WriteOperation]
    {
        guard let id = (new ?? old)?.id else { return [] }
        let key = ContactEntities.key(id)
        let write: WriteOperation
        if let new {
            let payload = try ContactEntities.organizationCoder.encode(new)
            let values = ContactEntities.indexValues(of: new)
            write =
                old == nil
                ? .insert(key, payload: payload, indexValues: values)
                : .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
        } else {
            write = .delete(key, expectedVersion: expectedVersion)
        }
        return [write]
            + LookupKey.changes(
                from: old.map(ContactEntities.lookupKeys(of:)) ?? [], to: new.map(ContactEntities.lookupKeys(of:)) ?? []
            )
    }

    /// The writes that take a contact from `old` to `new` (`nil` for none), with its lookup records.
    package func contactWrites(from old: Contact?, to new: Contact?, expectedVersion: UInt64?) throws
        -> [WriteOperation]
    {
        guard let id = (new ?? old)?.id else { return [] }
        let key = ContactEntities.key(id)
        let write: WriteOperation
        if let new {
            let payload = try ContactEntities.contactCoder.encode(new)
            write =
                old == nil
                ? .insert(key, payload: payload, indexValues: ContactEntities.indexValues(of: new))
                : .update(
                    key, payload: payload, indexValues: ContactEntities.indexValues(of: new),
                    expectedVersion: expectedVersion)
        } else {
            write = .delete(key, expectedVersion: expectedVersion)
        }
        return [write]
            + LookupKey.changes(
                from: old.map(ContactEntities.lookupKeys(of:)) ?? [], to: new.map(ContactEntities.lookupKeys(of:)) ?? []
            )
    }

    package func organizations(where filter: QueryFilter) async throws -> [Stored<Organization>] {
        let records = try await engine.queryAll(
            RecordQuery(entity: ContactEntities.organization, filters: [filter], sort: [SortKey("nameKey")]))
        return try records.map(Self.organization(from:))
    }

    /// Refuses a parent that is missing or that has `organization` among its own ancestors.
    private func checkHierarchy(of organization: Organization) async throws {
        var next = organization.parentID
        var depth = 0
        while let parent = next {
            guard parent != organization.id else {
                throw ValidationError(
                    subject: "Organization", field: "parentID",
                    reason: "would make a cycle: the organization is an ancestor of its new parent",
                    value: organization.parentID?.description)
            }
            guard let found = try await self.organization(parent) else {
                throw ValidationError(
                    subject: "Organization", field: "parentID", reason: "no such organization",
                    value: parent.description)
            }
            depth += 1
            guard depth < ContactRules.maximumHierarchyDepth else {
                throw ValidationError(
                    subject: "Organization", field: "parentID",
                    reason: "the hierarchy would be deeper than \(ContactRules.maximumHierarchyDepth) levels")
            }
            next = found.value.parentID
        }
    }

    private func requireOrganization(_ id: ID<Organization>?, for contact: Contact) async throws {
        guard let id, try await organization(id) == nil else { return }
        throw ValidationError(
            subject: "Contact", field: "organizationID", reason: "no such organization", value: id.description)
    }

    private func existing(_ id: ID<Contact>, expectedVersion: UInt64?) async throws -> Stored<Contact> {
        guard let current = try await contact(id) else {
            throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such contact")
        }
        if let expectedVersion, expectedVersion != current.version {
            throw StorageError(
                .conflict, key: ContactEntities.key(id),
                message: "expected version \(expectedVersion), found \(current.version); reread and retry")
        }
        return current
    }

    private func contacts(withLookup kind: String, _ value: String) async throws -> [Stored<Contact>] {
        let owners = try await owners(of: ContactEntities.contact, kind: kind, value: value)
        return try await engine.read(ContactEntities.contact, ids: owners).map(Self.contact(from:))
    }

    /// The ids of the records of `entity` that have the lookup key `kind:value`.
    func owners(of entity: String, kind: String, value: String) async throws -> [RecordID] {
        try await engine.queryAll(LookupKey.query("\(entity)/\(kind):\(value)")).map { record in
            guard case .string(let owner) = record.value(of: "owner"), let id = try? RecordID(owner) else {
                throw StorageError(
                    .corrupted, key: record.key, field: "owner", message: "a lookup record has no owner id")
            }
            return id
        }
    }

    static func contact(from record: StoredRecord) throws -> Stored<Contact> {
        Stored(try ContactEntities.contactCoder.decode(record), record: record)
    }

    static func organization(from record: StoredRecord) throws -> Stored<Organization> {
        Stored(try ContactEntities.organizationCoder.decode(record), record: record)
    }
}
