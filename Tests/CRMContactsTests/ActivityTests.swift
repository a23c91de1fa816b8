import CRMContacts
import CRMCore
import Foundation
import Testing

/// Interactions, follow-ups and consent, each body run on every engine.
@Suite struct ActivityTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func interaction(
        _ channel: InteractionChannel, with participants: [ID<Contact>], at offset: TimeInterval = 0,
        marketing: Bool = false, links: [RecordKey] = []
    ) throws -> Interaction {
        try Interaction(
            id: ID(Fixture.ids.next()), channel: channel, direction: .outbound, subject: "Hello",
            occurredAt: start + offset, participants: participants, links: links, isMarketing: marketing)
    }

    static func consent(
        _ contact: ID<Contact>, _ status: ConsentRecord.Status, channel: ContactChannel? = .email,
        at offset: TimeInterval,
        source: String = "web"
    ) throws -> ConsentRecord {
        try ConsentRecord(
            id: ID(Fixture.ids.next()), contactID: contact, purpose: .marketing, channel: channel, status: status,
            capturedAt: start + offset, source: source, proof: ConsentProof.sha256("Send me offers by email"))
    }

    @Test(arguments: Engines.allCases)
    func theTimelineShowsAContactsInteractionsNewestFirst(_ engines: Engines) async throws {
        let store = try await engines.store()
        let ada = try await store.insert(try Fixture.person("Ada", "Lovelace"), by: Fixture.user).value
        let alan = try await store.insert(try Fixture.person("Alan", "Turing"), by: Fixture.user).value
        let deal = RecordKey(entity: "crm.opportunity", id: Fixture.ids.next())
        let call = try await store.record(try Self.interaction(.phone, with: [ada.id], at: 60), by: Fixture.user).value
        let meeting = try await store.record(
            try Self.interaction(.meeting, with: [ada.id, alan.id], at: 120, links: [deal]), by: Fixture.user
        ).value
        #expect(try await store.timeline(of: ada.id).map(\.value) == [meeting, call])
        #expect(try await store.timeline(of: alan.id).map(\.value) == [meeting])
        #expect(try await store.interactions(linkedTo: deal).map(\.value) == [meeting])

        let ghost = ID<Contact>(Fixture.ids.next())
        let error = await #expect(throws: ValidationError.self) {
            try await store.record(try Self.interaction(.email, with: [ada.id, ghost]), by: Fixture.user)
        }
        #expect(error?.issues.map(\.field) == ["participants"])
        let invalid = #expect(throws: ValidationError.self) {
            try Interaction(
                id: ID(Fixture.ids.next()), channel: .email, direction: .inbound, subject: "", occurredAt: Self.start,
                participants: [], isMarketing: true)
        }
        #expect(invalid?.issues.map(\.field) == ["participants", "isMarketing"])
    }

    @Test(arguments: Engines.allCases)
    func marketingNeedsConsentAndRespectsDoNotContact(_ engines: Engines) async throws {
        let store = try await engines.store()
        let ada = try await store.insert(try Fixture.person("Ada", "Lovelace"), by: Fixture.user).value
        let offer = { try Self.interaction(.email, with: [ada.id], at: 500, marketing: true) }

        let none = await #expect(throws: ConsentRequired.self) { try await store.record(try offer(), by: Fixture.user) }
        #expect(none?.contactID == ada.id)
        #expect(none?.reason == "no marketing consent on email")

        _ = try await store.record(try Self.consent(ada.id, .granted, at: 10), by: Fixture.user)
        _ = try await store.record(try offer(), by: Fixture.user)

        _ = try await store.record(try Self.consent(ada.id, .withdrawn, at: 20), by: Fixture.user)
        let withdrawn = await #expect(throws: ConsentRequired.self) {
            try await store.record(try offer(), by: Fixture.user)
        }
        #expect(withdrawn?.reason == "marketing consent on email is withdrawn")
        #expect(
            try await store.consentLedger(of: ada.id).history(of: .marketing).map(\.status) == [.granted, .withdrawn])

        _ = try await store.record(try Self.consent(ada.id, .granted, at: 30), by: Fixture.user)
        var blocked = try await store.contact(ada.id)!
        blocked.value.doNotContact = [.email]
        _ = try await store.update(blocked.value, expectedVersion: blocked.version, by: Fixture.user)
        let flagged = await #expect(throws: ConsentRequired.self) {
            try await store.record(try offer(), by: Fixture.user)
        }
        #expect(flagged?.reason == "asked not to be contacted by email")
        // Service messages are not marketing: they need no consent.
        _ = try await store.record(try Self.interaction(.email, with: [ada.id], at: 600), by: Fixture.user)
    }

    @Test func theNewestStatementDecidesAndSimultaneousConflictsDeny() throws {
        let contact = ID<Contact>(Fixture.ids.next())
        let granted = try Self.consent(contact, .granted, at: 10)
        let everywhereDenied = try Self.consent(contact, .denied, channel: nil, at: 20)
        let smsGranted = try Self.consent(contact, .granted, channel: .sms, at: 30)
        let ledger = ConsentLedger([smsGranted, granted, everywhereDenied])
        #expect(!ledger.permits(.marketing, on: .email))
        #expect(ledger.permits(.marketing, on: .sms))
        #expect(ledger.status(for: .profiling, on: .email) == nil)

        let merged = ConsentLedger([
            try Self.consent(contact, .granted, at: 40, source: "shop"),
            try Self.consent(contact, .denied, at: 40, source: "crm"),
        ])
        #expect(merged.status(for: .marketing, on: .email) == .denied)
        #expect(ConsentProof.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ConsentProof.sha256("").hasPrefix("e3b0c44298fc1c149afbf4c8996fb924"))
        let longer = String(repeating: "a", count: 1_000)
        #expect(ConsentProof.sha256(longer) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test(arguments: Engines.allCases)
    func overdueFollowUpsComeFromTheClockNotTheRecord(_ engines: Engines) async throws {
        let store = try await engines.store()
        let owner = try Principal("user:sales")
        func task(_ title: String, due offset: TimeInterval?, status: FollowUp.Status = .open) throws -> FollowUp {
            try FollowUp(
                id: ID(Fixture.ids.next()), title: title, dueAt: offset.map { Self.start + $0 }, assignee: owner,
                status: status)
        }
        let late = try await store.insert(try task("Call back", due: 100), by: Fixture.user)
        let later = try await store.insert(try task("Send quote", due: 200), by: Fixture.user)
        _ = try await store.insert(try task("Done already", due: 50, status: .done), by: Fixture.user)
        let undated = try await store.insert(try task("Someday", due: nil), by: Fixture.user)

        #expect(try await store.overdueFollowUps(at: Self.start + 150).map(\.value.title) == ["Call back"])
        #expect(
            try await store.overdueFollowUps(at: Self.start + 300).map(\.value.title) == ["Call back", "Send quote"])
        #expect(try await store.overdueFollowUps(at: Self.start).isEmpty)
        #expect(
            try await store.activeFollowUps(assignedTo: owner).map(\.value.id)
                == [late.value.id, later.value.id, undated.value.id])

        var finished = late.value
        finished.status = .done
        _ = try await store.update(finished, expectedVersion: late.version, by: Fixture.user)
        #expect(try await store.overdueFollowUps(at: Self.start + 300).map(\.value.title) == ["Send quote"])
        let error = #expect(throws: ValidationError.self) { try FollowUp(id: ID(Fixture.ids.next()), title: "  ") }
        #expect(error?.issues.map(\.field) == ["title"])
    }
}
