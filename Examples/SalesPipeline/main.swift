// SalesPipeline: one sale from first contact to the forecast.
//
//   swift run SalesPipeline
//
// Operational CRM for sales is a chain of small steps, each of which a sales team repeats every day:
// a lead comes in and is scored and assigned; a qualified lead is converted into a contact, an
// organization and an opportunity; the opportunity moves through the stages of a pipeline; a quote prices
// the deal; the accepted quote becomes an order; and the pipeline as a whole becomes a forecast. The
// program walks that chain on an in-memory store with a fixed clock, so every run prints the same story.
import CRMContacts
import CRMCore
import CRMSales
import Foundation

let day: TimeInterval = 86_400
let start = Date(timeIntervalSince1970: 1_772_442_000)  // Monday 2 March 2026, 09:00 UTC
let clock = ManualWallClock(start)
let engine = InMemoryEngine(clock: clock)
let contacts = try await EngineContactStore(engine: engine)
let sales = try await EngineSalesStore(contacts: contacts)
let ana = try Principal("user:ana")
let ben = try Principal("user:ben")
let english = Locale(identifier: "en_US")
let ids = ULIDGenerator()

/// A new id for a record of any kind: time-ordered, so records sort by creation.
func newID<Subject>() -> ID<Subject> { ID(ids.next()) }

func show(_ money: Money) -> String { money.formatted(locale: english) }
func show(_ date: Date) -> String { date.formatted(.iso8601.year().month().day()) }

// 1. Leads arrive from the web form and a trade fair. Rules score them (how promising?) and assign an
// owner (who calls back?): leads from the UK go to Ana, the rest in turn to Ben and Ana.
let leads = [
    Lead(
        id: newID(), name: try PersonName(givenName: "Priya", familyName: "Shah"), company: "Northwind Traders",
        email: try EmailAddress("priya.shah@northwind.example"), source: "referral", interest: "warehouse",
        territory: "UK", activityCount: 3),
    Lead(
        id: newID(), name: try PersonName(givenName: "Tom", familyName: "Berg"), company: "Fjord Logistics",
        email: try EmailAddress("tom@fjord.example"), source: "trade fair", territory: "NO", activityCount: 1),
    Lead(
        id: newID(), name: try PersonName(givenName: "Li", familyName: "Wei"), company: "",
        email: try EmailAddress("li.wei@gmail.com"), source: "web", territory: "SG"),
]
let scoring = LeadScoringRules(rules: [
    .init(name: "business email", condition: .businessEmail, points: 10),
    .init(name: "referral", condition: .source("referral"), points: 20),
    .init(name: "engaged", condition: .activityAtLeast(2), points: 15),
])
var assignment = LeadAssignment(rules: [.territory(["UK": ana]), .roundRobin([ben, ana])])
print("1. Leads, scored and assigned")
for var lead in leads {
    lead.owner = assignment.owner(for: lead)
    _ = try await sales.insert(lead, by: .system)
    let (points, reasons) = scoring.score(lead)
    let why = reasons.isEmpty ? "no rule matched" : reasons.joined(separator: ", ")
    print("   \(lead.name.displayName) (\(lead.source)): \(points) points [\(why)], owner \(lead.owner!)")
}

// 2. Ana qualifies Priya's lead and converts it. One transaction creates the organization, the contact
// and the opportunity, and marks the lead converted; a second conversion would be refused.
let pipeline = Pipeline.newBusiness(id: newID())
try await sales.save(pipeline, by: ana)
let conversion = try await sales.convert(
    leads[0].id,
    LeadConversion(
        opportunity: .init(
            pipeline: pipeline, name: "Northwind warehouse scanners",
            amount: Money(minorUnits: 1_200_000, currency: .usd),
            expectedClose: start + 30 * day)),
    by: ana, at: clock.now())
let organization = try await contacts.organization(conversion.organizationID!)!.value
print("\n2. Converted: contact \(leads[0].name.displayName) at \(organization.name), and an opportunity")
do {
    _ = try await sales.convert(leads[0].id, LeadConversion(), by: ana, at: clock.now())
} catch let error as ValidationError {
    print("   Converting it again is refused: \(error)")
}

// 3. The opportunity moves through the pipeline. Each stage carries a probability and a forecast
// category, which is what turns a list of deals into a forecast.
var deal = try await sales.opportunity(conversion.opportunityID!)!
/// Moves the deal to `stage` a few days later; the expected version guards against a colleague's edit.
func advance(_ deal: Stored<Opportunity>, to stage: String, after days: Double) async throws -> Stored<Opportunity> {
    clock.advance(by: days * day)
    var opportunity = deal.value
    try opportunity.move(to: stage, in: pipeline, at: clock.now())
    let moved = try await sales.update(opportunity, expectedVersion: deal.version, by: ana)
    print("   \(show(clock.now())): \(pipeline.stage(stage)!.name), \(moved.value.probability) %")
    return moved
}
print("\n3. The deal moves through the pipeline")
print("   \(show(start)): Qualify, \(deal.value.probability) %")
deal = try await advance(deal, to: "propose", after: 5)

// 4. A quote prices the deal from the catalog: list prices from the price book, a volume discount for
// ten units or more, and sales tax. Quotes are versioned; the customer accepts one version.
let scanner = try Product(id: newID(), sku: "SCAN-9", name: "Handheld scanner", family: "hardware")
let dock = try Product(id: newID(), sku: "DOCK-2", name: "Charging dock", family: "hardware")
var book = PriceBook(id: newID(), name: "List prices", isStandard: true)
book.setPrice(try PriceBook.Entry(productID: scanner.id, unitPrice: Money(minorUnits: 89_000, currency: .usd)))
book.setPrice(try PriceBook.Entry(productID: dock.id, unitPrice: Money(minorUnits: 12_000, currency: .usd)))
let pricing = PricingEngine(
    products: [scanner, dock], priceBook: book,
    volumeTiers: [VolumeTier(scope: .all, minimumQuantity: 10, adjustment: .percentOff(10))],
    taxes: [TaxRate(name: "Sales tax", percent: 8)])
var quote = try Quote(
    id: newID(),
    lines: [LineRequest(productID: scanner.id, quantity: 12), LineRequest(productID: dock.id, quantity: 4)],
    engine: pricing, currency: .usd, on: clock.now(), validUntil: clock.now() + 30 * day,
    opportunityID: deal.value.id, accountID: organization.id)
try quote.send()
try await sales.save(quote, by: ana)
print("\n4. Quote \(quote.version), sent \(show(clock.now())), valid until \(show(quote.validUntil))")
for line in quote.priced.lines {
    let product = line.request.productID == scanner.id ? scanner : dock
    print("   \(line.request.quantity) x \(product.name): net \(show(line.net)), tax \(show(line.tax))")
}
print("   total \(show(quote.priced.gross)) (net \(show(quote.priced.net)); 10 % off the 12 scanners)")

// 5. After a negotiation the customer accepts: the quote becomes an order, and the deal is won, for the
// amount of the accepted quote and on the day it closed, so that the forecast counts what really happened.
print("\n5. Negotiation, order and win")
deal = try await advance(deal, to: "negotiate", after: 6)
clock.advance(by: 4 * day)
var order = try quote.accept(at: clock.now(), orderID: newID(), channel: .direct)
try order.place(at: clock.now())
_ = try await sales.insert(order, by: ana)
var won = deal.value
won.amount = order.net
try won.reschedule(to: clock.now(), at: clock.now())
try won.win(at: "won", in: pipeline, at: clock.now())
deal = try await sales.update(won, expectedVersion: deal.version, by: ana)
print("   \(show(clock.now())): order placed for \(show(order.net)) net; the deal is won")

// 6. Other deals in the same pipeline, then the forecast: per month and forecast category, the amount and
// the amount weighted by each stage's probability, and the team's win rate, deal size and cycle time.
let others: [(String, Int64, String, Double)] = [
    ("Fjord fleet trackers", 4_800_000, "propose", 20), ("Harbor tablets", 950_000, "negotiate", 12),
    ("City depots", 2_100_000, "qualify", 45), ("Rail yard pilot", 600_000, "lost", 2),
]
for (name, cents, stage, closesIn) in others {
    var opportunity = try Opportunity(
        id: newID(), name: name, pipeline: pipeline, accountID: nil, contacts: [], owner: ben,
        amount: Money(minorUnits: cents, currency: .usd), expectedClose: clock.now() + closesIn * day,
        at: start + 2 * day)
    switch stage {
    case "qualify": break
    case "lost": try opportunity.lose(in: pipeline, reason: "budget", at: clock.now())
    default: try opportunity.move(to: stage, in: pipeline, at: clock.now())
    }
    _ = try await sales.insert(opportunity, by: ben)
}
let everything = try await sales.allOpportunities().map(\.value)
let forecast = SalesForecast(baseCurrency: .usd, rates: ExchangeRateTable())
print("\n6. Forecast by month")
for row in try forecast.rows(everything, pipelines: [pipeline], period: .month) {
    let month = "\(row.year)-\(row.index < 10 ? "0" : "")\(row.index)"
    let label = row.category.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
    print("   \(month) \(label) \(row.count) deal(s), \(show(row.amount)), weighted \(show(row.weighted))")
}
let metrics = try forecast.metrics(everything, pipelines: [pipeline])
print(
    "   win rate \(Int((metrics.winRate ?? 0) * 100)) %, average won deal \(metrics.averageDealSize.map(show) ?? "-"),"
        + " cycle \(metrics.averageCycleDays.map { String(format: "%.0f", $0) } ?? "-") days")
