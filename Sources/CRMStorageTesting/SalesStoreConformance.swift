import CRMContacts
import CRMCore
public import CRMSales
import Foundation
import Synchronization

/// The conformance kit's sales area: the checks every `SalesStore` passes.
///
/// ```swift
/// @Test func mySalesStoreConforms() async throws {
///     try await SalesStoreConformance(makeStore: { try await MySalesStore.empty() }).run()
/// }
/// ```
public struct SalesStoreConformance: Sendable {
    /// Makes a fresh, empty store.
    public let makeStore: @Sendable () async throws -> any SalesStore

    /// Creates the kit for a store.
    public init(makeStore: @escaping @Sendable () async throws -> any SalesStore) {
        self.makeStore = makeStore
    }

    /// The areas of the sales kit.
    public enum Area: String, CaseIterable, Sendable {
        /// Leads, their versions and their conversion.
        case leads
        /// Opportunities, their closing and its events.
        case opportunities
        /// Orders, placing and returning, and their events.
        case orders
    }

    /// Runs every area; throws a ``ConformanceReport`` of the failed ones.
    public func run() async throws {
        try await ConformanceReport.runAll(Area.allCases, check: check)
    }

    /// Runs the checks of one area; throws at the first failure.
    public func check(_ area: Area) async throws {
        switch area {
        case .leads: try await checkLeads()
        case .opportunities: try await checkOpportunities()
        case .orders: try await checkOrders()
        }
    }

    /// Leads are stored with versions, found by status, and converted once into a contact.
    public func checkLeads() async throws {
        let expect = Expect(area: "leads")
        let store = try await makeStore()
        let lead = Lead(
            id: ID(ContactKit.ids.next()), name: try PersonName(givenName: "Pat", familyName: "Lee"), company: "Acme",
            email: try EmailAddress("pat@acme.example"), status: .qualified)
        let saved = try await store.insert(lead, by: ContactKit.user)
        try expect.equal(saved.version, 1, "a new lead has version 1")
        try expect.equal(
            try await store.leads(withStatus: .qualified).map(\.value.id), [lead.id], "leads are found by status")
        var stale = lead
        stale.interest = "Software"
        _ = try await store.update(stale, expectedVersion: 1, by: ContactKit.user)
        try await expect.error(.conflict, "an update from a stale version is refused") {
            try await store.update(lead, expectedVersion: 1, by: ContactKit.user)
        }
        let result = try await store.convert(lead.id, LeadConversion(), by: ContactKit.user, at: ContactKit.now)
        try expect.equal(
            try await store.lead(lead.id)?.value.status, .converted, "a converted lead is marked converted")
        try expect.equal(try await store.lead(lead.id)?.value.conversion, result, "a converted lead links its records")
        try await expect.invalid(["status"], "a lead converts once") {
            try await store.convert(lead.id, LeadConversion(), by: ContactKit.user, at: ContactKit.now)
        }
    }

    /// Closing an opportunity publishes one event after the commit; a refused write publishes none.
    public func checkOpportunities() async throws {
        let expect = Expect(area: "opportunities")
        let store = try await makeStore()
        let seen = Mutex<[String]>([])
        store.events.subscribe(OpportunityWon.self) { won in seen.withLock { $0.append("won \(won.amount)") } }
        store.events.subscribe(OpportunityLost.self) { lost in seen.withLock { $0.append("lost \(lost.reason)") } }
        let pipeline = Pipeline.newBusiness(id: ID(ContactKit.ids.next()))
        try await store.save(pipeline, by: ContactKit.user)
        try expect.equal(try await store.pipeline(pipeline.id), pipeline, "a pipeline reads back as saved")
        let deal = try Opportunity(
            id: ID(ContactKit.ids.next()), name: "Deal", pipeline: pipeline, owner: ContactKit.user,
            amount: Money(minorUnits: 50_000, currency: try Currency("EUR")), expectedClose: ContactKit.now,
            at: ContactKit.now)
        let saved = try await store.insert(deal, by: ContactKit.user)
        var won = deal
        try won.win(at: "won", in: pipeline, at: ContactKit.now)
        var lost = deal
        try lost.lose(in: pipeline, reason: "Timing", at: ContactKit.now)
        _ = try await store.update(won, expectedVersion: saved.version, by: ContactKit.user)
        try await expect.error(.conflict, "a stale close is refused") {
            try await store.update(lost, expectedVersion: saved.version, by: ContactKit.user)
        }
        try expect.equal(
            seen.withLock { $0 }, ["won 500.00 EUR"], "one event per committed close, none for a refused one")
    }

    /// Orders publish their placing and their returns.
    public func checkOrders() async throws {
        let expect = Expect(area: "orders")
        let store = try await makeStore()
        let seen = Mutex<[String]>([])
        store.events.subscribe(OrderPlaced.self) { placed in seen.withLock { $0.append("placed \(placed.net)") } }
        store.events.subscribe(OrderReturned.self) { returned in
            seen.withLock { $0.append("returned, full: \(returned.isFullReturn)") }
        }
        let usd = try Currency("USD")
        let product = try Product(id: ID(ContactKit.ids.next()), sku: "K-1", name: "Kit")
        var book = PriceBook(id: ID(ContactKit.ids.next()), name: "Standard")
        book.setPrice(try PriceBook.Entry(productID: product.id, unitPrice: Money(minorUnits: 700, currency: usd)))
        var quote = try Quote(
            id: ID(ContactKit.ids.next()), lines: [LineRequest(productID: product.id, quantity: 2)],
            engine: PricingEngine(products: [product], priceBook: book), currency: usd, on: ContactKit.now,
            validUntil: ContactKit.now + 86_400, accountID: ID(ContactKit.ids.next()))
        var order = try quote.accept(at: ContactKit.now, orderID: ID(ContactKit.ids.next()), channel: .online)
        let draft = try await store.insert(order, by: ContactKit.user)
        try order.place(at: ContactKit.now)
        let placed = try await store.update(order, expectedVersion: draft.version, by: ContactKit.user)
        try order.fulfill(at: ContactKit.now)
        let fulfilled = try await store.update(order, expectedVersion: placed.version, by: ContactKit.user)
        try order.returnUnits(2, ofLine: 0)
        _ = try await store.update(order, expectedVersion: fulfilled.version, by: ContactKit.user)
        try expect.equal(try await store.order(order.id)?.value, order, "an order reads back as stored")
        try expect.equal(
            try await store.orders(of: order.accountID!).map(\.value.id), [order.id], "orders are listed by account")
        try expect.equal(
            seen.withLock { $0 }, ["placed 14.00 USD", "returned, full: true"], "placing and returning are published")
    }
}
