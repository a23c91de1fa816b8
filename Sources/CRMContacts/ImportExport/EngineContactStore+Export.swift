public import CRMCore
public import Foundation

extension EngineContactStore {
    /// The CSV columns of an export, in order; custom fields follow as `custom.<name>`.
    static let exportColumns: [String] = [
        "id", "givenName", "middleName", "familyName", "email", "phone", "street", "locality", "region", "postalCode",
        "country", "birthday", "jobTitle", "organization", "externalID", "tags",
    ]

    /// Every contact as CSV (RFC 4180, CRLF, formula injection neutralized; see ``CSV/write(_:)``): the
    /// primary email and phone, the first address, tags joined by `;`, one `custom.<name>` column per
    /// custom field in use. The header names are importable field names.
    public func exportCSV() async throws -> String {
        let contacts = try await engine.queryAll(RecordQuery(entity: ContactEntities.contact)).map(Self.contact(from:))
        let organizations = try await engine.queryAll(RecordQuery(entity: ContactEntities.organization))
            .reduce(into: [ID<Organization>: String]()) { names, record in
                let organization = try ContactEntities.organizationCoder.decode(record)
                names[organization.id] = organization.name
            }
        let customNames = Set(contacts.flatMap(\.value.customFields.keys)).sorted()
        var rows = [Self.exportColumns + customNames.map { "custom.\($0)" }]
        for stored in contacts {
            let contact = stored.value
            let address = contact.addresses.first
            let street: String = address?.streetLines.joined(separator: ", ") ?? ""
            let organization: String = contact.organizationID.flatMap { organizations[$0] } ?? ""
            let externalIDs: String = contact.externalIDs.map(\.description).sorted().joined(separator: ";")
            let tags: String = contact.tags.map(\.name).sorted().joined(separator: ";")
            var row: [String] = [contact.id.description, contact.name.givenName, contact.name.middleName]
            row += [contact.name.familyName, contact.primaryEmail?.address ?? "", contact.primaryPhone?.e164 ?? ""]
            row += [street, address?.locality ?? "", address?.region ?? "", address?.postalCode ?? ""]
            row += [address?.countryCode ?? "", contact.birthday?.description ?? "", contact.jobTitle, organization]
            row += [externalIDs, tags]
            row += customNames.map { name in contact.customFields[name].map(Self.text) ?? "" }
            rows.append(row)
        }
        return CSV.write(rows)
    }

    /// Every organization and contact as a versioned JSON document (see ``ContactsDocument``).
    public func exportDocument() async throws -> Data {
        let organizations = try await engine.queryAll(RecordQuery(entity: ContactEntities.organization))
            .map { try ContactEntities.organizationCoder.decode($0) }
        let contacts = try await engine.queryAll(RecordQuery(entity: ContactEntities.contact))
            .map { try ContactEntities.contactCoder.decode($0) }
        return try Self.jsonEncoder.encode(
            ContactsDocument(organizations: Self.parentsFirst(organizations), contacts: contacts))
    }

    /// Reads a document made by ``exportDocument()`` in one transaction: records are matched by id, new
    /// ones inserted, changed ones replaced. Returns how many records were written.
    @discardableResult
    public func importDocument(_ data: Data, by principal: Principal) async throws -> Int {
        let document: ContactsDocument
        do {
            document = try JSONDecoder().decode(ContactsDocument.self, from: data)
        } catch {
            throw ValidationError(
                subject: "ContactsDocument", field: "data", reason: "is not a contacts document: \(error)")
        }
        guard document.format == ContactsDocument.formatName, document.version <= ContactsDocument.currentVersion else {
            throw ValidationError(
                subject: "ContactsDocument", field: "version",
                reason:
                    "\(document.format) version \(document.version) is not readable by this build (reads \(ContactsDocument.formatName) up to \(ContactsDocument.currentVersion))"
            )
        }
        var operations: [WriteOperation] = []
        var written = 0
        for organization in document.organizations {
            let organization = try organization.validated()
            let current = try await self.organization(organization.id)
            guard current?.value != organization else { continue }
            let key = ContactEntities.key(organization.id)
            let payload = try ContactEntities.organizationCoder.encode(organization)
            let values = ContactEntities.indexValues(of: organization)
            operations.append(
                current.map { .update(key, payload: payload, indexValues: values, expectedVersion: $0.version) }
                    ?? .insert(key, payload: payload, indexValues: values))
            operations += LookupKey.changes(
                from: current.map { ContactEntities.lookupKeys(of: $0.value) } ?? [],
                to: ContactEntities.lookupKeys(of: organization))
            written += 1
        }
        for contact in document.contacts {
            let contact = try contact.validated()
            let current = try await self.contact(contact.id)
            guard current?.value != contact else { continue }
            operations += try contactWrites(from: current?.value, to: contact, expectedVersion: current?.version)
            written += 1
        }
        if !operations.isEmpty {
            _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        }
        return written
    }

    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func parentsFirst(_ organizations: [Organization]) -> [Organization] {
        var placed = Set<ID<Organization>>()
        var remaining = organizations.sorted { $0.id < $1.id }
        var ordered: [Organization] = []
        while !remaining.isEmpty {
            let waiting = Set(remaining.map(\.id))
            let ready = remaining.filter { organization in
                guard let parent = organization.parentID else { return true }
                return placed.contains(parent) || !waiting.contains(parent)
            }
            let next = ready.isEmpty ? remaining : ready
            ordered += next
            placed.formUnion(next.map(\.id))
            remaining.removeAll { placed.contains($0.id) }
        }
        return ordered
    }

    private static func text(_ value: CustomFieldValue) -> String {
        switch value {
        case .text(let text), .choice(let text): text
        case .integer(let number): String(number)
        case .decimal(let number): "\(number)"
        case .boolean(let flag): flag ? "true" : "false"
        case .date(let date): date.formatted(.iso8601)
        case .money(let money): "\(money.amount) \(money.currency)"
        case .multiChoice(let options): options.joined(separator: ";")
        case .reference(let entity, let id): "\(entity)/\(id)"
        }
    }
}
