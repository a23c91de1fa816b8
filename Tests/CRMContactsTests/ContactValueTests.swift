import CRMContacts
import CRMCore
import Foundation
import Testing

@Suite struct ContactValueTests {
    @Test func calendarDaysMustExist() throws {
        #expect(try CalendarDay(year: 2000, month: 2, day: 29).description == "2000-02-29")
        #expect(try CalendarDay(month: 2, day: 29).description == "--02-29")
        #expect(throws: ValidationError.self) { try CalendarDay(year: 1900, month: 2, day: 29) }
        let error = #expect(throws: ValidationError.self) { try CalendarDay(year: 0, month: 13, day: 1) }
        #expect(error?.issues.map(\.field) == ["year", "month"])
        #expect(try CalendarDay(iso: "1815-12-10") == CalendarDay(year: 1815, month: 12, day: 10))
        #expect(try CalendarDay(iso: "--12-10") == CalendarDay(month: 12, day: 10))
        for text in ["1815-12-1", "12-10", "1815/12/10", "abcd-12-10", "1815-04-31"] {
            #expect(throws: ValidationError.self, "\(text)") { try CalendarDay(iso: text) }
        }
    }

    @Test func choicesRoundTripThroughTheirStoredNames() throws {
        for stage in LifecycleStage.standard + [.custom("partner")] {
            let data = try JSONEncoder().encode(stage)
            #expect(try JSONDecoder().decode(LifecycleStage.self, from: data) == stage)
        }
        #expect(LifecycleStage(name: "custom:partner") == .custom("partner"))
        #expect(LifecycleStage(name: "customer") == .customer)
        #expect(CustomerCategory(name: "reseller") == .custom("reseller"))
    }

    @Test func externalIDsAndOrganizationsAreValidated() throws {
        let id = #expect(throws: ValidationError.self) { try ExternalID(system: "a:b", value: "") }
        #expect(id?.issues.map(\.field) == ["system", "value"])
        let acme = try Organization(id: ID(Fixture.ids.next()), name: "  Acme  ", domain: "Acme.EXAMPLE")
        #expect(acme.name == "Acme")
        #expect(acme.domain == "acme.example")
        let bad = #expect(throws: ValidationError.self) {
            try Organization(id: ID(Fixture.ids.next()), name: " ", domain: "not a domain", employeeCount: -1)
        }
        #expect(bad?.issues.map(\.field) == ["name", "domain", "employeeCount"])
    }

    @Test func searchKeysIgnoreCaseDiacriticsAndSpacing() {
        #expect(SearchKey.fold("  Zoë   ÅNGSTRÖM ") == "zoe angstrom")
        #expect(SearchKey.fold("Łukasz Ørsted") == "lukasz orsted")
        #expect(SearchKey.fold("Straße") == "strasse")
    }

    @Test func contactsPersistThroughJSON() throws {
        var ada = try Fixture.person("Ada", "Lovelace", emails: ["ada@example.com"])
        ada.birthday = try CalendarDay(year: 1815, month: 12, day: 10)
        ada.customFields = ["score": .integer(7)]
        ada.doNotContact = [.sms]
        let decoded = try JSONDecoder().decode(Contact.self, from: try JSONEncoder().encode(ada))
        #expect(decoded == ada)
        #expect(!decoded.isReachable(on: .sms))
        #expect(decoded.isReachable(on: .email))
    }
}
