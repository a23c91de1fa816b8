import CRMAnalytics
import CRMCore
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

    @Test func theOrderOfTheLogDoesNotChangeAnySummary() throws {
        let summarizer = RFMSummarizer(
            observationEnd: CDNOW.utc(1998, 6, 30), calibrationEnd: CDNOW.utc(1997, 9, 30), unit: .weeks)
        var random = SeededRandomNumberGenerator(seed: 11)
        let log = try CDNOW.transactions()
        let inOrder = Dictionary(uniqueKeysWithValues: try summarizer.summaries(of: log).map { ($0.customer, $0) })
        for shuffled in [log.shuffled(using: &random), log.reversed()] {
            let summaries = try summarizer.summaries(of: shuffled)
            #expect(summaries.count == inOrder.count)
            #expect(zip(summaries, summaries.dropFirst()).allSatisfy { $0.age >= $1.age }, "first purchases first")
            for summary in summaries {
                let expected = try #require(inOrder[summary.customer])
                #expect(
                    summary.frequency == expected.frequency && summary.holdoutFrequency == expected.holdoutFrequency)
                #expect(summary.recency == expected.recency && summary.age == expected.age, "\(summary.customer)")
                #expect(abs(summary.monetaryValue - expected.monetaryValue) < 1e-9, "\(summary.customer)")
                #expect(abs(summary.holdoutMonetaryValue! - expected.holdoutMonetaryValue!) < 1e-9)
            }
        }
    }

    @Test func aLargeShuffledLogMatchesADirectCount() throws {
        let start = CDNOW.utc(2026, 1, 1)
        var random = SeededRandomNumberGenerator(seed: 5)
        var log: [CustomerTransaction] = []
        for customer in 0..<40_000 {
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                let at = start + Double(Int.random(in: 0..<400, using: &random)) * day + 3_600
                log.append(CustomerTransaction(customer: "c\(customer)", at: at, amount: Double(customer % 97)))
            }
        }
        log.shuffle(using: &random)
        let summarizer = RFMSummarizer(observationEnd: start + 365 * day, calibrationEnd: start + 200 * day)
        let summaries = try summarizer.summaries(of: log)
        var daysByCustomer: [String: [Int: Double]] = [:]
        for transaction in log where transaction.at < start + 366 * day {
            daysByCustomer[transaction.customer, default: [:]][
                Int(transaction.at.timeIntervalSince(start) / day), default: 0] +=
                transaction.amount
        }
        let kept = daysByCustomer.filter { $0.value.keys.min()! <= 200 }
        #expect(summaries.count == kept.count && Set(summaries.map(\.customer)).count == kept.count)
        #expect(zip(summaries, summaries.dropFirst()).allSatisfy { $0.age >= $1.age }, "first purchases first")
        for summary in summaries {
            let days = try #require(kept[summary.customer]).keys.sorted()
            let calibration = days.filter { $0 <= 200 }
            #expect(summary.frequency == calibration.count - 1, "\(summary.customer)")
            #expect(summary.recency == Double(calibration.last! - calibration[0]), "\(summary.customer)")
            #expect(summary.age == Double(200 - calibration[0]), "\(summary.customer)")
            #expect(summary.holdoutFrequency == days.count - calibration.count, "\(summary.customer)")
        }
    }
}
