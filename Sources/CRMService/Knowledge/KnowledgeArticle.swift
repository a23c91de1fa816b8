public import CRMCore
public import Foundation

/// A help article with its versions: drafts are edited, one version at a time is published (live), and
/// replaced versions are archived, never lost.
///
/// ```swift
/// var article = try KnowledgeArticle(id: ID(ids.next()), title: "Resetting a password", body: "…", at: now)
/// try article.publish(at: now)
/// try article.startDraft(at: later)
/// try article.edit(body: "Updated steps …", at: later)
/// try article.publish(at: later)          // version 2 is live, version 1 archived
/// ```
public struct KnowledgeArticle: Hashable, Sendable, Codable, Identifiable {
    /// One version of the article.
    public struct Version: Hashable, Sendable, Codable {
        /// Where a version stands.
        public enum Status: String, Hashable, Sendable, Codable {
            /// Being written; the only editable status.
            case draft
            /// Live: what searches find.
            case published
            /// Replaced or withdrawn.
            case archived
        }

        /// Counts from 1.
        public let number: Int
        /// The title.
        public internal(set) var title: String
        /// The text.
        public internal(set) var body: String
        /// Words that should find it even when the text does not say them.
        public internal(set) var keywords: [String]
        /// Where it stands.
        public internal(set) var status: Status
        /// When it was last edited.
        public internal(set) var editedAt: Date
        /// When it was published, if it was.
        public internal(set) var publishedAt: Date?
    }

    /// The article's id.
    public let id: CRMCore.ID<KnowledgeArticle>
    /// Every version, oldest first.
    public private(set) var versions: [Version]
    /// Tickets it was linked to.
    public private(set) var linkedTickets: Set<CRMCore.ID<Ticket>> = []
    /// Tickets it helped solve.
    public private(set) var solvedTickets: Set<CRMCore.ID<Ticket>> = []

    /// Creates an article whose first version is a draft; the title may not be empty.
    public init(
        id: CRMCore.ID<KnowledgeArticle>, title: String, body: String, keywords: [String] = [], at now: Date
    ) throws(ValidationError) {
        try Self.validate(title: title)
        self.id = id
        self.versions = [
            Version(
                number: 1, title: title.trimmingWhitespace(), body: body, keywords: keywords, status: .draft,
                editedAt: now)
        ]
    }

    /// The published version, if one is live.
    public var live: Version? { versions.last { $0.status == .published } }
    /// The draft being written, if any.
    public var draft: Version? { versions.last { $0.status == .draft } }
    /// How many tickets it helped solve.
    public var helpedCount: Int { solvedTickets.count }

    /// Changes the draft; only a draft is editable.
    public mutating func edit(
        title: String? = nil, body: String? = nil, keywords: [String]? = nil, at now: Date
    ) throws(KnowledgeError) {
        guard let index = versions.lastIndex(where: { $0.status == .draft }) else { throw .noDraft(id) }
        if let title {
            do {
                try Self.validate(title: title)
            } catch {
                throw .invalid(error)
            }
            versions[index].title = title.trimmingWhitespace()
        }
        if let body { versions[index].body = body }
        if let keywords { versions[index].keywords = keywords }
        versions[index].editedAt = now
    }

    /// Starts a new draft from the live version (or the newest one); there is at most one draft.
    public mutating func startDraft(at now: Date) throws(KnowledgeError) {
        guard draft == nil else { throw .draftExists(id) }
        let base = live ?? versions.last!
        versions.append(
            Version(
                number: versions.count + 1, title: base.title, body: base.body, keywords: base.keywords,
                status: .draft, editedAt: now))
    }

    /// Publishes the draft at `now`; the version that was live is archived.
    public mutating func publish(at now: Date) throws(KnowledgeError) {
        guard let index = versions.lastIndex(where: { $0.status == .draft }) else { throw .noDraft(id) }
        for other in versions.indices where versions[other].status == .published { versions[other].status = .archived }
        versions[index].status = .published
        versions[index].publishedAt = now
    }

    /// Withdraws the live version; searches no longer find the article.
    public mutating func archive() throws(KnowledgeError) {
        guard let index = versions.lastIndex(where: { $0.status == .published }) else { throw .notPublished(id) }
        versions[index].status = .archived
    }

    /// Links the article to a ticket it is relevant to.
    public mutating func link(to ticket: CRMCore.ID<Ticket>) {
        linkedTickets.insert(ticket)
    }

    /// Records that the article helped solve `ticket`; counting a ticket twice changes nothing.
    public mutating func markHelped(_ ticket: CRMCore.ID<Ticket>) {
        linkedTickets.insert(ticket)
        solvedTickets.insert(ticket)
    }

    private static func validate(title: String) throws(ValidationError) {
        guard !title.trimmingWhitespace().isEmpty else {
            throw ValidationError(subject: "KnowledgeArticle", field: "title", reason: "must not be empty")
        }
    }
}

/// Why a change to a knowledge article was refused.
public enum KnowledgeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Only a draft is editable or publishable, and the article has none; start one first.
    case noDraft(CRMCore.ID<KnowledgeArticle>)
    /// The article has a draft already.
    case draftExists(CRMCore.ID<KnowledgeArticle>)
    /// The article has no live version.
    case notPublished(CRMCore.ID<KnowledgeArticle>)
    /// A field was invalid.
    case invalid(ValidationError)

    /// What was refused and why.
    public var description: String {
        switch self {
        case .noDraft(let id): "article \(id) has no draft; only a draft is editable"
        case .draftExists(let id): "article \(id) has a draft already"
        case .notPublished(let id): "article \(id) has no published version"
        case .invalid(let error): error.description
        }
    }
}
