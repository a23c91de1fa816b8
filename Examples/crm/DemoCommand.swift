import CRMAnalytics
import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import CRMService
import Foundation

/// `crm demo`: seeds an empty store with a small company, then tours what a CRM tells its users.
enum DemoCommand {
    static func run(store: String) async throws {
        let now = try Workspace.now()
        try await Workspace.with(store, relaxed: true) { workspace in
            if try await workspace.contacts.allContacts().isEmpty {
                var company = DemoCompany(workspace: workspace, now: now)
                try await company.seed()
                print("Seeded a small outdoor-gear company into the store:\n  \(store)")
            } else {
                print("The store already holds records; touring them as they are:\n  \(store)")
            }
            try await tour(workspace, at: now)
        }
    }

    static func heading(_ title: String, _ explanation: String) {
        print("\n\(title)\n\(String(repeating: "=", count: title.count))\n\(explanation)\n")
    }

    static func tour(_ workspace: Workspace, at now: Date) async throws {
        let contacts = try await workspace.contacts.allContacts().map(\.value)
        let organizations = try await workspace.contacts.allOrganizations().map(\.value)
        print("\(contacts.count) contacts, \(organizations.count) organizations.")

        heading(
            "1. Pipeline and forecast",
            "Open deals by stage; weighting by each stage's probability gives what to expect.")
        let opportunities = try await workspace.sales.allOpportunities().map(\.value)
        if let pipeline = try await workspace.sales.pipeline(HouseRecords.pipelineID) {
            try Reports.pipeline(opportunities, in: pipeline).print()
            print("")
            try Reports.forecast(opportunities.filter { !$0.isClosed }, in: pipeline).print()
        }

        heading(
            "2. Tickets and their service-level agreement",
            "Targets count office hours in Berlin; a clock stops while the help desk waits\nfor the customer.")
        let tickets = try await workspace.service.activeTickets(in: nil).map(\.value)
        try Reports.tickets(tickets, at: now).print()
        let breached = try tickets.filter { try ($0.sla?.states(at: now) ?? []).contains { $0.status == .breached } }
        print("\n\(breached.count) ticket(s) past a target: escalate with `crm service escalate ID`.")

        heading("3. Loyalty tiers", "Status points earned this year decide the tier; reward points buy rewards.")
        let members = try await workspace.loyalty.members(in: HouseRecords.programID).map(\.value)
        var accounts: [ID<Member>: PointsAccount] = [:]
        for member in members { accounts[member.id] = try await workspace.loyalty.account(of: member.id) }
        Reports.tiers(members, accounts: accounts, in: HouseRecords.program).print()

        heading(
            "4. Customer value",
            "Every order and club purchase, summarized per customer, scored by recency,\nfrequency and monetary value, and projected a year ahead with BG/NBD and\nGamma-Gamma."
        )
        let value = try await CustomerValue(workspace, accounts: Array(accounts.values), at: now)
        value.segments().print()
        print("")
        try value.topCustomers(5).print()
        if let share = value.analysis?.valueShare(ofTop: 0.2) {
            print("\nThe top 20 % of customers hold \(percent(share)) of the predicted value.")
        }
        print("\nNext: crm contacts list, crm sales pipeline, crm service sla, crm --help")
    }
}
