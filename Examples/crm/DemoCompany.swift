import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import CRMService
import Foundation

/// Seeds a small outdoor-gear company: shops that buy wholesale, club members who buy in the web shop,
/// a pipeline of deals, tickets under the service agreement and two years of purchases.
///
/// Every figure comes from one seeded random generator, so two stores seeded at the same time are equal.
struct DemoCompany {
    let workspace: Workspace
    let now: Date
    private var random = SeededRandomNumberGenerator(seed: 2026)
    private let ids: ULIDGenerator<SeededRandomNumberGenerator>
    private let day: TimeInterval = 86_400

    static let shops = [
        "Alpine Outfitters", "Baltic Trail Store", "Cairn & Co", "Danube Sports", "Edelweiss Camping",
        "Fjord Gear", "Granite Peak", "Heath & Moor", "Isar Outdoor", "Jura Wanderland", "Karst Supplies",
        "Lakeside Rentals",
    ]
    static let givenNames = [
        "Ada", "Ben", "Clara", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Mila",
        "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sami", "Tara", "Umut", "Vera", "Wim", "Yara", "Zoe",
    ]
    static let familyNames = [
        "Berger", "Costa", "Dahl", "Engel", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen", "Kovac", "Lind",
        "Moreau", "Novak", "Olsen", "Petrov", "Rossi", "Schmidt", "Tanaka", "Urban", "Weber",
    ]

    init(workspace: Workspace, now: Date) {
        self.workspace = workspace
        self.now = now
        ids = ULIDGenerator(clock: ManualWallClock(now), random: SeededRandomNumberGenerator(seed: 7))
    }

    /// Seeds everything; `progress` follows the steps.
    mutating func seed() async throws {
        let progress = Progress("Seeding the demo company", total: 4)
        try await HouseRecords.install(in: workspace)
        let shops = try await seedShops()
        progress.update(1)
        try await seedPipeline(shops)
        progress.update(2)
        let members = try await seedClub()
        progress.update(3)
        try await seedTickets(shops.map(\.buyer) + members)
        progress.finish()
        try await workspace.engine.sync()
    }

    private mutating func id<T>() -> ID<T> { ID(ids.next()) }

    private mutating func person(_ number: Int, organization: ID<Organization>?, domain: String) throws -> Contact {
        let given = Self.givenNames[number % Self.givenNames.count]
        let family = Self.familyNames[(number * 7 + 3) % Self.familyNames.count]
        let address = "\(given).\(family)\(number)@\(domain)".lowercased()
        return try Contact(
            id: id(), name: try PersonName(givenName: given, familyName: family),
            emails: [LabeledValue(try EmailAddress(address), isPrimary: true)], organizationID: organization,
            lifecycleStage: .customer)
    }

    /// The shops, each with a buyer, and their wholesale orders over two years.
    private mutating func seedShops() async throws -> [(shop: Organization, buyer: ID<Contact>)] {
        var result: [(Organization, ID<Contact>)] = []
        for (number, name) in Self.shops.enumerated() {
            let domain = name.lowercased().filter { $0.isLetter } + ".example"
            let shop = try Organization(id: id(), name: name, domain: domain, industry: "Retail")
            _ = try await workspace.contacts.insert(shop, by: workspace.principal)
            let buyer = try person(number, organization: shop.id, domain: domain)
            _ = try await workspace.contacts.insert(buyer, by: workspace.principal)
            result.append((shop, buyer.id))
            // Shops reorder every few weeks; some slow down and stop, as real accounts do.
            let gap = Double(Int.random(in: 20...70, using: &random))
            let stops = now - Double(Int.random(in: 0...400, using: &random)) * day
            var at = now - 720 * day + Double(Int.random(in: 0...120, using: &random)) * day
            while at < stops {
                try await placeOrder(for: shop.id, at: at, units: Int.random(in: 2...12, using: &random))
                at += gap * Double.random(in: 0.5...1.5, using: &random) * day
            }
        }
        return result
    }

    private mutating func placeOrder(for shop: ID<Organization>, at: Date, units: Int) async throws {
        let sku = HouseRecords.products[Int.random(in: 0..<HouseRecords.products.count, using: &random)].product
        var quote = try Quote(
            id: id(), lines: [LineRequest(productID: sku.id, quantity: Decimal(units))], engine: HouseRecords.pricing,
            currency: .eur, on: at, validUntil: at + 30 * day, accountID: shop)
        var order = try quote.accept(at: at, orderID: id(), channel: .direct)
        try order.place(at: at)
        if at < now - 7 * day { try order.fulfill(at: at + 3 * day) }
        _ = try await workspace.sales.insert(order, by: workspace.principal)
    }

    /// Open deals in every stage, and a few closed ones.
    private mutating func seedPipeline(_ shops: [(shop: Organization, buyer: ID<Contact>)]) async throws {
        let pipeline = Pipeline.newBusiness(id: HouseRecords.pipelineID)
        let deals: [(String, String, Int64, Double)] = [
            ("Spring range", "qualify", 18_000, 75), ("Rental fleet tents", "propose", 42_000, 40),
            ("Store refit", "negotiate", 27_500, 20), ("Summer camps", "propose", 12_400, 55),
            ("School trips", "qualify", 8_900, 100), ("Winter bags", "negotiate", 15_300, 35),
            ("Guided tours kit", "won", 21_000, -30), ("Festival stand", "lost", 6_500, -45),
            ("Backpack relaunch", "won", 9_800, -60), ("Stove bundle", "qualify", 4_200, 80),
        ]
        for (number, (name, stage, euros, closesIn)) in deals.enumerated() {
            let (shop, buyer) = shops[number % shops.count]
            let opened = now - Double(30 + number * 9) * day
            var deal = try Opportunity(
                id: id(), name: "\(shop.name): \(name)", pipeline: pipeline, accountID: shop.id,
                contacts: [Opportunity.ContactRole(contactID: buyer, role: "buyer")],
                owner: try Principal(number % 2 == 0 ? "user:mara" : "user:tom"),
                amount: Money(minorUnits: euros * 100, currency: .eur), expectedClose: now + closesIn * day, at: opened)
            switch stage {
            case "won": try deal.win(at: "won", in: pipeline, at: now + closesIn * day)
            case "lost": try deal.lose(in: pipeline, reason: "price", at: now + closesIn * day)
            case "qualify": break
            default: try deal.move(to: stage, in: pipeline, at: opened + 10 * day)
            }
            _ = try await workspace.sales.insert(deal, by: workspace.principal)
        }
    }

    /// Club members who buy in the web shop; their purchases earn points and lift some to Silver or Gold.
    private mutating func seedClub() async throws -> [ID<Contact>] {
        var contacts: [ID<Contact>] = []
        for number in 0..<36 {
            let person = try person(100 + number, organization: nil, domain: "mail.example")
            _ = try await workspace.contacts.insert(person, by: workspace.principal)
            contacts.append(person.id)
            let joined = now - Double(Int.random(in: 30...700, using: &random)) * day
            var member = Member(id: id(), program: HouseRecords.program, contactID: person.id, at: joined)
            try member.issueCard(try CardNumber(prefix: "6040", sequence: number + 1), at: joined)
            _ = try await workspace.loyalty.enroll(member, by: workspace.principal)
            // Heavy buyers come back every few weeks, occasional ones a few times a year; some lapse.
            let gap = [18.0, 45, 90, 160][number % 4]
            let lapses = number % 5 == 0 ? joined + Double(Int.random(in: 60...300, using: &random)) * day : now
            var at = joined
            var purchase = 0
            while at < min(lapses, now) {
                let basket = HouseRecords.products[Int.random(in: 0..<HouseRecords.products.count, using: &random)]
                let euros = basket.euros * Int64(Int.random(in: 1...3, using: &random))
                purchase += 1
                _ = try await workspace.loyalty.recordPurchase(
                    Purchase(
                        orderReference: "web-\(number)-\(purchase)", at: at,
                        lines: [
                            Purchase.Line(
                                sku: basket.product.sku, category: basket.product.family,
                                amount: Money(minorUnits: euros * 100, currency: .eur))
                        ]), for: member.id, by: workspace.principal)
                at += gap * Double.random(in: 0.3...1.7, using: &random) * day
            }
        }
        _ = try await workspace.loyalty.advance(
            HouseRecords.programID, to: now, noticeDays: 30, by: workspace.principal)
        return contacts
    }

    /// Tickets of the last days: one long past its targets, some at risk, one waiting, one solved.
    private mutating func seedTickets(_ customers: [ID<Contact>]) async throws {
        let hour: TimeInterval = 3_600
        let tickets: [(String, TicketPriority, TimeInterval, String)] = [
            ("Tent pole snapped on first use", .high, 6 * day, "open"),
            ("Order 1041 arrived incomplete", .urgent, 5 * hour, "open"),
            ("Stove will not light at altitude", .normal, 26 * hour, "waiting"),
            ("Invoice shows the wrong VAT", .normal, 3 * hour, "open"),
            ("Backpack strap fraying", .low, 2 * day, "resolved"),
            ("Club points missing after purchase", .normal, 40 * 60, "new"),
        ]
        let policies = HouseRecords.slaPolicies
        for (number, (subject, priority, age, state)) in tickets.enumerated() {
            let opened = now - age
            var ticket = try Ticket(
                id: id(), subject: subject, contactID: customers[(number * 5) % customers.count], channel: .email,
                priority: priority, at: opened)
            ticket.applySLA(policies.policy(for: ticket))
            _ = try await workspace.service.insert(ticket, by: workspace.principal)
            if state == "new" { continue }
            _ = try await workspace.service.route(ticket.id, to: HouseRecords.firstLineID, at: opened, by: .system)
            guard state != "open" || number == 3 else { continue }
            var stored = try await workspace.service.ticket(ticket.id)!
            let agent = try Principal("agent:ana")
            try stored.value.addReply("Thank you, we are looking into it.", by: .agent(agent), at: opened + 0.5 * hour)
            if state == "waiting" { try stored.value.setStatus(.waitingOnCustomer, at: opened + 0.5 * hour) }
            if state == "resolved" { try stored.value.resolve(at: opened + 20 * hour) }
            _ = try await workspace.service.update(stored.value, expectedVersion: stored.version, by: agent)
        }
        _ = try await workspace.service.checkSLAs(at: now, by: .system)
    }
}
