public import CRMContacts

/// Rule-based lead scoring: points for what the lead is and what it did, with the rules that gave them.
public struct LeadScoringRules: Sendable {
    /// One scoring rule.
    public struct Rule: Sendable, Hashable {
        /// A name for the explanation: `Came from a referral`.
        public var name: String
        /// When it applies.
        public var condition: Condition
        /// The points it adds (negative to subtract).
        public var points: Int

        /// Creates a rule.
        public init(name: String, condition: Condition, points: Int) {
            self.name = name
            self.condition = condition
            self.points = points
        }
    }

    /// What a rule looks at.
    public enum Condition: Sendable, Hashable {
        /// The lead has an email address.
        case hasEmail
        /// The lead has a phone number.
        case hasPhone
        /// The email is at a company domain, not a free mail provider.
        case businessEmail
        /// The lead came from this source.
        case source(String)
        /// The lead is interested in this.
        case interest(String)
        /// The lead is of this category.
        case category(CustomerCategory)
        /// The lead has had at least this many interactions.
        case activityAtLeast(Int)
    }

    /// The rules.
    public var rules: [Rule]

    /// Creates the rules.
    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// The lead's score and the rules that applied.
    public func score(_ lead: Lead) -> (points: Int, reasons: [String]) {
        var points = 0
        var reasons: [String] = []
        for rule in rules where Self.holds(rule.condition, for: lead) {
            points += rule.points
            reasons.append(rule.name)
        }
        return (points, reasons)
    }

    private static func holds(_ condition: Condition, for lead: Lead) -> Bool {
        switch condition {
        case .hasEmail: lead.email != nil
        case .hasPhone: lead.phone != nil
        case .businessEmail: lead.email != nil && !lead.usesFreeMail
        case .source(let source): lead.source == source
        case .interest(let interest): lead.interest == interest
        case .category(let category): lead.category == category
        case .activityAtLeast(let count): lead.activityCount >= count
        }
    }
}
