/// The numbering facts ``PhoneNumber`` validates against: per region, the country calling code (ITU-T
/// E.164 annex), the national trunk prefix, the international call prefix and the lengths a national
/// significant number may have (from the national numbering plans as published to the ITU).
public enum PhoneNumberingPlan {
    /// The rules of one country or shared numbering plan.
    public struct Country: Sendable, Hashable {
        /// The country calling code, such as 44.
        public let callingCode: Int
        /// The prefix dialled before a national number inside the country, such as `0`; `nil` where none.
        public let trunkPrefix: String?
        /// The prefix dialled before an international number from the country, such as `00`.
        public let internationalPrefix: String
        /// The lengths a national significant number may have.
        public let nationalLengths: ClosedRange<Int>

        var lengthDescription: String {
            nationalLengths.count == 1
                ? "\(nationalLengths.lowerBound)" : "\(nationalLengths.lowerBound) to \(nationalLengths.upperBound)"
        }
    }

    /// The supported regions by ISO 3166 alpha-2 code.
    public static let regions: [String: Country] = {
        var table: [String: Country] = [:]
        // region: calling code, trunk prefix ("-" for none), national lengths
        let rows: [(String, Int, String, ClosedRange<Int>)] = [
            ("US", 1, "1", 10...10), ("CA", 1, "1", 10...10), ("PR", 1, "1", 10...10), ("JM", 1, "1", 10...10),
            ("GB", 44, "0", 9...10), ("IE", 353, "0", 7...9), ("FR", 33, "0", 9...9), ("DE", 49, "0", 6...13),
            ("AT", 43, "0", 4...13), ("CH", 41, "0", 9...9), ("NL", 31, "0", 9...9), ("BE", 32, "0", 8...9),
            ("LU", 352, "-", 4...11), ("ES", 34, "-", 9...9), ("PT", 351, "-", 9...9), ("IT", 39, "-", 6...11),
            ("DK", 45, "-", 8...8), ("NO", 47, "-", 8...8), ("SE", 46, "0", 7...10), ("FI", 358, "0", 5...12),
            ("IS", 354, "-", 7...9), ("PL", 48, "-", 9...9), ("CZ", 420, "-", 9...9), ("SK", 421, "0", 9...9),
            ("HU", 36, "06", 8...9), ("RO", 40, "0", 9...9), ("BG", 359, "0", 8...9), ("GR", 30, "-", 10...10),
            ("HR", 385, "0", 8...9), ("SI", 386, "0", 8...8), ("EE", 372, "-", 7...8), ("LV", 371, "-", 8...8),
            ("LT", 370, "8", 8...8), ("UA", 380, "0", 9...9), ("RU", 7, "8", 10...10), ("KZ", 7, "8", 10...10),
            ("TR", 90, "0", 10...10), ("IL", 972, "0", 8...9), ("AE", 971, "0", 8...9), ("SA", 966, "0", 9...9),
            ("QA", 974, "-", 8...8), ("KW", 965, "-", 8...8), ("BH", 973, "-", 8...8), ("OM", 968, "-", 8...8),
            ("EG", 20, "0", 9...10), ("MA", 212, "0", 9...9), ("NG", 234, "0", 8...10), ("KE", 254, "0", 9...9),
            ("GH", 233, "0", 9...9), ("ZA", 27, "0", 9...9), ("IN", 91, "0", 10...10), ("PK", 92, "0", 9...10),
            ("BD", 880, "0", 8...10), ("LK", 94, "0", 9...9), ("CN", 86, "0", 7...11), ("HK", 852, "-", 8...8),
            ("TW", 886, "0", 8...9), ("JP", 81, "0", 9...10), ("KR", 82, "0", 8...10), ("SG", 65, "-", 8...8),
            ("MY", 60, "0", 8...10), ("TH", 66, "0", 8...9), ("VN", 84, "0", 9...10), ("PH", 63, "0", 8...10),
            ("ID", 62, "0", 8...12), ("AU", 61, "0", 9...9), ("NZ", 64, "0", 8...10), ("MX", 52, "-", 10...10),
            ("BR", 55, "0", 10...11), ("AR", 54, "0", 10...11), ("CL", 56, "-", 9...9), ("CO", 57, "-", 8...10),
            ("PE", 51, "-", 8...9), ("UY", 598, "-", 8...8), ("VE", 58, "0", 10...10), ("CR", 506, "-", 8...8),
        ]
        for (region, code, trunk, lengths) in rows {
            let international = code == 1 ? "011" : (region == "JP" || region == "KR" ? "010" : "00")
            table[region] = Country(
                callingCode: code, trunkPrefix: trunk == "-" ? nil : trunk, internationalPrefix: international,
                nationalLengths: lengths)
        }
        return table
    }()

    /// The numbering plan for digits that start with a country calling code (no `+`).
    ///
    /// Calling codes are prefix-free, so at most one of the 1-, 2- and 3-digit prefixes is assigned.
    /// Regions that share a code (the North American plan, Russia and Kazakhstan) share their rules.
    public static func country(forInternationalDigits digits: String) -> Country? {
        for length in 1...3 where digits.count > length {
            if let code = Int(digits.prefix(length)), let country = byCallingCode[code] { return country }
        }
        return nil
    }

    private static let byCallingCode: [Int: Country] = {
        var table: [Int: Country] = [:]
        for country in regions.values.sorted(by: { $0.nationalLengths.count > $1.nationalLengths.count }) {
            let existing = table[country.callingCode]
            let lower = min(existing?.nationalLengths.lowerBound ?? .max, country.nationalLengths.lowerBound)
            let upper = max(existing?.nationalLengths.upperBound ?? .min, country.nationalLengths.upperBound)
            table[country.callingCode] = Country(
                callingCode: country.callingCode, trunkPrefix: country.trunkPrefix,
                internationalPrefix: country.internationalPrefix, nationalLengths: lower...upper)
        }
        return table
    }()
}
