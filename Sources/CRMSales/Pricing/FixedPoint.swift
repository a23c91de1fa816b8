import CRMCore
import Foundation

/// A decimal number with twelve fractional digits in a 128-bit integer: the pricing engine's working
/// precision for unit prices between the base price and the rounding of the line.
///
/// Foundation's `Decimal` allocates on most operations; this keeps a 1,000-line quote to a few
/// milliseconds. Twelve digits are ten more than any currency's minor unit, so after a chain of percentage
/// discounts the line total rounds as exact arithmetic would.
struct FixedPoint: Comparable, Sendable {
    static let fractionDigits = 12
    static let one = Int128(1_000_000_000_000)

    var raw: Int128

    init(raw: Int128) {
        self.raw = raw
    }

    /// The amount of `money` in major units.
    init(_ money: Money) {
        raw = Int128(money.minorUnits) * (Self.one / Int128(money.currency.minorUnitsPerMajorUnit))
    }

    /// `decimal`, rounded half-even to twelve fractional digits; `nil` if it is too large.
    init?(_ decimal: Decimal) {
        // Whole numbers (most quantities) convert without going through text.
        if decimal.exponent >= 0, decimal.exponent < 6, abs(decimal) < 1_000_000_000 {
            raw = Int128(NSDecimalNumber(decimal: decimal).int64Value) * Self.one
            return
        }
        var digits = "\(decimal)"
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1)
        guard let whole = Int128(parts[0]) else { return nil }
        let fraction = parts.count > 1 ? Array(parts[1]) : []
        let kept = fraction.prefix(Self.fractionDigits)
        guard let fractional = Int128(String(kept) + String(repeating: "0", count: Self.fractionDigits - kept.count))
        else {
            return nil
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: Self.one)
        guard !overflow else { return nil }
        var magnitude = scaled + fractional
        let dropped = fraction.dropFirst(Self.fractionDigits)
        if let first = dropped.first,
            first > "5" || (first == "5" && (dropped.dropFirst().contains { $0 != "0" } || magnitude % 2 != 0))
        {
            magnitude += 1
        }
        raw = negative ? -magnitude : magnitude
    }

    /// The value as a `Decimal`.
    var decimal: Decimal {
        if let small = Int64(exactly: raw.magnitude) {
            return Decimal(sign: raw < 0 ? .minus : .plus, exponent: -Self.fractionDigits, significand: Decimal(small))
        }
        let (high, low) = raw.magnitude.quotientAndRemainder(dividingBy: UInt128(1_000_000_000_000_000_000))
        let integer = Decimal(UInt64(high)) * Decimal(sign: .plus, exponent: 18, significand: 1) + Decimal(UInt64(low))
        return Decimal(sign: raw < 0 ? .minus : .plus, exponent: -Self.fractionDigits, significand: integer)
    }

    /// `self × factor`, both with twelve fractional digits, rounded half-even.
    func multiplied(by factor: FixedPoint) -> FixedPoint? {
        let (product, overflow) = raw.multipliedReportingOverflow(by: factor.raw)
        guard !overflow else { return nil }
        return FixedPoint(raw: Self.divide(product, by: Self.one, rounding: .halfEven))
    }

    /// `raw / divisor` rounded with `rule`.
    static func divide(_ value: Int128, by divisor: Int128, rounding rule: RoundingRule) -> Int128 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        guard remainder != 0 else { return quotient }
        let twice = remainder.magnitude * 2
        let half = twice == divisor.magnitude ? 0 : (twice > divisor.magnitude ? 1 : -1)
        let up: Bool =
            switch rule {
            case .down: false
            case .up: true
            case .halfUp: half >= 0
            case .halfEven: half > 0 || (half == 0 && quotient % 2 != 0)
            }
        guard up else { return quotient }
        return (value < 0) != (divisor < 0) ? quotient - 1 : quotient + 1
    }

    /// `self` in minor units of `currency`, rounded with `rule`; `nil` if it does not fit in 64 bits.
    func minorUnits(of currency: Currency, rounding rule: RoundingRule) -> Int64? {
        Int64(exactly: Self.divide(raw, by: Self.one / Int128(currency.minorUnitsPerMajorUnit), rounding: rule))
    }

    static func < (lhs: FixedPoint, rhs: FixedPoint) -> Bool { lhs.raw < rhs.raw }
    static func + (lhs: FixedPoint, rhs: FixedPoint) -> FixedPoint { FixedPoint(raw: lhs.raw + rhs.raw) }
    static func - (lhs: FixedPoint, rhs: FixedPoint) -> FixedPoint { FixedPoint(raw: lhs.raw - rhs.raw) }
}
