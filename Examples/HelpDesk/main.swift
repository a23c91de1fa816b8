// HelpDesk: tiered support under a service-level agreement, with escalation and a knowledge base.
//
//   swift run HelpDesk
//
// A customer reports a problem on a Friday afternoon. The first line answers, asks a question and waits;
// the clock of the agreement counts office hours only and stands still while the help desk waits for the
// customer. When the resolution target comes close, the ticket moves up to the product experts, who solve
// it with a knowledge article. The customer rates the help. Time comes from a clock the program moves by
// hand, so every deadline below is the same on every run.
import CRMContacts
import CRMCore
import CRMService
import Foundation

let ids = ULIDGenerator()
let berlin = TimeZone(identifier: "Europe/Berlin")!
// Friday 2026-03-27 15:00 in Berlin. The clocks go forward to summer time on Sunday night.
let clock = ManualWallClock(Date(timeIntervalSince1970: 1_774_620_000))
let hour: TimeInterval = 3600

/// Prints a wall-clock time in Berlin, as the help desk reads it.
func local(_ date: Date?) -> String {
    guard let date else { return "-" }
    let format = DateFormatter()
    format.timeZone = berlin
    format.dateFormat = "EEE dd MMM HH:mm"
    format.locale = Locale(identifier: "en_US_POSIX")
    return format.string(from: date)
}

/// Prints every SLA target of `ticket` as it stands now.
func report(_ ticket: Ticket) throws {
    for state in try ticket.sla?.states(at: clock.now()) ?? [] {
        let left = String(format: "%.1f h", state.remaining / hour)
        print("    \(state.target.rawValue): \(state.status.rawValue), due \(local(state.dueAt)), \(left) left")
    }
}

// 1. Storage: the contacts and the help desk share one engine, so their writes can share transactions.
let contacts = try await EngineContactStore(engine: InMemoryEngine())
let service = try await EngineServiceStore(contacts: contacts)
let admin = try Principal("user:admin")
let ada = try await contacts.insert(
    try Contact(id: ID(ids.next()), name: try PersonName(givenName: "Ada", familyName: "Lovelace")), by: admin
).value

// 2. Working time and promises: office hours with a lunch break, and targets in working hours.
let office = try BusinessCalendar.workdays(
    [try WorkingHours("09:00-12:30"), try WorkingHours("13:30-17:00")], in: berlin,
    holidays: [Holiday("Good Friday", on: try CalendarDay(iso: "2026-04-03"))])
let standard = try SLAPolicy(
    id: ID(ids.next()), name: "Standard", calendar: office,
    targets: [.normal: try SLATargets(firstResponse: 2 * hour, nextResponse: 4 * hour, resolution: 8 * hour)],
    isDefault: true)
let catalog = try SLAPolicyCatalog([standard])
try await service.save(catalog, by: admin)

// 3. Two tiers: a first line that shares work evenly, and product experts.
let ana = try Agent(id: ID(ids.next()), principal: try Principal("agent:ana"), name: "Ana")
let ben = try Agent(id: ID(ids.next()), principal: try Principal("agent:ben"), name: "Ben")
let cy = try Agent(id: ID(ids.next()), principal: try Principal("agent:cy"), name: "Cy", skills: ["routers"], tier: 2)
for agent in [ana, ben, cy] { try await service.save(agent, by: admin) }
let firstLine = try SupportQueue(
    id: ID(ids.next()), name: "First line", routing: .leastBusy, agentIDs: [ana.id, ben.id])
let experts = try SupportQueue(
    id: ID(ids.next()), name: "Product experts", tier: 2, routing: .skillsBased, agentIDs: [cy.id])
try await service.save(firstLine, by: admin)
try await service.save(experts, by: admin)
let names = [ana.id: ana.name, ben.id: ben.name, cy.id: cy.name]

// 4. The complaint arrives by phone; the policy that matches it applies, and the first line takes it.
var draft = try Ticket(
    id: ID(ids.next()), subject: "Router drops the connection every evening", contactID: ada.id, channel: .phone,
    category: "connectivity", asset: try AssetReference(kind: "serial number", identifier: "RT-2291-0042"),
    requiredSkills: ["routers"], at: clock.now())
draft.applySLA(catalog.policy(for: draft))
_ = try await service.insert(draft, by: ana.principal)
let first = try await service.route(draft.id, to: firstLine.id, at: clock.now(), by: admin)
print("Ticket opened \(local(clock.now())) under \"\(draft.sla!.policyName)\", routed to \(names[first]!)")
try report(draft)

// 5. The first reply comes an hour later; then the help desk waits for the customer over the weekend.
clock.advance(by: hour)
var ticket = try await service.ticket(draft.id)!
try ticket.value.addReply("Which firmware version does the router run?", by: .agent(ana.principal), at: clock.now())
try ticket.value.setStatus(.waitingOnCustomer, at: clock.now())
ticket = try await service.update(ticket.value, expectedVersion: ticket.version, by: ana.principal)
print("\nFirst response \(local(clock.now())), now waiting on the customer:")
try report(ticket.value)

// 6. Ada answers on Monday morning; the resolution clock runs again from where it stopped.
clock.set(clock.now() + 2 * 24 * hour + 17 * hour)
ticket = try await service.ticket(draft.id)!
try ticket.value.addReply("Firmware 4.1.0.", by: .customer(ada.id), at: clock.now())
ticket = try await service.update(ticket.value, expectedVersion: ticket.version, by: ana.principal)
let pause = ticket.value.sla!.resolution!.pauses[0].duration / hour
print("\nCustomer answered \(local(clock.now())), after a pause of \(Int(pause)) h (summer time began on Sunday):")
try report(ticket.value)

// 7. Ana answers within the next-response target while she looks into it.
clock.advance(by: hour)
try ticket.value.addReply("Thank you, we are checking that version.", by: .agent(ana.principal), at: clock.now())
ticket = try await service.update(ticket.value, expectedVersion: ticket.version, by: ana.principal)

// 8. By Monday afternoon resolution is at risk: the escalation rule moves the ticket up a tier.
clock.advance(by: 5 * hour)
let escalation = EscalationPolicy([
    EscalationRule(
        name: "resolution at risk", slaRisk: .atRisk, slaTarget: .resolution, fromTiers: [1], targetQueueID: experts.id)
])
print("")
for alert in try await service.checkSLAs(at: clock.now(), by: .system) {
    if let risk = alert as? TicketSLAAtRisk {
        print("\(local(clock.now())): SLA alert, \(risk.target.rawValue) at risk, due \(local(risk.dueAt))")
    }
}
_ = try await service.runEscalations(escalation, at: clock.now(), by: .system)
ticket = try await service.ticket(draft.id)!
print("Escalated to tier \(ticket.value.tier), now with \(names[ticket.value.assigneeID!]!)")
for held in ticket.value.assignments {
    print("    tier \(held.tier) from \(local(held.from)) until \(local(held.until)): \(held.reason)")
}

// 9. The expert finds the answer in the knowledge base and resolves the ticket within the target.
var article = try KnowledgeArticle(
    id: ID(ids.next()), title: "Router drops the connection in the evening",
    body: "Firmware 4.1.0 turns the radio off at 20:00 to save power. Update to 4.1.2.",
    keywords: ["firmware", "wifi", "disconnect"], at: clock.now())
try article.publish(at: clock.now())
_ = try await service.save(article, expectedVersion: nil, by: cy.principal)
let found = try await service.searchArticles("router firmware drops", limit: 3)
print("\nKnowledge search \"router firmware drops\": \(found.map(\.title))")
clock.advance(by: 0.5 * hour)
try ticket.value.addReply(
    "Please update to firmware 4.1.2; see our article.", by: .agent(cy.principal), at: clock.now())
try ticket.value.resolve(at: clock.now())
ticket.value.linkedArticles.insert(article.id)
ticket = try await service.update(ticket.value, expectedVersion: ticket.version, by: cy.principal)
var stored = try await service.article(article.id)!
stored.value.markHelped(ticket.value.id)
_ = try await service.save(stored.value, expectedVersion: stored.version, by: cy.principal)
print("Resolved \(local(clock.now())):")
try report(ticket.value)

// 10. Ada rates the help; the summary is what a service manager reads every month.
try await service.record(
    try SatisfactionResponse(
        id: ID(ids.next()), ticketID: draft.id, contactID: ada.id, score: .csat(5), at: clock.now()),
    by: .system)
try await service.record(
    try SatisfactionResponse(
        id: ID(ids.next()), ticketID: draft.id, contactID: ada.id, score: .nps(9), at: clock.now()),
    by: .system)
let summary = SatisfactionSummary(try await service.satisfaction(for: draft.id))
print(
    "\nCSAT \(Int(summary.csat! * 100)) %, NPS \(Int(summary.nps!)); the article helped \(stored.value.helpedCount) ticket(s)"
)
