/// A way of reaching a contact, for do-not-contact flags and consent.
public enum ContactChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// Email.
    case email
    /// Voice calls.
    case phone
    /// Text messages.
    case sms
    /// Postal mail.
    case mail
    /// Messaging apps and chat.
    case messaging
}
