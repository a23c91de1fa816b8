/// A telephone number normalized to E.164 (`+` country code and national number, at most 15 digits).
///
/// National input is read in a default region: `(415) 555-0132` in `US` becomes `+14155550132`,
/// `020 7946 0958` in `GB` becomes `+442079460958`. International input starts with `+` or with the
/// region's international call prefix (`00`, or `011` in the North American plan). Spaces, dots, dashes,
/// slashes and parentheses are ignored; letters, a wrong length for the country, or an unassigned country
/// code are rejected. The length rules come from ITU-T E.164 and the national numbering plans as listed in
/// ``PhoneNumberingPlan``.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The E.164 form, such as `+442079460958`.
    public let e164: String
    /// The country calling code, such as `44`.
    public let countryCode: Int

    /// Parses `text`, reading a national number in `defaultRegion` (an ISO 3166 alpha-2 code such as `US`).
    public init(_ text: String, defaultRegion: String? = nil) throws(ValidationError) {
        func reject(_ reason: String) -> ValidationError {
            ValidationError(subject: "PhoneNumber", field: "phone", reason: reason, value: text)
        }
        let ignored: Set<Character> = [" ", "-", ".", "(", ")", "/", "\u{00A0}"]
        var characters = text.trimmingWhitespace().filter { !ignored.contains($0) }
        var international = false
        if characters.hasPrefix("+") {
            international = true
            characters.removeFirst()
        }
        guard !characters.isEmpty, characters.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw reject("may contain only digits, spaces and + ( ) - . /")
        }
        let region = defaultRegion.flatMap { PhoneNumberingPlan.regions[$0.uppercased()] }
        if defaultRegion != nil && region == nil {
            throw ValidationError(
                subject: "PhoneNumber", field: "defaultRegion", reason: "is not a supported region",
                value: defaultRegion)
        }
        if !international, let region, characters.hasPrefix(region.internationalPrefix) {
            international = true
            characters.removeFirst(region.internationalPrefix.count)
        }
        let digits: String
        let plan: PhoneNumberingPlan.Country
        if international {
            guard let match = PhoneNumberingPlan.country(forInternationalDigits: characters) else {
                throw reject("has an unknown country calling code")
            }
            plan = match
            digits = String(characters.dropFirst(String(match.callingCode).count))
        } else {
            guard let region else { throw reject("is national but no default region was given; start it with +") }
            plan = region
            if let trunk = region.trunkPrefix, characters.hasPrefix(trunk) {
                digits = String(characters.dropFirst(trunk.count))
            } else {
                digits = characters
            }
        }
        guard plan.nationalLengths.contains(digits.count) else {
            throw reject("must have \(plan.lengthDescription) digits after country code +\(plan.callingCode)")
        }
        let e164 = "+\(plan.callingCode)\(digits)"
        guard e164.count - 1 <= 15 else { throw reject("is longer than the 15 digits E.164 allows") }
        self.e164 = e164
        self.countryCode = plan.callingCode
    }

    /// The E.164 form.
    public var description: String { e164 }
}

extension PhoneNumber: ValidatedStringValue {
    /// Validates international `text`; the same as ``init(_:defaultRegion:)`` without a default region.
    public init(validating text: String) throws(ValidationError) {
        try self.init(text)
    }

    /// The E.164 form.
    public var storedString: String { e164 }
}
