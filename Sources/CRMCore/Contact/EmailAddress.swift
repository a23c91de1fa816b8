/// A validated email address, kept as entered, with a normalized key for finding the same mailbox twice.
///
/// Validation follows the dot-atom form of RFC 5322 §3.4.1 with the length limits of RFC 5321 §4.5.3.1
/// (64 characters before the `@`, 254 in all, 63 per domain label); quoted local parts and address
/// literals are refused, as nearly every mail provider does. The domain needs at least two labels.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address as entered, trimmed, with the domain in lower case.
    public let address: String

    /// Validates and stores `text`; throws a ``ValidationError`` on the field `email`.
    public init(_ text: String) throws(ValidationError) {
        let trimmed = text.trimmingWhitespace()
        func reject(_ reason: String) -> ValidationError {
            ValidationError(subject: "EmailAddress", field: "email", reason: reason, value: text)
        }
        guard let at = trimmed.lastIndex(of: "@") else { throw reject("has no @") }
        let local = trimmed[..<at]
        let domain = trimmed[trimmed.index(after: at)...].lowercased()
        guard !local.isEmpty, local.utf8.count <= 64 else { throw reject("needs 1 to 64 characters before the @") }
        guard trimmed.utf8.count <= 254 else { throw reject("is longer than 254 characters") }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-.")
        guard local.allSatisfy({ atext.contains($0) || !$0.isASCII }) else {
            throw reject("has a character not allowed before the @")
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw reject("has a misplaced dot before the @")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw reject("needs a domain with a dot, such as example.com") }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63 else { throw reject("has an empty or too long domain label") }
            guard label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
                !label.hasPrefix("-"), !label.hasSuffix("-")
            else { throw reject("has a domain label with characters other than letters, digits and inner hyphens") }
        }
        guard labels.last!.contains(where: { !$0.isNumber }) else { throw reject("has a numeric top-level domain") }
        address = local + "@" + domain
    }

    /// The address.
    public var description: String { address }

    /// The part before the `@`.
    public var localPart: Substring { address[..<address.lastIndex(of: "@")!] }

    /// The part after the `@`, in lower case.
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@")!)...] }

    /// The key under which two spellings of one mailbox are the same, for duplicate checks and lookups.
    ///
    /// Lower case throughout; a `+tag` sub-address is dropped; for Gmail, whose servers ignore dots in the
    /// local part, dots are dropped and `googlemail.com` becomes `gmail.com`. The address itself is never
    /// changed: this key is for matching, not for sending.
    public var matchingKey: String {
        var local = localPart.lowercased()
        if let plus = local.firstIndex(of: "+"), plus != local.startIndex { local = String(local[..<plus]) }
        var domain = String(self.domain)
        if domain == "googlemail.com" { domain = "gmail.com" }
        if domain == "gmail.com" { local.removeAll { $0 == "." } }
        return local + "@" + domain
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension EmailAddress: ValidatedStringValue {
    /// Validates `text`; the same as ``init(_:)``.
    public init(validating text: String) throws(ValidationError) {
        try self.init(text)
    }

    /// The address.
    public var storedString: String { address }
}
