extension Money {
    /// Parses a plain decimal amount in major units, exactly: `"12.34"`, `"-0.5"`, `"1000"`.
    ///
    /// Anything else is an error rather than a guess: `"12abc"`, `"1,000.00"`, `"1e3"`, an empty string,
    /// or more fraction digits than the currency has (`"1.234"` in USD) all throw a ``ValidationError``
    /// naming the field `amount`. Use a number format of your own for localized input.
    public init(parsing text: String, currency: Currency) throws(ValidationError) {
        func reject(_ reason: String) -> ValidationError {
            ValidationError(subject: "Money", field: "amount", reason: reason, value: text)
        }
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeDigits = parts.first, !wholeDigits.isEmpty else {
            throw reject("is not a decimal number")
        }
        let fractionDigits = parts.count == 2 ? parts[1] : []
        if parts.count == 2 && fractionDigits.isEmpty { throw reject("has a decimal point with no digits after it") }
        guard (wholeDigits + fractionDigits).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { throw reject("is not a decimal number") }
        guard fractionDigits.count <= currency.minorUnitDigits else {
            throw reject("has more than \(currency.minorUnitDigits) fraction digits for \(currency.code)")
        }
        var units: Int64 = 0
        let padding = currency.minorUnitDigits - fractionDigits.count
        for digit in Array(wholeDigits) + Array(fractionDigits) + Array(repeating: UInt8(ascii: "0"), count: padding) {
            let (shifted, overflowA) = units.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            if overflowA || overflowB { throw reject("is too large") }
            units = next
        }
        self.init(minorUnits: negative ? -units : units, currency: currency)
    }
}
