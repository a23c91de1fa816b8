import CRMAnalytics
import Foundation

/// The CDNOW sample of Fader, Hardie and Lee (see Data/README.md).
enum CDNOW {
    static func text(_ name: String) throws -> String {
        let url = Bundle.module.url(forResource: "Data/\(name)", withExtension: nil)!
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The published 39-week calibration summary, in weeks.
    static func summaries() throws -> [CustomerSummary] {
        try text("cdnow-summary.csv").split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",").map(String.init)
            return CustomerSummary(
                customer: fields[0], frequency: Int(fields[1])!, recency: Double(fields[2])!, age: Double(fields[3])!,
                monetaryValue: Double(fields[4])!)
        }
    }

    /// The raw transactions, by the customer's sample id.
    static func transactions() throws -> [CustomerTransaction] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return try text("cdnow-sample-transactions.txt").split(whereSeparator: \.isNewline).map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let day = Int(fields[2])!
            let date = calendar.date(
                from: DateComponents(year: day / 10_000, month: day / 100 % 100, day: day % 100, hour: 12))!
            return CustomerTransaction(customer: String(Int(fields[1])!), at: date, amount: Double(fields[4])!)
        }
    }

    static func utc(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}
