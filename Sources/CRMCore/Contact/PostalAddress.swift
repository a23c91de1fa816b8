/// A postal address in the international shape most CRMs and the Universal Postal Union use: street lines,
/// locality (city), region (state, province), postal code and country.
public struct PostalAddress: Hashable, Sendable, Codable {
    /// Street, house number, building, one line each; at least one non-empty line.
    public let streetLines: [String]
    /// The city or town.
    public let locality: String
    /// The state, province or county; empty where not used.
    public let region: String
    /// The postal code; empty where the country has none.
    public let postalCode: String
    /// The ISO 3166-1 alpha-2 country code in upper case, such as `DE`.
    public let countryCode: String

    /// Creates an address; every problem is reported at once in one ``ValidationError``.
    public init(
        streetLines: [String], locality: String, region: String = "", postalCode: String = "", countryCode: String
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "PostalAddress")
        let lines = streetLines.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if lines.isEmpty { check.add(field: "streetLines", reason: "needs at least one non-empty line") }
        let locality = locality.trimmingWhitespace()
        if locality.isEmpty { check.add(field: "locality", reason: "must not be empty") }
        let country = countryCode.trimmingWhitespace().uppercased()
        if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            check.add(field: "countryCode", reason: "must be a two-letter ISO 3166 code", value: countryCode)
        }
        let postal = postalCode.trimmingWhitespace()
        if postal.count > 16 || postal.contains(where: { !($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }) {
            check.add(
                field: "postalCode", reason: "may hold up to 16 letters, digits, spaces and dashes", value: postalCode)
        }
        try check.finish()
        self.streetLines = lines
        self.locality = locality
        self.region = region.trimmingWhitespace()
        self.postalCode = postal
        self.countryCode = country
    }
}
