/// Compares two profiles field by field, giving each field an agreement level.
struct PairComparison: Sendable {
    /// How well one field agrees.
    enum Level: Int, Sendable, CaseIterable {
        /// One side has no value.
        case missing
        /// Both have values that differ.
        case disagree
        /// Nearly the same (a typo, a swapped day and month).
        case partial
        /// The same.
        case agree
    }

    /// The compared fields, in the order of ``levels``.
    enum Field: Int, Sendable, CaseIterable {
        case name, email, phone, birthday, address, externalID
    }

    /// One level per field.
    var levels: [Level]
    /// Whether the names matched best in swapped order.
    var namesSwapped: Bool

    /// A number for the pattern of levels, for counting patterns (4 levels, 6 fields).
    var pattern: Int { levels.reduce(0) { $0 * 4 + $1.rawValue } }

    init(_ a: MatchProfile, _ b: MatchProfile, rules: MatchingRules) {
        func nameLevel(_ similarity: Double) -> Level {
            if similarity >= rules.nameAgreement { return .agree }
            return similarity >= rules.namePartialAgreement ? .partial : .disagree
        }
        let direct = (StringSimilarity.jaroWinkler(a.given, b.given), StringSimilarity.jaroWinkler(a.family, b.family))
        let swapped = (StringSimilarity.jaroWinkler(a.given, b.family), StringSimilarity.jaroWinkler(a.family, b.given))
        namesSwapped = swapped.0 + swapped.1 > direct.0 + direct.1 + 0.2
        let (given, family) = namesSwapped ? swapped : direct
        // The whole name is one field: given and family names are far from independent (relatives share a
        // family name, a block shares first letters), so they are judged together.
        let nameLevels = [nameLevel(given), nameLevel(family)]
        var levels = [nameLevels.min { $0.rawValue < $1.rawValue }!]

        if a.emails.isEmpty || b.emails.isEmpty {
            levels.append(.missing)
        } else if a.emails.contains(where: b.emails.contains) {
            levels.append(.agree)
        } else if a.emailParts.contains(where: { x in
            b.emailParts.contains { y in
                x.domain == y.domain && StringSimilarity.editDistance(x.local, y.local, limit: 1) != nil
            }
        }) {
            levels.append(.partial)
        } else {
            levels.append(.disagree)
        }

        if a.phones.isEmpty || b.phones.isEmpty {
            levels.append(.missing)
        } else if a.phones.contains(where: b.phones.contains) {
            levels.append(.agree)
        } else if a.phoneDigits.contains(where: { x in
            b.phoneDigits.contains { y in StringSimilarity.editDistance(x, y, limit: 1) != nil }
        }) {
            levels.append(.partial)
        } else {
            levels.append(.disagree)
        }

        if let x = a.birthday, let y = b.birthday {
            if x == y {
                levels.append(.agree)
            } else if (x.year == y.year && x.month == y.day && x.day == y.month)
                || (x.month == y.month && x.day == y.day)
                || StringSimilarity.editDistance(a.birthdayText, b.birthdayText, limit: 1) != nil
            {
                levels.append(.partial)
            } else {
                levels.append(.disagree)
            }
        } else {
            levels.append(.missing)
        }

        if a.postcode.isEmpty || b.postcode.isEmpty {
            levels.append(.missing)
        } else {
            let sameStreet = StringSimilarity.jaroWinkler(a.street, b.street) >= rules.nameAgreement
            if a.postcode == b.postcode && a.houseNumber == b.houseNumber && sameStreet {
                levels.append(.agree)
            } else if sameStreet && (a.postcode == b.postcode || a.houseNumber == b.houseNumber) {
                levels.append(.partial)
            } else {
                levels.append(.disagree)
            }
        }
        // Ids in other systems: the same id is near proof; another id in the same system is strong evidence
        // against (one system holds one record per person); ids of different systems say nothing.
        if a.externalIDs.isEmpty || b.externalIDs.isEmpty {
            levels.append(.missing)
        } else if !a.externalIDs.isDisjoint(with: b.externalIDs) {
            levels.append(.agree)
        } else if Set(a.externalIDs.map(\.system)).isDisjoint(with: b.externalIDs.map(\.system)) {
            levels.append(.missing)
        } else {
            levels.append(.disagree)
        }
        self.levels = levels
    }

    /// The reasons to show for a match: the fields that agreed or nearly agreed.
    var reasons: [String] {
        let names = ["name", "email", "phone", "birthday", "address", "external id"]
        var reasons = zip(names, levels).compactMap { name, level -> String? in
            switch level {
            case .agree: "same \(name)"
            case .partial: "similar \(name)"
            case .missing, .disagree: nil
            }
        }
        if namesSwapped { reasons.append("names swapped") }
        return reasons
    }
}
