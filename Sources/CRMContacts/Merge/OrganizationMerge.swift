public import CRMCore

/// The lineage of one merge of organizations, with every former value, so it can be undone.
public struct OrganizationMergeRecord: Hashable, Sendable, Codable, Identifiable {
    /// The merge's id.
    public var id: CRMCore.ID<OrganizationMergeRecord>
    /// The organization that lives on.
    public var survivorID: CRMCore.ID<Organization>
    /// The survivor as it was before the merge.
    public var survivorBefore: Organization
    /// The survivor's version right after the merge; an undo is refused once it has changed again.
    public var survivorVersionAfter: UInt64
    /// The organizations merged into the survivor, as they were.
    public var merged: [Organization]
    /// The contacts that belonged to a merged organization, with the organization they belonged to.
    public var movedContacts: [CRMCore.ID<Contact>: CRMCore.ID<Organization>]
    /// The organizations whose parent was a merged organization, with that parent.
    public var movedChildren: [CRMCore.ID<Organization>: CRMCore.ID<Organization>]
    /// Whether the merge was undone.
    public var isUndone: Bool
}

extension ContactMerger {
    /// The merged organization: the survivor's id; single values from the newest record that has them;
    /// addresses, tags, ids and custom fields unioned (the newest value per custom field). A parent that is
    /// one of the merged organizations is replaced by that organization's own parent.
    public static func merged(_ organizations: [Stored<Organization>], survivor: ID<Organization>) -> Organization {
        let first = organizations.first { $0.value.id == survivor }!
        let newest = organizations.sorted {
            ($0.updatedAt, $0.value.id == survivor ? 1 : 0) > ($1.updatedAt, $1.value.id == survivor ? 1 : 0)
        }.map(\.value)
        let ids = Set(organizations.map(\.value.id))
        var result = first.value
        result.domain = newest.lazy.compactMap(\.domain).first
        result.industry = newest.first { !$0.industry.isEmpty }?.industry ?? ""
        result.employeeCount = newest.lazy.compactMap(\.employeeCount).first
        result.owner = newest.lazy.compactMap(\.owner).first
        result.category = newest.lazy.compactMap(\.category).first
        result.parentID = newest.lazy.compactMap(\.parentID).first { !ids.contains($0) }
        var addresses: [PostalAddress] = []
        for address in ([first.value] + newest).flatMap(\.addresses) where !addresses.contains(address) {
            addresses.append(address)
        }
        result.addresses = addresses
        result.tags = Set(organizations.flatMap(\.value.tags))
        result.externalIDs = Set(organizations.flatMap(\.value.externalIDs))
        result.customFields = newest.reversed().reduce(into: [:]) { fields, organization in
            fields.merge(organization.customFields) { _, newer in newer }
        }
        return result
    }
}
