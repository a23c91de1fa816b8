// CustomerLifetimeValue: which customers matter, and how much are they worth?
//
//   swift run CustomerLifetimeValue [transactions.csv]
//
// Analytical CRM turns a purchase history into decisions: whom to thank, whom to win back, how much a new
// customer may cost to acquire. This program reads a transaction file (`customer,date,amount`; without an
// argument it writes and reads a simulated shop's year), then
//   1. summarizes each customer by recency, frequency and monetary value (RFM) and names segments,
//   2. measures how concentrated the revenue is (a few customers bring most of it),
//   3. fits the BG/NBD model of purchasing and dropping out and the Gamma-Gamma model of spend,
//   4. predicts each customer's purchases and lifetime value, and ranks them.
import CRMAnalytics
import Foundation

let path = CommandLine.arguments.dropFirst().first
let text: String
if let path {
    text = try String(contentsOfFile: path, encoding: .utf8)
} else {
    let simulated = FileManager.default.temporaryDirectory.appending(path: "crm-clv-\(UUID().uuidString).csv")
    try SimulatedShop.transactionFile(customers: 2_000, seed: 2025).write(
        to: simulated, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: simulated) }
    text = try String(contentsOf: simulated, encoding: .utf8)
}

// Reading names its columns; a bad line stops the reading with its line and column.
let file = TransactionFile(
    customerColumn: "customer", dateColumn: "date", amountColumn: "amount", dateFormat: "yyyy-MM-dd")
let transactions: [CustomerTransaction]
do {
    transactions = try file.transactions(from: text)
} catch {
    FileHandle.standardError.write(Data("\(path ?? "the simulated file"): \(error)\n".utf8))
    exit(1)
}
let end = transactions.map(\.at).max() ?? SimulatedShop.end
print("Read \(transactions.count) transactions of \(Set(transactions.map(\.customer)).count) customers")

// 1. The RFM summary in the conventions of the research literature, in weeks: frequency is the number of
// repeat purchases, recency the time from the first to the last purchase, age the time since the first.
let summaries = try RFMSummarizer(observationEnd: end, unit: .weeks).summaries(of: transactions)
let scores = RFMScoring().scores(summaries)
print("\n1. RFM segments (scores 1 to 5 by quintile; recency reversed)")
for (segment, count) in Dictionary(grouping: scores, by: \.segment).mapValues(\.count).sorted(by: {
    ($0.value, $1.key) > ($1.value, $0.key)
}) {
    print("   \(segment.padding(toLength: 22, withPad: " ", startingAt: 0)) \(count) customers")
}

// 2. Concentration: the share of revenue that the best fifth of customers bring, and the Gini coefficient
// (0 when everyone spends the same, near 1 when one customer brings everything).
let revenue = Dictionary(transactions.map { ($0.customer, $0.amount) }, uniquingKeysWith: +)
let concentration = try ValueConcentration(values: Array(revenue.values))
print("\n2. The top 20 % of customers bring \(Int((concentration.share(ofTop: 0.2) * 100).rounded())) % of revenue")
print("   Gini coefficient \(String(format: "%.2f", concentration.gini))")

// 3 and 4. The models, fitted by maximum likelihood, and the value of every customer: the margin on their
// expected purchases over the next year, month by month, discounted at 1 % a month.
let terms = try ValueTerms(periods: 12, periodLength: 52.0 / 12, discountRate: 0.01, margin: 0.3)
let analysis = try CustomerBaseAnalysis(summaries, terms: terms)
let model = analysis.purchases
print(
    "\n3. BG/NBD: r \(String(format: "%.3f", model.r)), alpha \(String(format: "%.2f", model.alpha)),"
        + " a \(String(format: "%.3f", model.a)), b \(String(format: "%.3f", model.b))")
print("   Gamma-Gamma: mean spend per purchase \(String(format: "%.2f", analysis.spend.populationMeanSpend ?? 0))")

print("\n4. The ten most valuable customers over the next year")
print("   customer          repeats  P(alive)  purchases  value")
for customer in analysis.topCustomers(10) {
    let name = customer.summary.customer.padding(toLength: 17, withPad: " ", startingAt: 0)
    print(
        "   \(name) \(String(format: "%7d  %7.0f %%  %9.1f  %5.0f", customer.summary.frequency, customer.probabilityAlive * 100, customer.expectedPurchases, customer.lifetimeValue))"
    )
}
if path == nil {
    // The simulation knows each customer's kind; the models were never told.
    let mostValuable = analysis.topCustomers(summaries.count / 10)
    let regulars = mostValuable.filter { $0.summary.customer.hasPrefix("regular-") }.count
    print("   Of the \(mostValuable.count) most valuable customers, \(regulars) are regulars.")
}
if let share = analysis.valueShare(ofTop: 0.2) {
    print("   The top 20 % hold \(Int((share * 100).rounded())) % of the predicted value.")
}
