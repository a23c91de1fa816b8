public import CRMCore

/// A named group of contacts: a static list kept by hand, or a dynamic segment whose members are the
/// contacts that satisfy a rule at the moment it is evaluated.
public struct Segment: Hashable, Sendable, Codable, Identifiable {
    /// How membership is decided.
    public enum Definition: Hashable, Sendable, Codable {
        /// Exactly these contacts.
        case list(Set<CRMCore.ID<Contact>>)
        /// The contacts that satisfy the rule.
        case rule(SegmentRule)
    }

    /// The segment's id.
    public var id: CRMCore.ID<Segment>
    /// Its name, 1 to 200 characters.
    public var name: String
    /// How membership is decided.
    public var definition: Definition

    /// Creates a segment and validates its name.
    public init(id: CRMCore.ID<Segment>, name: String, definition: Definition) throws(ValidationError) {
        self.id = id
        self.name = name
        self.definition = definition
        try validate()
    }

    /// Checks the name.
    public func validate() throws(ValidationError) {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw ValidationError(subject: "Segment", field: "name", reason: "must be 1 to 200 characters", value: name)
        }
    }
}
