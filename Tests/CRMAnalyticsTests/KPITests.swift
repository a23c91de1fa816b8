import CRMAnalytics
import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import CRMService
import Foundation
import Testing

@Suite struct KPITests {
    static let ids = ULIDGenerator()
    static let user = try! Principal("user:analyst")
    static let start = Date(timeIntervalSince1970: 1_772_452_800)
    static let hour: TimeInterval = 3600

    @Test func percentilesInterpolateBetweenRanks() {
        let values = Percentiles([4, 1, 3, 2, .nan])
        #expect(values.count == 4 && values.value(at: 0) == 1 && values.value(at: 100) == 4)
        #expect(values.value(at: 50) == 2.5)
        #expect(Percentiles([]).value(at: 50) == nil)
    }

    @Test func salesKPIsFollowDealsThroughTheStages() throws {
        let pipeline = Pipeline.newBusiness(id: ID(Self.ids.next()))
        let usd = try Currency("USD")
        let campaignID = ID<Campaign>(Self.ids.next())
        func deal(_ stages: [String], won: Bool? = nil, amount: Int64 = 10_000) throws -> Opportunity {
            var deal = try Opportunity(
                id: ID(Self.ids.next()), name: "D", pipeline: pipeline, owner: Self.user,
                amount: Money(minorUnits: amount, currency: usd), expectedClose: Self.start, at: Self.start)
            for stage in stages { try deal.move(to: stage, in: pipeline, at: Self.start + Self.hour) }
            if won == true { try deal.win(at: "won", in: pipeline, at: Self.start + 24 * Self.hour) }
            if won == false { try deal.lose(in: pipeline, reason: "price", at: Self.start + 24 * Self.hour) }
            deal.sourceCampaign = campaignID
            return deal
        }
        let deals = [
            try deal(["propose", "negotiate"], won: true, amount: 30_000), try deal(["propose"], won: false),
            try deal([]), try deal([], won: false),
        ]
        var campaign = try Campaign(
            id: campaignID, name: "Launch", kind: .event, startsAt: Self.start, endsAt: Self.start + 86_400,
            budget: Money(minorUnits: 10_000, currency: usd))
        try campaign.spend(Money(minorUnits: 10_000, currency: usd))
        let leads = [
            Lead(
                id: ID(Self.ids.next()), name: try PersonName(givenName: "A", familyName: "B"), company: "C",
                source: "web", status: .converted),
            Lead(
                id: ID(Self.ids.next()), name: try PersonName(givenName: "D", familyName: "E"), company: "F",
                source: "web", status: .qualified),
        ]
        let kpis = try SalesKPIs(
            opportunities: deals, pipelines: [pipeline], leads: leads, campaigns: [campaign],
            forecast: SalesForecast(baseCurrency: usd, rates: ExchangeRateTable()))
        #expect(kpis.stageConversion["qualify"] == 0.5, "two of four left qualify")
        #expect(kpis.stageConversion["propose"] == 0.5 && kpis.stageConversion["negotiate"] == 1)
        #expect(kpis.metrics.winRate == 1.0 / 3.0)
        #expect(kpis.leadSources["web"]?.conversionRate == 0.5)
        #expect(kpis.campaignReturn[campaignID]! == 2, "300 won on 100 spent")
    }

    @Test func serviceKPIsReadTheTickets() throws {
        let policy = try SLAPolicy(
            id: ID(Self.ids.next()), name: "24x7", calendar: .alwaysOpen(),
            targets: [.normal: try SLATargets(firstResponse: 2 * Self.hour, resolution: 8 * Self.hour)], isDefault: true
        )
        func ticket(respondAfter hours: Double, resolveAfter: Double, reopen: Bool = false) throws -> Ticket {
            var ticket = try Ticket(
                id: ID(Self.ids.next()), subject: "S", channel: .email, at: Self.start, slaPolicy: policy)
            try ticket.addReply("Hi", by: .agent(Self.user), at: Self.start + hours * Self.hour)
            try ticket.resolve(at: Self.start + resolveAfter * Self.hour)
            if reopen {
                try ticket.reopen(at: Self.start + (resolveAfter + 1) * Self.hour)
                try ticket.resolve(at: Self.start + (resolveAfter + 2) * Self.hour)
            }
            return ticket
        }
        let tickets = [
            try ticket(respondAfter: 1, resolveAfter: 4), try ticket(respondAfter: 3, resolveAfter: 10, reopen: true),
        ]
        let responses = [
            try SatisfactionResponse(id: ID(Self.ids.next()), ticketID: tickets[0].id, score: .csat(5), at: Self.start)
        ]
        let kpis = ServiceKPIs(tickets: tickets, responses: responses)
        #expect(kpis.firstResponseHours.value(at: 50) == 2)
        #expect(kpis.slaAttainment == 0.5, "one of four clocks late: the second first response and resolution")
        #expect(kpis.reopenRate == 0.5 && kpis.firstContactResolution == 0.5)
        #expect(kpis.satisfaction.csat == 1 && kpis.activeTickets == 0)
    }

    @Test func loyaltyKPIsCountEarnBurnAndBreakage() throws {
        let program = try LoyaltyProgram(
            id: ID(Self.ids.next()), name: "Club", spendCurrency: .eur,
            currencies: [PointCurrency(key: "points", name: "Points", purpose: .redeemable, expiry: .afterDays(10))])
        var members: [Member] = []
        var ledgers: [[LedgerEntry]] = []
        for (index, spend) in [40, 0].enumerated() {
            let member = Member(
                id: ID(Self.ids.next()), program: program, contactID: ID(Self.ids.next()), at: Self.start)
            var account = PointsAccount(memberID: member.id)
            var ledger = [
                try account.earn(
                    100, currency: "points", source: .adjustment("x"), at: Self.start, id: ID(Self.ids.next()),
                    program: program)
            ]
            if spend > 0 {
                ledger.append(
                    try account.spend(
                        Int64(spend), currency: "points", at: Self.start + Self.hour, source: .adjustment("r"),
                        id: ID(Self.ids.next()), program: program))
            }
            ledger += account.expire(at: Self.start + 11 * 86_400, ids: Self.ids, program: program)
            members.append(member)
            ledgers.append(ledger)
            _ = index
        }
        let kpis = LoyaltyKPIs(
            program: program, members: members, ledgers: ledgers,
            period: DateInterval(start: Self.start, duration: 30 * 86_400))
        #expect(
            kpis.activeMembers == 2 && kpis.pointsEarned == 200 && kpis.pointsSpent == 40 && kpis.pointsExpired == 160)
        #expect(kpis.redemptionRate == 0.5 && kpis.breakage == 0.8)
    }

    @Test func ordersBecomeTransactionsNetOfReturns() throws {
        let usd = try Currency("USD")
        let product = try Product(id: ID(Self.ids.next()), sku: "P", name: "P")
        var book = PriceBook(id: ID(Self.ids.next()), name: "Standard")
        book.setPrice(try PriceBook.Entry(productID: product.id, unitPrice: Money(minorUnits: 1_000, currency: usd)))
        var quote = try Quote(
            id: ID(Self.ids.next()), lines: [LineRequest(productID: product.id, quantity: 3)],
            engine: PricingEngine(products: [product], priceBook: book), currency: usd, on: Self.start,
            validUntil: Self.start + 86_400)
        var order = try quote.accept(at: Self.start, orderID: ID(Self.ids.next()), channel: .online)
        let draft = order
        try order.place(at: Self.start)
        try order.fulfill(at: Self.start)
        try order.returnUnits(1, ofLine: 0)
        let log = TransactionSources.transactions(from: [order, draft]) { _ in "acme" }
        #expect(log == [CustomerTransaction(customer: "acme", at: Self.start, amount: 20)])
    }

    @Test func loyaltyAccountsBecomeTransactionsNetOfReturns() throws {
        let program = try LoyaltyProgram(
            id: ID(Self.ids.next()), name: "Club", spendCurrency: .eur,
            currencies: [PointCurrency(key: "points", name: "Points", purpose: .redeemable)],
            earningRules: [
                EarningRule(
                    name: "1 per euro", kind: .pointsPerSpend(points: 1, per: Money(minorUnits: 100, currency: .eur)))
            ], returnWindowDays: 14)
        var account = PointsAccount(memberID: ID(Self.ids.next()))
        for (order, euros) in [("kept", 30), ("half back", 40), ("all back", 50)] {
            let purchase = Purchase(
                orderReference: order, at: Self.start,
                lines: [Purchase.Line(sku: "X", amount: Money(minorUnits: Int64(euros) * 100, currency: .eur))])
            let result = try EarningEngine(program: program).points(for: purchase, tier: "")
            _ = account.award(result, for: purchase, ids: Self.ids, program: program)
        }
        _ = try account.reverse(order: "half back", returnedShare: 0.5, at: Self.start, ids: Self.ids, program: program)
        _ = try account.reverse(order: "all back", returnedShare: 1, at: Self.start, ids: Self.ids, program: program)
        let log = TransactionSources.transactions(from: [account], currency: .eur)
        #expect(log.map(\.amount).sorted() == [20, 30])
        #expect(log.allSatisfy { $0.customer == account.memberID.description && $0.at == Self.start })
    }
}
