import CRMContacts
import CRMCore

extension ContactStoreConformance {
    /// Contacts are stored with their primary values, versions catch concurrent changes, and an invalid or
    /// stale write changes nothing.
    public func checkContacts() async throws {
        let expect = Expect(area: "contacts")
        let store = try await makeStore()
        let ada = try ContactKit.person("Ada", "Lovelace", emails: ["ada@example.com", "ada@home.example"])
        let saved = try await store.insert(ada, by: ContactKit.user)
        try expect.equal(saved.version, 1, "a new contact has version 1")
        try expect.equal(saved.value.primaryEmail?.address, "ada@example.com", "the first email becomes primary")
        try expect.equal(try await store.contact(ada.id)?.value, saved.value, "a contact reads back as stored")

        var changed = saved.value
        changed.jobTitle = "Analyst"
        let updated = try await store.update(changed, expectedVersion: 1, by: ContactKit.user)
        try expect.equal(updated.version, 2, "an update raises the version")
        var stale = changed
        stale.jobTitle = "Engineer"
        try await expect.error(.conflict, "an update from a stale version is refused") {
            try await store.update(stale, expectedVersion: 1, by: ContactKit.user)
        }
        try expect.equal(try await store.contact(ada.id)?.value.jobTitle, "Analyst", "a refused update changes nothing")

        var bad = try ContactKit.person("Bad", "Input")
        bad.emails = [
            LabeledValue(try EmailAddress("a@example.com"), isPrimary: true),
            LabeledValue(try EmailAddress("A@Example.com"), isPrimary: true),
        ]
        bad.jobTitle = String(repeating: "x", count: 201)
        try await expect.invalid(["emails", "jobTitle"], "an invalid contact names every bad field") {
            try await store.insert(bad, by: ContactKit.user)
        }
        try expect.equal(try await store.contact(bad.id) == nil, true, "an invalid contact is not stored")
        var orphan = try ContactKit.person("Orphan", "Contact")
        orphan.organizationID = ID(ContactKit.ids.next())
        try await expect.invalid(["organizationID"], "a contact of a missing organization is refused") {
            try await store.insert(orphan, by: ContactKit.user)
        }

        try await store.deleteContact(ada.id, expectedVersion: 2, by: ContactKit.user)
        try expect.equal(try await store.contact(ada.id) == nil, true, "a deleted contact is gone")
        try expect.equal(
            try await store.contacts(withEmail: try EmailAddress("ada@example.com")).count, 0,
            "a deleted contact is not found by its email")
    }

    /// Every lookup finds exactly the contacts it should, and follows updates.
    public func checkLookups() async throws {
        let expect = Expect(area: "lookups")
        let store = try await makeStore()
        let acme = try await store.insert(try ContactKit.organization("Acme"), by: ContactKit.user).value
        var zoe = try ContactKit.person(
            "Zoë", "Ångström", emails: ["Zoe.Angstrom@Example.com"], phones: ["020 7946 0001"])
        zoe.tags = [try CRMCore.Tag("VIP")]
        zoe.externalIDs = [try ExternalID(system: "shop", value: "C-17")]
        zoe.organizationID = acme.id
        let zoltan = try ContactKit.person("Zoltan", "Berg", emails: ["zb@example.com"])
        let saved = try await store.insert(zoe, by: ContactKit.user)
        _ = try await store.insert(zoltan, by: ContactKit.user)

        let ids = { (found: [Stored<Contact>]) in found.map(\.value.id) }
        try expect.equal(
            ids(try await store.contacts(withEmail: try EmailAddress("zoe.angstrom@example.COM"))), [zoe.id],
            "email lookup ignores the case of the address")
        try expect.equal(
            ids(try await store.contacts(withPhone: try PhoneNumber("+44 20 7946 0001"))), [zoe.id],
            "phone lookup matches the E.164 number")
        try expect.equal(
            ids(try await store.contacts(withExternalID: try ExternalID(system: "shop", value: "C-17"))), [zoe.id],
            "external id lookup")
        try expect.equal(
            ids(try await store.contacts(taggedWith: try CRMCore.Tag("vip"))), [zoe.id], "tag lookup ignores case")
        try expect.equal(ids(try await store.contacts(in: acme.id)), [zoe.id], "contacts of an organization")
        for (text, expected) in [("ANGS", [zoe.id]), ("zo", [zoe.id, zoltan.id]), ("zoe ang", [zoe.id]), ("  ", [])] {
            try expect.equal(
                ids(try await store.searchContacts(name: text, limit: 10)), expected,
                "name search ignores case and diacritics, ordered by name", input: "\"\(text)\"")
        }
        try expect.equal(try await store.searchContacts(name: "zo", limit: 1).count, 1, "name search keeps its limit")

        var moved = saved.value
        moved.emails = [LabeledValue(try EmailAddress("zoe@new.example"))]
        moved.tags = []
        _ = try await store.update(moved, expectedVersion: saved.version, by: ContactKit.user)
        try expect.equal(
            ids(try await store.contacts(withEmail: try EmailAddress("zoe.angstrom@example.com"))), [],
            "an email removed by an update is no longer found")
        try expect.equal(
            ids(try await store.contacts(withEmail: try EmailAddress("zoe@new.example"))), [zoe.id],
            "an email added by an update is found")
        try expect.equal(
            ids(try await store.contacts(taggedWith: try CRMCore.Tag("vip"))), [], "a removed tag is not found")
    }

    /// Organizations form a hierarchy without cycles or missing parents.
    public func checkOrganizations() async throws {
        let expect = Expect(area: "organizations")
        let store = try await makeStore()
        let group = try await store.insert(try ContactKit.organization("Group"), by: ContactKit.user)
        let division = try await store.insert(
            try ContactKit.organization("Division", parent: group.value.id), by: ContactKit.user)
        let team = try await store.insert(
            try ContactKit.organization("Team", parent: division.value.id), by: ContactKit.user)
        try expect.equal(
            try await store.ancestors(of: team.value.id).map(\.value.name), ["Division", "Group"],
            "ancestors, nearest first")
        try expect.equal(
            try await store.suborganizations(of: group.value.id).map(\.value.name), ["Division"], "suborganizations")
        var cyclic = group.value
        cyclic.parentID = team.value.id
        try await expect.invalid(["parentID"], "a parent that would make a cycle is refused") {
            try await store.update(cyclic, expectedVersion: group.version, by: ContactKit.user)
        }
        try expect.equal(
            try await store.organization(group.value.id)?.value.parentID == nil, true,
            "a refused parent changes nothing")
        try await expect.invalid(["parentID"], "a missing parent is refused") {
            try await store.insert(
                try ContactKit.organization("Stray", parent: ID(ContactKit.ids.next())), by: ContactKit.user)
        }
        var domained = try ContactKit.organization("Example Ltd")
        domained.domain = "example.com"
        _ = try await store.insert(domained, by: ContactKit.user)
        try expect.equal(
            try await store.organizations(withDomain: "EXAMPLE.com").map(\.value.id), [domained.id],
            "organizations by domain, in any case")
    }
}
