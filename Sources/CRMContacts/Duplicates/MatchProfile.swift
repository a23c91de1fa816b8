import CRMCore

/// A contact reduced to the normalized values duplicate detection compares.
///
/// A class, so that handing a profile to a comparison costs one reference count rather than one per field.
final class MatchProfile: Sendable {
    let id: ID<Contact>
    let given: [UInt8]
    let family: [UInt8]
    let emails: [String]
    let emailParts: [(local: [UInt8], domain: Substring)]
    let phones: [String]
    let phoneDigits: [[UInt8]]
    let birthday: CalendarDay?
    let birthdayText: [UInt8]
    let postcode: String
    let houseNumber: String
    let street: [UInt8]
    let externalIDs: Set<ExternalID>

    /// Street-name abbreviations and their full forms.
    private static let streetWords: [String: String] = [
        "st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "ln": "lane", "dr": "drive", "ct": "court",
        "pl": "place", "sq": "square", "cres": "crescent", "gdns": "gardens", "tce": "terrace", "hwy": "highway",
    ]

    init(_ contact: Contact) {
        id = contact.id
        given = Array(Nicknames.canonical(SearchKey.fold(contact.name.givenName)).utf8)
        family = Array(SearchKey.fold(contact.name.familyName).utf8)
        emails = contact.emails.map(\.value.matchingKey)
        emailParts = contact.emails.map { (Array(SearchKey.fold(String($0.value.localPart)).utf8), $0.value.domain) }
        phones = contact.phones.map(\.value.e164)
        externalIDs = contact.externalIDs
        phoneDigits = phones.map { Array($0.utf8) }
        birthday = contact.birthday
        birthdayText = Array((contact.birthday?.description ?? "").utf8)
        let address = contact.addresses.first
        postcode = SearchKey.fold(address?.postalCode ?? "").replacingOccurrences(of: " ", with: "")
        let words = SearchKey.fold(address?.streetLines.joined(separator: " ") ?? "").split(separator: " ")
            .map { Self.streetWords[String($0)] ?? String($0) }
        houseNumber = words.first(where: { $0.first?.isNumber == true }) ?? ""
        street = Array(words.filter { $0.first?.isNumber != true }.joined(separator: " ").utf8)
    }

    /// The keys of the blocks the contact belongs to, hashed: each email, phone and external id, its names in either
    /// order (first three letters of each), its birthday, and its postcode with house number. Two different
    /// keys that hash alike only add a few needless comparisons.
    var blockingHashes: [Int] { blockingKeys.map(\.hashValue) }

    var blockingKeys: [String] {
        var keys = emails.map { "e:" + $0 } + phones.map { "p:" + $0 } + externalIDs.map { "x:\($0)" }
        let a = String(decoding: given.prefix(3), as: UTF8.self)
        let b = String(decoding: family.prefix(3), as: UTF8.self)
        if !a.isEmpty || !b.isEmpty { keys.append("n:" + min(a, b) + "|" + max(a, b)) }
        if let birthday { keys.append("b:\(birthday)") }
        if !postcode.isEmpty && !houseNumber.isEmpty { keys.append("a:\(postcode)|\(houseNumber)") }
        return keys
    }

    /// The key of the sorted neighbourhood: family then given name.
    var sortKey: [UInt8] { family + [0] + given }

    /// The sort key with the names in the other order, so a swapped pair sorts next to its original.
    var swappedSortKey: [UInt8] { given + [0] + family }
}
