import CRMAnalytics
import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import Foundation

/// The customer-base analysis of the store: orders by organization and club purchases by member, in weeks.
struct CustomerValue {
    let summaries: [CustomerSummary]
    let analysis: CustomerBaseAnalysis?
    /// Readable names of the customers, by the id the transactions carry.
    let names: [String: String]

    init(_ workspace: Workspace, accounts: [PointsAccount], at now: Date) async throws {
        let organizations = try await workspace.contacts.allOrganizations().map(\.value)
        let contacts = try await workspace.contacts.allContacts().map(\.value)
        let contactNames = Dictionary(contacts.map { ($0.id, $0.name.displayName) }, uniquingKeysWith: { a, _ in a })
        var names = Dictionary(organizations.map { ($0.id.description, $0.name) }, uniquingKeysWith: { a, _ in a })
        for member in try await workspace.loyalty.members(in: HouseRecords.programID).map(\.value) {
            names[member.id.description] = contactNames[member.contactID]
        }
        let orders = try await workspace.sales.allOrders().map(\.value)
        let transactions =
            TransactionSources.transactions(from: orders) { $0.accountID?.description }
            + TransactionSources.transactions(from: accounts, currency: .eur)
        summaries = try RFMSummarizer(observationEnd: now, unit: .weeks).summaries(of: transactions)
        let terms = try ValueTerms(periods: 12, periodLength: 52.0 / 12, discountRate: 0.01, margin: 0.35)
        analysis = try? CustomerBaseAnalysis(summaries, terms: terms)
        self.names = names
    }

    /// Customers per RFM segment.
    func segments() -> TextTable {
        Reports.segments(analysis?.customers.map(\.rfm) ?? RFMScoring().scores(summaries))
    }

    /// The customers of highest predicted lifetime value (margin over the next year, discounted).
    func topCustomers(_ count: Int) throws -> TextTable {
        guard let analysis else { throw CommandFailure("too little purchase history to fit the value models") }
        var table = TextTable([
            .text("Customer"), .number("Repeats"), .number("P(alive)"), .number("Next year"), .number("CLV"),
        ])
        for customer in analysis.topCustomers(count) {
            table.add([
                names[customer.summary.customer] ?? customer.summary.customer, "\(customer.summary.frequency)",
                percent(customer.probabilityAlive, 0), decimal(customer.expectedPurchases, 1),
                Reports.money(Money(minorUnits: Int64(customer.lifetimeValue * 100), currency: .eur)),
            ])
        }
        return table
    }
}
