import CRMCore
import CRMSales
import Foundation
import Testing

@Suite struct QuoteAndOrderTests {
    static let ids = ULIDGenerator()
    static let usd = try! Currency("USD")
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let widget = try! Product(id: ID(ids.next()), sku: "W-1", name: "Widget")

    static func engine(price: Int64 = 1_000) -> PricingEngine {
        var book = PriceBook(id: ID(ids.next()), name: "Standard", isStandard: true)
        book.setPrice(try! PriceBook.Entry(productID: widget.id, unitPrice: Money(minorUnits: price, currency: usd)))
        return PricingEngine(products: [widget], priceBook: book, taxes: [TaxRate(name: "VAT", percent: 20)])
    }

    static func quote(validFor days: Double = 30) throws -> Quote {
        try Quote(
            id: ID(ids.next()), lines: [LineRequest(productID: widget.id, quantity: 3)], engine: engine(),
            currency: usd,
            on: now, validUntil: now + days * 86_400)
    }

    @Test func revisingMakesANewVersionAndAcceptingMakesAnOrder() throws {
        var first = try Self.quote()
        try first.send()
        var second = try first.revise(
            lines: [LineRequest(productID: Self.widget.id, quantity: 5)], engine: Self.engine(price: 900), on: Self.now,
            validUntil: Self.now + 86_400)
        #expect(first.status == .superseded)
        #expect(second.version == 2 && second.id == first.id)
        #expect(second.priced.net == Money(minorUnits: 4_500, currency: Self.usd))
        #expect(throws: OrderError.invalidTransition(from: "superseded", to: "sent")) { try first.send() }
        let order = try second.accept(at: Self.now + 3_600, orderID: ID(Self.ids.next()), channel: .partner)
        #expect(second.status == .accepted)
        #expect(order.status == .draft && order.channel == .partner)
        #expect(
            order.net == Money(minorUnits: 4_500, currency: Self.usd)
                && order.tax == Money(minorUnits: 900, currency: Self.usd))
    }

    @Test func anExpiredQuoteCannotBeAccepted() throws {
        var quote = try Self.quote(validFor: 1)
        #expect(throws: OrderError.quoteExpired(Self.now + 86_400)) {
            try quote.accept(at: Self.now + 2 * 86_400, orderID: ID(Self.ids.next()), channel: .direct)
        }
        #expect(quote.status == .draft)
    }

    @Test func returnsRefundExactSharesAndFollowTheLifecycle() throws {
        var quote = try Self.quote()
        // 3 widgets at 10.00: net 30.00, tax 6.00.
        var order = try quote.accept(at: Self.now, orderID: ID(Self.ids.next()), channel: .online)
        #expect(throws: OrderError.invalidTransition(from: "draft", to: "returned")) {
            try order.returnUnits(1, ofLine: 0)
        }
        try order.place(at: Self.now)
        try order.ship(at: Self.now + 3_600)
        #expect(throws: OrderError.invalidTransition(from: "placed", to: "cancelled")) { try order.cancel() }
        try order.fulfill(at: Self.now + 86_400)
        #expect(order.shippedAt == Self.now + 3_600 && order.fulfilledAt == Self.now + 86_400)
        #expect(throws: OrderError.invalidTransition(from: "fulfilled", to: "cancelled")) { try order.cancel() }
        #expect(try order.returnUnits(1, ofLine: 0) == Money(minorUnits: 1_200, currency: Self.usd))
        #expect(order.status == .partiallyReturned)
        #expect(throws: OrderError.invalidReturn(line: 0, quantity: 3, returnable: 2)) {
            try order.returnUnits(3, ofLine: 0)
        }
        #expect(throws: OrderError.noSuchLine(4)) { try order.returnUnits(1, ofLine: 4) }
        #expect(try order.returnUnits(2, ofLine: 0) == Money(minorUnits: 2_400, currency: Self.usd))
        #expect(order.status == .returned)
        #expect(order.net.isZero && order.tax.isZero)

        var another = try Self.quote()
        var cancelled = try another.accept(at: Self.now, orderID: ID(Self.ids.next()), channel: .direct)
        try cancelled.place(at: Self.now)
        try cancelled.cancel()
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.net.isZero && cancelled.tax.isZero)
    }

    @Test func thirdsAreRefundedWithoutLosingACent() throws {
        var quote = try Quote(
            id: ID(Self.ids.next()), lines: [LineRequest(productID: Self.widget.id, quantity: 3)],
            engine: Self.engine(price: 333), currency: Self.usd, on: Self.now, validUntil: Self.now + 86_400)
        var order = try quote.accept(at: Self.now, orderID: ID(Self.ids.next()), channel: .agent)
        try order.place(at: Self.now)
        try order.fulfill(at: Self.now)
        // Net 9.99, tax 2.00 (1.998 rounded): three single returns refund 11.99 in all.
        var refunds: [Int64] = []
        for _ in 0..<3 { refunds.append(try order.returnUnits(1, ofLine: 0).minorUnits) }
        #expect(refunds.reduce(0, +) == 1_199)
    }
}
