/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit.
///
/// Only codes from the table in ``Currency/known`` are accepted, so a typo such as `USX` fails at once
/// instead of producing money that nothing can convert.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The upper-case ISO 4217 alphabetic code, such as `EUR`.
    public let code: String
    /// How many decimal digits the minor unit has: 2 for USD (cents), 0 for JPY, 3 for KWD.
    public let minorUnitDigits: Int

    /// Looks up `code` (case-insensitive) in the ISO 4217 table.
    public init(_ code: String) throws(ValidationError) {
        let upper = code.uppercased()
        guard let digits = ISO4217.minorUnitDigits[upper] else {
            throw ValidationError(
                subject: "Currency", field: "code", reason: "is not an ISO 4217 currency code", value: code)
        }
        self.code = upper
        self.minorUnitDigits = digits
    }

    private init(known code: String) {
        self.code = code
        self.minorUnitDigits = ISO4217.minorUnitDigits[code]!
    }

    /// The code, such as `EUR`.
    public var description: String { code }

    /// Every code this SDK knows, sorted.
    public static var known: [String] { ISO4217.minorUnitDigits.keys.sorted() }

    /// How many minor units make one major unit: 100 for USD, 1 for JPY, 1000 for KWD.
    public var minorUnitsPerMajorUnit: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorUnitDigits { result *= 10 }
        return result
    }

    /// US dollar.
    public static let usd = Currency(known: "USD")
    /// Euro.
    public static let eur = Currency(known: "EUR")
    /// Pound sterling.
    public static let gbp = Currency(known: "GBP")
    /// Japanese yen (no minor unit).
    public static let jpy = Currency(known: "JPY")
    /// Swiss franc.
    public static let chf = Currency(known: "CHF")
    /// Kuwaiti dinar (three-digit minor unit).
    public static let kwd = Currency(known: "KWD")
    /// Bahraini dinar (three-digit minor unit).
    public static let bhd = Currency(known: "BHD")
}

extension Currency: ValidatedStringValue {
    /// Validates `text`; the same as ``init(_:)``.
    public init(validating text: String) throws(ValidationError) {
        try self.init(text)
    }

    /// The ISO 4217 code.
    public var storedString: String { code }
}
