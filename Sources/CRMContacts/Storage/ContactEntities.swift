public import CRMCore

/// How contacts and organizations are stored in a `StorageEngine`: their entity schemas, index values and
/// lookup keys.
public enum ContactEntities {
    /// The entity of contacts.
    public static let contact = "crm.contact"
    /// The entity of organizations.
    public static let organization = "crm.organization"

    /// The entity of interactions.
    public static let interaction = "crm.interaction"
    /// The entity of follow-ups.
    public static let followUp = "crm.followUp"
    /// The entity of consent records.
    public static let consent = "crm.consent"

    /// The entity of merge records.
    public static let merge = "crm.merge"
    /// The entity of organization merge records.
    public static let organizationMerge = "crm.organizationMerge"
    /// The entity of erasure records.
    public static let erasure = "crm.erasure"
    /// The entity of segments.
    public static let segment = "crm.segment"

    /// Every schema the contact store registers.
    public static let schemas: [EntitySchema] = [
        try! EntitySchema(
            name: contact,
            indexes: [
                IndexDefinition("familyKey"), IndexDefinition("givenKey"), IndexDefinition("nameKey"),
                IndexDefinition("organization"), IndexDefinition("stage"), IndexDefinition("owner"),
                IndexDefinition("category"),
            ]),
        try! EntitySchema(
            name: organization,
            indexes: [IndexDefinition("nameKey"), IndexDefinition("domain"), IndexDefinition("parent")]),
        try! EntitySchema(name: interaction, indexes: [IndexDefinition("occurredAt"), IndexDefinition("channel")]),
        try! EntitySchema(
            name: followUp,
            indexes: [
                IndexDefinition("dueAt"), IndexDefinition("status"), IndexDefinition("assignee"),
                IndexDefinition("contact"),
            ]),
        try! EntitySchema(name: consent, indexes: [IndexDefinition("contact"), IndexDefinition("capturedAt")]),
        try! EntitySchema(name: segment, indexes: [IndexDefinition("nameKey")]),
        try! EntitySchema(name: merge, indexes: [IndexDefinition("survivor")]),
        try! EntitySchema(name: erasure, indexes: [IndexDefinition("contact")]),
        try! EntitySchema(name: organizationMerge, indexes: [IndexDefinition("survivor")]),
        LookupKey.schema,
    ]

    static let contactCoder = PayloadCoder<Contact>(entity: contact)
    static let organizationCoder = PayloadCoder<Organization>(entity: organization)

    static let interactionCoder = PayloadCoder<Interaction>(entity: interaction)
    static let followUpCoder = PayloadCoder<FollowUp>(entity: followUp)
    static let consentCoder = PayloadCoder<ConsentRecord>(entity: consent)

    static let segmentCoder = PayloadCoder<Segment>(entity: segment)
    static let mergeCoder = PayloadCoder<MergeRecord>(entity: merge)
    static let erasureCoder = PayloadCoder<ErasureRecord>(entity: erasure)
    static let organizationMergeCoder = PayloadCoder<OrganizationMergeRecord>(entity: organizationMerge)

    static func key(_ id: ID<OrganizationMergeRecord>) -> RecordKey {
        RecordKey(entity: organizationMerge, id: id.rawValue)
    }

    static func key(_ id: ID<MergeRecord>) -> RecordKey { RecordKey(entity: merge, id: id.rawValue) }

    static func key(_ id: ID<Segment>) -> RecordKey { RecordKey(entity: segment, id: id.rawValue) }
    static func key(_ id: ID<Interaction>) -> RecordKey { RecordKey(entity: interaction, id: id.rawValue) }
    static func key(_ id: ID<FollowUp>) -> RecordKey { RecordKey(entity: followUp, id: id.rawValue) }
    static func key(_ id: ID<ConsentRecord>) -> RecordKey { RecordKey(entity: consent, id: id.rawValue) }
    static func key(_ id: ID<Contact>) -> RecordKey { RecordKey(entity: contact, id: id.rawValue) }
    static func key(_ id: ID<Organization>) -> RecordKey { RecordKey(entity: organization, id: id.rawValue) }

    static func indexValues(of contact: Contact) -> IndexValues {
        var values: IndexValues = [
            "familyKey": .string(SearchKey.fold(contact.name.familyName)),
            "givenKey": .string(SearchKey.fold(contact.name.givenName)),
            "nameKey": .string(SearchKey.fold(contact.name.displayName)),
            "stage": .string(contact.lifecycleStage.description),
        ]
        values["organization"] = contact.organizationID.map { .string($0.description) }
        values["owner"] = contact.owner.map { .string($0.id) }
        values["category"] = contact.category.map { .string($0.description) }
        return values
    }

    static func indexValues(of organization: Organization) -> IndexValues {
        var values: IndexValues = ["nameKey": .string(SearchKey.fold(organization.name))]
        values["domain"] = organization.domain.map { .string($0) }
        values["parent"] = organization.parentID.map { .string($0.description) }
        return values
    }

    static func lookupKeys(of contact: Contact) -> Set<LookupKey> {
        let owner = key(contact.id)
        var keys = Set(contact.emails.map { LookupKey(owner: owner, kind: "email", value: $0.value.matchingKey) })
        keys.formUnion(contact.phones.map { LookupKey(owner: owner, kind: "phone", value: $0.value.e164) })
        keys.formUnion(contact.tags.map { LookupKey(owner: owner, kind: "tag", value: $0.key) })
        keys.formUnion(contact.externalIDs.map { LookupKey(owner: owner, kind: "ext", value: $0.description) })
        return keys
    }

    static func lookupKeys(of organization: Organization) -> Set<LookupKey> {
        let owner = key(organization.id)
        var keys = Set(organization.tags.map { LookupKey(owner: owner, kind: "tag", value: $0.key) })
        keys.formUnion(organization.externalIDs.map { LookupKey(owner: owner, kind: "ext", value: $0.description) })
        return keys
    }
}

extension ContactEntities {
    static func indexValues(of interaction: Interaction) -> IndexValues {
        ["occurredAt": .date(interaction.occurredAt), "channel": .string(interaction.channel.description)]
    }

    static func lookupKeys(of interaction: Interaction) -> Set<LookupKey> {
        let owner = key(interaction.id)
        return Set(interaction.participants.map { LookupKey(owner: owner, kind: "participant", value: $0.description) })
            .union(interaction.links.map { LookupKey(owner: owner, kind: "link", value: $0.description) })
    }

    static func indexValues(of followUp: FollowUp) -> IndexValues {
        var values: IndexValues = ["status": .string(followUp.status.rawValue)]
        values["dueAt"] = followUp.dueAt.map { .date($0) }
        values["assignee"] = followUp.assignee.map { .string($0.id) }
        values["contact"] = followUp.contactID.map { .string($0.description) }
        return values
    }

    static func indexValues(of consent: ConsentRecord) -> IndexValues {
        ["contact": .string(consent.contactID.description), "capturedAt": .date(consent.capturedAt)]
    }
}
