public import CRMCore

/// The rules that combine several contacts into one, as a pure function.
///
/// Single-valued fields take the caller's pick, else the most recently written non-empty value (the
/// survivor's on a tie). Multi-valued fields are unioned: emails and phones (the survivor's primary stays
/// primary), addresses, tags, external ids, custom fields (the most recent value per field). Do-not-contact
/// flags are unioned too: a request not to be contacted made on any record holds for the person.
public enum ContactMerger {
    /// The survivor under `rule` among `contacts`.
    public static func survivor(of contacts: [Stored<Contact>], rule: MergeRequest.SurvivorRule) -> Stored<Contact> {
        switch rule {
        case .oldest: return contacts.min { $0.value.id < $1.value.id }!
        case .mostRecentlyUpdated: return contacts.max { ($0.updatedAt, $1.value.id) < ($1.updatedAt, $0.value.id) }!
        case .mostComplete:
            return contacts.max { (completeness($0.value), $1.value.id) < (completeness($1.value), $0.value.id) }!
        case .chosen(let id): return contacts.first { $0.value.id == id } ?? contacts[0]
        }
    }

    /// The merged contact: the survivor's id with values from all of `contacts`.
    public static func merged(
        _ contacts: [Stored<Contact>], survivor: ID<Contact>, picks: [MergeRequest.Field: ID<Contact>]
    )
        -> Contact
    {
        let first = contacts.first { $0.value.id == survivor }!
        // Newest first; the survivor first among records written at the same time.
        let newest = contacts.sorted {
            ($0.updatedAt, $0.value.id == survivor ? 1 : 0) > ($1.updatedAt, $1.value.id == survivor ? 1 : 0)
        }.map(\.value)
        func pick<T>(_ field: MergeRequest.Field, _ value: (Contact) -> T?, isEmpty: (T) -> Bool = { _ in false }) -> T?
        {
            if let chosen = picks[field], let contact = contacts.first(where: { $0.value.id == chosen }) {
                return value(contact.value)
            }
            return newest.lazy.compactMap(value).first { !isEmpty($0) } ?? value(first.value)
        }
        var result = first.value
        result.name = pick(.name, \.name)!
        result.birthday = pick(.birthday, \.birthday)
        result.jobTitle = pick(.jobTitle, \.jobTitle, isEmpty: \.isEmpty) ?? ""
        result.organizationID = pick(.organization, \.organizationID)
        result.owner = pick(.owner, \.owner)
        result.lifecycleStage = pick(.lifecycleStage, \.lifecycleStage)!
        result.source = pick(.source, \.source, isEmpty: \.isEmpty) ?? ""
        result.category = pick(.category, \.category)

        let survivorFirst = [first.value] + newest.filter { $0.id != survivor }
        result.emails = union(survivorFirst.map(\.emails)) { $0.value.matchingKey }
        result.phones = union(survivorFirst.map(\.phones)) { $0.value.e164 }
        result.addresses = union(survivorFirst.map(\.addresses)) { $0 }
        result.tags = Set(contacts.flatMap(\.value.tags))
        result.externalIDs = Set(contacts.flatMap(\.value.externalIDs))
        result.customFields = newest.reversed().reduce(into: [:]) { fields, contact in
            fields.merge(contact.customFields) { _, newer in newer }
        }
        result.doNotContact = Set(contacts.flatMap(\.value.doNotContact))
        result.doNotContactAtAll = contacts.contains { $0.value.doNotContactAtAll }
        return result
    }

    /// The entries of `lists` in order, each key once; only the first list's primary stays primary.
    private static func union<Value, Key: Hashable>(_ lists: [[LabeledValue<Value>]], key: (LabeledValue<Value>) -> Key)
        -> [LabeledValue<Value>]
    {
        var seen = Set<Key>()
        var result: [LabeledValue<Value>] = []
        for (index, list) in lists.enumerated() {
            for var entry in list where seen.insert(key(entry)).inserted {
                if index > 0 || result.contains(where: \.isPrimary) { entry.isPrimary = false }
                result.append(entry)
            }
        }
        if !result.isEmpty && !result.contains(where: \.isPrimary) { result[0].isPrimary = true }
        return result
    }

    private static func union<Value: Hashable>(_ lists: [[Value]], key: (Value) -> Value) -> [Value] {
        var seen = Set<Value>()
        return lists.flatMap { $0 }.filter { seen.insert(key($0)).inserted }
    }

    /// How many fields a contact has filled in.
    static func completeness(_ contact: Contact) -> Int {
        let filled: [Bool] = [
            !contact.emails.isEmpty, !contact.phones.isEmpty, !contact.addresses.isEmpty, contact.birthday != nil,
            !contact.jobTitle.isEmpty, contact.organizationID != nil, contact.owner != nil, !contact.source.isEmpty,
            contact.category != nil, !contact.tags.isEmpty, !contact.externalIDs.isEmpty,
        ]
        return filled.filter { $0 }.count + contact.customFields.count
    }
}
