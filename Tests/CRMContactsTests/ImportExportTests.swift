import CRMContacts
import CRMCore
import Foundation
import Testing

/// CSV and JSON import and export, and the privacy operations, each body run on every engine.
@Suite struct ImportExportTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let mapping = [
        "First": "givenName", "Last": "familyName", "E-mail": "email", "Tel": "phone", "Born": "birthday",
        "Company": "organization", "Labels": "tags", "Tier": "custom.tier", "Note": "notes", "Town": "locality",
        "Street": "street", "Country": "country",
    ]
    static let file =
        "\u{FEFF}First,Last,E-mail,Tel,Born,Company,Labels,Tier,Note,Town,Street,Country\r\n"
        + "Ada,Lovelace,ada@example.com,020 7946 0018,18151210,Analytical Engines,vip;math,gold,\"Met at the \"\"Royal\"\" Society, London\",London,12 St James's Square,GB\r\n"
        + "Alan,Turing,alan@example.com,,19120623,Analytical Engines,,,\"Two\r\nlines\",,,\r\n"

    static func options(_ change: (inout ContactImportOptions) -> Void = { _ in }) -> ContactImportOptions {
        var options = ContactImportOptions(mapping: mapping, dateFormat: "yyyyMMdd", defaultRegion: "GB")
        change(&options)
        return options
    }

    @Test func csvFollowsRFC4180() throws {
        let rows = try CSV.parse("a,\"b,\"\"c\"\"\"\r\n\r\n\"x\ny\",z\nlast,\"\"")
        #expect(rows.map(\.fields) == [["a", "b,\"c\""], ["x\ny", "z"], ["last", ""]])
        #expect(rows.map(\.line) == [1, 3, 5])
        let open = #expect(throws: CSV.SyntaxError.self) { try CSV.parse("x\n\"open") }
        #expect(open?.line == 2)
        #expect(open?.reason == "a quoted field is not closed")
        #expect(throws: CSV.SyntaxError.self) { try CSV.parse("\"a\"b") }
        let written = CSV.write([["=SUM(A1)", "+1", "-2", "@x", "\tx", "plain", "a,b", "say \"hi\""]])
        #expect(written == "'=SUM(A1),'+1,'-2,'@x,'\tx,plain,\"a,b\",\"say \"\"hi\"\"\"\r\n")
        #expect(try CSV.parse(written).first?.fields[5] == "plain")
    }

    @Test(arguments: Engines.allCases)
    func aSecondImportUpdatesInsteadOfDuplicating(_ engines: Engines) async throws {
        let store = try await engines.store()
        let first = try await store.importContacts(
            csv: Self.file, options: Self.options(), at: Self.now, by: Fixture.user)
        #expect(first.inserted == [2, 3])
        #expect(first.createdOrganizations == ["Analytical Engines"])
        let ada = try #require(try await store.contacts(withEmail: try EmailAddress("ada@example.com")).first?.value)
        #expect(ada.birthday == (try CalendarDay(year: 1815, month: 12, day: 10)))
        #expect(ada.primaryPhone?.e164 == "+442079460018")
        #expect(ada.tags == [try CRMCore.Tag("vip"), try CRMCore.Tag("math")])
        #expect(ada.customFields == ["tier": .text("gold")])
        #expect(ada.addresses.first?.locality == "London")
        #expect(try await store.timeline(of: ada.id).first?.value.notes == "Met at the \"Royal\" Society, London")
        #expect(try await store.contacts(in: ada.organizationID!).count == 2)

        let again = try await store.importContacts(
            csv: Self.file, options: Self.options(), at: Self.now, by: Fixture.user)
        #expect(again.unchanged == [2, 3])
        let changed = Self.file.replacingOccurrences(of: "19120623", with: "19120624")
        let third = try await store.importContacts(
            csv: changed, options: Self.options(), at: Self.now, by: Fixture.user)
        #expect(third.updated == [3])
        #expect(try await store.searchContacts(name: "turing", limit: 5).count == 1)
    }

    @Test(arguments: Engines.allCases)
    func badRowsAreReportedByLineAndFieldAndNothingIsWritten(_ engines: Engines) async throws {
        let store = try await engines.store()
        let file =
            "First,Last,E-mail,Born\n" + "Ada,Lovelace,ada@example.com,18151210\n" + ",,not-an-email,1815-12-10\n"
            + "Grace,Hopper,grace@example.com,19061309\n" + "Ada,King,ADA@example.com,18151210\n"
        let options = Self.options {
            $0.mapping = ["First": "givenName", "Last": "familyName", "E-mail": "email", "Born": "birthday"]
        }
        let refused = await #expect(throws: ImportRefused.self) {
            try await store.importContacts(csv: file, options: options, at: Self.now, by: Fixture.user)
        }
        #expect(
            refused?.issues.map { "\($0.line):\($0.field)" } == [
                "3:email", "3:birthday", "3:givenName", "4:birthday", "5:email",
            ])
        #expect(try await store.engine.changes(after: 0, limit: 10).isEmpty)

        let dry = try await store.importContacts(
            csv: file,
            options: Self.options {
                $0.mapping = options.mapping; $0.skipInvalidRows = true; $0.dryRun = true
            },
            at: Self.now, by: Fixture.user)
        #expect(dry.isDryRun)
        #expect(dry.inserted == [2])
        #expect(dry.skipped.map(\.line) == [3, 3, 3, 4, 5])
        #expect(try await store.engine.changes(after: 0, limit: 10).isEmpty)

        let partial = try await store.importContacts(
            csv: file,
            options: Self.options {
                $0.mapping = options.mapping; $0.skipInvalidRows = true
            },
            at: Self.now, by: Fixture.user)
        #expect(partial.inserted == [2])
        #expect(try await store.searchContacts(name: "ada", limit: 5).count == 1)

        let unknown = await #expect(throws: ImportRefused.self) {
            try await store.importContacts(
                csv: file, options: Self.options { $0.mapping = ["First": "nickname", "Missing": "email"] },
                at: Self.now,
                by: Fixture.user)
        }
        #expect(unknown?.issues.map(\.field) == ["First", "Missing"])
    }

    @Test(arguments: Engines.allCases)
    func theJSONDocumentRoundTripsAndCSVExportIsSafe(_ engines: Engines) async throws {
        let store = try await engines.store()
        let group = try await store.insert(try Fixture.organization("Group"), by: Fixture.user).value
        _ = try await store.insert(try Fixture.organization("Team", parent: group.id), by: Fixture.user)
        var ada = try Fixture.person("=HYPERLINK(\"x\")", "Lovelace", emails: ["ada@example.com"])
        ada.customFields = ["tier": .text("gold")]
        ada.organizationID = group.id
        _ = try await store.insert(ada, by: Fixture.user)

        let csv = try await store.exportCSV()
        let rows = try CSV.parse(csv)
        #expect(rows[0].fields.last == "custom.tier")
        #expect(rows[1].fields[1] == "'=HYPERLINK(\"x\")")
        #expect(rows[1].fields[13] == "Group")

        let document = try await store.exportDocument()
        let copy = try await engines.store()
        #expect(try await copy.importDocument(document, by: Fixture.user) == 3)
        #expect(try await copy.exportDocument() == document)
        #expect(try await copy.importDocument(document, by: Fixture.user) == 0)
        let future = String(decoding: document, as: UTF8.self).replacingOccurrences(
            of: "\"version\" : 1", with: "\"version\" : 2")
        let refused = await #expect(throws: ValidationError.self) {
            try await copy.importDocument(Data(future.utf8), by: Fixture.user)
        }
        #expect(refused?.issues.map(\.field) == ["version"])
    }

    @Test(arguments: Engines.allCases)
    func erasureRemovesPersonalDataButKeepsConsentProof(_ engines: Engines) async throws {
        let store = try await engines.store()
        var ada = try Fixture.person("Ada", "Lovelace", emails: ["ada@example.com"], phones: ["020 7946 0018"])
        ada.birthday = try CalendarDay(year: 1815, month: 12, day: 10)
        _ = try await store.insert(ada, by: Fixture.user)
        let duplicate = try await store.insert(
            try Fixture.person("Ada", "Lovelace", emails: ["ada@home.example"]), by: Fixture.user)
        _ = try await store.merge(MergeRequest(contacts: [ada.id, duplicate.value.id]), by: Fixture.user)
        _ = try await store.record(
            try Interaction(
                id: ID(Fixture.ids.next()), channel: .phone, direction: .inbound, subject: "Her new address",
                notes: "Lives at 12 St James's Square", occurredAt: Self.now, participants: [ada.id]), by: Fixture.user)
        let proof = ConsentProof.sha256("Send me offers")
        _ = try await store.record(
            try ConsentRecord(
                id: ID(Fixture.ids.next()), contactID: ada.id, purpose: .marketing, channel: .email, status: .granted,
                capturedAt: Self.now, source: "web", proof: proof), by: Fixture.user)

        let export = try await store.exportPersonalData(of: ada.id)
        let exported = try JSONDecoder().decode(PersonalDataExport.self, from: export)
        #expect(exported.contact.emails.count == 2)
        #expect(exported.interactions.map(\.subject) == ["Her new address"])
        #expect(exported.consents.map(\.proof) == [proof])

        let record = try await store.erase(ada.id, at: Self.now, by: Fixture.user)
        #expect(record.contactID == ada.id)
        let erased = try #require(try await store.contact(ada.id)?.value)
        #expect(erased.name.displayName == "Erased")
        #expect(erased.emails.isEmpty && erased.phones.isEmpty && erased.birthday == nil)
        #expect(erased.doNotContactAtAll)
        #expect(try await store.contacts(withEmail: try EmailAddress("ada@home.example")).isEmpty)
        #expect(try await store.searchContacts(name: "lovelace", limit: 5).isEmpty)
        #expect(try await store.timeline(of: ada.id).map(\.value.notes) == [""])
        #expect(try await store.consentLedger(of: ada.id).records.map(\.proof) == [proof])
        let lineage = try await store.mergeHistory(of: ada.id)
        #expect(lineage.flatMap(\.value.merged).allSatisfy { $0.emails.isEmpty && $0.name.displayName == "Erased" })
        let everything = try await store.engine.changes(after: 0, limit: 1_000).count
        #expect(everything > 0)
        let text = String(decoding: try await store.exportDocument(), as: UTF8.self)
        #expect(!text.contains("ada@") && !text.contains("Lovelace"))
    }
}
