public import CRMCore
import Foundation

/// A service-level agreement: targets per priority, measured in working time on a business calendar, and
/// the conditions under which it applies.
///
/// Frappe Helpdesk and Salesforce entitlements work the same way: the first policy whose conditions match a
/// new ticket applies, else the default one; its terms are copied onto the ticket, so a later change of the
/// policy does not move the deadlines of tickets already open.
public struct SLAPolicy: Hashable, Sendable, Codable, Identifiable {
    /// The policy's id.
    public let id: CRMCore.ID<SLAPolicy>
    /// The name shown to people: `Enterprise 24x7`.
    public var name: String
    /// The working time the targets are measured in.
    public var calendar: BusinessCalendar
    /// The targets of each priority; a priority missing here gets no targets.
    public var targets: [TicketPriority: SLATargets]
    /// When it applies.
    public var conditions: SLAConditions
    /// The share of a target's time after which the target is at risk, such as 0.75.
    public private(set) var atRiskShare: Double
    /// Whether it applies to every ticket no other policy matches.
    public var isDefault: Bool

    /// Creates a policy; the at-risk share lies strictly between 0 and 1.
    public init(
        id: CRMCore.ID<SLAPolicy>, name: String, calendar: BusinessCalendar, targets: [TicketPriority: SLATargets],
        conditions: SLAConditions = SLAConditions(), atRiskShare: Double = 0.75, isDefault: Bool = false
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "SLAPolicy")
        check.requireText(name, field: "name")
        if !(atRiskShare > 0 && atRiskShare < 1) {
            check.add(field: "atRiskShare", reason: "must lie between 0 and 1", value: "\(atRiskShare)")
        }
        try check.finish()
        self.id = id
        self.name = name
        self.calendar = calendar
        self.targets = targets
        self.conditions = conditions
        self.atRiskShare = atRiskShare
        self.isDefault = isDefault
    }

    /// Decodes a policy and validates it again.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: try container.decode(CRMCore.ID<SLAPolicy>.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            calendar: try container.decode(BusinessCalendar.self, forKey: .calendar),
            targets: try container.decode([TicketPriority: SLATargets].self, forKey: .targets),
            conditions: try container.decode(SLAConditions.self, forKey: .conditions),
            atRiskShare: try container.decode(Double.self, forKey: .atRiskShare),
            isDefault: try container.decode(Bool.self, forKey: .isDefault))
    }
}
