public import CRMCore
import Foundation

/// Realistic synthetic person records with known duplicates, for measuring duplicate detection and for
/// demonstrations: the approach of the FEBRL data generator (Christen 2005, "Probabilistic data generation
/// for deduplication and data linkage"), with our own name lists.
///
/// Originals get a name, birthday, email, phone and address; each duplicate copies one and applies one to
/// four corruptions: typing errors in names, a nickname for the given name, given and family name swapped,
/// a dropped email, phone, birthday or address, day and month swapped, a mistyped digit, an abbreviated
/// street, another email address. With the default sizes there are 2,000 originals and 3,000 duplicates
/// in clusters of up to six records: 6,500 true duplicate pairs among 5,000 records, like FEBRL's
/// `dataset_A_5000`.
public struct SyntheticPeople: Sendable {
    /// The generated contacts, originals and duplicates shuffled together.
    public let contacts: [Contact]
    /// For each contact id, the number of the person it describes: equal numbers are true duplicates.
    public let person: [ID<Contact>: Int]

    /// How many originals have 0, 1, … 5 duplicates, per 2,000 originals.
    static let clusterShape = [900, 250, 250, 250, 250, 100]

    /// Generates `scale` × 5,000 records from `seed`; the same seed gives the same records.
    public init(scale: Int = 1, seed: UInt64 = 2026) {
        var random = SeededRandomNumberGenerator(seed: seed)
        let ids = ULIDGenerator(
            clock: ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000)),
            random: SeededRandomNumberGenerator(seed: seed &+ 1))
        var contacts: [Contact] = []
        var person: [ID<Contact>: Int] = [:]
        var number = 0
        var usedEmails = Set<String>()
        for (duplicates, originals) in Self.clusterShape.enumerated() {
            for _ in 0..<originals * scale {
                var original = Self.original(number, ids: ids, random: &random)
                // A mailbox belongs to one person: a taken address gets the person's number.
                if let email = original.emails.first?.value, !usedEmails.insert(email.matchingKey).inserted {
                    let unique = try! EmailAddress("\(email.localPart)\(number)@\(email.domain)")
                    usedEmails.insert(unique.matchingKey)
                    original.emails = [LabeledValue(unique)]
                }
                contacts.append(original)
                person[original.id] = number
                for _ in 0..<duplicates {
                    var copy = Self.corrupted(original, random: &random)
                    copy.id = ID(ids.next())
                    contacts.append(copy)
                    person[copy.id] = number
                }
                number += 1
            }
        }
        contacts.shuffle(using: &random)
        self.contacts = contacts
        self.person = person
    }

    /// The true duplicate pairs, each as (smaller id, larger id).
    public var truePairs: Set<Pair> {
        var clusters: [Int: [ID<Contact>]] = [:]
        for (id, number) in person { clusters[number, default: []].append(id) }
        var pairs = Set<Pair>()
        for members in clusters.values where members.count > 1 {
            for (index, first) in members.enumerated() {
                for second in members[(index + 1)...] { pairs.insert(Pair(first, second)) }
            }
        }
        return pairs
    }

    /// Two contact ids, in order.
    public struct Pair: Hashable, Sendable {
        /// The smaller id.
        public let first: ID<Contact>
        /// The larger id.
        public let second: ID<Contact>

        /// The pair of `a` and `b` in either order.
        public init(_ a: ID<Contact>, _ b: ID<Contact>) {
            (first, second) = a < b ? (a, b) : (b, a)
        }
    }

    // MARK: Originals

    private static func original(
        _ number: Int, ids: ULIDGenerator<SeededRandomNumberGenerator>, random: inout SeededRandomNumberGenerator
    ) -> Contact {
        let given = PeopleLists.givenNames.randomElement(using: &random)!
        let family = PeopleLists.familyNames.randomElement(using: &random)!
        let domain = PeopleLists.mailDomains.randomElement(using: &random)!
        let local = [
            "\(given).\(family)", "\(given.prefix(1))\(family)", "\(given)\(family.prefix(1))\(number % 97)",
            "\(family).\(given)",
        ].randomElement(using: &random)!
        let email = try! EmailAddress("\(SearchKey.fold(local).replacingOccurrences(of: " ", with: ""))@\(domain)")
        let phone = try! PhoneNumber("+447\(700_000_000 + Int.random(in: 0..<99_999_999, using: &random))")
        let street = "\(Int.random(in: 1...240, using: &random)) \(PeopleLists.streets.randomElement(using: &random)!)"
        let (locality, postcode) = PeopleLists.localities.randomElement(using: &random)!
        let address = try! PostalAddress(
            streetLines: [street], locality: locality,
            postalCode:
                "\(postcode)\(Int.random(in: 1...9, using: &random)) \(Int.random(in: 1...9, using: &random))AB",
            countryCode: "GB")
        let birthday = try! CalendarDay(
            year: Int.random(in: 1940...2005, using: &random), month: Int.random(in: 1...12, using: &random),
            day: Int.random(in: 1...28, using: &random))
        return try! Contact(
            id: ID(ids.next()), name: try! PersonName(givenName: given, familyName: family),
            emails: Double.random(in: 0..<1, using: &random) < 0.85 ? [LabeledValue(email)] : [],
            phones: Double.random(in: 0..<1, using: &random) < 0.8 ? [LabeledValue(phone)] : [],
            addresses: Double.random(in: 0..<1, using: &random) < 0.9 ? [address] : [],
            birthday: Double.random(in: 0..<1, using: &random) < 0.9 ? birthday : nil)
    }

    // MARK: Corruptions

    private enum Corruption: CaseIterable {
        case givenTypo, familyTypo, nickname, swappedNames, noEmail, otherEmail, emailTypo, noPhone, phoneTypo
        case noBirthday, dayMonthSwapped, birthYearTypo, noAddress, streetAbbreviated, houseNumberTypo
    }

    private static func corrupted(_ original: Contact, random: inout SeededRandomNumberGenerator) -> Contact {
        var copy = original
        let count = [1, 1, 1, 2, 2, 2, 2, 3, 3, 4].randomElement(using: &random)!
        var applied = Set<Corruption>()
        while applied.count < count { applied.insert(Corruption.allCases.randomElement(using: &random)!) }
        // In a fixed order, so the same seed gives the same records in every process.
        for corruption in Corruption.allCases where applied.contains(corruption) {
            apply(corruption, to: &copy, random: &random)
        }
        return copy
    }

    private static func apply(
        _ corruption: Corruption, to contact: inout Contact, random: inout SeededRandomNumberGenerator
    ) {
        let name = contact.name
        switch corruption {
        case .givenTypo:
            contact.name = try! PersonName(
                givenName: typo(name.givenName, random: &random), familyName: name.familyName)
        case .familyTypo:
            contact.name = try! PersonName(
                givenName: name.givenName, familyName: typo(name.familyName, random: &random))
        case .nickname:
            let variants = Nicknames.formal.filter { $0.value == SearchKey.fold(name.givenName) && $0.key != $0.value }
            if let nickname = variants.keys.sorted().randomElement(using: &random) {
                contact.name = try! PersonName(givenName: nickname.capitalized, familyName: name.familyName)
            }
        case .swappedNames: contact.name = try! PersonName(givenName: name.familyName, familyName: name.givenName)
        case .noEmail: contact.emails = []
        case .otherEmail:
            let local = SearchKey.fold(name.givenName + name.familyName).replacingOccurrences(of: " ", with: "")
            contact.emails = [
                LabeledValue(try! EmailAddress("\(local)\(Int.random(in: 1...99_999, using: &random))@work.example"))
            ]
        case .emailTypo:
            if let email = contact.emails.first?.value {
                let local = typo(String(email.localPart), random: &random).filter {
                    $0.isLetter || $0.isNumber || $0 == "."
                }
                if let changed = try? EmailAddress("\(local.isEmpty ? "x" : local)@\(email.domain)") {
                    contact.emails = [LabeledValue(changed)]
                }
            }
        case .noPhone: contact.phones = []
        case .phoneTypo:
            if let phone = contact.phones.first?.value {
                var digits = Array(phone.e164)
                let position = Int.random(in: 5..<digits.count, using: &random)
                digits[position] = Character(String((Int(String(digits[position]))! + 1) % 10))
                contact.phones = [LabeledValue(try! PhoneNumber(String(digits)))]
            }
        case .noBirthday: contact.birthday = nil
        case .dayMonthSwapped:
            if let day = contact.birthday, day.day <= 12 {
                contact.birthday = try! CalendarDay(year: day.year, month: day.day, day: day.month)
            }
        case .birthYearTypo:
            if let day = contact.birthday, let year = day.year {
                contact.birthday = try! CalendarDay(
                    year: year + [-1, 1, -10, 10].randomElement(using: &random)!, month: day.month, day: day.day)
            }
        case .noAddress: contact.addresses = []
        case .streetAbbreviated:
            if let address = contact.addresses.first {
                let line = address.streetLines.joined(separator: " ")
                    .replacingOccurrences(of: "Street", with: "St").replacingOccurrences(of: "Road", with: "Rd")
                    .replacingOccurrences(of: "Avenue", with: "Ave").replacingOccurrences(of: "Lane", with: "Ln")
                contact.addresses = [
                    try! PostalAddress(
                        streetLines: [line], locality: address.locality, postalCode: address.postalCode,
                        countryCode: address.countryCode)
                ]
            }
        case .houseNumberTypo:
            if let address = contact.addresses.first, let line = address.streetLines.first {
                let parts = line.split(separator: " ", maxSplits: 1)
                let number = (Int(parts[0]) ?? 1) + Int.random(in: 1...9, using: &random)
                contact.addresses = [
                    try! PostalAddress(
                        streetLines: ["\(number) \(parts.last!)"], locality: address.locality,
                        postalCode: address.postalCode, countryCode: address.countryCode)
                ]
            }
        }
    }

    /// One keyboard-style error: a letter dropped, doubled, replaced or two neighbours swapped.
    private static func typo(_ text: String, random: inout SeededRandomNumberGenerator) -> String {
        var characters = Array(text)
        guard characters.count > 2 else { return text }
        let position = Int.random(in: 1..<characters.count - 1, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: characters.remove(at: position)
        case 1: characters.insert(characters[position], at: position)
        case 2: characters[position] = "aeiourstnl".randomElement(using: &random)!
        default: characters.swapAt(position, position + 1)
        }
        return String(characters)
    }
}
