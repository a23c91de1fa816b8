import CRMContacts
import CRMCore
import CRMSales
import Foundation
import Testing

@Suite struct OpportunityTests {
    static let ids = ULIDGenerator()
    static let seller = try! Principal("user:sam")
    static let usd = try! Currency("USD")
    static let eur = try! Currency("EUR")
    static let start = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z
    static let day: TimeInterval = 86_400

    static func pipeline() -> Pipeline {
        Pipeline.newBusiness(id: ID(ids.next()))
    }

    static func deal(_ pipeline: Pipeline, _ amount: Int64, _ currency: Currency = usd, closeDay: Double = 40) throws
        -> Opportunity
    {
        try Opportunity(
            id: ID(ids.next()), name: "Deal", pipeline: pipeline, owner: seller,
            amount: Money(minorUnits: amount, currency: currency), expectedClose: start + closeDay * day, at: start)
    }

    @Test func stagesMoveWithHistoryAndInvalidTransitionsAreTyped() throws {
        let pipeline = Self.pipeline()
        var deal = try Self.deal(pipeline, 100_000)
        #expect(deal.stage == "qualify" && deal.probability == 10)
        try deal.move(to: "propose", in: pipeline, at: Self.start + 5 * Self.day)
        try deal.reschedule(to: Self.start + 60 * Self.day, at: Self.start + 6 * Self.day)
        #expect(deal.daysInStage(at: Self.start + 15 * Self.day) == 10)
        #expect(deal.slippage == 1)
        #expect(deal.history.map(\.stage) == ["qualify", "propose", "propose"])
        #expect(throws: OpportunityError.unknownStage("closing")) {
            try deal.move(to: "closing", in: pipeline, at: Self.start)
        }
        #expect(throws: OpportunityError.notAWonStage("negotiate")) {
            try deal.win(at: "negotiate", in: pipeline, at: Self.start)
        }
        #expect(throws: OpportunityError.lostReasonRequired) {
            try deal.move(to: "lost", in: pipeline, at: Self.start, lostReason: " ")
        }
        #expect(deal.stage == "propose")
        try deal.lose(in: pipeline, reason: "Chose a competitor", at: Self.start + 20 * Self.day)
        #expect(deal.lostReason == "Chose a competitor" && deal.isClosed && deal.probability == 0)
        #expect(throws: OpportunityError.alreadyClosed("lost")) {
            try deal.move(to: "propose", in: pipeline, at: Self.start)
        }
        #expect(throws: OpportunityError.negativeAmount(Money(minorUnits: -1, currency: Self.usd))) {
            try Self.deal(pipeline, -1)
        }
    }

    @Test func lineItemsPricedByTheEngineSetTheAmount() throws {
        let widget = try Product(id: ID(Self.ids.next()), sku: "W-1", name: "Widget")
        var book = PriceBook(id: ID(Self.ids.next()), name: "Standard")
        book.setPrice(
            try PriceBook.Entry(productID: widget.id, unitPrice: Money(minorUnits: 2_500, currency: Self.usd)))
        var deal = try Self.deal(Self.pipeline(), 0)
        try deal.setLineItems(
            [LineRequest(productID: widget.id, quantity: 4)],
            engine: PricingEngine(products: [widget], priceBook: book),
            on: Self.start)
        #expect(deal.amount == Money(minorUnits: 10_000, currency: Self.usd))
        #expect(deal.lineItems.count == 1)
        #expect(throws: PricingError.self) {
            try deal.setLineItems(
                [LineRequest(productID: widget.id, quantity: 0)],
                engine: PricingEngine(products: [widget], priceBook: book),
                on: Self.start)
        }
    }

    @Test func pipelinesAreValidated() {
        let error = #expect(throws: ValidationError.self) {
            try Pipeline(
                id: ID(Self.ids.next()), name: "Broken",
                stages: [
                    .init(key: "a b", name: "A", probability: 120, forecastCategory: .pipeline),
                    .init(key: "won", name: "Won", probability: 90, forecastCategory: .commit, outcome: .won),
                ])
        }
        #expect(error?.issues.count == 4)
    }

    @Test func theForecastWeighsByProbabilityAndConvertsAtTheCloseDate() throws {
        let pipeline = Self.pipeline()
        var rates = ExchangeRateTable()
        try rates.add(from: Self.eur, to: Self.usd, rate: 1.10, effective: Self.start)
        try rates.add(from: Self.eur, to: Self.usd, rate: 1.20, effective: Self.start + 45 * Self.day)
        var committed = try Self.deal(pipeline, 100_000, closeDay: 20)  // January, 1,000.00 USD
        try committed.move(to: "negotiate", in: pipeline, at: Self.start)
        let early = try Self.deal(pipeline, 50_000, Self.eur, closeDay: 40)  // February, rate 1.10
        let late = try Self.deal(pipeline, 50_000, Self.eur, closeDay: 50)  // February, rate 1.20
        var won = try Self.deal(pipeline, 200_000, closeDay: 10)
        try won.win(at: "won", in: pipeline, at: Self.start + 30 * Self.day)
        var lost = try Self.deal(pipeline, 70_000, closeDay: 10)
        try lost.lose(in: pipeline, reason: "No budget", at: Self.start + 10 * Self.day)

        let forecast = SalesForecast(baseCurrency: Self.usd, rates: rates)
        let rows = try forecast.rows([committed, early, late, won, lost], pipelines: [pipeline], period: .month)
        #expect(
            rows.map { "\($0.year)-\($0.index) \($0.category) \($0.count) \($0.amount) \($0.weighted)" } == [
                "2027-1 commit 1 1000.00 USD 800.00 USD",
                "2027-1 closed 1 2000.00 USD 2000.00 USD",
                "2027-2 pipeline 2 1150.00 USD 115.00 USD",
            ])
        let quarters = try forecast.rows(
            [committed, early, late, won, lost], pipelines: [pipeline], period: .quarter, grouping: .owner)
        #expect(quarters.map(\.index) == [1, 1, 1] && quarters.allSatisfy { $0.owner == Self.seller })
        let teams = try forecast.rows(
            [committed, early, late, won, lost], pipelines: [pipeline], period: .quarter,
            grouping: .team([Self.seller: "North"]))
        #expect(teams.map(\.team) == ["North", "North", "North"])
        #expect(teams.map(\.amount.minorUnits).reduce(0, +) == 415_000)

        let metrics = try forecast.metrics([committed, early, late, won, lost], pipelines: [pipeline])
        #expect(metrics.winRate == 0.5)
        #expect(metrics.averageDealSize == Money(minorUnits: 200_000, currency: Self.usd))
        #expect(metrics.averageCycleDays == 30)
        // 3 open × 0.5 × 2,000.00 ÷ 30 days = 100.00 a day.
        #expect(metrics.velocityPerDay == Money(minorUnits: 10_000, currency: Self.usd))

        let noRate = SalesForecast(baseCurrency: try Currency("GBP"), rates: rates)
        #expect(throws: MoneyError.self) { try noRate.rows([early], pipelines: [pipeline], period: .month) }
    }
}
