import CRMContacts
import CRMCore
import CRMSales
import Foundation
import Testing

@Suite struct PricingEngineTests {
    static let ids = ULIDGenerator()
    static let usd = try! Currency("USD")
    static let eur = try! Currency("EUR")
    static let jpy = try! Currency("JPY")
    static let day = Date(timeIntervalSince1970: 1_800_000_000)
    static let widget = try! Product(id: ID(ids.next()), sku: "W-1", name: "Widget", family: "Hardware")
    static let support = try! Product(
        id: ID(ids.next()), sku: "S-1", name: "Support hour", family: "Services", unit: "hour")

    static func money(_ text: String, _ currency: Currency = usd) -> Money {
        try! Money(Decimal(string: text)!, currency: currency)
    }

    static func book() -> PriceBook {
        var book = PriceBook(id: ID(ids.next()), name: "Standard", isStandard: true)
        book.setPrice(try! PriceBook.Entry(productID: widget.id, unitPrice: money("12.00")))
        book.setPrice(try! PriceBook.Entry(productID: widget.id, unitPrice: money("9.99")))
        book.setPrice(try! PriceBook.Entry(productID: support.id, unitPrice: money("150.00")))
        book.setPrice(try! PriceBook.Entry(productID: widget.id, unitPrice: money("1100", jpy)))
        return book
    }

    @Test func rulesApplyInTheDocumentedOrderAndExplainThemselves() throws {
        let engine = PricingEngine(
            products: [Self.widget, Self.support], priceBook: Self.book(),
            volumeTiers: [
                VolumeTier(scope: .products([Self.widget.id]), minimumQuantity: 10, adjustment: .percentOff(5)),
                VolumeTier(scope: .products([Self.widget.id]), minimumQuantity: 100, adjustment: .percentOff(10)),
            ],
            discounts: [Discount(name: "Partner", categories: [.smallBusiness], adjustment: .percentOff(3))],
            promotions: [
                Promotion(
                    discount: Discount(
                        name: "Spring", scope: .families(["Hardware"]), adjustment: .amountOff(Self.money("0.50"))),
                    validFrom: Self.day - 86_400, validUntil: Self.day + 86_400)
            ],
            taxes: [TaxRate(name: "VAT 20 %", percent: 20)])
        let document = try engine.price(
            [
                LineRequest(productID: Self.widget.id, quantity: 150),
                LineRequest(productID: Self.support.id, quantity: 2.5),
            ],
            currency: Self.usd, on: Self.day, category: .smallBusiness)
        let widgets = document.lines[0]
        // 9.99 → tier 10 % → 8.991 → partner 3 % → 8.72127 → spring −0.50 → 8.22127; × 150 = 1233.1905 → 1233.19.
        #expect(widgets.appliedRules.map(\.step) == [.listPrice, .volumeTier, .discount, .promotion, .tax])
        #expect(widgets.unitPrice == Decimal(string: "8.22127"))
        #expect(widgets.net == Self.money("1233.19"))
        #expect(widgets.tax == Self.money("246.64"))
        let hours = document.lines[1]
        // 150 → partner 3 % → 145.50; × 2.5 = 363.75; VAT 72.75.
        #expect(hours.appliedRules.map(\.name) == ["Standard", "Partner", "VAT 20 %"])
        #expect(hours.net == Self.money("363.75"))
        #expect(document.net == Self.money("1596.94"))
        #expect(document.tax == Self.money("319.39"))
        #expect(document.gross == Self.money("1916.33"))
    }

    @Test func categoryAndManualPricesReplaceTheListPriceAndNothingGoesBelowZero() throws {
        let engine = PricingEngine(
            products: [Self.widget], priceBook: Self.book(),
            categoryPrices: [
                CategoryPrice(category: .education, productID: Self.widget.id, unitPrice: Self.money("7.00"))
            ],
            discounts: [Discount(name: "Clearance", adjustment: .amountOff(Self.money("20.00")))])
        let school = try engine.price(
            [LineRequest(productID: Self.widget.id, quantity: 1)], currency: Self.usd, on: Self.day,
            category: .education)
        #expect(school.lines[0].appliedRules.map(\.step) == [.categoryPrice, .discount, .floor])
        #expect(school.net == Self.money("0.00"))
        let manual = try PricingEngine(products: [Self.widget], priceBook: Self.book()).price(
            [LineRequest(productID: Self.widget.id, quantity: 3, manualUnitPrice: Self.money("5.55"))],
            currency: Self.usd,
            on: Self.day)
        #expect(manual.lines[0].appliedRules.map(\.step) == [.manualPrice])
        #expect(manual.net == Self.money("16.65"))
        let yen = try PricingEngine(products: [Self.widget], priceBook: Self.book()).price(
            [LineRequest(productID: Self.widget.id, quantity: 3)], currency: Self.jpy, on: Self.day)
        #expect(yen.net == Self.money("3300", Self.jpy))
    }

    @Test func roundingHappensOncePerLineWithTheChosenRule() throws {
        var book = PriceBook(id: ID(Self.ids.next()), name: "Standard")
        book.setPrice(try PriceBook.Entry(productID: Self.widget.id, unitPrice: Self.money("0.25")))
        // Half off 0.25 is 0.125: the unit price stays exact, and only the line is rounded.
        let engine = PricingEngine(
            products: [Self.widget], priceBook: book, discounts: [Discount(name: "Half", adjustment: .percentOff(50))])
        let line = [LineRequest(productID: Self.widget.id, quantity: 1)]
        #expect(try engine.price(line, currency: Self.usd, on: Self.day).net == Self.money("0.12"))
        #expect(try engine.price(line, currency: Self.usd, on: Self.day, rounding: .halfUp).net == Self.money("0.13"))
        let many = Array(repeating: LineRequest(productID: Self.widget.id, quantity: 1), count: 3)
        #expect(try engine.price(many, currency: Self.usd, on: Self.day).net == Self.money("0.36"))
    }

    @Test func badInputGivesTypedErrorsNamingTheLine() throws {
        var book = Self.book()
        let retired = try Product(id: ID(Self.ids.next()), sku: "OLD-1", name: "Old", isActive: false)
        let seasonal = try Product(id: ID(Self.ids.next()), sku: "SEA-1", name: "Seasonal")
        book.setPrice(
            try PriceBook.Entry(
                productID: seasonal.id, unitPrice: Self.money("5.00"), validFrom: Self.day - 1_000,
                validUntil: Self.day - 1))
        let engine = PricingEngine(
            products: [Self.widget, retired, seasonal], priceBook: book,
            discounts: [Discount(name: "Broken", scope: .products([Self.support.id]), adjustment: .percentOff(120))])
        func error(_ lines: [LineRequest], currency: Currency = Self.usd) -> PricingError? {
            #expect(throws: PricingError.self) { try engine.price(lines, currency: currency, on: Self.day) }
        }
        let ok = LineRequest(productID: Self.widget.id, quantity: 1)
        #expect(
            error([ok, LineRequest(productID: Self.widget.id, quantity: -1)])
                == .invalidQuantity(line: 1, product: Self.widget.id, quantity: -1))
        #expect(
            error([LineRequest(productID: Self.support.id, quantity: 1)])
                == .unknownProduct(line: 0, product: Self.support.id))
        #expect(
            error([LineRequest(productID: retired.id, quantity: 1)]) == .inactiveProduct(line: 0, product: retired.id))
        #expect(error([ok], currency: Self.eur) == .noPrice(line: 0, product: Self.widget.id, currency: Self.eur))
        #expect(
            error([LineRequest(productID: seasonal.id, quantity: 1)])
                == .expiredPrice(line: 0, product: seasonal.id, on: Self.day))
        #expect(
            error([LineRequest(productID: Self.widget.id, quantity: 1, manualUnitPrice: Self.money("1", Self.eur))])
                == .currencyMismatch(line: 0, rule: "the manual unit price", expected: Self.usd, found: Self.eur))
        let withSupport = PricingEngine(
            products: [Self.support], priceBook: Self.book(),
            discounts: [Discount(name: "Broken", adjustment: .percentOff(120))])
        #expect(throws: PricingError.invalidPercentage(line: 0, rule: "Broken", percent: 120)) {
            try withSupport.price(
                [LineRequest(productID: Self.support.id, quantity: 1)], currency: Self.usd, on: Self.day)
        }
        #expect(
            PricingError.noPrice(line: 0, product: Self.widget.id, currency: Self.eur).description.contains("line 1"))
        let product = #expect(throws: ValidationError.self) {
            try Product(id: ID(Self.ids.next()), sku: "bad sku!", name: "")
        }
        #expect(product?.issues.map(\.field) == ["sku", "name"])
        let entry = #expect(throws: ValidationError.self) {
            try PriceBook.Entry(productID: Self.widget.id, unitPrice: Self.money("-1.00"))
        }
        #expect(entry?.issues.map(\.field) == ["unitPrice"])
    }

    @Test func replacedPricesStayInTheBookButInactive() {
        let book = Self.book()
        let widgetEntries = book.entries.filter { $0.productID == Self.widget.id && $0.unitPrice.currency == Self.usd }
        #expect(widgetEntries.map(\.isActive) == [false, true])
        #expect(widgetEntries.map(\.unitPrice) == [Self.money("12.00"), Self.money("9.99")])
    }
}
