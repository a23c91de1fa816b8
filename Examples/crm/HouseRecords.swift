import CRMCore
import CRMLoyalty
import CRMSales
import CRMService
import Foundation

/// The records every `crm` store has one of, at fixed ids, so each command finds them: the sales
/// pipeline, the product catalog, the loyalty club and the two support queues.
enum HouseRecords {
    static let pipelineID = ID<Pipeline>(RecordID(high: 0, low: 1))
    static let programID = ID<LoyaltyProgram>(RecordID(high: 0, low: 2))
    static let firstLineID = ID<SupportQueue>(RecordID(high: 0, low: 3))
    static let specialistsID = ID<SupportQueue>(RecordID(high: 0, low: 4))

    /// The products the company sells, with their list prices in euros.
    static let products: [(product: Product, euros: Int64)] = [
        (try! Product(id: ID(RecordID(high: 0, low: 10)), sku: "TENT-2", name: "Two-person tent", family: "camp"), 349),
        (try! Product(id: ID(RecordID(high: 0, low: 11)), sku: "PACK-45", name: "45 l backpack", family: "carry"), 189),
        (
            try! Product(id: ID(RecordID(high: 0, low: 12)), sku: "BAG-3S", name: "Three-season bag", family: "sleep"),
            229
        ),
        (try! Product(id: ID(RecordID(high: 0, low: 13)), sku: "STOVE-1", name: "Camping stove", family: "cook"), 79),
    ]

    /// Prices the catalog in euros, with 19 % VAT.
    static let pricing: PricingEngine = {
        var book = PriceBook(id: ID(RecordID(high: 0, low: 20)), name: "List prices", isStandard: true)
        for (product, euros) in products {
            book.setPrice(
                try! PriceBook.Entry(productID: product.id, unitPrice: Money(minorUnits: euros * 100, currency: .eur)))
        }
        return PricingEngine(
            products: products.map(\.product), priceBook: book, taxes: [TaxRate(name: "VAT", percent: 19)])
    }()

    /// The product with `sku`, or a failure that lists the catalog.
    static func product(_ sku: String) throws -> Product {
        guard let product = products.first(where: { $0.product.sku == sku })?.product else {
            throw CommandFailure(
                "no product \(sku); the catalog has \(products.map(\.product.sku).joined(separator: ", "))")
        }
        return product
    }

    /// The club: status points decide the tier (Blue, Silver, Gold), reward points buy rewards.
    static let program: LoyaltyProgram = try! LoyaltyProgram(
        id: programID, name: "Trail Club", spendCurrency: .eur,
        currencies: [
            PointCurrency(key: "status", name: "Status points", purpose: .qualifying),
            PointCurrency(
                key: "points", name: "Reward points", purpose: .redeemable, expiry: .endOfYear(afterYears: 1)),
        ],
        earningRules: [
            EarningRule(
                name: "1 per euro", kind: .pointsPerSpend(points: 1, per: Money(minorUnits: 100, currency: .eur))),
            EarningRule(name: "Welcome", kind: .bonus(.enrollment, points: 100), currencies: ["points"]),
        ],
        tiers: try! TierPolicy(
            tiers: [
                Tier(key: "blue", name: "Blue", threshold: 0),
                Tier(key: "silver", name: "Silver", threshold: 600, earningMultiplier: 1.5),
                Tier(key: "gold", name: "Gold", threshold: 1_500, earningMultiplier: 2, benefits: ["free repairs"]),
            ], period: .calendarYear, downgrade: .oneTierAtATime),
        consumptionOrder: .soonestExpiringFirst, returnWindowDays: 14)

    /// The rewards of the club.
    static let rewards: [Reward] = [
        try! Reward(id: ID(RecordID(high: 0, low: 30)), name: "Stove cartridge", points: 150, currency: "points"),
        try! Reward(id: ID(RecordID(high: 0, low: 31)), name: "Repair kit", points: 400, currency: "points"),
        try! Reward(
            id: ID(RecordID(high: 0, low: 32)), name: "Guided weekend", points: 2_500, currency: "points", stock: 10),
    ]

    /// Office hours in Berlin on weekdays, and the targets of the one service agreement.
    static let slaPolicies: SLAPolicyCatalog = {
        let hour: TimeInterval = 3_600
        let office = try! BusinessCalendar.workdays(
            [try! WorkingHours("09:00-17:00")], in: TimeZone(identifier: "Europe/Berlin")!)
        let standard = try! SLAPolicy(
            id: ID(RecordID(high: 0, low: 40)), name: "Standard", calendar: office,
            targets: [
                .urgent: try! SLATargets(firstResponse: 1 * hour, nextResponse: 2 * hour, resolution: 8 * hour),
                .high: try! SLATargets(firstResponse: 2 * hour, nextResponse: 4 * hour, resolution: 16 * hour),
                .normal: try! SLATargets(firstResponse: 4 * hour, nextResponse: 8 * hour, resolution: 24 * hour),
                .low: try! SLATargets(firstResponse: 8 * hour, nextResponse: 16 * hour, resolution: 40 * hour),
            ], isDefault: true)
        return try! SLAPolicyCatalog([standard])
    }()

    /// Stores the house records that are missing.
    static func install(in workspace: Workspace) async throws {
        let by = workspace.principal
        if try await workspace.sales.pipeline(pipelineID) == nil {
            try await workspace.sales.save(Pipeline.newBusiness(id: pipelineID), by: by)
        }
        if try await workspace.loyalty.program(programID) == nil {
            try await workspace.loyalty.save(program, by: by)
            for reward in rewards { try await workspace.loyalty.save(reward, by: by) }
        }
        if try await workspace.service.slaPolicies() == nil { try await workspace.service.save(slaPolicies, by: by) }
        if try await workspace.service.queue(firstLineID) == nil {
            let agents = try ["ana", "ben", "cy"].enumerated().map { number, name in
                try Agent(
                    id: ID(RecordID(high: 0, low: UInt64(50 + number))), principal: try Principal("agent:\(name)"),
                    name: name.capitalized, tier: number == 2 ? 2 : 1)
            }
            for agent in agents { try await workspace.service.save(agent, by: by) }
            try await workspace.service.save(
                try SupportQueue(
                    id: firstLineID, name: "First line", routing: .leastBusy, agentIDs: [agents[0].id, agents[1].id]),
                by: by)
            try await workspace.service.save(
                try SupportQueue(
                    id: specialistsID, name: "Specialists", tier: 2, isSpecialist: true, agentIDs: [agents[2].id]),
                by: by)
        }
    }
}
