/// A person's name in parts, as CRMs store it: given, middle and family name plus honorific prefix,
/// suffix and the name the person likes to be called.
public struct PersonName: Hashable, Sendable, Codable {
    /// Honorific prefix, such as `Dr.`.
    public let prefix: String
    /// Given (first) name.
    public let givenName: String
    /// Middle name or names.
    public let middleName: String
    /// Family (last) name.
    public let familyName: String
    /// Suffix, such as `Jr.` or `PhD`.
    public let suffix: String
    /// The name the person prefers in conversation.
    public let nickname: String

    /// Creates a name; needs a given or a family name, and no part may hold control characters.
    public init(
        prefix: String = "", givenName: String = "", middleName: String = "", familyName: String = "",
        suffix: String = "", nickname: String = ""
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "PersonName")
        let parts = [
            ("prefix", prefix), ("givenName", givenName), ("middleName", middleName),
            ("familyName", familyName), ("suffix", suffix), ("nickname", nickname),
        ].map { ($0.0, $0.1.trimmingWhitespace()) }
        for (field, value) in parts {
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                check.add(field: field, reason: "must not contain control characters", value: value)
            }
            if value.count > 200 { check.add(field: field, reason: "must be at most 200 characters") }
        }
        if parts[1].1.isEmpty && parts[3].1.isEmpty {
            check.add(field: "givenName", reason: "a given or a family name is required")
        }
        try check.finish()
        (self.prefix, self.givenName, self.middleName) = (parts[0].1, parts[1].1, parts[2].1)
        (self.familyName, self.suffix, self.nickname) = (parts[3].1, parts[4].1, parts[5].1)
    }

    /// The name for display in Western order: `Dr. Ada M. Lovelace`, skipping empty parts.
    public var displayName: String {
        [prefix, givenName, middleName, familyName, suffix].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
