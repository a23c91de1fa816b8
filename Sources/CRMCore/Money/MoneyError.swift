/// Why a money calculation could not be done.
public enum MoneyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two amounts in different currencies were combined; convert one first with an ``ExchangeRateTable``.
    case currencyMismatch(Currency, Currency)
    /// The result does not fit in 64 bits of minor units.
    case overflow(operation: String)
    /// An allocation was asked for with no ratios, a negative ratio, or ratios that sum to zero.
    case invalidRatios([Int64])
    /// No exchange rate from the first currency to the second was in effect at the date.
    case noExchangeRate(from: Currency, to: Currency, on: String)

    /// A sentence saying what failed and what to do.
    public var description: String {
        switch self {
        case .currencyMismatch(let left, let right):
            return "Cannot combine \(left) with \(right); convert one amount first."
        case .overflow(let operation):
            return "The result of \(operation) does not fit in 64-bit minor units."
        case .invalidRatios(let ratios):
            return "Allocation ratios \(ratios) must be non-empty, non-negative and not all zero."
        case .noExchangeRate(let from, let to, let day):
            return "No exchange rate from \(from) to \(to) is in effect on \(day)."
        }
    }
}
