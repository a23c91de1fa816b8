import CRMContacts
import CRMCore
import CRMSales
import Foundation

/// `crm sales pipeline | forecast | quote`: the deals of the house pipeline.
enum SalesCommands {
    static func run(_ arguments: inout CommandLineArguments, store: String) async throws {
        let command = arguments.next()
        if Help.shown(for: ["sales", command], &arguments) { return }
        let json = arguments.flag("json")
        switch command {
        case "pipeline", "forecast":
            try arguments.finish()
            try await Workspace.with(store) { workspace in
                let pipeline = try await housePipeline(workspace)
                let open = try await workspace.sales.allOpportunities().map(\.value).filter { !$0.isClosed }
                if json { return try printJSON(open) }
                if command == "forecast" { return try Reports.forecast(open, in: pipeline).print() }
                try Reports.pipeline(open, in: pipeline).print()
                print("")
                var deals = TextTable([.text("Id"), .text("Deal"), .text("Stage"), .number("Amount")])
                for deal in open.sorted(by: { $0.amount.minorUnits > $1.amount.minorUnits }) {
                    deals.add([deal.id.description, deal.name, deal.stage, Reports.money(deal.amount)])
                }
                deals.print()
            }
        case "quote":
            let opportunity = try arguments.required("an opportunity id")
            let lines = try arguments.values("line").map(line(_:))
            guard !lines.isEmpty else { throw UsageError("missing --line SKU=QUANTITY") }
            try arguments.finish()
            guard let id = try? ID<Opportunity>(opportunity) else {
                throw UsageError("\"\(opportunity)\" is not an opportunity id")
            }
            try await Workspace.with(store) { try await quote(id, lines: lines, in: $0, json: json) }
        default:
            throw UsageError("unknown command \"sales \(command ?? "")\"")
        }
    }

    static func housePipeline(_ workspace: Workspace) async throws -> Pipeline {
        guard let pipeline = try await workspace.sales.pipeline(HouseRecords.pipelineID) else {
            throw CommandFailure("\(workspace.directory) has no pipeline yet; run crm demo first")
        }
        return pipeline
    }

    /// `SKU=QUANTITY`.
    static func line(_ text: String) throws -> LineRequest {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let quantity = Decimal(string: parts[1]), quantity > 0 else {
            throw UsageError("--line needs SKU=QUANTITY with a positive quantity, not \"\(text)\"")
        }
        return LineRequest(productID: try HouseRecords.product(parts[0]).id, quantity: quantity)
    }

    static func quote(_ id: ID<Opportunity>, lines: [LineRequest], in workspace: Workspace, json: Bool) async throws {
        guard let opportunity = try await workspace.sales.opportunity(id)?.value else {
            throw CommandFailure("no opportunity \(id) in \(workspace.directory)")
        }
        let now = try Workspace.now()
        let quote = try Quote(
            id: ID(ULIDGenerator().next()), lines: lines, engine: HouseRecords.pricing, currency: .eur, on: now,
            validUntil: now + 30 * 86_400, opportunityID: opportunity.id, accountID: opportunity.accountID)
        try await workspace.sales.save(quote, by: workspace.principal)
        if json { return try printJSON(quote) }
        print("Quote \(quote.id) for \(opportunity.name), valid until \(Reports.time(quote.validUntil))\n")
        var table = TextTable([.text("Product"), .number("Quantity"), .number("Net"), .number("Tax")])
        for line in quote.priced.lines {
            let name = HouseRecords.products.first { $0.product.id == line.request.productID }?.product.name ?? ""
            table.add([
                name, "\(line.request.quantity)", line.net.formatted(locale: .euro), line.tax.formatted(locale: .euro),
            ])
        }
        table.add(["Total", "", quote.priced.net.formatted(locale: .euro), quote.priced.tax.formatted(locale: .euro)])
        table.print()
    }
}

extension Locale {
    /// How the company writes amounts.
    static let euro = Locale(identifier: "en_IE")
}
