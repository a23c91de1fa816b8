import CRMCore
import CRMSales
import Foundation

/// A monthly forecast by owner over 1,000,000 opportunities in three currencies, with dated rates.
enum ForecastComputation {
    static func run(count: Int) async throws {
        let usd = try Currency("USD")
        let eur = try Currency("EUR")
        let gbp = try Currency("GBP")
        let start = Date(timeIntervalSince1970: 1_798_761_600)
        let ids = ULIDGenerator()
        let pipeline = Pipeline.newBusiness(id: ID(ids.next()))
        var rates = ExchangeRateTable()
        for month in 0..<24 {
            let date = start + Double(month) * 30 * 86_400
            try rates.add(from: eur, to: usd, rate: 1.08 + Decimal(month) / 1_000, effective: date)
            try rates.add(from: gbp, to: usd, rate: 1.27 + Decimal(month) / 1_000, effective: date)
        }
        let owners = try (0..<50).map { try Principal("user:\($0)") }
        var random = SeededRandomNumberGenerator(seed: 11)
        let stages = ["qualify", "propose", "negotiate"]
        var opportunities: [Opportunity] = []
        opportunities.reserveCapacity(count)
        for number in 0..<count {
            var deal = try Opportunity(
                id: ID(ids.next()), name: "Deal \(number)", pipeline: pipeline, owner: owners[number % owners.count],
                amount: Money(
                    minorUnits: Int64.random(in: 10_000...5_000_000, using: &random),
                    currency: [usd, eur, gbp][number % 3]),
                expectedClose: start + Double(Int.random(in: 0..<540, using: &random)) * 86_400, at: start)
            let stage = stages[number % 3]
            if stage != "qualify" { try deal.move(to: stage, in: pipeline, at: start) }
            opportunities.append(deal)
        }
        let forecast = SalesForecast(baseCurrency: usd, rates: rates)
        var rows: [SalesForecast.Row] = []
        let time = try await seconds {
            rows = try forecast.rows(opportunities, pipelines: [pipeline], period: .month, grouping: .owner)
        }
        emit("\nForecast (\(count) opportunities, 3 currencies, monthly by owner)")
        emit(Result(name: "weighted forecast", operations: 1, seconds: time, target: "< 1 s for 1,000,000").line)
        emit("rows: \(rows.count)")
    }
}
