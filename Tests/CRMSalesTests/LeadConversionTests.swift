import CRMContacts
import CRMCore
import CRMSales
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Testing

/// Lead conversion across the contacts and sales modules, in one transaction, on every engine.
@Suite struct LeadConversionTests {
    typealias Engine = TestEngines

    static let user = try! Principal("user:sam")
    static let ids = ULIDGenerator()
    static let now = Date(timeIntervalSince1970: 1_798_761_600)

    static func stores(_ engine: Engine) async throws -> (EngineContactStore, EngineSalesStore) {
        let contacts = try await EngineContactStore(engine: try await engine.make())
        return (contacts, try await EngineSalesStore(contacts: contacts))
    }

    static let campaign = ID<Campaign>(ids.next())

    static func lead(email: String = "pat.lee@acme.example", company: String = "Acme Ltd") -> Lead {
        Lead(
            id: ID(ids.next()), name: try! PersonName(givenName: "Pat", familyName: "Lee"), company: company,
            email: try! EmailAddress(email), phone: try! PhoneNumber("+44 20 7946 0123"), source: "trade show",
            status: .qualified, owner: user, category: .smallBusiness, campaignID: campaign)
    }

    @Test(arguments: Engine.allCases)
    func aNewPersonBecomesAContactAnOrganizationAndAnOpportunity(_ engine: Engine) async throws {
        let (contacts, sales) = try await Self.stores(engine)
        let lead = try await sales.insert(Self.lead(), by: Self.user).value
        let pipeline = Pipeline.newBusiness(id: ID(Self.ids.next()))
        let plan = LeadConversion.OpportunityPlan(
            pipeline: pipeline, name: "Acme widgets", amount: Money(minorUnits: 500_000, currency: try Currency("GBP")),
            expectedClose: Self.now + 30 * 86_400)
        let before = try await contacts.engine.changes(after: 0, limit: 100).count
        let result = try await sales.convert(lead.id, LeadConversion(opportunity: plan), by: Self.user, at: Self.now)

        let contact = try #require(try await contacts.contact(result.contactID)?.value)
        #expect(contact.primaryEmail?.address == "pat.lee@acme.example")
        #expect(contact.organizationID == result.organizationID)
        let organizationID = try #require(result.organizationID)
        let opportunityID = try #require(result.opportunityID)
        #expect(try await contacts.organization(organizationID)?.value.name == "Acme Ltd")
        let opportunity = try #require(try await sales.opportunity(opportunityID)?.value)
        #expect(opportunity.stage == "qualify" && opportunity.contacts.map(\.contactID) == [contact.id])
        #expect(opportunity.sourceCampaign == Self.campaign)
        #expect(try await sales.lead(lead.id)?.value.status == .converted)
        let changes = try await contacts.engine.changes(after: UInt64(before), limit: 100)
        #expect(Set(changes.map(\.committedAt)).count == 1, "one transaction")
        let again = await #expect(throws: ValidationError.self) {
            try await sales.convert(lead.id, LeadConversion(), by: Self.user, at: Self.now)
        }
        #expect(again?.issues.map(\.field) == ["status"])
    }

    @Test(arguments: Engine.allCases)
    func aKnownPersonIsFilledInNotDuplicated(_ engine: Engine) async throws {
        let (contacts, sales) = try await Self.stores(engine)
        let acme = try await contacts.insert(try Organization(id: ID(Self.ids.next()), name: "ACME LTD"), by: Self.user)
            .value
        var known = try Contact(
            id: ID(Self.ids.next()), name: try PersonName(givenName: "Pat", familyName: "Lee"),
            emails: [LabeledValue(try EmailAddress("pat.lee@acme.example"))])
        known.jobTitle = "Buyer"
        _ = try await contacts.insert(known, by: Self.user)
        let lead = try await sales.insert(Self.lead(), by: Self.user).value

        let result = try await sales.convert(lead.id, LeadConversion(), by: Self.user, at: Self.now)
        #expect(result.contactID == known.id)
        #expect(result.organizationID == acme.id)
        let filled = try #require(try await contacts.contact(known.id)?.value)
        #expect(filled.jobTitle == "Buyer")
        #expect(filled.primaryPhone?.e164 == "+442079460123")
        #expect(filled.organizationID == acme.id)
        #expect(try await contacts.searchContacts(name: "pat lee", limit: 5).count == 1)
    }
}

extension LeadConversionTests {
    @Test(arguments: Engine.allCases, SalesStoreConformance.Area.allCases)
    func theEngineStorePassesTheSalesKit(_ engine: Engine, _ area: SalesStoreConformance.Area) async throws {
        try await SalesStoreConformance(makeStore: { try await Self.stores(engine).1 }).check(area)
    }
}
