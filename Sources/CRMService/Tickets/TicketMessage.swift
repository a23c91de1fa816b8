public import CRMContacts
public import CRMCore
public import Foundation

/// Who wrote a message on a ticket.
public enum MessageAuthor: Hashable, Sendable, Codable {
    /// Someone of the help desk.
    case agent(Principal)
    /// The customer, when known as a contact.
    case customer(CRMCore.ID<Contact>?)
}

/// A file kept elsewhere (a document store, a mail server) that a message refers to.
public struct AttachmentReference: Hashable, Sendable, Codable {
    /// The file's name: `invoice-4711.pdf`.
    public var name: String
    /// Where the file is kept: a URL or a storage key.
    public var location: String
    /// Its media type: `application/pdf`.
    public var mediaType: String
    /// Its size in bytes.
    public var byteCount: Int

    /// Creates a reference; the name and location may not be empty and the size not negative.
    public init(name: String, location: String, mediaType: String, byteCount: Int) throws(ValidationError) {
        var check = ValidationCollector(subject: "AttachmentReference")
        check.requireText(name, field: "name")
        check.requireText(location, field: "location")
        check.require(byteCount, atLeast: 0, field: "byteCount")
        try check.finish()
        self.name = name
        self.location = location
        self.mediaType = mediaType
        self.byteCount = byteCount
    }
}

/// One entry in a ticket's conversation: a public reply that the customer sees, or an internal note that
/// only the help desk sees.
public struct TicketMessage: Hashable, Sendable, Codable {
    /// Whether the customer sees it.
    public enum Visibility: String, Hashable, Sendable, Codable {
        /// Sent to or received from the customer.
        case publicReply
        /// Seen only by the help desk.
        case internalNote
    }

    /// Who wrote it.
    public let author: MessageAuthor
    /// Public or internal.
    public let visibility: Visibility
    /// The text.
    public let body: String
    /// The files it refers to.
    public let attachments: [AttachmentReference]
    /// When it was written.
    public let at: Date
    /// The ticket it was first written on, when it came over in a merge.
    public internal(set) var mergedFrom: CRMCore.ID<Ticket>?

    /// Whether an agent wrote it where the customer can see it.
    public var isAgentReply: Bool {
        if case .agent = author { return visibility == .publicReply }
        return false
    }
}
