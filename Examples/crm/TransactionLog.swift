import CRMAnalytics
import CRMContacts
import CRMCore
import Foundation

/// The transaction file of an `analytics` command and how to summarize it, from the command's options.
struct TransactionLog {
    let transactions: [CustomerTransaction]
    let summarizer: RFMSummarizer

    /// Reads `--transactions FILE` with its column options, `--calibration-end`, `--observation-end` and
    /// `--time-unit`.
    init(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required(option: "transactions")
        let file = TransactionFile(
            customerColumn: try arguments.required(option: "customer-column"),
            dateColumn: try arguments.required(option: "date-column"),
            amountColumn: try arguments.required(option: "amount-column"), dateFormat: arguments.option("date-format"))
        let unit = try Self.unit(arguments.option("time-unit") ?? "week")
        let calibration = try arguments.option("calibration-end").map { try Self.day($0, option: "calibration-end") }
        let observation = try arguments.option("observation-end").map { try Self.day($0, option: "observation-end") }
        do {
            transactions = try file.transactions(from: try readText(path))
        } catch let error as TransactionFileError {
            throw CommandFailure("\(path): \(error)")
        }
        guard let last = transactions.map(\.at).max() else { throw CommandFailure("\(path): no transactions") }
        summarizer = RFMSummarizer(observationEnd: observation ?? last, calibrationEnd: calibration, unit: unit)
    }

    /// One summary per customer.
    func summaries() throws -> [CustomerSummary] {
        do {
            return try summarizer.summaries(of: transactions)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    private static func unit(_ text: String) throws(UsageError) -> TimeUnit {
        switch text {
        case "day": .days
        case "week": .weeks
        case "month": .months
        default: throw UsageError("--time-unit must be day, week or month, not \"\(text)\"")
        }
    }

    /// The end of day `text` (yyyy-MM-dd) in UTC, the time zone transaction files are read in.
    private static func day(_ text: String, option: String) throws(UsageError) -> Date {
        guard let day = try? CalendarDay(iso: text), let year = day.year,
            let start = Calendar.utc.date(from: DateComponents(year: year, month: day.month, day: day.day))
        else { throw UsageError("--\(option) must be a date such as 2026-03-31, not \"\(text)\"") }
        return start + 86_399
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// The text of the file at `path`, or a failure that names the file.
func readText(_ path: String) throws -> String {
    guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path): no such file") }
    guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read") }
    guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("\(path): is not UTF-8 text") }
    return text
}
