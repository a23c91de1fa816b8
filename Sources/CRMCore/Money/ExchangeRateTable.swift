public import Foundation

/// Exchange rates by currency pair and effective date, and conversion of money at a date.
///
/// A rate applies from its effective instant until a later rate for the same pair takes over, so a
/// quote or invoice converts at the rate that was in effect on its own date, not today's. When only the
/// opposite pair is known, its reciprocal is used.
///
/// ```swift
/// var rates = ExchangeRateTable()
/// try rates.add(from: .eur, to: .usd, rate: Decimal(string: "1.0850")!, effective: januaryFirst)
/// let dollars = try rates.convert(price, to: .usd, on: invoiceDate)
/// ```
public struct ExchangeRateTable: Sendable, Hashable, Codable {
    /// One published rate: one unit of `from` buys `rate` units of `to` from `effective` on.
    public struct Rate: Sendable, Hashable, Codable {
        /// The currency sold.
        public let from: Currency
        /// The currency bought.
        public let to: Currency
        /// Units of `to` per unit of `from`; always positive.
        public let rate: Decimal
        /// The instant the rate takes effect.
        public let effective: Date
    }

    private var rates: [String: [Rate]] = [:]

    /// An empty table.
    public init() {}

    /// Adds a rate; a rate for the same pair and instant replaces the earlier one.
    public mutating func add(from: Currency, to: Currency, rate: Decimal, effective: Date) throws(ValidationError) {
        var check = ValidationCollector(subject: "ExchangeRate")
        if from == to { check.add(field: "to", reason: "must differ from the source currency", value: to.code) }
        if rate <= 0 || rate.isNaN { check.add(field: "rate", reason: "must be positive", value: "\(rate)") }
        try check.finish()
        let key = Self.key(from, to)
        var list = rates[key, default: []].filter { $0.effective != effective }
        list.append(Rate(from: from, to: to, rate: rate, effective: effective))
        list.sort { $0.effective < $1.effective }
        rates[key] = list
    }

    /// The rate from `from` to `to` in effect at `date`: direct if known, otherwise the reciprocal of the
    /// opposite pair; throws ``MoneyError/noExchangeRate(from:to:on:)`` when neither is.
    public func rate(from: Currency, to: Currency, on date: Date) throws(MoneyError) -> Decimal {
        if from == to { return 1 }
        if let direct = Self.latest(rates[Self.key(from, to)], at: date) { return direct.rate }
        if let inverse = Self.latest(rates[Self.key(to, from)], at: date) { return 1 / inverse.rate }
        throw .noExchangeRate(from: from, to: to, on: date.formatted(.iso8601))
    }

    /// `money` in `currency` at the rate in effect on `date`, rounded once by `rounding`.
    public func convert(
        _ money: Money, to currency: Currency, on date: Date, rounding: RoundingRule = .halfEven
    ) throws(MoneyError) -> Money {
        if money.currency == currency { return money }
        let factor = try rate(from: money.currency, to: currency, on: date)
        let minor = money.amount * factor * Decimal(currency.minorUnitsPerMajorUnit)
        let units = try Money.round(minor, rule: rounding, operation: "convert \(money) to \(currency)")
        return Money(minorUnits: units, currency: currency)
    }

    private static func key(_ from: Currency, _ to: Currency) -> String { from.code + "/" + to.code }

    private static func latest(_ list: [Rate]?, at date: Date) -> Rate? {
        list?.last { $0.effective <= date }
    }
}
