/// The versioned JSON document of a contact export: every organization and contact, which
/// ``EngineContactStore/importDocument(_:by:)`` reads back.
public struct ContactsDocument: Codable, Sendable, Hashable {
    /// Always `swift-crm.contacts`.
    public var format: String
    /// The document version; this build writes and reads 1.
    public var version: Int
    /// The organizations, parents before children.
    public var organizations: [Organization]
    /// The contacts.
    public var contacts: [Contact]

    /// The format name.
    public static let formatName = "swift-crm.contacts"
    /// The version this build writes.
    public static let currentVersion = 1

    /// Creates a document of the current version.
    public init(organizations: [Organization], contacts: [Contact]) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.organizations = organizations
        self.contacts = contacts
    }
}

/// Everything a store holds about one person, for a data-subject access request (GDPR article 15) or a
/// portability request (article 20).
public struct PersonalDataExport: Codable, Sendable, Hashable {
    /// The contact.
    public var contact: Contact
    /// The organization the contact belongs to.
    public var organization: Organization?
    /// The interactions the contact took part in.
    public var interactions: [Interaction]
    /// The follow-ups about the contact.
    public var followUps: [FollowUp]
    /// The contact's consent history.
    public var consents: [ConsentRecord]
}
