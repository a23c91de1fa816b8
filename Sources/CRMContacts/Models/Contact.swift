public import CRMCore

/// A person the business deals with: the center of the customer database.
///
/// A contact has a name, any number of email addresses and phone numbers (exactly one primary of each
/// kind), postal addresses, a birthday, a job title, an organization, an owner, a lifecycle stage and a
/// category, tags, custom fields, ids in other systems and do-not-contact flags.
///
/// ```swift
/// let ada = try Contact(
///     id: ids.next(), name: try PersonName(givenName: "Ada", familyName: "Lovelace"),
///     emails: [LabeledValue(try EmailAddress("ada@example.com"), label: "work")],
///     lifecycleStage: .customer)
/// ```
///
/// Properties may be changed freely; ``validate()`` checks the whole contact again, and stores call it
/// before every write.
public struct Contact: Hashable, Sendable, Codable, Identifiable {
    /// The contact's id.
    public var id: CRMCore.ID<Contact>
    /// The person's name.
    public var name: PersonName
    /// Email addresses; exactly one is primary when there are any.
    public var emails: [LabeledValue<EmailAddress>]
    /// Phone numbers in E.164; exactly one is primary when there are any.
    public var phones: [LabeledValue<PhoneNumber>]
    /// Postal addresses.
    public var addresses: [PostalAddress]
    /// The birthday; the year may be unknown.
    public var birthday: CalendarDay?
    /// The job title.
    public var jobTitle: String
    /// The organization the person works for.
    public var organizationID: CRMCore.ID<Organization>?
    /// The user responsible for the relationship.
    public var owner: Principal?
    /// Where the person stands in the relationship.
    public var lifecycleStage: LifecycleStage
    /// Where the contact came from: `web form`, `trade show 2026`, `import:legacy`.
    public var source: String
    /// The kind of customer.
    public var category: CustomerCategory?
    /// Free labels for grouping and segmenting.
    public var tags: Set<CRMCore.Tag>
    /// Values of the business's own fields, by field name.
    public var customFields: [String: CustomFieldValue]
    /// The contact's ids in other systems.
    public var externalIDs: Set<ExternalID>
    /// Channels the person asked not to be contacted on; `doNotContactAtAll` overrides them all.
    public var doNotContact: Set<ContactChannel>
    /// The person asked not to be contacted in any way.
    public var doNotContactAtAll: Bool

    /// Creates a contact and validates it.
    public init(
        id: CRMCore.ID<Contact>, name: PersonName, emails: [LabeledValue<EmailAddress>] = [],
        phones: [LabeledValue<PhoneNumber>] = [], addresses: [PostalAddress] = [], birthday: CalendarDay? = nil,
        jobTitle: String = "", organizationID: CRMCore.ID<Organization>? = nil, owner: Principal? = nil,
        lifecycleStage: LifecycleStage = .lead, source: String = "", category: CustomerCategory? = nil,
        tags: Set<CRMCore.Tag> = [], customFields: [String: CustomFieldValue] = [:], externalIDs: Set<ExternalID> = [],
        doNotContact: Set<ContactChannel> = [], doNotContactAtAll: Bool = false
    ) throws(ValidationError) {
        self.id = id
        self.name = name
        self.emails = emails
        self.phones = phones
        self.addresses = addresses
        self.birthday = birthday
        self.jobTitle = jobTitle
        self.organizationID = organizationID
        self.owner = owner
        self.lifecycleStage = lifecycleStage
        self.source = source
        self.category = category
        self.tags = tags
        self.customFields = customFields
        self.externalIDs = externalIDs
        self.doNotContact = doNotContact
        self.doNotContactAtAll = doNotContactAtAll
        self = try validated()
    }

    /// The contact with its invariants checked and defaults applied: the first email and phone become
    /// primary when none is marked. Throws every problem at once: more than one primary, the same address
    /// or number twice, a job title or source over 200 characters, a custom field name that is not 1 to 64
    /// of `[A-Za-z0-9_.-]`.
    public func validated() throws(ValidationError) -> Contact {
        var check = ValidationCollector(subject: "Contact")
        var result = self
        result.emails = .withOnePrimary(emails, field: "emails", check: &check)
        result.phones = .withOnePrimary(phones, field: "phones", check: &check)
        let emailKeys = emails.map(\.value.matchingKey)
        if Set(emailKeys).count != emailKeys.count {
            check.add(field: "emails", reason: "lists the same address twice")
        }
        if Set(phones.map(\.value)).count != phones.count {
            check.add(field: "phones", reason: "lists the same number twice")
        }
        for (field, text) in [("jobTitle", jobTitle), ("source", source)] where text.count > 200 {
            check.add(field: field, reason: "must be at most 200 characters")
        }
        for name in customFields.keys where !EntitySchema.isValidName(name) {
            check.add(field: "customFields", reason: "field names must be 1 to 64 of [A-Za-z0-9_.-]", value: name)
        }
        try check.finish()
        return result
    }

    /// Checks the contact; see ``validated()``.
    public func validate() throws(ValidationError) {
        _ = try validated()
    }

    /// The primary email address, if any.
    public var primaryEmail: EmailAddress? { emails.first(where: \.isPrimary)?.value ?? emails.first?.value }

    /// The primary phone number, if any.
    public var primaryPhone: PhoneNumber? { phones.first(where: \.isPrimary)?.value ?? phones.first?.value }

    /// Whether the person may be contacted on `channel` at all (consent for marketing is checked apart).
    public func isReachable(on channel: ContactChannel) -> Bool {
        !doNotContactAtAll && !doNotContact.contains(channel)
    }
}
