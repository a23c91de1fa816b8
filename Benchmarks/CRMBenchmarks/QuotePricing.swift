import CRMContacts
import CRMCore
import CRMSales
import Foundation

/// Prices a 1,000-line quote through every pricing step (list price, volume tier, two discounts, a
/// promotion, a tax) and reports the time per quote.
enum QuotePricing {
    static func run() async throws {
        let usd = try Currency("USD")
        let ids = ULIDGenerator()
        let products = try (0..<1_000).map { number in
            try Product(
                id: ID(ids.next()), sku: "P-\(number)", name: "Product \(number)", family: number % 2 == 0 ? "A" : "B")
        }
        var book = PriceBook(id: ID(ids.next()), name: "Standard", isStandard: true)
        for (number, product) in products.enumerated() {
            book.setPrice(
                try PriceBook.Entry(
                    productID: product.id, unitPrice: Money(minorUnits: Int64(999 + number), currency: usd)))
        }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let engine = PricingEngine(
            products: products, priceBook: book,
            volumeTiers: [
                VolumeTier(scope: .all, minimumQuantity: 10, adjustment: .percentOff(5)),
                VolumeTier(scope: .all, minimumQuantity: 50, adjustment: .percentOff(8)),
            ],
            discounts: [
                Discount(name: "Partner", categories: [.smallBusiness], adjustment: .percentOff(3)),
                Discount(
                    name: "Family A", scope: .families(["A"]),
                    adjustment: .amountOff(Money(minorUnits: 25, currency: usd))),
            ],
            promotions: [
                Promotion(
                    discount: Discount(name: "Spring", adjustment: .percentOff(2)), validFrom: now - 86_400,
                    validUntil: now + 86_400)
            ],
            taxes: [TaxRate(name: "VAT", percent: 20)])
        let lines = products.enumerated().map { number, product in
            LineRequest(productID: product.id, quantity: Decimal(1 + number % 80))
        }
        _ = try engine.price(lines, currency: usd, on: now, category: .smallBusiness)
        let rounds = 50
        var document: PricedDocument?
        let time = try await seconds {
            for _ in 0..<rounds { document = try engine.price(lines, currency: usd, on: now, category: .smallBusiness) }
        }
        emit("\nQuote pricing (1,000 lines, 6 rules each)")
        emit(
            Result(name: "price a 1,000-line quote", operations: rounds, seconds: time, target: "< 5 ms per quote").line
        )
        emit("quote total: \(document!.gross)")
    }
}
