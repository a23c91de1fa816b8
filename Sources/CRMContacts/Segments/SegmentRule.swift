public import CRMCore
public import Foundation

/// A condition on a contact, its interaction history and its consent, for dynamic segments.
///
/// ```swift
/// // Customers nobody has talked to in 90 days
/// let dormant = SegmentRule.all([.stage(.customer), .not(.interacted(withinDays: 90))])
/// ```
public indirect enum SegmentRule: Hashable, Sendable, Codable {
    /// Every rule holds (true when empty).
    case all([SegmentRule])
    /// At least one rule holds (false when empty).
    case any([SegmentRule])
    /// The rule does not hold.
    case not(SegmentRule)
    /// The contact is at this lifecycle stage.
    case stage(LifecycleStage)
    /// The contact is of this category.
    case category(CustomerCategory)
    /// The contact carries the tag (any case).
    case tagged(CRMCore.Tag)
    /// The contact belongs to the organization.
    case organization(CRMCore.ID<Organization>)
    /// The contact is owned by the principal.
    case owner(Principal)
    /// The contact was sourced from exactly this source.
    case source(String)
    /// A custom field satisfies a condition.
    case customField(String, CustomFieldCondition)
    /// The contact has at least one email address.
    case hasEmail
    /// The contact has at least one phone number.
    case hasPhone
    /// The contact has not asked not to be contacted on the channel.
    case reachable(ContactChannel)
    /// The contact's consent permits the purpose on the channel.
    case consents(ConsentPurpose, ContactChannel?)
    /// The contact took part in an interaction in the last `days` days.
    case interacted(withinDays: Int)
    /// The contact took part in an interaction on the channel, ever.
    case interactedOn(InteractionChannel)

    /// Whether `contact`, with `history`, satisfies the rule at `now`.
    public func matches(_ contact: Contact, history: ContactHistory, at now: Date) -> Bool {
        switch self {
        case .all(let rules): rules.allSatisfy { $0.matches(contact, history: history, at: now) }
        case .any(let rules): rules.contains { $0.matches(contact, history: history, at: now) }
        case .not(let rule): !rule.matches(contact, history: history, at: now)
        case .stage(let stage): contact.lifecycleStage == stage
        case .category(let category): contact.category == category
        case .tagged(let tag): contact.tags.contains(tag)
        case .organization(let id): contact.organizationID == id
        case .owner(let principal): contact.owner == principal
        case .source(let source): contact.source == source
        case .customField(let name, let condition): condition.matches(contact.customFields[name])
        case .hasEmail: !contact.emails.isEmpty
        case .hasPhone: !contact.phones.isEmpty
        case .reachable(let channel): contact.isReachable(on: channel)
        case .consents(let purpose, let channel): history.consent.permits(purpose, on: channel)
        case .interacted(let days):
            history.interactions.contains {
                $0.occurredAt > now.addingTimeInterval(-Double(days) * 86_400) && $0.occurredAt <= now
            }
        case .interactedOn(let channel): history.interactions.contains { $0.channel == channel }
        }
    }

    /// Whether the rule reads interactions or consent, which cost extra reads to gather.
    var needsHistory: Bool {
        switch self {
        case .all(let rules), .any(let rules): rules.contains(where: \.needsHistory)
        case .not(let rule): rule.needsHistory
        case .consents, .interacted, .interactedOn: true
        default: false
        }
    }
}

/// What a segment rule may read about a contact beyond the contact itself.
public struct ContactHistory: Sendable {
    /// The interactions the contact took part in.
    public var interactions: [Interaction]
    /// The contact's consent records.
    public var consent: ConsentLedger

    /// Creates a history.
    public init(interactions: [Interaction] = [], consent: ConsentLedger = ConsentLedger([])) {
        self.interactions = interactions
        self.consent = consent
    }
}

/// A condition on one custom field's value; a missing value satisfies only ``isMissing``.
public enum CustomFieldCondition: Hashable, Sendable, Codable {
    /// The field has no value.
    case isMissing
    /// The value equals this one.
    case equals(CustomFieldValue)
    /// The value is a number, date or amount above this one (of the same kind and currency).
    case greaterThan(CustomFieldValue)
    /// The value is a number, date or amount below this one (of the same kind and currency).
    case lessThan(CustomFieldValue)
    /// The text contains this text (ignoring case and diacritics), or the choices include this option.
    case contains(String)

    /// Whether `value` satisfies the condition.
    public func matches(_ value: CustomFieldValue?) -> Bool {
        switch (self, value) {
        case (.isMissing, let value): value == nil
        case (_, nil): false
        case (.equals(let expected), let value?): value == expected
        case (.greaterThan(let bound), let value?): Self.compare(value, bound) == .orderedDescending
        case (.lessThan(let bound), let value?): Self.compare(value, bound) == .orderedAscending
        case (.contains(let text), .text(let value)?): SearchKey.fold(value).contains(SearchKey.fold(text))
        case (.contains(let option), .multiChoice(let options)?): options.contains(option)
        case (.contains(let option), .choice(let chosen)?): chosen == option
        case (.contains, _): false
        }
    }

    /// The order of two values of one kind; `nil` when they cannot be compared.
    private static func compare(_ lhs: CustomFieldValue, _ rhs: CustomFieldValue) -> ComparisonResult? {
        func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
            a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
        }
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return order(a, b)
        case (.decimal(let a), .decimal(let b)): return order(a, b)
        case (.integer(let a), .decimal(let b)): return order(Decimal(a), b)
        case (.decimal(let a), .integer(let b)): return order(a, Decimal(b))
        case (.date(let a), .date(let b)): return order(a, b)
        case (.money(let a), .money(let b)) where a.currency == b.currency: return order(a.minorUnits, b.minorUnits)
        default: return nil
        }
    }
}
