import CRMCore

extension ContactStore {
    /// The stored contacts that `contact` probably duplicates, best first: the duplicate alert to show
    /// before saving a new contact.
    ///
    /// Cheap: it gathers candidates with a few indexed lookups (each email and phone, the family and given
    /// name, as written and swapped) and scores only those. Pass rules fitted by
    /// ``DuplicateDetector/fittedRules(for:)`` on the whole store for the best judgement.
    public func possibleDuplicates(
        of contact: Contact, rules: MatchingRules = MatchingRules(), candidateLimit: Int = 50
    )
        async throws -> [DuplicateMatch]
    {
        var candidates: [ID<Contact>: Contact] = [:]
        func add(_ found: [Stored<Contact>]) {
            for stored in found where stored.value.id != contact.id { candidates[stored.value.id] = stored.value }
        }
        for email in contact.emails { add(try await contacts(withEmail: email.value)) }
        for phone in contact.phones { add(try await contacts(withPhone: phone.value)) }
        for name in [contact.name.familyName, contact.name.givenName] where !name.isEmpty {
            add(try await searchContacts(name: name, limit: candidateLimit))
        }
        return DuplicateDetector(rules: rules).matches(for: contact, among: Array(candidates.values))
    }
}
