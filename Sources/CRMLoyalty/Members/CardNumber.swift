public import CRMCore

/// A club card number: digits whose last one is a Luhn check digit (ISO/IEC 7812-1), so a mistyped digit
/// or two swapped neighbours are caught before the number reaches the ledger.
public struct CardNumber: Hashable, Sendable, Comparable, CustomStringConvertible, ValidatedStringValue {
    /// The digits, check digit last.
    public let digits: String

    /// Reads a card number; spaces and hyphens are ignored, and the check digit must match.
    public init(_ text: String) throws(ValidationError) {
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard (8...19).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(subject: "CardNumber", field: "number", reason: "must be 8 to 19 digits", value: text)
        }
        guard Self.checkDigit(of: digits.dropLast()) == digits.last!.wholeNumberValue! else {
            throw ValidationError(
                subject: "CardNumber", field: "number", reason: "has a wrong check digit", value: text)
        }
        self.digits = digits
    }

    /// The number made of `prefix` (the program's issuer digits) and `sequence`, padded to `length` digits with
    /// the check digit.
    public init(prefix: String, sequence: Int, length: Int = 16) throws(ValidationError) {
        let body = String(sequence)
        let padding = length - 1 - prefix.count - body.count
        guard padding >= 0, prefix.allSatisfy({ $0.isASCII && $0.isNumber }), sequence >= 0 else {
            throw ValidationError(
                subject: "CardNumber", field: "sequence", reason: "does not fit in \(length) digits", value: body)
        }
        let payload = prefix + String(repeating: "0", count: padding) + body
        try self.init(payload + String(Self.checkDigit(of: Substring(payload))))
    }

    /// The Luhn check digit of `payload`.
    static func checkDigit(of payload: Substring) -> Int {
        var sum = 0
        for (position, character) in payload.reversed().enumerated() {
            let digit = character.wholeNumberValue!
            let weighted = position % 2 == 0 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return (10 - sum % 10) % 10
    }

    /// Reads the stored digits.
    public init(validating text: String) throws(ValidationError) {
        try self.init(text)
    }

    /// The digits.
    public var storedString: String { digits }

    /// The digits in groups of four: `6031 0000 0000 0428`.
    public var description: String {
        stride(from: 0, to: digits.count, by: 4).map { start in
            let from = digits.index(digits.startIndex, offsetBy: start)
            return String(
                digits[from..<(digits.index(from, offsetBy: 4, limitedBy: digits.endIndex) ?? digits.endIndex)])
        }.joined(separator: " ")
    }

    /// By digits.
    public static func < (lhs: CardNumber, rhs: CardNumber) -> Bool { lhs.digits < rhs.digits }
}
