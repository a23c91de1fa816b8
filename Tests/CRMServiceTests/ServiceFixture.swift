import CRMContacts
import CRMCore
import CRMService
import Foundation

/// Shared values of the service tests: a Berlin office calendar, policies, and an agent.
enum ServiceFixture {
    static let ids = ULIDGenerator()
    static let agent = try! Principal("agent:sam")
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// Monday 2026-03-23 09:00 in Berlin (08:00 UTC).
    static let monday = Date(timeIntervalSince1970: 1_774_252_800)
    static let hour: TimeInterval = 3600

    /// Monday to Friday 09:00-17:00 in Berlin.
    static let office = try! BusinessCalendar.workdays([try! WorkingHours("09:00-17:00")], in: berlin)

    /// The standard policy: first response in 4 working hours, next response in 8, resolution in 16; urgent
    /// tickets 1, 2 and 4.
    static let standard = try! SLAPolicy(
        id: ID(ids.next()), name: "Standard", calendar: office,
        targets: [
            .low: try! SLATargets(firstResponse: 4 * hour, nextResponse: 8 * hour, resolution: 16 * hour),
            .normal: try! SLATargets(firstResponse: 4 * hour, nextResponse: 8 * hour, resolution: 16 * hour),
            .high: try! SLATargets(firstResponse: 2 * hour, nextResponse: 4 * hour, resolution: 8 * hour),
            .urgent: try! SLATargets(firstResponse: 1 * hour, nextResponse: 2 * hour, resolution: 4 * hour),
        ], isDefault: true)

    /// Enterprise customers get 24x7 and one hour for the first response.
    static let enterprise = try! SLAPolicy(
        id: ID(ids.next()), name: "Enterprise 24x7", calendar: .alwaysOpen(in: berlin),
        targets: Dictionary(
            uniqueKeysWithValues: TicketPriority.allCases.map {
                ($0, try! SLATargets(firstResponse: hour, nextResponse: 2 * hour, resolution: 8 * hour))
            }),
        conditions: SLAConditions(customerCategories: [.enterprise]))

    static let catalog = try! SLAPolicyCatalog([enterprise, standard])

    static func ticket(
        priority: TicketPriority = .normal, category: CustomerCategory? = nil, at now: Date = monday,
        skills: Set<String> = []
    ) -> Ticket {
        var ticket = try! Ticket(
            id: ID(ids.next()), subject: "Invoice shows the wrong VAT", customerCategory: category, channel: .email,
            priority: priority, requiredSkills: skills, at: now)
        ticket.applySLA(catalog.policy(for: ticket))
        return ticket
    }
}
