public import CRMCore

/// What to merge and how: two or more contacts, the rule that picks the surviving record, and the
/// caller's choice of record for any single-valued field.
public struct MergeRequest: Sendable, Hashable {
    /// How the surviving record (whose id lives on) is chosen.
    public enum SurvivorRule: Sendable, Hashable {
        /// The contact created first (the smallest id): links from elsewhere most likely point to it.
        case oldest
        /// The contact written most recently.
        case mostRecentlyUpdated
        /// The contact with the most filled-in fields; the oldest among equals.
        case mostComplete
        /// This contact.
        case chosen(ID<Contact>)
    }

    /// The single-valued fields a caller may pick a record for.
    public enum Field: String, Sendable, Hashable, CaseIterable, Codable {
        /// The person's name.
        case name
        /// The birthday.
        case birthday
        /// The job title.
        case jobTitle
        /// The organization link.
        case organization
        /// The owner.
        case owner
        /// The lifecycle stage.
        case lifecycleStage
        /// The source.
        case source
        /// The customer category.
        case category
    }

    /// The contacts to merge; at least two, each once.
    public var contacts: [ID<Contact>]
    /// The survivor rule; ``SurvivorRule/oldest`` unless told otherwise.
    public var survivor: SurvivorRule
    /// For each field, the contact whose value to keep; the others follow the default rule: the most
    /// recently written non-empty value wins.
    public var picks: [Field: ID<Contact>]

    /// Creates a request.
    public init(contacts: [ID<Contact>], survivor: SurvivorRule = .oldest, picks: [Field: ID<Contact>] = [:]) {
        self.contacts = contacts
        self.survivor = survivor
        self.picks = picks
    }
}

/// The lineage of one merge: which contacts went into which, with every former value, so the merge can be
/// explained and undone.
public struct MergeRecord: Hashable, Sendable, Codable, Identifiable {
    /// The merge's id.
    public var id: CRMCore.ID<MergeRecord>
    /// The contact that lives on.
    public var survivorID: CRMCore.ID<Contact>
    /// The survivor as it was before the merge.
    public var survivorBefore: Contact
    /// The survivor's version right after the merge; an undo is refused once it has changed again.
    public var survivorVersionAfter: UInt64
    /// The contacts merged into the survivor, as they were.
    public var merged: [Contact]
    /// The interactions, follow-ups and consent records that pointed at a merged contact, as they were.
    public var formerInteractions: [Interaction]
    /// See ``formerInteractions``.
    public var formerFollowUps: [FollowUp]
    /// See ``formerInteractions``.
    public var formerConsents: [ConsentRecord]
    /// Whether the merge was undone.
    public var isUndone: Bool
}

/// Moves another module's references to contacts when contacts are merged, inside the merge's transaction.
///
/// A module that stores contact ids (opportunities, tickets, loyalty members) gives the contact store a
/// mover, so a merge leaves no reference to a contact that no longer exists, and an undo puts them back.
public protocol ContactReferenceMover: Sendable {
    /// The writes that point the module's records at `survivor` instead of any of `merged`.
    func operations(merging merged: [ID<Contact>], into survivor: ID<Contact>, engine: any StorageEngine) async throws
        -> [WriteOperation]
    /// The writes that undo ``operations(merging:into:engine:)`` for the merge `record`.
    func operations(undoing record: MergeRecord, engine: any StorageEngine) async throws -> [WriteOperation]
}
