import CRMContacts
import CRMCore
import Foundation

extension ContactStoreConformance {
    /// The timeline lists a contact's interactions newest first; marketing needs consent on its channel and
    /// respects do-not-contact flags; consent history is kept.
    public func checkInteractionsAndConsent() async throws {
        let expect = Expect(area: "interactionsAndConsent")
        let store = try await makeStore()
        let ada = try await store.insert(try ContactKit.person("Ada", "Lovelace"), by: ContactKit.user).value
        let alan = try await store.insert(try ContactKit.person("Alan", "Turing"), by: ContactKit.user).value
        let deal = RecordKey(entity: "crm.opportunity", id: ContactKit.ids.next())
        let call = try await store.record(
            try ContactKit.interaction(.phone, with: [ada.id], daysAgo: 2), by: ContactKit.user)
        let meeting = try await store.record(
            try ContactKit.interaction(.meeting, with: [ada.id, alan.id], daysAgo: 1, links: [deal]),
            by: ContactKit.user)
        try expect.equal(
            try await store.timeline(of: ada.id).map(\.value), [meeting.value, call.value],
            "the timeline is newest first")
        try expect.equal(
            try await store.timeline(of: alan.id).map(\.value), [meeting.value], "each participant's timeline")
        try expect.equal(
            try await store.interactions(linkedTo: deal).map(\.value), [meeting.value],
            "interactions linked to a record")
        try await expect.invalid(["participants"], "an interaction with a missing contact is refused") {
            try await store.record(
                try ContactKit.interaction(.email, with: [ada.id, ID(ContactKit.ids.next())]), by: ContactKit.user)
        }

        let offer = { try ContactKit.interaction(.email, with: [ada.id], marketing: true) }
        try await refused(expect, "marketing without consent is refused", reason: "no marketing consent on email") {
            try await store.record(try offer(), by: ContactKit.user)
        }
        _ = try await store.record(try ContactKit.consent(ada.id, .granted, daysAgo: 30), by: ContactKit.user)
        _ = try await store.record(try offer(), by: ContactKit.user)
        _ = try await store.record(try ContactKit.consent(ada.id, .withdrawn, daysAgo: 20), by: ContactKit.user)
        try await refused(expect, "a withdrawal ends the consent", reason: "marketing consent on email is withdrawn") {
            try await store.record(try offer(), by: ContactKit.user)
        }
        try expect.equal(
            try await store.consentLedger(of: ada.id).history(of: .marketing).map(\.status), [.granted, .withdrawn],
            "consent history keeps every statement")
        _ = try await store.record(try ContactKit.consent(ada.id, .granted, daysAgo: 10), by: ContactKit.user)
        var flagged = try await store.contact(ada.id)!
        flagged.value.doNotContact = [.email]
        _ = try await store.update(flagged.value, expectedVersion: flagged.version, by: ContactKit.user)
        try await refused(expect, "do-not-contact overrides consent", reason: "asked not to be contacted by email") {
            try await store.record(try offer(), by: ContactKit.user)
        }
        _ = try await store.record(try ContactKit.interaction(.email, with: [ada.id]), by: ContactKit.user)
    }

    private func refused<T>(_ expect: Expect, _ check: String, reason: String, _ body: () async throws -> T)
        async throws
    {
        do {
            let value = try await body()
            try expect.that(false, check, expected: "ConsentRequired: \(reason)", actual: "succeeded with \(value)")
        } catch let error as ConsentRequired {
            try expect.equal(error.reason, reason, check)
        }
    }

    /// Follow-ups are overdue by the caller's clock while active, and list by assignee soonest first.
    public func checkFollowUps() async throws {
        let expect = Expect(area: "followUps")
        let store = try await makeStore()
        let owner = try Principal("kit:sales")
        func task(_ title: String, dueInDays days: Double?, status: FollowUp.Status = .open) throws -> FollowUp {
            try FollowUp(
                id: ID(ContactKit.ids.next()), title: title,
                dueAt: days.map { ContactKit.now.addingTimeInterval($0 * 86_400) },
                assignee: owner, status: status)
        }
        let first = try await store.insert(try task("Call back", dueInDays: 1), by: ContactKit.user)
        let second = try await store.insert(try task("Send quote", dueInDays: 2), by: ContactKit.user)
        _ = try await store.insert(try task("Done already", dueInDays: 0.5, status: .done), by: ContactKit.user)
        let undated = try await store.insert(try task("Someday", dueInDays: nil), by: ContactKit.user)
        let overdue = { (days: Double) in
            try await store.overdueFollowUps(at: ContactKit.now.addingTimeInterval(days * 86_400)).map(\.value.title)
        }
        try expect.equal(try await overdue(1.5), ["Call back"], "only active follow-ups past due are overdue")
        try expect.equal(try await overdue(3), ["Call back", "Send quote"], "most overdue first")
        try expect.equal(try await overdue(0), [], "nothing is overdue before its time")
        try expect.equal(
            try await store.activeFollowUps(assignedTo: owner).map(\.value.id),
            [first.value.id, second.value.id, undated.value.id], "active follow-ups, soonest first, undated last")
        var finished = first.value
        finished.status = .done
        _ = try await store.update(finished, expectedVersion: first.version, by: ContactKit.user)
        try expect.equal(try await overdue(3), ["Send quote"], "a finished follow-up is not overdue")
    }

    /// Segments: a list holds its members; a rule is evaluated over fields, tags, custom fields and history.
    public func checkSegments() async throws {
        let expect = Expect(area: "segments")
        let store = try await makeStore()
        var ada = try ContactKit.person("Ada", "Lovelace", emails: ["ada@example.com"])
        ada.lifecycleStage = .customer
        ada.tags = [try CRMCore.Tag("VIP")]
        ada.customFields = ["score": .integer(90)]
        var grace = try ContactKit.person("Grace", "Hopper")
        grace.lifecycleStage = .customer
        grace.customFields = ["score": .integer(40)]
        var alan = try ContactKit.person("Alan", "Turing", emails: ["alan@example.com"])
        alan.lifecycleStage = .prospect
        for contact in [ada, grace, alan] { _ = try await store.insert(contact, by: ContactKit.user) }
        _ = try await store.record(try ContactKit.interaction(.phone, with: [ada.id], daysAgo: 10), by: ContactKit.user)
        _ = try await store.record(
            try ContactKit.interaction(.email, with: [grace.id], daysAgo: 200), by: ContactKit.user)

        let cases: [(String, SegmentRule, [String])] = [
            ("dormant customers", .all([.stage(.customer), .not(.interacted(withinDays: 90))]), ["Grace"]),
            ("recent interaction", .interacted(withinDays: 30), ["Ada"]),
            ("tag", .tagged(try CRMCore.Tag("vip")), ["Ada"]),
            ("custom field above", .customField("score", .greaterThan(.integer(50))), ["Ada"]),
            ("custom field missing", .customField("score", .isMissing), ["Alan"]),
            ("any of", .any([.stage(.prospect), .interactedOn(.email)]), ["Alan", "Grace"]),
            ("consent", .all([.hasEmail, .consents(.marketing, .email)]), []),
            ("empty all", .all([]), ["Ada", "Alan", "Grace"]),
            ("empty any", .any([]), []),
        ]
        for (name, rule, expected) in cases {
            let segment = try Segment(id: ID(ContactKit.ids.next()), name: name, definition: .rule(rule))
            _ = try await store.insert(segment, by: ContactKit.user)
            try expect.equal(
                try await store.members(of: segment.id, at: ContactKit.now).map(\.value.name.givenName), expected,
                "dynamic segment members, by name", input: name)
        }
        var list = try Segment(id: ID(ContactKit.ids.next()), name: "Guests", definition: .list([ada.id]))
        let saved = try await store.insert(list, by: ContactKit.user)
        list.definition = .list([ada.id, alan.id])
        _ = try await store.update(list, expectedVersion: saved.version, by: ContactKit.user)
        try expect.equal(
            try await store.members(of: list.id, at: ContactKit.now).map(\.value.name.givenName), ["Ada", "Alan"],
            "a static list holds its members")
        try await expect.error(.conflict, "a stale segment update is refused") {
            try await store.update(list, expectedVersion: saved.version, by: ContactKit.user)
        }
    }
}
