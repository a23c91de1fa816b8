import CRMCore
import Foundation
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: [
        "ada@example.com", "Ada.Lovelace+crm@Example.CO.uk", "o'brien@example.ie", "jörg@exämple.de", "x@a-b.io",
    ])
    func acceptsValidAddresses(_ text: String) throws {
        let email = try EmailAddress(" \(text) ")
        #expect(email.domain == email.domain.lowercased())
        #expect(!email.address.hasPrefix(" "))
    }

    @Test(arguments: [
        "", "plain", "@example.com", "ada@", "ada@localhost", "ada@@example.com", ".ada@example.com",
        "ada.@example.com", "a..b@example.com", "ada@-example.com", "ada@example..com", "ada lovelace@example.com",
        "ada@example.123", "ada@exa_mple.com",
    ])
    func rejectsInvalidAddressesOnTheEmailField(_ text: String) {
        let error = #expect(throws: ValidationError.self) { try EmailAddress(text) }
        #expect(error?.fields == ["email"])
    }

    @Test func rejectsOverlongParts() {
        #expect(throws: ValidationError.self) { try EmailAddress(String(repeating: "a", count: 65) + "@example.com") }
        #expect(throws: ValidationError.self) { try EmailAddress("a@" + String(repeating: "b", count: 64) + ".com") }
    }

    @Test func matchingKeyFindsTheSameMailbox() throws {
        #expect(try EmailAddress("Ada.Lovelace+news@GoogleMail.com").matchingKey == "adalovelace@gmail.com")
        #expect(try EmailAddress("Ada+news@Example.com").matchingKey == "ada@example.com")
        #expect(try EmailAddress("first.last@example.com").matchingKey == "first.last@example.com")
        #expect(try EmailAddress("+tag@example.com").matchingKey == "+tag@example.com")
    }
}

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("(415) 555-0132", "US", "+14155550132"), ("1-415-555-0132", "US", "+14155550132"),
        ("011 44 20 7946 0958", "US", "+442079460958"), ("020 7946 0958", "GB", "+442079460958"),
        ("+44 20 7946 0958", "DE", "+442079460958"), ("0049 30 901820", "FR", "+4930901820"),
        ("06 12 34 56 78", "FR", "+33612345678"), ("090-1234-5678", "JP", "+819012345678"),
        ("06 30 123 4567", "HU", "+36301234567"), ("+1 (212) 555-0100", "", "+12125550100"),
    ])
    func normalizesToE164(_ text: String, _ region: String, _ expected: String) throws {
        let number = try PhoneNumber(text, defaultRegion: region.isEmpty ? nil : region)
        #expect(number.e164 == expected)
    }

    @Test(arguments: [
        ("555-0132", "US"), ("+999 1234 5678", "US"), ("0800-FLOWERS", "US"), ("020 7946 09581234", "GB"),
        ("", "US"), ("+", "US"), ("4155550132", ""),
    ])
    func rejectsInvalidNumbersOnThePhoneField(_ text: String, _ region: String) {
        let error = #expect(throws: ValidationError.self) {
            try PhoneNumber(text, defaultRegion: region.isEmpty ? nil : region)
        }
        #expect(error?.fields == ["phone"])
    }

    @Test func rejectsAnUnknownRegionOnItsOwnField() {
        let error = #expect(throws: ValidationError.self) { try PhoneNumber("555 0100", defaultRegion: "XX") }
        #expect(error?.fields == ["defaultRegion"])
    }
}

@Suite struct RecordValueTests {
    @Test func postalAddressReportsEveryBadField() {
        let error = #expect(throws: ValidationError.self) {
            try PostalAddress(streetLines: [" "], locality: "", postalCode: "12$45", countryCode: "Germany")
        }
        #expect(error?.fields == ["streetLines", "locality", "countryCode", "postalCode"])
    }

    @Test func postalAddressNormalizes() throws {
        let address = try PostalAddress(
            streetLines: [" 10 Downing St ", ""], locality: "London", postalCode: "SW1A 2AA", countryCode: "gb")
        #expect(address.streetLines == ["10 Downing St"])
        #expect(address.countryCode == "GB")
    }

    @Test func personNameNeedsAGivenOrFamilyName() throws {
        #expect(
            try PersonName(prefix: "Dr.", givenName: "Ada", familyName: "Lovelace").displayName == "Dr. Ada Lovelace")
        #expect(try PersonName(familyName: "Prince").displayName == "Prince")
        let error = #expect(throws: ValidationError.self) { try PersonName(givenName: " ", nickname: "Bell\u{7}") }
        #expect(error?.fields == ["nickname", "givenName"])
    }

    @Test func tagsCompareWithoutCase() throws {
        #expect(try Tag("VIP") == Tag(" vip "))
        #expect(Set([try Tag("Trade  Show"), try Tag("trade show")]).count == 1)
        #expect(try Tag("Trade  Show").name == "Trade Show")
        for bad in ["", "a,b", String(repeating: "x", count: 65)] {
            #expect(throws: ValidationError.self, "\(bad)") { try Tag(bad) }
        }
    }

    @Test func customFieldsCheckKindAndOptions() throws {
        let size = try CustomFieldDefinition(name: "tShirtSize", kind: .choice, options: ["S", "M", "L"])
        try size.validate(.choice("M"))
        let wrongOption = #expect(throws: ValidationError.self) { try size.validate(.choice("XXL")) }
        #expect(wrongOption?.fields == ["custom.tShirtSize"])
        #expect(throws: ValidationError.self) { try size.validate(.text("M")) }
        let owner = try CustomFieldDefinition(name: "owner", kind: .reference, referencedEntity: "contact")
        #expect(throws: ValidationError.self) {
            try owner.validate(.reference(entity: "ticket", id: RecordID(high: 1, low: 1)))
        }
        let bad = #expect(throws: ValidationError.self) { try CustomFieldDefinition(name: "1st", kind: .choice) }
        #expect(bad?.fields == ["name", "options"])
    }

    @Test func collectorGathersNestedIssuesUnderTheirField() throws {
        var check = ValidationCollector(subject: "Contact")
        _ = try check.field("email") { try EmailAddress("nope") }
        _ = try check.field("phone") { try PhoneNumber("12", defaultRegion: "US") }
        let error = #expect(throws: ValidationError.self) { try check.finish() }
        #expect(error?.subject == "Contact")
        #expect(error?.fields == ["email", "phone"])
        #expect(error?.description.contains("Invalid Contact: email:") == true)
    }
}

@Suite struct IdentifierTests {
    @Test func stringFormRoundTripsAndSortsLikeTheValue() throws {
        let generator = ULIDGenerator(
            clock: ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000)),
            random: SeededRandomNumberGenerator(seed: 1))
        let ids = (0..<500).map { _ in generator.next() }
        #expect(ids == ids.sorted(), "ids from one generator increase even within one millisecond")
        #expect(ids.map(\.string) == ids.map(\.string).sorted(), "the string form sorts like the value")
        for id in ids { #expect(try RecordID(id.string) == id) }
        #expect(ids[0].milliseconds == 1_700_000_000_000)
        #expect(ids[0].string.count == 26)
    }

    @Test func extremesAndLookAlikesParse() throws {
        #expect(try RecordID("7ZZZZZZZZZZZZZZZZZZZZZZZZZ") == RecordID(high: .max, low: .max))
        #expect(try RecordID("00000000000000000000000000") == RecordID(high: 0, low: 0))
        #expect(try RecordID("01arz3ndektsv4rrffq69g5fav") == RecordID("01ARZ3NDEKTSV4RRFFQ69G5FAV"))
        #expect(try RecordID("0IL0000000000000000000000O") == RecordID("01100000000000000000000000"))
        for bad in ["", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAU!"] {
            #expect(throws: ValidationError.self, "\(bad)") { try RecordID(bad) }
        }
    }

    @Test func clockGoingBackStillGivesIncreasingIds() {
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000))
        let generator = ULIDGenerator(clock: clock, random: SeededRandomNumberGenerator(seed: 2))
        let first = generator.next()
        clock.advance(by: -60)
        #expect(generator.next() > first)
    }

    @Test func typedIdsEncodeAsTheirString() throws {
        struct Ticket {}
        let id: ID<Ticket> = ULIDGenerator().next()
        let json = try JSONEncoder().encode(id)
        #expect(String(decoding: json, as: UTF8.self) == "\"\(id)\"")
        #expect(try JSONDecoder().decode(ID<Ticket>.self, from: json) == id)
    }
}
