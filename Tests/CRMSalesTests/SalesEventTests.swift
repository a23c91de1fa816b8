import CRMContacts
import CRMCore
import CRMSales
import Foundation
import Synchronization
import Testing

/// Sales events are published after commit, and only then.
@Suite struct SalesEventTests {
    static let user = try! Principal("user:sam")
    static let ids = ULIDGenerator()
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    final class Log: Sendable {
        let entries = Mutex<[String]>([])
        func add(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    @Test func wonLostPlacedAndReturnedArePublishedOncePerChange() async throws {
        let contacts = try await EngineContactStore(engine: InMemoryEngine())
        let sales = try await EngineSalesStore(contacts: contacts)
        let log = Log()
        sales.events.subscribe(OpportunityWon.self) { log.add("won \($0.amount)") }
        sales.events.subscribe(OpportunityLost.self) { log.add("lost: \($0.reason)") }
        sales.events.subscribe(OrderPlaced.self) { log.add("placed \($0.net)") }
        let returns = sales.events.subscribe(OrderReturned.self) { log.add("returned, full: \($0.isFullReturn)") }

        let pipeline = Pipeline.newBusiness(id: ID(Self.ids.next()))
        let usd = try Currency("USD")
        func open(_ amount: Int64) async throws -> Stored<Opportunity> {
            try await sales.insert(
                try Opportunity(
                    id: ID(Self.ids.next()), name: "Deal", pipeline: pipeline, owner: Self.user,
                    amount: Money(minorUnits: amount, currency: usd), expectedClose: Self.now, at: Self.now),
                by: Self.user)
        }
        let first = try await open(100_000)
        var winning = first.value
        try winning.win(at: "won", in: pipeline, at: Self.now)
        var stale = first.value
        try stale.lose(in: pipeline, reason: "Timing", at: Self.now)
        _ = try await sales.update(winning, expectedVersion: first.version, by: Self.user)
        await #expect(throws: StorageError.self) {
            try await sales.update(stale, expectedVersion: first.version, by: Self.user)
        }
        let second = try await open(5_000)
        var losing = second.value
        try losing.lose(in: pipeline, reason: "No budget", at: Self.now)
        _ = try await sales.update(losing, expectedVersion: second.version, by: Self.user)

        let product = try Product(id: ID(Self.ids.next()), sku: "W-1", name: "Widget")
        var book = PriceBook(id: ID(Self.ids.next()), name: "Standard")
        book.setPrice(try PriceBook.Entry(productID: product.id, unitPrice: Money(minorUnits: 1_000, currency: usd)))
        var quote = try Quote(
            id: ID(Self.ids.next()), lines: [LineRequest(productID: product.id, quantity: 2)],
            engine: PricingEngine(products: [product], priceBook: book), currency: usd, on: Self.now,
            validUntil: Self.now + 86_400)
        var order = try quote.accept(at: Self.now, orderID: ID(Self.ids.next()), channel: .direct)
        let draft = try await sales.insert(order, by: Self.user)
        try order.place(at: Self.now)
        let placed = try await sales.update(order, expectedVersion: draft.version, by: Self.user)
        try order.fulfill(at: Self.now)
        let fulfilled = try await sales.update(order, expectedVersion: placed.version, by: Self.user)
        try order.returnUnits(1, ofLine: 0)
        let partly = try await sales.update(order, expectedVersion: fulfilled.version, by: Self.user)
        sales.events.cancel(returns)
        try order.returnUnits(1, ofLine: 0)
        _ = try await sales.update(order, expectedVersion: partly.version, by: Self.user)

        #expect(log.all == ["won 1000.00 USD", "lost: No budget", "placed 20.00 USD", "returned, full: false"])
        #expect(try await sales.order(order.id)?.value.status == .returned)
    }
}
