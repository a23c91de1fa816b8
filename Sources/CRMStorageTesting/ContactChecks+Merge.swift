import CRMContacts
import CRMCore
import Foundation

extension ContactStoreConformance {
    /// A merge combines contacts into the survivor and moves their timeline, follow-ups and consent; its
    /// lineage is kept; an undo restores everything, and is refused once the survivor has changed.
    public func checkMerge() async throws {
        let expect = Expect(area: "merge")
        let store = try await makeStore()
        var ada = try ContactKit.person("Ada", "Lovelace", emails: ["ada@example.com"])
        ada.tags = [try CRMCore.Tag("vip")]
        var copy = try ContactKit.person("Ada", "Lovelace", emails: ["ada@home.example"], phones: ["020 7946 0018"])
        copy.jobTitle = "Analyst"
        copy.doNotContact = [.sms]
        let saved = try await store.insert(ada, by: ContactKit.user)
        _ = try await store.insert(copy, by: ContactKit.user)
        let call = try await store.record(
            try ContactKit.interaction(.phone, with: [copy.id, ada.id]), by: ContactKit.user)
        let task = try FollowUp(id: ID(ContactKit.ids.next()), title: "Call back", contactID: copy.id)
        _ = try await store.insert(task, by: ContactKit.user)
        _ = try await store.record(try ContactKit.consent(copy.id, .granted, daysAgo: 1), by: ContactKit.user)

        try await expect.invalid(["contacts"], "a merge needs two different contacts") {
            try await store.merge(MergeRequest(contacts: [ada.id, ada.id]), by: ContactKit.user)
        }
        let merge = try await store.merge(MergeRequest(contacts: [copy.id, ada.id]), by: ContactKit.user)
        try expect.equal(merge.value.survivorID, ada.id, "the oldest contact survives by default")
        let survivor = try await store.contact(ada.id)
        try expect.equal(
            survivor?.value.emails.map(\.value.address), ["ada@example.com", "ada@home.example"],
            "emails are unioned, the survivor's primary first")
        try expect.equal(survivor?.value.emails.filter(\.isPrimary).count, 1, "one primary email remains")
        try expect.equal(survivor?.value.jobTitle, "Analyst", "a value only the merged contact had is kept")
        try expect.equal(survivor?.value.doNotContact, [.sms], "do-not-contact flags are unioned")
        try expect.equal(try await store.contact(copy.id) == nil, true, "the merged contact is gone")
        try expect.equal(
            try await store.contacts(withEmail: try EmailAddress("ada@home.example")).map(\.value.id), [ada.id],
            "the merged contact's email finds the survivor")
        try expect.equal(
            try await store.timeline(of: ada.id).first?.value.participants, [ada.id],
            "an interaction of both contacts now has the survivor once")
        try expect.equal(
            try await store.followUp(task.id)?.value.contactID, ada.id, "follow-ups move to the survivor")
        try expect.equal(
            try await store.consentLedger(of: ada.id).permits(.marketing, on: .email), true,
            "consent records move to the survivor")
        try expect.equal(
            try await store.mergeHistory(of: copy.id).map(\.value.id), [merge.value.id],
            "the lineage is found from a merged contact")

        try await store.undoMerge(merge.value.id, by: ContactKit.user)
        try expect.equal(try await store.contact(copy.id)?.value, copy, "an undo restores the merged contact")
        try expect.equal(try await store.contact(ada.id)?.value, saved.value, "an undo restores the survivor")
        try expect.equal(
            try await store.contacts(withEmail: try EmailAddress("ada@home.example")).map(\.value.id), [copy.id],
            "an undo restores the lookups")
        try expect.equal(
            try await store.timeline(of: copy.id).map(\.value), [call.value], "an undo moves interactions back")
        try expect.equal(try await store.followUp(task.id)?.value.contactID, copy.id, "an undo moves follow-ups back")
        try expect.equal(
            try await store.mergeHistory(of: ada.id).map(\.value.isUndone), [true], "the lineage records the undo")
        try await expect.invalid(["isUndone"], "a merge is undone once") {
            try await store.undoMerge(merge.value.id, by: ContactKit.user)
        }

        let again = try await store.merge(MergeRequest(contacts: [ada.id, copy.id]), by: ContactKit.user)
        var edited = try await store.contact(ada.id)!
        edited.value.jobTitle = "Mathematician"
        _ = try await store.update(edited.value, expectedVersion: edited.version, by: ContactKit.user)
        try await expect.error(.conflict, "an undo after the survivor changed is refused") {
            try await store.undoMerge(again.value.id, by: ContactKit.user)
        }
        try expect.equal(try await store.contact(copy.id) == nil, true, "a refused undo changes nothing")
    }
}

extension ContactStoreConformance {
    /// Merging organizations moves their contacts and suborganizations to the survivor; an undo moves them
    /// back.
    public func checkOrganizationMerge() async throws {
        let expect = Expect(area: "organizationMerge")
        let store = try await makeStore()
        var acme = try ContactKit.organization("Acme")
        acme.tags = [try CRMCore.Tag("key account")]
        let acmeSaved = try await store.insert(acme, by: ContactKit.user)
        var copy = try ContactKit.organization("ACME Ltd")
        copy.domain = "acme.example"
        _ = try await store.insert(copy, by: ContactKit.user)
        let branch = try await store.insert(
            try ContactKit.organization("Acme North", parent: copy.id), by: ContactKit.user)
        var worker = try ContactKit.person("Ada", "Lovelace")
        worker.organizationID = copy.id
        _ = try await store.insert(worker, by: ContactKit.user)

        try await expect.invalid(["ids"], "the survivor must be one of the merged organizations") {
            try await store.mergeOrganizations([copy.id, branch.value.id], into: acme.id, by: ContactKit.user)
        }
        let merge = try await store.mergeOrganizations([acme.id, copy.id], into: acme.id, by: ContactKit.user)
        let survivor = try await store.organization(acme.id)
        try expect.equal(survivor?.value.domain, "acme.example", "a value only the merged organization had is kept")
        try expect.equal(survivor?.value.tags.count, 1, "tags are unioned")
        try expect.equal(try await store.organization(copy.id) == nil, true, "the merged organization is gone")
        try expect.equal(
            try await store.contacts(in: acme.id).map(\.value.id), [worker.id], "contacts move to the survivor")
        try expect.equal(
            try await store.suborganizations(of: acme.id).map(\.value.id), [branch.value.id],
            "suborganizations move to the survivor")

        try await store.undoOrganizationMerge(merge.value.id, by: ContactKit.user)
        try expect.equal(try await store.organization(acme.id)?.value, acmeSaved.value, "an undo restores the survivor")
        try expect.equal(
            try await store.contacts(in: copy.id).map(\.value.id), [worker.id], "an undo moves contacts back")
        try expect.equal(
            try await store.suborganizations(of: copy.id).map(\.value.id), [branch.value.id],
            "an undo moves children back")
    }
}
