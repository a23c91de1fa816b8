import CRMAnalytics
import Foundation
import Testing

@Suite struct SummaryTests {
    let day: TimeInterval = 86_400

    @Test func sameDayPurchasesCollapseAndTheFirstIsNotARepeat() throws {
        let start = CDNOW.utc(2026, 1, 5)
        let log = [
            CustomerTransaction(customer: "a", at: start, amount: 10),
            CustomerTransaction(customer: "a", at: start + 3600, amount: 5),
            CustomerTransaction(customer: "a", at: start + 7 * day, amount: 20),
            CustomerTransaction(customer: "a", at: start + 7 * day + 60, amount: 4),
            CustomerTransaction(customer: "a", at: start + 14 * day, amount: 30),
            CustomerTransaction(customer: "b", at: start + 21 * day, amount: 99),
            CustomerTransaction(customer: "c", at: start + 40 * day, amount: 1),
        ]
        let summaries = try RFMSummarizer(observationEnd: start + 28 * day, unit: .weeks).summaries(of: log)
        #expect(summaries.map(\.customer) == ["a", "b"], "purchases after the observation end are ignored")
        let a = summaries[0]
        #expect(a.frequency == 2 && a.recency == 2 && a.age == 4)
        #expect(a.monetaryValue == 27, "mean of the repeat days 24 and 30; the first day's 15 is excluded")
        #expect(summaries[1].frequency == 0 && summaries[1].recency == 0 && summaries[1].monetaryValue == 0)
    }

    @Test func aCalibrationPeriodCountsTheRestAsHoldout() throws {
        let start = CDNOW.utc(2026, 1, 5)
        let log = [
            CustomerTransaction(customer: "a", at: start, amount: 10),
            CustomerTransaction(customer: "a", at: start + 5 * day, amount: 20),
            CustomerTransaction(customer: "a", at: start + 20 * day, amount: 30),
            CustomerTransaction(customer: "a", at: start + 21 * day, amount: 50),
            CustomerTransaction(customer: "late", at: start + 20 * day, amount: 5),
        ]
        let summarizer = RFMSummarizer(observationEnd: start + 30 * day, calibrationEnd: start + 10 * day)
        let summaries = try summarizer.summaries(of: log)
        #expect(summaries.map(\.customer) == ["a"], "a first purchase after the calibration is left out")
        #expect(summaries[0].frequency == 1 && summaries[0].age == 10)
        #expect(summaries[0].holdoutFrequency == 2 && summaries[0].holdoutMonetaryValue == 40)
        #expect(throws: SummaryError.calibrationAfterObservationEnd) {
            try RFMSummarizer(observationEnd: start, calibrationEnd: start + day).summaries(of: log)
        }
        #expect(throws: SummaryError.self) {
            try RFMSummarizer(observationEnd: start).summaries(of: [
                CustomerTransaction(customer: "x", at: start, amount: .nan)
            ])
        }
    }

    @Test func theCDNOWTransactionsGiveThePublishedSummary() throws {
        let published = try CDNOW.summaries()
        let summarizer = RFMSummarizer(
            observationEnd: CDNOW.utc(1998, 6, 30), calibrationEnd: CDNOW.utc(1997, 9, 30), unit: .weeks)
        let ours = Dictionary(
            uniqueKeysWithValues: try summarizer.summaries(of: CDNOW.transactions()).map { ($0.customer, $0) })
        #expect(ours.count == 2_357)
        for customer in published {
            let mine = try #require(ours[customer.customer])
            #expect(mine.frequency == customer.frequency, "\(customer.customer)")
            #expect(abs(mine.recency - customer.recency) < 0.006, "\(customer.customer)")
            #expect(abs(mine.age - customer.age) < 0.006, "\(customer.customer)")
            #expect(abs(mine.monetaryValue - customer.monetaryValue) < 0.006, "\(customer.customer)")
        }
    }
}
