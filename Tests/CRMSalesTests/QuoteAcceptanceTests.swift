import CRMContacts
import CRMCore
import CRMSales
import Foundation
import Synchronization
import Testing

/// Quotes and campaigns in the store, and accepting a quote that wins its opportunity, on every engine.
@Suite struct QuoteAcceptanceTests {
    static let ids = ULIDGenerator()
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: LeadConversionTests.Engine.allCases)
    func acceptingAQuoteStoresTheOrderAndWinsTheOpportunityInOneTransaction(_ engine: LeadConversionTests.Engine)
        async throws
    {
        let (contacts, sales) = try await LeadConversionTests.stores(engine)
        let wins = Mutex<[ID<Opportunity>]>([])
        sales.events.subscribe(OpportunityWon.self) { won in wins.withLock { $0.append(won.opportunityID) } }
        let usd = try Currency("USD")
        let user = LeadConversionTests.user
        let pipeline = Pipeline.newBusiness(id: ID(Self.ids.next()))
        let deal = try Opportunity(
            id: ID(Self.ids.next()), name: "Deal", pipeline: pipeline, owner: user,
            amount: Money(minorUnits: 2_000, currency: usd), expectedClose: Self.now, at: Self.now)
        _ = try await sales.insert(deal, by: user)
        let product = try Product(id: ID(Self.ids.next()), sku: "W-1", name: "Widget")
        var book = PriceBook(id: ID(Self.ids.next()), name: "Standard")
        book.setPrice(try PriceBook.Entry(productID: product.id, unitPrice: Money(minorUnits: 1_000, currency: usd)))
        let engine = PricingEngine(products: [product], priceBook: book)
        var first = try Quote(
            id: ID(Self.ids.next()), lines: [LineRequest(productID: product.id, quantity: 2)], engine: engine,
            currency: usd,
            on: Self.now, validUntil: Self.now + 86_400, opportunityID: deal.id)
        try await sales.save(first, by: user)
        let second = try first.revise(
            lines: [LineRequest(productID: product.id, quantity: 3)], engine: engine, on: Self.now,
            validUntil: Self.now + 86_400)
        try await sales.save(first, by: user)
        try await sales.save(second, by: user)
        #expect(try await sales.quoteVersions(first.id).map(\.version) == [1, 2])
        #expect(try await sales.quoteVersions(first.id).map(\.status) == [.superseded, .draft])

        let before = try await contacts.engine.changes(after: 0, limit: 1_000).count
        let order = try await sales.accept(
            second, orderID: ID(Self.ids.next()), channel: .direct, winningIn: pipeline, at: Self.now + 60, by: user)
        #expect(try await sales.order(order.id)?.value.net == Money(minorUnits: 3_000, currency: usd))
        #expect(try await sales.quoteVersions(first.id).last?.status == .accepted)
        #expect(try await sales.opportunity(deal.id)?.value.stage == "won")
        #expect(wins.withLock { $0 } == [deal.id])
        let changes = try await contacts.engine.changes(after: UInt64(before), limit: 1_000)
        #expect(changes.count == 3 && Set(changes.map(\.committedAt)).count == 1, "one transaction")

        let expired = await #expect(throws: OrderError.self) {
            try await sales.accept(
                first, orderID: ID(Self.ids.next()), channel: .direct, winningIn: nil, at: Self.now, by: user)
        }
        #expect(expired == .invalidTransition(from: "superseded", to: "accepted"))
    }

    @Test(arguments: LeadConversionTests.Engine.allCases)
    func campaignsAreStoredWithTheirMembers(_ engine: LeadConversionTests.Engine) async throws {
        let (_, sales) = try await LeadConversionTests.stores(engine)
        var campaign = try Campaign(
            id: ID(Self.ids.next()), name: "Launch", kind: .event, startsAt: Self.now, endsAt: Self.now + 86_400,
            budget: Money(minorUnits: 100_000, currency: try Currency("EUR")))
        let member = Campaign.Audience.lead(ID(Self.ids.next()))
        campaign.target([member])
        try await sales.save(campaign, by: LeadConversionTests.user)
        try campaign.markResponded(member, at: Self.now)
        try await sales.save(campaign, by: LeadConversionTests.user)
        #expect(try await sales.campaign(campaign.id) == campaign)
    }
}
