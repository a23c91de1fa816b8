import CRMContacts
import CRMCore
import CRMSales
import Foundation
import Testing

@Suite struct CampaignTests {
    static let ids = ULIDGenerator()
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let eur = try! Currency("EUR")

    static func campaign() throws -> Campaign {
        try Campaign(
            id: ID(ids.next()), name: "Spring webinar", kind: .webinar, channel: .email, startsAt: start,
            endsAt: start + 14 * 86_400, budget: Money(minorUnits: 500_000, currency: eur))
    }

    @Test func membersMoveFromTargetedToSentToResponded() throws {
        var campaign = try Self.campaign()
        let ada = Campaign.Audience.contact(ID(Self.ids.next()))
        let lead = Campaign.Audience.lead(ID(Self.ids.next()))
        let walkIn = Campaign.Audience.contact(ID(Self.ids.next()))
        campaign.target([ada, lead, walkIn, ada])
        #expect(campaign.members.count == 3)
        #expect(campaign.responseRate == nil)
        try campaign.markSent(ada, at: Self.start)
        try campaign.markSent(lead, at: Self.start)
        try campaign.markResponded(ada, at: Self.start + 3_600)
        try campaign.markResponded(walkIn, at: Self.start + 7_200)
        #expect(campaign.members.map(\.status) == ["responded", "sent", "responded"])
        #expect(campaign.responseRate == 0.5)
        #expect(throws: CampaignError.alreadyRecorded(ada, "sent")) { try campaign.markSent(ada, at: Self.start) }
        let stranger = Campaign.Audience.lead(ID(Self.ids.next()))
        #expect(throws: CampaignError.notAMember(stranger)) { try campaign.markResponded(stranger, at: Self.start) }
    }

    @Test func costsStayInTheBudgetCurrency() throws {
        var campaign = try Self.campaign()
        try campaign.spend(Money(minorUnits: 120_000, currency: Self.eur))
        #expect(campaign.actualCost == Money(minorUnits: 120_000, currency: Self.eur))
        let usd = try Currency("USD")
        #expect(throws: CampaignError.currencyMismatch(Self.eur, usd)) {
            try campaign.spend(Money(minorUnits: 1, currency: usd))
        }
        #expect(throws: CampaignError.negativeCost(Money(minorUnits: -1, currency: Self.eur))) {
            try campaign.spend(Money(minorUnits: -1, currency: Self.eur))
        }
        let bad = #expect(throws: ValidationError.self) {
            try Campaign(
                id: ID(Self.ids.next()), name: "", kind: .event, startsAt: Self.start, endsAt: Self.start,
                budget: Money(minorUnits: -5, currency: Self.eur))
        }
        #expect(bad?.issues.map(\.field) == ["name", "endsAt", "budget"])
    }
}
