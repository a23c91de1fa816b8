public import CRMCore
public import Foundation

/// The contacts and organizations of a CRM, in domain words.
///
/// ``EngineContactStore`` implements it over any `StorageEngine`; a team that wants database-native queries
/// may implement it directly and check it with the conformance kit's contacts area.
///
/// Writes take the acting principal (recorded in the change feed) and, for updates and deletes, the version
/// the caller last read: a concurrent change fails with `StorageError.Code.conflict` instead of being
/// overwritten. Invalid values throw `ValidationError`; storage failures throw `StorageError`.
public protocol ContactStore: Sendable {
    /// Stores a new contact.
    func insert(_ contact: Contact, by principal: Principal) async throws -> Stored<Contact>
    /// Replaces a contact, if it is still at `expectedVersion`.
    func update(_ contact: Contact, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Contact>
    /// Removes a contact, if it is still at `expectedVersion` (any version when `nil`).
    func deleteContact(_ id: ID<Contact>, expectedVersion: UInt64?, by principal: Principal) async throws
    /// The contact with `id`, or `nil`.
    func contact(_ id: ID<Contact>) async throws -> Stored<Contact>?
    /// The contacts with `email` among their addresses, matched by `EmailAddress.matchingKey`.
    func contacts(withEmail email: EmailAddress) async throws -> [Stored<Contact>]
    /// The contacts with `phone` among their numbers.
    func contacts(withPhone phone: PhoneNumber) async throws -> [Stored<Contact>]
    /// The contacts that carry `externalID`.
    func contacts(withExternalID externalID: ExternalID) async throws -> [Stored<Contact>]
    /// The contacts of an organization, by name.
    func contacts(in organization: ID<Organization>) async throws -> [Stored<Contact>]
    /// The contacts tagged `tag` (tags match without regard to case).
    func contacts(taggedWith tag: CRMCore.Tag) async throws -> [Stored<Contact>]
    /// Contacts whose given, family or full name starts with `text`, ignoring case and diacritics; by name.
    func searchContacts(name text: String, limit: Int) async throws -> [Stored<Contact>]

    /// Stores a new organization; its parent must exist.
    func insert(_ organization: Organization, by principal: Principal) async throws -> Stored<Organization>
    /// Replaces an organization, if it is still at `expectedVersion`; a parent that would make a cycle is
    /// refused with a `ValidationError` on `parentID`.
    func update(_ organization: Organization, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Organization>
    /// The organization with `id`, or `nil`.
    func organization(_ id: ID<Organization>) async throws -> Stored<Organization>?
    /// The organizations with web domain `domain`.
    func organizations(withDomain domain: String) async throws -> [Stored<Organization>]
    /// The organizations whose parent is `id`, by name.
    func suborganizations(of id: ID<Organization>) async throws -> [Stored<Organization>]

    /// Records an interaction; its participants must exist. A marketing interaction on a channel that a
    /// participant has not consented to, or asked not to be contacted on, is refused with
    /// ``ConsentRequired``.
    func record(_ interaction: Interaction, by principal: Principal) async throws -> Stored<Interaction>
    /// The interactions a contact took part in, newest first.
    func timeline(of contact: ID<Contact>) async throws -> [Stored<Interaction>]
    /// The interactions linked to a record of any module, newest first.
    func interactions(linkedTo record: RecordKey) async throws -> [Stored<Interaction>]

    /// Stores a new follow-up.
    func insert(_ followUp: FollowUp, by principal: Principal) async throws -> Stored<FollowUp>
    /// Replaces a follow-up, if it is still at `expectedVersion`.
    func update(_ followUp: FollowUp, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<FollowUp>
    /// The follow-up with `id`, or `nil`.
    func followUp(_ id: ID<FollowUp>) async throws -> Stored<FollowUp>?
    /// The active follow-ups assigned to `assignee`, soonest due first (undated last).
    func activeFollowUps(assignedTo assignee: Principal) async throws -> [Stored<FollowUp>]
    /// The active follow-ups due before `now`, most overdue first.
    func overdueFollowUps(at now: Date) async throws -> [Stored<FollowUp>]

    /// Adds a consent record to a contact's history; records are never changed or removed.
    func record(_ consent: ConsentRecord, by principal: Principal) async throws -> Stored<ConsentRecord>
    /// A contact's consent records, to ask what is permitted now.
    func consentLedger(of contact: ID<Contact>) async throws -> ConsentLedger

    /// Stores a new segment.
    func insert(_ segment: Segment, by principal: Principal) async throws -> Stored<Segment>
    /// Replaces a segment, if it is still at `expectedVersion`.
    func update(_ segment: Segment, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Segment>
    /// The segment with `id`, or `nil`.
    func segment(_ id: ID<Segment>) async throws -> Stored<Segment>?
    /// The contacts in a segment at `now` (a dynamic segment's rule is evaluated then), by name.
    func members(of segment: ID<Segment>, at now: Date) async throws -> [Stored<Contact>]

    /// Merges contacts into one (see ``ContactMerger``) in one transaction: the survivor takes the merged
    /// values, the others are removed, and their interactions, follow-ups, consent records and references
    /// from other modules move to the survivor. Returns the lineage record.
    func merge(_ request: MergeRequest, by principal: Principal) async throws -> Stored<MergeRecord>
    /// Undoes a merge in one transaction: the merged contacts come back and everything moved moves back.
    /// Refused with `StorageError.Code.conflict` once the survivor has changed after the merge.
    func undoMerge(_ id: ID<MergeRecord>, by principal: Principal) async throws
    /// The merges a contact took part in, as survivor or as merged, oldest first.
    func mergeHistory(of contact: ID<Contact>) async throws -> [Stored<MergeRecord>]

    /// Merges organizations into `survivor` in one transaction (the values as `ContactMerger` combines
    /// them): their contacts and suborganizations move to the survivor, and the others are removed.
    /// Returns the lineage record.
    func mergeOrganizations(_ ids: [ID<Organization>], into survivor: ID<Organization>, by principal: Principal)
        async throws -> Stored<OrganizationMergeRecord>
    /// Undoes an organization merge in one transaction; refused with `StorageError.Code.conflict` once the
    /// survivor has changed after the merge.
    func undoOrganizationMerge(_ id: ID<OrganizationMergeRecord>, by principal: Principal) async throws
}

extension ContactStore {
    /// The organizations above `id`, nearest first.
    public func ancestors(of id: ID<Organization>) async throws -> [Stored<Organization>] {
        var result: [Stored<Organization>] = []
        var next = try await organization(id)?.value.parentID
        while let parent = next, result.count < ContactRules.maximumHierarchyDepth {
            guard let found = try await organization(parent) else { break }
            result.append(found)
            next = found.value.parentID
        }
        return result
    }
}

/// Limits of the contact rules.
public enum ContactRules {
    /// The deepest organization hierarchy the stores walk.
    public static let maximumHierarchyDepth = 256
}
