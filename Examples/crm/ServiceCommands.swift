import CRMContacts
import CRMCore
import CRMService
import Foundation

/// `crm service open | list | escalate | resolve | sla`: the help desk.
enum ServiceCommands {
    static func run(_ arguments: inout CommandLineArguments, store: String) async throws {
        let command = arguments.next()
        if Help.shown(for: ["service", command], &arguments) { return }
        let json = arguments.flag("json")
        switch command {
        case "open":
            let subject = try arguments.required(option: "subject")
            let contact = try arguments.option("contact").map(ContactsCommands.contactID)
            let priority = try choice(
                arguments.option("priority") ?? "normal", of: TicketPriority.self, option: "priority")
            let channel = try choice(arguments.option("channel") ?? "email", of: TicketChannel.self, option: "channel")
            try arguments.finish()
            try await Workspace.with(store) { workspace in
                try await HouseRecords.install(in: workspace)
                let now = try Workspace.now()
                var ticket = try Ticket(
                    id: ID(ULIDGenerator().next()), subject: subject, contactID: contact, channel: channel,
                    priority: priority, at: now)
                if let policies = try await workspace.service.slaPolicies() {
                    ticket.applySLA(policies.policy(for: ticket))
                }
                _ = try await workspace.service.insert(ticket, by: workspace.principal)
                let agent = try await workspace.service.route(
                    ticket.id, to: HouseRecords.firstLineID, at: now, by: .system)
                let stored = try await workspace.service.ticket(ticket.id)!.value
                if json { return try printJSON(stored) }
                let name = try await workspace.service.agent(agent)?.name ?? "\(agent)"
                print("Opened \(stored.id) and routed it to \(name)")
                try Reports.tickets([stored], at: now).print()
            }
        case "list", "sla":
            try arguments.finish()
            try await Workspace.with(store) { workspace in
                let now = try Workspace.now()
                if command == "sla" { _ = try await workspace.service.checkSLAs(at: now, by: .system) }
                let tickets = try await workspace.service.activeTickets(in: nil).map(\.value)
                if json {
                    if command == "list" { return try printJSON(tickets) }
                    return try printJSON(
                        Dictionary(
                            uniqueKeysWithValues: try tickets.map {
                                ($0.id.description, try $0.sla?.states(at: now) ?? [])
                            }))
                }
                var ids = TextTable([.text("Id"), .text("Ticket"), .number("Tier")])
                for ticket in tickets { ids.add([ticket.id.description, ticket.subject, "\(ticket.tier)"]) }
                ids.print()
                print("")
                try Reports.tickets(tickets, at: now).print()
            }
        case "escalate", "resolve":
            let text = try arguments.required("a ticket id")
            let reason = arguments.option("reason") ?? "escalated by hand"
            try arguments.finish()
            guard let id = try? ID<Ticket>(text) else { throw UsageError("\"\(text)\" is not a ticket id") }
            try await Workspace.with(store) { workspace in
                let now = try Workspace.now()
                guard var stored = try await workspace.service.ticket(id) else {
                    throw CommandFailure("no ticket \(id) in \(workspace.directory)")
                }
                if command == "escalate" {
                    stored = try await workspace.service.escalate(
                        id, to: HouseRecords.specialistsID, reason: reason, at: now, by: workspace.principal)
                    print("Escalated \(id) to tier \(stored.value.tier)")
                } else {
                    try stored.value.resolve(at: now)
                    stored = try await workspace.service.update(
                        stored.value, expectedVersion: stored.version, by: workspace.principal)
                    print("Resolved \(id)")
                }
                try Reports.tickets([stored.value], at: now).print()
            }
        default:
            throw UsageError("unknown command \"service \(command ?? "")\"")
        }
    }

    /// The case of `type` whose raw value is `text`, or a usage error listing the cases.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, of type: T.Type, option: String)
        throws -> T where T.RawValue == String
    {
        guard let value = T(rawValue: text) else {
            throw UsageError(
                "--\(option) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"")
        }
        return value
    }
}
