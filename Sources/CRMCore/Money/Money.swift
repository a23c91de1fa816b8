public import Foundation

/// An amount of money: a whole number of minor units (cents, pence, fils) in one ISO 4217 currency.
///
/// Money never uses binary floating point. Arithmetic checks for overflow and refuses to mix currencies;
/// multiplying by a rate rounds once, by an explicit ``RoundingRule``; ``allocated(by:)`` splits an amount
/// so that the parts add up to the whole.
///
/// ```swift
/// let total = try Money(parsing: "10.00", currency: .usd)
/// let parts = try total.allocated(by: [1, 1, 1])   // 3.34, 3.33, 3.33
/// let vat = try total.multiplied(by: Decimal(string: "0.19")!)   // 1.90, half-even
/// ```
public struct Money: Hashable, Sendable, Codable {
    /// The amount in minor units of ``currency``; `1234` USD is 12.34 dollars.
    public let minorUnits: Int64
    /// The currency of the amount.
    public let currency: Currency

    /// Creates an amount from minor units.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount in major units, exactly.
    public var amount: Decimal {
        Decimal(minorUnits) / Decimal(currency.minorUnitsPerMajorUnit)
    }

    /// Creates an amount from a decimal number of major units, rounding to the currency's minor unit.
    public init(_ amount: Decimal, currency: Currency, rounding: RoundingRule = .halfEven) throws(MoneyError) {
        let minor = amount * Decimal(currency.minorUnitsPerMajorUnit)
        self.init(minorUnits: try Self.round(minor, rule: rounding, operation: "Money(\(amount))"), currency: currency)
    }

    /// Whether the amount is zero.
    public var isZero: Bool { minorUnits == 0 }
    /// Whether the amount is below zero.
    public var isNegative: Bool { minorUnits < 0 }

    /// The sum; throws on a currency mismatch or overflow.
    public static func + (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
        try lhs.combined(with: rhs, "+") { $0.addingReportingOverflow($1) }
    }

    /// The difference; throws on a currency mismatch or overflow.
    public static func - (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
        try lhs.combined(with: rhs, "-") { $0.subtractingReportingOverflow($1) }
    }

    /// The amount with its sign flipped; throws for the one value that has no negation.
    public func negated() throws(MoneyError) -> Money {
        try Money(minorUnits: 0, currency: currency) - self
    }

    /// The amount times a whole number, such as a quantity.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow(operation: "\(self) × \(factor)") }
        return Money(minorUnits: product, currency: currency)
    }

    /// The amount times a rate (a tax rate, a discount, an exchange rate), rounded once by `rounding`.
    public func multiplied(by rate: Decimal, rounding: RoundingRule = .halfEven) throws(MoneyError) -> Money {
        let exact = Decimal(minorUnits) * rate
        return Money(
            minorUnits: try Self.round(exact, rule: rounding, operation: "\(self) × \(rate)"), currency: currency)
    }

    /// The sum of `amounts`, all in `currency`; zero for an empty list.
    public static func sum(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total + amount }
        return total
    }

    private func combined(
        with other: Money, _ symbol: String, _ operation: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
    ) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        let (result, overflow) = operation(minorUnits, other.minorUnits)
        if overflow { throw .overflow(operation: "\(self) \(symbol) \(other)") }
        return Money(minorUnits: result, currency: currency)
    }

    /// Rounds an exact number of minor units to an `Int64` by `rule`.
    package static func round(_ exact: Decimal, rule: RoundingRule, operation: String) throws(MoneyError) -> Int64 {
        let negative = exact < 0
        var magnitude = negative ? -exact : exact
        var whole = Decimal()
        NSDecimalRound(&whole, &magnitude, 0, .down)
        let fraction = magnitude - whole
        let half = Decimal(sign: .plus, exponent: -1, significand: 5)
        let comparison = fraction < half ? -1 : (fraction == half ? 0 : 1)
        guard whole <= Decimal(Int64.max) else { throw .overflow(operation: operation) }
        var units = NSDecimalNumber(decimal: whole).int64Value
        if rule.roundsMagnitudeUp(whole: units, fractionComparedToHalf: comparison, hasFraction: !fraction.isZero) {
            guard units < Int64.max else { throw .overflow(operation: operation) }
            units += 1
        }
        return negative ? -units : units
    }
}

extension Money: CustomStringConvertible {
    /// A plain, locale-independent form such as `12.34 USD` or `-5 JPY`; see ``formatted(locale:)`` for display.
    public var description: String {
        let digits = currency.minorUnitDigits
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(magnitude) \(currency.code)" }
        let divisor = UInt64(currency.minorUnitsPerMajorUnit)
        let fraction = String(magnitude % divisor)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(sign)\(magnitude / divisor).\(padded) \(currency.code)"
    }
}
