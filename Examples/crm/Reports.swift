import CRMAnalytics
import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import CRMService
import Foundation

/// The tables that both the demo's tour and the module commands print.
enum Reports {
    /// Money as a reader in the euro area writes it, without cents: `€27,500`.
    static func money(_ amount: Money) -> String {
        let whole = Money(minorUnits: (amount.minorUnits / 100) * 100, currency: amount.currency)
        return whole.formatted(locale: Locale(identifier: "en_IE")).replacingOccurrences(of: ".00", with: "")
    }

    /// A date as `2 Mar 14:00` in Berlin, where the company works.
    static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "Europe/Berlin")
        format.dateFormat = "d MMM HH:mm"
        return format.string(from: date)
    }

    /// Open opportunities by stage: how many, their amount and their amount weighted by probability.
    static func pipeline(_ opportunities: [Opportunity], in pipeline: Pipeline) throws -> TextTable {
        var table = TextTable([.text("Stage"), .number("Deals"), .number("Amount"), .number("Weighted")])
        for stage in pipeline.stages where stage.outcome == .open {
            let deals = opportunities.filter { $0.stage == stage.key && !$0.isClosed }
            let amount = try Money.sum(deals.map(\.amount), currency: .eur)
            let weighted = try Money.sum(
                deals.map { try $0.amount.multiplied(by: Decimal($0.probability) / 100) }, currency: .eur)
            table.add([stage.name, "\(deals.count)", money(amount), money(weighted)])
        }
        return table
    }

    /// The forecast by month of expected close and forecast category.
    static func forecast(_ opportunities: [Opportunity], in pipeline: Pipeline) throws -> TextTable {
        let rows = try SalesForecast(baseCurrency: .eur, rates: ExchangeRateTable())
            .rows(opportunities, pipelines: [pipeline], period: .month)
        var table = TextTable([
            .text("Month"), .text("Category"), .number("Deals"), .number("Amount"), .number("Weighted"),
        ])
        for row in rows {
            table.add([
                String(format: "%04d-%02d", row.year, row.index), row.category.rawValue, "\(row.count)",
                money(row.amount), money(row.weighted),
            ])
        }
        return table
    }

    /// Tickets with the state of their SLA clocks at `now`.
    static func tickets(_ tickets: [Ticket], at now: Date) throws -> TextTable {
        var table = TextTable([
            .text("Ticket"), .text("Priority"), .text("Status"), .text("Response"), .text("Resolution"), .text("Due"),
        ])
        for ticket in tickets {
            let states = try ticket.sla?.states(at: now) ?? []
            let response = states.first { $0.target == .firstResponse }
            let resolution = states.first { $0.target == .resolution }
            table.add([
                ticket.subject, ticket.priority.rawValue, status(ticket.status), response?.status.rawValue ?? "-",
                resolution?.status.rawValue ?? "-", time(resolution?.dueAt),
            ])
        }
        return table
    }

    /// Customers per RFM segment, the largest segment first, with its share of all customers.
    static func segments(_ scores: [RFMScore]) -> TextTable {
        var table = TextTable([.text("RFM segment"), .number("Customers"), .number("Share")])
        let counts = Dictionary(grouping: scores, by: \.segment).mapValues(\.count)
        for (segment, count) in counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            table.add([segment, "\(count)", percent(Double(count) / Double(max(1, scores.count)))])
        }
        return table
    }

    /// A ticket's status as a help desk says it, short enough for a table.
    static func status(_ status: TicketStatus) -> String {
        switch status.category {
        case .waitingOnCustomer: "waiting"
        case .waitingOnThirdParty: "waiting (3rd)"
        default: status.name
        }
    }

    /// Members per tier, with their reward points.
    static func tiers(_ members: [Member], accounts: [ID<Member>: PointsAccount], in program: LoyaltyProgram)
        -> TextTable
    {
        var table = TextTable([.text("Tier"), .number("Members"), .number("Reward points"), .number("Average")])
        for tier in program.tiers.tiers {
            let inTier = members.filter { $0.tier == tier.key }
            let points = inTier.map { accounts[$0.id]?.balance("points") ?? 0 }.reduce(0, +)
            table.add([
                tier.name, "\(inTier.count)", "\(points)", inTier.isEmpty ? "-" : "\(points / Int64(inTier.count))",
            ])
        }
        return table
    }
}
