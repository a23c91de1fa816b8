import CRMContacts
import CRMCore
import Foundation
import Testing

/// Consent resolution, proof digests and the activity models' validation.
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

    @Test func modelsRejectBadInputByField() throws {
        let interaction = #expect(throws: ValidationError.self) {
            try Interaction(
                id: ID(Fixture.ids.next()), channel: .email, direction: .inbound, subject: "", occurredAt: Self.start,
                participants: [], isMarketing: true)
        }
        #expect(interaction?.issues.map(\.field) == ["participants", "isMarketing"])
        let followUp = #expect(throws: ValidationError.self) { try FollowUp(id: ID(Fixture.ids.next()), title: "  ") }
        #expect(followUp?.issues.map(\.field) == ["title"])
        let consent = #expect(throws: ValidationError.self) {
            try ConsentRecord(
                id: ID(Fixture.ids.next()), contactID: ID(Fixture.ids.next()), purpose: .profiling, status: .granted,
                capturedAt: Self.start, source: "")
        }
        #expect(consent?.issues.map(\.field) == ["source"])
        let done = try FollowUp(id: ID(Fixture.ids.next()), title: "Done", dueAt: Self.start, status: .done)
        #expect(!done.isOverdue(at: Self.start + 1))
        #expect(try FollowUp(id: ID(Fixture.ids.next()), title: "Due", dueAt: Self.start).isOverdue(at: Self.start + 1))
    }
}
