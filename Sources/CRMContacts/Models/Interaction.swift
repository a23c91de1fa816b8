public import CRMCore
public import Foundation

/// One touch point on the shared timeline: an email, a call, a meeting, a chat, a letter.
///
/// Interactions are what collaborative CRM is made of: everyone who works with a customer sees the same
/// history. Each has participants (contacts) and may link to records of any module (an opportunity, a
/// ticket, an order) by their `RecordKey`.
public struct Interaction: Hashable, Sendable, Codable, Identifiable {
    /// The interaction's id.
    public var id: CRMCore.ID<Interaction>
    /// How it happened.
    public var channel: InteractionChannel
    /// Who started it.
    public var direction: InteractionDirection
    /// A short subject line.
    public var subject: String
    /// Free notes.
    public var notes: String
    /// When it happened.
    public var occurredAt: Date
    /// The contacts who took part; at least one.
    public var participants: [CRMCore.ID<Contact>]
    /// Records of any module it concerns.
    public var links: [RecordKey]
    /// Whether it is a marketing message, which needs the participants' consent on its channel.
    public var isMarketing: Bool

    /// Creates an interaction and validates it.
    public init(
        id: CRMCore.ID<Interaction>, channel: InteractionChannel, direction: InteractionDirection, subject: String,
        notes: String = "", occurredAt: Date, participants: [CRMCore.ID<Contact>], links: [RecordKey] = [],
        isMarketing: Bool = false
    ) throws(ValidationError) {
        self.id = id
        self.channel = channel
        self.direction = direction
        self.subject = subject
        self.notes = notes
        self.occurredAt = occurredAt
        self.participants = participants
        self.links = links
        self.isMarketing = isMarketing
        try validate()
    }

    /// Checks every field: at least one participant and none twice, a subject of at most 500 characters,
    /// notes of at most 100,000, and a marketing interaction must be outbound.
    public func validate() throws(ValidationError) {
        var check = ValidationCollector(subject: "Interaction")
        if participants.isEmpty { check.add(field: "participants", reason: "needs at least one contact") }
        if Set(participants).count != participants.count {
            check.add(field: "participants", reason: "lists a contact twice")
        }
        if subject.count > 500 { check.add(field: "subject", reason: "must be at most 500 characters") }
        if notes.count > 100_000 { check.add(field: "notes", reason: "must be at most 100,000 characters") }
        if isMarketing && direction != .outbound {
            check.add(field: "isMarketing", reason: "only outbound interactions are marketing")
        }
        try check.finish()
    }
}

/// How an interaction happened.
public enum InteractionChannel: ExtensibleChoice {
    /// An email.
    case email
    /// A phone call.
    case phone
    /// A text message.
    case sms
    /// A meeting in person or by video.
    case meeting
    /// A chat or messaging conversation.
    case chat
    /// A social network message or mention.
    case social
    /// A visit to or form on a web site.
    case web
    /// A letter.
    case letter
    /// A visit to a shop.
    case inStore
    /// A channel the business defines.
    case custom(String)

    /// The standard channels.
    public static let standard: [InteractionChannel] = [
        .email, .phone, .sms, .meeting, .chat, .social, .web, .letter, .inStore,
    ]

    /// The stable stored name.
    public var description: String {
        switch self {
        case .email: "email"
        case .phone: "phone"
        case .sms: "sms"
        case .meeting: "meeting"
        case .chat: "chat"
        case .social: "social"
        case .web: "web"
        case .letter: "letter"
        case .inStore: "inStore"
        case .custom(let name): "custom:\(name)"
        }
    }

    /// The contact channel a message on this channel reaches the person by, if it is one consent and
    /// do-not-contact flags govern.
    public var contactChannel: ContactChannel? {
        switch self {
        case .email: .email
        case .phone: .phone
        case .sms: .sms
        case .letter: .mail
        case .chat, .social: .messaging
        case .meeting, .web, .inStore, .custom: nil
        }
    }
}

/// Who started an interaction.
public enum InteractionDirection: String, Hashable, Sendable, Codable, CaseIterable {
    /// The customer reached out.
    case inbound
    /// The business reached out.
    case outbound
    /// A note among colleagues.
    case `internal`
}
