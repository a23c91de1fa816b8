// LoyaltyClub: a car maker's customer club with a club card, points, tiers, rewards and expiry.
//
//   swift run LoyaltyClub
//
// Ada joins the club and gets a card. Her workshop visits earn points, which stay pending until the return
// window closes; status points lift her to Gold, which doubles what she earns. She redeems a car wash (her
// app sends the request twice; she pays once), loses her card and gets a new one, and at the end of the
// next year her unused points expire after a notice. The clock is moved by hand, so every run is the same.
import CRMCore
import CRMLoyalty
import Foundation

let ids = ULIDGenerator()
let admin = try Principal("user:club-admin")
let clock = ManualWallClock(Date(timeIntervalSince1970: 1_772_452_800))  // Monday 2 March 2026, 12:00 UTC
let day: TimeInterval = 86_400
let euro = Money(minorUnits: 100, currency: .eur)

/// An amount in whole euros.
func euros(_ amount: Int64) -> Money { Money(minorUnits: amount * 100, currency: .eur) }

/// Prints a date as the club's letters do.
func printed(_ date: Date) -> String {
    let format = DateFormatter()
    format.timeZone = TimeZone(identifier: "UTC")
    format.dateFormat = "d MMM yyyy"
    format.locale = Locale(identifier: "en_US_POSIX")
    return format.string(from: date)
}

// 1. The program: status points decide the tier, reward points buy rewards and expire at the end of the
//    year after they were earned. One point per euro; tyres earn double reward points.
let club = try LoyaltyProgram(
    id: ID(ids.next()), name: "Drive Club", spendCurrency: .eur,
    currencies: [
        PointCurrency(key: "status", name: "Status points", purpose: .qualifying),
        PointCurrency(key: "points", name: "Reward points", purpose: .redeemable, expiry: .endOfYear(afterYears: 1)),
    ],
    earningRules: [
        EarningRule(name: "1 per euro", kind: .pointsPerSpend(points: 1, per: euro)),
        EarningRule(name: "Tyres double", kind: .categoryMultiplier(2, categories: ["tyres"]), currencies: ["points"]),
        EarningRule(name: "Welcome", kind: .bonus(.enrollment, points: 250), currencies: ["points"]),
    ],
    tiers: try TierPolicy(
        tiers: [
            Tier(key: "blue", name: "Blue", threshold: 0),
            Tier(key: "gold", name: "Gold", threshold: 1_000, earningMultiplier: 2, benefits: ["courtesy car"]),
        ], period: .calendarYear, downgrade: .oneTierAtATime),
    consumptionOrder: .soonestExpiringFirst, returnWindowDays: 14)
let loyalty = try await EngineLoyaltyStore(engine: InMemoryEngine())
try await loyalty.save(club, by: admin)

// 2. Ada joins and gets a card; the number's last digit is a Luhn check digit.
var ada = Member(id: ID(ids.next()), program: club, contactID: ID(ids.next()), at: clock.now())
let card = try CardNumber(prefix: "6031", sequence: 1)
try ada.issueCard(card, at: clock.now())
_ = try await loyalty.enroll(ada, by: admin)
print(
    "Ada joined on \(printed(clock.now())) with card \(card): \(try await loyalty.account(of: ada.id)!.balance("points")) welcome points"
)

// 3. A service and a set of tyres: the points are pending for the 14-day return window.
func visit(_ order: String, _ lines: [Purchase.Line]) async throws {
    let entries = try await loyalty.recordPurchase(
        Purchase(orderReference: order, at: clock.now(), lines: lines), for: ada.id, by: admin)
    let points = entries.filter { $0.currency == "points" }.map(\.points).reduce(0, +)
    print("  \(printed(clock.now())) \(order): \(points) reward points pending")
}
try await visit("Service", [Purchase.Line(sku: "SVC-A", category: "service", amount: euros(420))])
clock.advance(by: 3 * day)
try await visit("Tyres", [Purchase.Line(sku: "TYRE-4", category: "tyres", amount: euros(680))])

// 4. Two weeks later the window has closed: the points unlock and the status points reach Gold.
clock.advance(by: 15 * day)
for event in try await loyalty.advance(club.id, to: clock.now(), noticeDays: 30, by: admin) {
    if let change = event as? TierChanged { print("Tier: \(change.from) → \(change.to) on \(printed(change.at))") }
}
print("Balance: \(try await loyalty.account(of: ada.id)!.balance("points")) reward points")

// 5. As Gold she earns double.
try await visit("Brakes", [Purchase.Line(sku: "BRK-1", category: "service", amount: euros(150))])

// 6. A car wash for 800 points; her app sends the request twice, she pays once.
let wash = try Reward(id: ID(ids.next()), name: "Premium car wash", points: 800, currency: "points", stock: 50)
try await loyalty.save(wash, by: admin)
let first = try await loyalty.redeem(wash.id, for: ada.id, idempotencyKey: "app-7781", at: clock.now(), by: admin)
let retry = try await loyalty.redeem(wash.id, for: ada.id, idempotencyKey: "app-7781", at: clock.now(), by: admin)
print(
    "Redeemed \(wash.name) (\(first.id == retry.id ? "one redemption for two requests" : "twice!")); balance \(try await loyalty.account(of: ada.id)!.balance("points"))"
)
do {
    let lounge = try Reward(id: ID(ids.next()), name: "Weekend in a sports car", points: 20_000, currency: "points")
    try await loyalty.save(lounge, by: admin)
    _ = try await loyalty.redeem(lounge.id, for: ada.id, idempotencyKey: "app-7782", at: clock.now(), by: admin)
} catch let error as LoyaltyError {
    print("Refused: \(error)")
}

// 7. She loses her card; the new one carries on the membership.
var stored = try await loyalty.member(ada.id)!
let replacement = try CardNumber(prefix: "6031", sequence: 2)
try stored.value.replaceLostCard(card, with: replacement, at: clock.now())
_ = try await loyalty.update(stored.value, expectedVersion: stored.version, by: admin)
print(
    "Card \(card) replaced by \(replacement); found by the new card: \(try await loyalty.member(withCard: replacement)?.value.id == ada.id)"
)

// 8. Time passes: a notice a month before the end of next year, then the unused points expire.
clock.set(Date(timeIntervalSince1970: 1_827_705_600))  // 2 Dec 2027
for event in try await loyalty.advance(club.id, to: clock.now(), noticeDays: 30, by: admin) {
    if let soon = event as? PointsExpiringSoon {
        print("Notice \(printed(clock.now())): \(soon.points) points expire on \(printed(soon.expiresAt))")
    }
}
clock.set(Date(timeIntervalSince1970: 1_830_297_600))  // 1 Jan 2028
for event in try await loyalty.advance(club.id, to: clock.now(), noticeDays: 30, by: admin) {
    if let expired = event as? PointsExpired { print("Expired \(printed(expired.at)): \(expired.points) points") }
    if let change = event as? TierChanged {
        print("Tier review: \(change.from) → \(change.to) on \(printed(change.at)), nothing earned in 2027")
    }
}
let statement = try await loyalty.statement(of: ada.id, at: clock.now(), expiringWithinDays: 30)
print(
    "Statement: \(statement.balances.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")), tier \(statement.member.tier), \(statement.history.count) ledger entries"
)
