import CRMAnalytics
import Foundation
import Testing

@Suite struct ValueAndSegmentTests {
    @Test func lifetimeValueIsDiscountedNetMargin() throws {
        let summaries = try CDNOW.summaries()
        let purchases = try BGNBDModel(r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752)
        let spend = try GammaGammaModel(p: 6.2488, q: 3.7446, gamma: 15.4477)
        let first = summaries[0]
        let monthly = try ValueTerms(periods: 12, periodLength: 52.0 / 12, discountRate: 0.01, margin: 1)
        let value = try #require(CustomerLifetimeValue(purchases: purchases, spend: spend, terms: monthly).of(first))
        let undiscounted = purchases.expectedPurchases(in: 52, for: first) * spend.expectedAverageSpend(for: first)!
        #expect(value < undiscounted && value > 0.9 * undiscounted, "a year at 1 % a month")
        let net = try ValueTerms(
            periods: 12, periodLength: 52.0 / 12, discountRate: 0.01, margin: 0.3, costPerPurchase: 2,
            acquisitionCost: 5)
        let netValue = try #require(CustomerLifetimeValue(purchases: purchases, spend: spend, terms: net).of(first))
        #expect(netValue < value * 0.3, "margin, serving and acquisition costs come off")
        let calculation = CustomerLifetimeValue(purchases: purchases, spend: spend, terms: net)
        let expensive = try #require(calculation.of(first, acquisitionCost: 50, costPerPurchase: 4))
        #expect(expensive < netValue - 45, "per-customer costs replace the terms' costs")
        #expect(throws: ModelError.invalidParameter(name: "margin", value: 1.5)) {
            try ValueTerms(periods: 1, periodLength: 1, discountRate: 0, margin: 1.5)
        }
    }

    @Test func concentrationSharesLorenzAndGini() throws {
        let even = try ValueConcentration(values: [5, 5, 5, 5])
        #expect(even.gini == 0 && even.share(ofTop: 0.25) == 0.25)
        let skewed = try ValueConcentration(values: [80, 10, 5, 5, 0])
        #expect(skewed.share(ofTop: 0.2) == 0.8)
        #expect(abs(skewed.share(ofTop: 0.3) - 0.85) < 1e-12, "half of the second customer")
        #expect(skewed.lorenzCurve.first == ValueConcentration.Point(customers: 0, value: 0))
        #expect(skewed.lorenzCurve.last == ValueConcentration.Point(customers: 1, value: 1))
        #expect(abs(skewed.gini - 0.66) < 1e-12)
        #expect(throws: ValueConcentration.Error.noValue) { try ValueConcentration(values: [0, 0]) }
        #expect(throws: ValueConcentration.Error.noCustomers) { try ValueConcentration(values: []) }
        #expect(throws: ValueConcentration.Error.invalidValue(-1)) { try ValueConcentration(values: [1, -1]) }
        let cdnow = try ValueConcentration(
            values: try CDNOW.summaries().map { Double($0.frequency) * $0.monetaryValue })
        #expect(cdnow.share(ofTop: 0.2) > 0.8, "on CDNOW a fifth of the customers bring most repeat revenue")
    }

    @Test func rfmScoresReverseRecencyAndNameSegments() throws {
        let customers = [
            CustomerSummary(customer: "champion", frequency: 9, recency: 50, age: 52, monetaryValue: 90),
            CustomerSummary(customer: "lapsed", frequency: 8, recency: 5, age: 52, monetaryValue: 80),
            CustomerSummary(customer: "new", frequency: 0, recency: 0, age: 1, monetaryValue: 0),
            CustomerSummary(customer: "gone", frequency: 0, recency: 0, age: 52, monetaryValue: 0),
            CustomerSummary(customer: "middle", frequency: 3, recency: 30, age: 52, monetaryValue: 30),
        ]
        let scores = RFMScoring().scores(customers)
        let byName = Dictionary(uniqueKeysWithValues: scores.map { ($0.customer, $0) })
        #expect(byName["new"]?.recency == 5 && byName["gone"]?.recency == 1, "recent buyers score high")
        #expect(byName["new"]?.frequency == byName["gone"]?.frequency, "ties share a score")
        #expect(byName["champion"]?.segment == "champions")
        #expect(byName["lapsed"]?.segment == "at risk")
        #expect(byName["gone"]?.segment == "hibernating")
        #expect(byName["new"]?.segment == "new")
        let custom = RFMScoring(levels: 2, segments: [RFMSegmentRule("top", frequency: 2...2)])
        #expect(custom.scores(customers).filter { $0.segment == "top" }.map(\.customer) == ["champion", "lapsed"])
    }

    @Test func cohortsAndChurnRisk() throws {
        let log = try CDNOW.transactions()
        let cohorts = CohortRetention(transactions: log)
        #expect(cohorts.rows.map(\.month) == ["1997-01", "1997-02", "1997-03"])
        #expect(cohorts.rows.map(\.customers).reduce(0, +) == 2_357)
        #expect(cohorts.rows.allSatisfy { $0.retention.first == 1 })
        #expect(cohorts.rows[0].retention.count == 18, "January 1997 to June 1998")
        let model = try BGNBDModel(r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752)
        let risks = ChurnRisk.flagged(try CDNOW.summaries(), model: model, below: 0.2)
        #expect(!risks.isEmpty && risks.allSatisfy { $0.probabilityAlive < 0.2 })
        #expect(zip(risks, risks.dropFirst()).allSatisfy { $0.probabilityAlive <= $1.probabilityAlive })
    }

    @Test func transactionFilesAreReadWithTheirColumnsAndBadLinesNamed() throws {
        let reader = TransactionFile(
            customerColumn: "who", dateColumn: "when", amountColumn: "paid", dateFormat: "yyyyMMdd")
        let log = try reader.transactions(from: "who,when,paid\nada,20260105,12.50\nbob,20260106,3\n")
        #expect(log.map(\.customer) == ["ada", "bob"] && log.map(\.amount) == [12.5, 3])
        #expect(throws: TransactionFileError.unknownColumn("paid")) {
            try reader.transactions(from: "who,when,amount\nada,20260105,1\n")
        }
        #expect(
            throws: TransactionFileError.invalidValue(
                line: 3, column: "paid", value: "12abc", reason: "is not a number")
        ) {
            try reader.transactions(from: "who,when,paid\nada,20260105,1\nbob,20260105,12abc\n")
        }
        #expect(throws: TransactionFileError.self) {
            try reader.transactions(from: "who,when,paid\nada,2026-01-05,1\n")
        }
        #expect(throws: TransactionFileError.self) { try reader.transactions(from: "who,when,paid\n\"ada,1,2\n") }
    }
}
