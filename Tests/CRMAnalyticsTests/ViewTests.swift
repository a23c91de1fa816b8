import CRMAnalytics
import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import CRMService
import Foundation
import Testing

@Suite struct ViewTests {
    static let terms = try! ValueTerms(periods: 12, periodLength: 52.0 / 12, discountRate: 0.01, margin: 0.3)

    @Test func theCustomerBaseIsAnalysedInOneStep() throws {
        let analysis = try CustomerBaseAnalysis(try CDNOW.summaries(), terms: Self.terms)
        #expect(analysis.customers.count == 2_357)
        let top = analysis.topCustomers(5)
        #expect(top.count == 5 && zip(top, top.dropFirst()).allSatisfy { $0.lifetimeValue >= $1.lifetimeValue })
        #expect(analysis.customer("1")?.summary.frequency == 2)
        #expect(
            analysis.customer("1")?.probabilityAlive
                == analysis.purchases.probabilityAlive(analysis.customer("1")!.summary))
        let dashboard = DashboardSnapshot(takenAt: Date(timeIntervalSince1970: 0), customers: analysis)
        #expect(dashboard.customers?.customers == 2_357)
        #expect(dashboard.customers?.segments.values.reduce(0, +) == 2_357)
        #expect((dashboard.customers?.topFifthValueShare ?? 0) > 0.5)
        #expect(throws: ModelError.noRepeatBuyers) {
            try CustomerBaseAnalysis(
                [CustomerSummary(customer: "a", frequency: 0, recency: 0, age: 3)], terms: Self.terms)
        }
    }

    @Test func theCustomer360GathersEveryModule() async throws {
        let engine = InMemoryEngine()
        let user = try Principal("user:analyst")
        let ids = ULIDGenerator()
        let now = Date(timeIntervalSince1970: 1_772_452_800)
        let contacts = try await EngineContactStore(engine: engine)
        let sales = try await EngineSalesStore(contacts: contacts)
        let service = try await EngineServiceStore(contacts: contacts)
        let loyalty = try await EngineLoyaltyStore(engine: engine)
        let acme = try await contacts.insert(try Organization(id: ID(ids.next()), name: "Acme"), by: user).value
        var ada = try Contact(id: ID(ids.next()), name: try PersonName(givenName: "Ada", familyName: "Lovelace"))
        ada.organizationID = acme.id
        _ = try await contacts.insert(ada, by: user)
        let pipeline = Pipeline.newBusiness(id: ID(ids.next()))
        _ = try await sales.insert(
            try Opportunity(
                id: ID(ids.next()), name: "Renewal", pipeline: pipeline, accountID: acme.id, owner: user,
                amount: Money(minorUnits: 5_000, currency: .eur), expectedClose: now, at: now), by: user)
        let product = try Product(id: ID(ids.next()), sku: "P", name: "P")
        var book = PriceBook(id: ID(ids.next()), name: "Standard")
        book.setPrice(try PriceBook.Entry(productID: product.id, unitPrice: Money(minorUnits: 2_500, currency: .eur)))
        var quote = try Quote(
            id: ID(ids.next()), lines: [LineRequest(productID: product.id, quantity: 2)],
            engine: PricingEngine(products: [product], priceBook: book), currency: .eur, on: now,
            validUntil: now + 86_400, accountID: acme.id)
        var order = try quote.accept(at: now, orderID: ID(ids.next()), channel: .direct)
        try order.place(at: now)
        _ = try await sales.insert(order, by: user)
        let policy = try SLAPolicy(
            id: ID(ids.next()), name: "24x7", calendar: .alwaysOpen(),
            targets: [.normal: try SLATargets(firstResponse: 3600)], isDefault: true)
        let ticket = try Ticket(
            id: ID(ids.next()), subject: "Help", contactID: ada.id, channel: .chat, at: now, slaPolicy: policy)
        _ = try await service.insert(ticket, by: user)
        let program = try LoyaltyProgram(
            id: ID(ids.next()), name: "Club", spendCurrency: .eur,
            currencies: [PointCurrency(key: "points", name: "Points", purpose: .redeemable)],
            earningRules: [EarningRule(name: "Welcome", kind: .bonus(.enrollment, points: 50))])
        try await loyalty.save(program, by: user)
        _ = try await loyalty.enroll(Member(id: ID(ids.next()), program: program, contactID: ada.id, at: now), by: user)

        let profile = try await Customer360.assemble(
            ada.id, contacts: contacts, sales: sales, service: service, loyalty: loyalty, at: now + 7_200)
        #expect(profile.contact.id == ada.id && profile.organization?.id == acme.id)
        #expect(profile.openOpportunities.map(\.name) == ["Renewal"])
        #expect(profile.orders.map(\.id) == [order.id])
        #expect(profile.orderValue[.eur] == Money(minorUnits: 5_000, currency: .eur))
        #expect(profile.tickets.map(\.id) == [ticket.id])
        #expect(profile.slaStates[ticket.id]?.status == .breached)
        #expect(profile.loyalty.first?.account?.balance("points") == 50)
        #expect(profile.value == nil)
        await #expect(throws: StorageError.self) {
            try await Customer360.assemble(
                ID(ids.next()), contacts: contacts, sales: sales, service: service, loyalty: loyalty, at: now)
        }
    }
}
