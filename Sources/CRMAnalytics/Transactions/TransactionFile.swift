import CRMContacts
import CRMCore
public import Foundation

/// Why a transaction file could not be read; names the file's line and column.
public enum TransactionFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not valid CSV.
    case syntax(line: Int, reason: String)
    /// A named column is not in the header.
    case unknownColumn(String)
    /// A value cannot be read.
    case invalidValue(line: Int, column: String, value: String, reason: String)

    /// What is wrong and where.
    public var description: String {
        switch self {
        case .syntax(let line, let reason): "line \(line): \(reason)"
        case .unknownColumn(let name): "the header has no column \(name)"
        case .invalidValue(let line, let column, let value, let reason):
            "line \(line), column \(column): \"\(value)\" \(reason)"
        }
    }
}

/// Reads transactions from CSV text with a header: which columns hold the customer, the date and the amount,
/// and the date format (`yyyy-MM-dd` unless told otherwise; see `CalendarDay`).
///
/// ```swift
/// let log = try TransactionFile(customerColumn: "customer", dateColumn: "date", amountColumn: "amount")
///     .transactions(from: try String(contentsOfFile: path, encoding: .utf8))
/// ```
public struct TransactionFile: Sendable {
    /// The customer column's name.
    public var customerColumn: String
    /// The date column's name.
    public var dateColumn: String
    /// The amount column's name.
    public var amountColumn: String
    /// The date format; `nil` for ISO `yyyy-MM-dd`.
    public var dateFormat: String?
    /// The time zone the dates are days in; a transaction is placed at noon of its day.
    public var timeZone: TimeZone

    /// Creates a reader.
    public init(
        customerColumn: String, dateColumn: String, amountColumn: String, dateFormat: String? = nil,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) {
        self.customerColumn = customerColumn
        self.dateColumn = dateColumn
        self.amountColumn = amountColumn
        self.dateFormat = dateFormat
        self.timeZone = timeZone
    }

    /// The transactions of `text`; the first bad line stops the reading with its line and column.
    public func transactions(from text: String) throws(TransactionFileError) -> [CustomerTransaction] {
        let rows: [CSV.Row]
        do {
            rows = try CSV.parse(text)
        } catch {
            throw .syntax(line: error.line, reason: error.reason)
        }
        guard let header = rows.first else { return [] }
        func column(_ name: String) throws(TransactionFileError) -> Int {
            guard let index = header.fields.firstIndex(of: name) else { throw .unknownColumn(name) }
            return index
        }
        let (customer, date, amount) = (try column(customerColumn), try column(dateColumn), try column(amountColumn))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var result: [CustomerTransaction] = []
        result.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
            func field(_ index: Int, _ name: String) throws(TransactionFileError) -> String {
                guard index < row.fields.count else {
                    throw .invalidValue(line: row.line, column: name, value: "", reason: "is missing")
                }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            let who = try field(customer, customerColumn)
            guard !who.isEmpty else {
                throw .invalidValue(line: row.line, column: customerColumn, value: who, reason: "is empty")
            }
            let dayText = try field(date, dateColumn)
            let day: CalendarDay
            do {
                day =
                    try dateFormat.map { format throws(ValidationError) in try CalendarDay(dayText, format: format) }
                    ?? CalendarDay(iso: dayText)
            } catch {
                throw .invalidValue(
                    line: row.line, column: dateColumn, value: dayText,
                    reason: "is not a date in \(dateFormat ?? "yyyy-MM-dd")")
            }
            let amountText = try field(amount, amountColumn)
            guard let value = Double(amountText), value.isFinite else {
                throw .invalidValue(line: row.line, column: amountColumn, value: amountText, reason: "is not a number")
            }
            guard let year = day.year,
                let instant = calendar.date(from: DateComponents(year: year, month: day.month, day: day.day, hour: 12))
            else {
                throw .invalidValue(line: row.line, column: dateColumn, value: dayText, reason: "needs a year")
            }
            result.append(CustomerTransaction(customer: who, at: instant, amount: value))
        }
        return result
    }
}
