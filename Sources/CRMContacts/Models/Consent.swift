public import CRMCore
public import Foundation

/// One statement of a contact's consent (or refusal) to a purpose, as captured at one moment.
///
/// Consent records are never changed: a withdrawal or a new grant is a new record, so the history shows
/// what the person said, when, where, and on what proof. ``ConsentLedger`` reads the records to tell what
/// is permitted now.
public struct ConsentRecord: Hashable, Sendable, Codable, Identifiable {
    /// What the person said.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Agreed.
        case granted
        /// Refused when asked.
        case denied
        /// Took back an earlier agreement.
        case withdrawn

        /// Whether the statement permits the processing.
        public var permits: Bool { self == .granted }
    }

    /// The record's id.
    public var id: CRMCore.ID<ConsentRecord>
    /// The contact it belongs to.
    public var contactID: CRMCore.ID<Contact>
    /// What the data may be used for.
    public var purpose: ConsentPurpose
    /// The channel it covers; `nil` covers every channel.
    public var channel: ContactChannel?
    /// What the person said.
    public var status: Status
    /// The legal ground the processing rests on.
    public var legalBasis: LegalBasis
    /// When it was captured.
    public var capturedAt: Date
    /// Where it was captured: `web form /signup`, `call centre`, `import:legacy`.
    public var source: String
    /// Evidence, such as ``ConsentProof/sha256(_:)`` of the consent text shown.
    public var proof: String

    /// Creates a record; `source` must be 1 to 200 characters and `proof` at most 1,000.
    public init(
        id: CRMCore.ID<ConsentRecord>, contactID: CRMCore.ID<Contact>, purpose: ConsentPurpose,
        channel: ContactChannel? = nil,
        status: Status, legalBasis: LegalBasis = .consent, capturedAt: Date, source: String, proof: String = ""
    ) throws(ValidationError) {
        self.id = id
        self.contactID = contactID
        self.purpose = purpose
        self.channel = channel
        self.status = status
        self.legalBasis = legalBasis
        self.capturedAt = capturedAt
        self.source = source
        self.proof = proof
        try validate()
    }

    /// Checks the source and proof lengths.
    public func validate() throws(ValidationError) {
        var check = ValidationCollector(subject: "ConsentRecord")
        if source.isEmpty || source.count > 200 {
            check.add(field: "source", reason: "must be 1 to 200 characters", value: source)
        }
        if proof.count > 1_000 { check.add(field: "proof", reason: "must be at most 1,000 characters") }
        try check.finish()
    }
}

/// What a contact's data may be used for.
public enum ConsentPurpose: ExtensibleChoice {
    /// Marketing messages.
    case marketing
    /// Building a profile from behaviour (segmentation, scoring, personalization).
    case profiling
    /// Passing data to other companies.
    case thirdPartySharing
    /// Surveys and research.
    case research
    /// A purpose the business defines.
    case custom(String)

    /// The standard purposes.
    public static let standard: [ConsentPurpose] = [.marketing, .profiling, .thirdPartySharing, .research]

    /// The stable stored name.
    public var description: String {
        switch self {
        case .marketing: "marketing"
        case .profiling: "profiling"
        case .thirdPartySharing: "thirdPartySharing"
        case .research: "research"
        case .custom(let name): "custom:\(name)"
        }
    }
}

/// The lawful basis of processing, after article 6(1) of the EU General Data Protection Regulation.
public enum LegalBasis: String, Hashable, Sendable, Codable, CaseIterable {
    /// The person consented (6(1)(a)).
    case consent
    /// Needed for a contract with the person (6(1)(b)).
    case contract
    /// Required by law (6(1)(c)).
    case legalObligation
    /// Protects someone's life (6(1)(d)).
    case vitalInterests
    /// A task in the public interest (6(1)(e)).
    case publicTask
    /// The business's legitimate interests, balanced against the person's (6(1)(f)).
    case legitimateInterests
}

/// What a contact's consent records permit now.
///
/// The records that apply to a purpose on a channel are those of that purpose for that channel or for
/// every channel. The newest of them decides, since a later statement supersedes an earlier one (a
/// withdrawal ends a grant, a new grant ends a withdrawal). Records that conflict, because they were
/// captured at the same instant (as after merging two contacts, or importing from two systems), resolve to
/// the least permissive: any refusal wins. With no record, nothing is permitted.
public struct ConsentLedger: Sendable {
    /// The records, in any order.
    public let records: [ConsentRecord]

    /// Reads `records`.
    public init(_ records: [ConsentRecord]) {
        self.records = records
    }

    /// The status in force for `purpose` on `channel`, or `nil` when no record applies.
    public func status(for purpose: ConsentPurpose, on channel: ContactChannel?) -> ConsentRecord.Status? {
        let applicable = records.filter { $0.purpose == purpose && ($0.channel == nil || $0.channel == channel) }
        guard let newest = applicable.map(\.capturedAt).max() else { return nil }
        let deciding = applicable.filter { $0.capturedAt == newest }
        return deciding.first { !$0.status.permits }?.status ?? .granted
    }

    /// Whether `purpose` on `channel` is permitted now.
    public func permits(_ purpose: ConsentPurpose, on channel: ContactChannel?) -> Bool {
        status(for: purpose, on: channel) == .granted
    }

    /// The records of `purpose`, oldest first: the history shown to the person or an auditor.
    public func history(of purpose: ConsentPurpose) -> [ConsentRecord] {
        records.filter { $0.purpose == purpose }.sorted { ($0.capturedAt, $0.id) < ($1.capturedAt, $1.id) }
    }
}

/// A marketing interaction refused because a participant has not consented, or asked not to be contacted,
/// on its channel.
public struct ConsentRequired: Error, Hashable, Sendable, CustomStringConvertible {
    /// The contact who may not be reached.
    public let contactID: CRMCore.ID<Contact>
    /// The channel of the refused interaction.
    public let channel: ContactChannel
    /// Why: `no marketing consent on email`, `asked not to be contacted by sms`.
    public let reason: String

    /// Creates the error.
    public init(contactID: CRMCore.ID<Contact>, channel: ContactChannel, reason: String) {
        self.contactID = contactID
        self.channel = channel
        self.reason = reason
    }

    /// `contact 01J… may not receive marketing by email: no marketing consent on email`.
    public var description: String {
        "contact \(contactID) may not receive marketing by \(channel.rawValue): \(reason)"
    }
}
