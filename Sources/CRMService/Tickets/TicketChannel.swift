/// How a customer reached the help desk.
public enum TicketChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// An email to the support address.
    case email
    /// A phone call.
    case phone
    /// A web form or the customer portal.
    case web
    /// Live chat.
    case chat
    /// A social network message or post.
    case social
    /// At a counter, in a shop or on site.
    case inPerson
}
