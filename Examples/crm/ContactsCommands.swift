import CRMContacts
import CRMCore
import Foundation

/// `crm contacts …`: the people and organizations of the store.
enum ContactsCommands {
    static func run(_ arguments: inout CommandLineArguments, store: String) async throws {
        let command = arguments.next()
        if Help.shown(for: ["contacts", command], &arguments) { return }
        let json = arguments.flag("json")
        switch command {
        case "add":
            let request = try NewContact(&arguments)
            try arguments.finish()
            try await Workspace.with(store) { try await add(request, in: $0, json: json) }
        case "list":
            try arguments.finish()
            try await Workspace.with(store) { try await list(try await $0.contacts.allContacts(), in: $0, json: json) }
        case "show":
            let id = try contactID(try arguments.required("a contact id"))
            try arguments.finish()
            try await Workspace.with(store) { try await show(id, in: $0, json: json) }
        case "search":
            let text = try arguments.required("the text to search for")
            try arguments.finish()
            try await Workspace.with(store) {
                try await list(try await $0.contacts.searchContacts(name: text, limit: 50), in: $0, json: json)
            }
        case "import":
            let request = try ImportRequest(&arguments)
            try arguments.finish()
            try await Workspace.with(store) { try await request.run(in: $0, json: json) }
        case "export":
            try arguments.finish()
            try await Workspace.with(store) { workspace in
                if json {
                    print(String(decoding: try await workspace.contacts.exportDocument(), as: UTF8.self))
                } else {
                    print(try await workspace.contacts.exportCSV(), terminator: "")
                }
            }
        case "duplicates":
            try arguments.finish()
            try await Workspace.with(store) { try await duplicates(in: $0, json: json) }
        case "merge":
            let survivor = try contactID(try arguments.required("the surviving contact's id"))
            let duplicate = try contactID(try arguments.required("the duplicate contact's id"))
            try arguments.finish()
            try await Workspace.with(store) { workspace in
                let record = try await workspace.contacts.merge(
                    MergeRequest(contacts: [survivor, duplicate], survivor: .chosen(survivor)), by: workspace.principal)
                print("Merged \(duplicate) into \(survivor) (merge \(record.value.id), undoable)")
            }
        default:
            throw UsageError("unknown command \"contacts \(command ?? "")\"")
        }
    }

    /// The id `text`, or a usage error.
    static func contactID(_ text: String) throws(UsageError) -> ID<Contact> {
        guard let id = try? ID<Contact>(text) else { throw UsageError("\"\(text)\" is not a contact id") }
        return id
    }

    /// A contact as `--json` lists it.
    struct ContactRow: Encodable {
        let id: String
        let name: String
        let email: String?
        let phone: String?
        let organization: String?
        let stage: String
    }

    static func rows(_ contacts: [Stored<Contact>], in workspace: Workspace) async throws -> [ContactRow] {
        let organizations = Dictionary(
            try await workspace.contacts.allOrganizations().map { ($0.value.id, $0.value.name) },
            uniquingKeysWith: { first, _ in first })
        return contacts.map(\.value).map { contact in
            ContactRow(
                id: contact.id.description, name: contact.name.displayName, email: contact.primaryEmail?.address,
                phone: contact.primaryPhone?.e164, organization: contact.organizationID.flatMap { organizations[$0] },
                stage: contact.lifecycleStage.description)
        }
    }

    static func list(_ contacts: [Stored<Contact>], in workspace: Workspace, json: Bool) async throws {
        let rows = try await rows(contacts, in: workspace)
        if json { return try printJSON(rows) }
        var table = TextTable([.text("Id"), .text("Name"), .text("Email"), .text("Organization")])
        for row in rows { table.add([row.id, row.name, row.email ?? "", row.organization ?? ""]) }
        table.print()
        print("\(rows.count) contact\(rows.count == 1 ? "" : "s")")
    }

    static func show(_ id: ID<Contact>, in workspace: Workspace, json: Bool) async throws {
        guard let stored = try await workspace.contacts.contact(id) else {
            throw CommandFailure("no contact \(id) in \(workspace.directory)")
        }
        if json { return try printJSON(stored.value) }
        let contact = stored.value
        var organization = ""
        if let id = contact.organizationID {
            organization = try await workspace.contacts.organization(id)?.value.name ?? ""
        }
        print(contact.name.displayName)
        for (label, value) in [
            ("id", contact.id.description), ("stage", contact.lifecycleStage.description),
            ("job title", contact.jobTitle), ("organization", organization),
            ("emails", contact.emails.map(\.value.address).joined(separator: ", ")),
            ("phones", contact.phones.map(\.value.e164).joined(separator: ", ")),
            ("tags", contact.tags.map(\.name).sorted().joined(separator: ", ")),
            ("version", "\(stored.version), updated \(stored.updatedAt.formatted(.iso8601))"),
        ] where !value.isEmpty {
            print("  \(label.padding(toLength: 13, withPad: " ", startingAt: 0))\(value)")
        }
    }

    /// One group of `duplicates --json`.
    struct DuplicateGroupRow: Encodable {
        struct Member: Encodable {
            let id: String
            let externalID: String?
        }
        let score: Double
        let contacts: [Member]
    }

    static func duplicates(in workspace: Workspace, json: Bool) async throws {
        let contacts = try await workspace.contacts.allContacts().map(\.value)
        let byID = Dictionary(contacts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let groups = DuplicateDetector().groups(in: contacts).map { group in
            DuplicateGroupRow(
                score: group.score,
                contacts: group.members.map { id in
                    DuplicateGroupRow.Member(
                        id: id.description, externalID: byID[id]?.externalIDs.map(\.value).sorted().first)
                })
        }
        if json { return try printJSON(groups) }
        for (number, group) in groups.enumerated() {
            print("Group \(number + 1), score \(decimal(group.score)):")
            for member in group.contacts {
                let name = (try? ID<Contact>(member.id)).flatMap { byID[$0]?.name.displayName } ?? ""
                print("  \(member.id)  \(name)")
            }
        }
        print("\(groups.count) group\(groups.count == 1 ? "" : "s") of likely duplicates")
    }

    static func add(_ request: NewContact, in workspace: Workspace, json: Bool) async throws {
        var contact = try request.contact(id: ID(ULIDGenerator().next()))
        if let name = request.organization {
            let existing = try await workspace.contacts.allOrganizations().first { $0.value.name == name }
            if let existing {
                contact.organizationID = existing.value.id
            } else {
                let organization = try Organization(id: ID(ULIDGenerator().next()), name: name)
                contact.organizationID = try await workspace.contacts.insert(organization, by: workspace.principal)
                    .value.id
            }
        }
        let stored = try await workspace.contacts.insert(contact, by: workspace.principal)
        if json { return try printJSON(stored.value) }
        print("Added \(stored.value.name.displayName) as \(stored.value.id)")
    }
}

/// The fields of `contacts add`.
struct NewContact {
    let given: String
    let family: String
    let email: String?
    let phone: String?
    let region: String?
    let organization: String?

    init(_ arguments: inout CommandLineArguments) throws(UsageError) {
        given = try arguments.required(option: "given")
        family = try arguments.required(option: "family")
        email = arguments.option("email")
        phone = arguments.option("phone")
        region = arguments.option("region")
        organization = arguments.option("organization")
    }

    /// The contact, validated; a bad field is a failure that names it.
    func contact(id: ID<Contact>) throws -> Contact {
        try Contact(
            id: id, name: try PersonName(givenName: given, familyName: family),
            emails: try email.map { [LabeledValue(try EmailAddress($0), isPrimary: true)] } ?? [],
            phones: try phone.map { [LabeledValue(try PhoneNumber($0, defaultRegion: region), isPrimary: true)] } ?? [])
    }
}
