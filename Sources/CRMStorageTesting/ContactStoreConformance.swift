public import CRMContacts
import CRMCore
import Foundation

/// The conformance kit's contacts area: the checks every `ContactStore` passes, for teams that implement
/// the domain protocol on their own database instead of using `EngineContactStore`.
///
/// ```swift
/// @Test func myContactStoreConforms() async throws {
///     try await ContactStoreConformance(makeStore: { try await MyContactStore.empty() }).run()
/// }
/// ```
///
/// Every check starts from a new, empty store and throws a ``ConformanceFailure`` naming the check, the
/// input, and what was expected and found.
public struct ContactStoreConformance: Sendable {
    /// Makes a fresh, empty store.
    public let makeStore: @Sendable () async throws -> any ContactStore

    /// Creates the kit for a store.
    public init(makeStore: @escaping @Sendable () async throws -> any ContactStore) {
        self.makeStore = makeStore
    }

    /// The areas of the contacts kit.
    public enum Area: String, CaseIterable, Sendable {
        /// Insert, read, update with versions, delete, validation that writes nothing.
        case contacts
        /// Lookups by email, phone, external id, tag, organization and folded name.
        case lookups
        /// Organizations, their hierarchy and its cycles.
        case organizations
        /// The interaction timeline and the consent that marketing needs.
        case interactionsAndConsent
        /// Follow-ups and what is overdue.
        case followUps
        /// Static and dynamic segments.
        case segments
        /// Merging contacts, lineage and undo.
        case merge
        /// Merging organizations and undo.
        case organizationMerge
    }

    /// Runs every area; throws a ``ConformanceReport`` of the failed ones.
    public func run() async throws {
        try await ConformanceReport.runAll(Area.allCases, check: check)
    }

    /// Runs the checks of one area; throws at the first failure.
    public func check(_ area: Area) async throws {
        switch area {
        case .contacts: try await checkContacts()
        case .lookups: try await checkLookups()
        case .organizations: try await checkOrganizations()
        case .interactionsAndConsent: try await checkInteractionsAndConsent()
        case .followUps: try await checkFollowUps()
        case .segments: try await checkSegments()
        case .merge: try await checkMerge()
        case .organizationMerge: try await checkOrganizationMerge()
        }
    }
}

/// The people, ids and times the contacts checks use.
enum ContactKit {
    static let user = try! Principal("kit:contacts")
    static let ids = ULIDGenerator()
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func person(_ given: String, _ family: String, emails: [String] = [], phones: [String] = [])
        throws -> Contact
    {
        try Contact(
            id: ID(ids.next()), name: try PersonName(givenName: given, familyName: family),
            emails: try emails.map { LabeledValue(try EmailAddress($0)) },
            phones: try phones.map { LabeledValue(try PhoneNumber($0, defaultRegion: "GB")) })
    }

    static func organization(_ name: String, parent: ID<Organization>? = nil) throws -> Organization {
        try Organization(id: ID(ids.next()), name: name, parentID: parent)
    }

    static func interaction(
        _ channel: InteractionChannel, with participants: [ID<Contact>], daysAgo: Double = 0, marketing: Bool = false,
        links: [RecordKey] = []
    ) throws -> Interaction {
        try Interaction(
            id: ID(ids.next()), channel: channel, direction: .outbound, subject: "Hello",
            occurredAt: now.addingTimeInterval(-daysAgo * 86_400), participants: participants, links: links,
            isMarketing: marketing)
    }

    static func consent(
        _ contact: ID<Contact>, _ status: ConsentRecord.Status, daysAgo: Double, channel: ContactChannel? = .email
    ) throws -> ConsentRecord {
        try ConsentRecord(
            id: ID(ids.next()), contactID: contact, purpose: .marketing, channel: channel, status: status,
            capturedAt: now.addingTimeInterval(-daysAgo * 86_400), source: "kit",
            proof: ConsentProof.sha256("Send me offers"))
    }
}
