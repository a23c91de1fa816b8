import CRMAnalytics
import Foundation

/// `crm analytics rfm | clv | pareto | cohorts`: the customer-base analyses of a transaction file.
enum AnalyticsCommands {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let command = arguments.next()
        if Help.shown(for: ["analytics", command], &arguments) { return }
        let json = arguments.flag("json")
        let limit = try Int(parsing: arguments.option("limit") ?? "10", option: "limit")
        switch command {
        case "rfm":
            let log = try TransactionLog(&arguments)
            try arguments.finish()
            try rfm(try log.summaries(), limit: limit, json: json)
        case "clv":
            let log = try TransactionLog(&arguments)
            let terms = try ValueOptions(&arguments, unit: log.summarizer.unit).terms
            try arguments.finish()
            try clv(try log.summaries(), terms: terms, limit: limit, json: json)
        case "pareto":
            let log = try TransactionLog(&arguments)
            try arguments.finish()
            try pareto(log.transactions, json: json)
        case "cohorts":
            let log = try TransactionLog(&arguments)
            try arguments.finish()
            try cohorts(log.transactions, json: json)
        default:
            throw UsageError("unknown command \"analytics \(command ?? "")\"")
        }
    }

    /// One customer of `rfm --json`.
    struct ScoredCustomer: Encodable {
        let customer: String
        let frequency: Int
        let recency: Double
        let age: Double
        let monetaryValue: Double
        let scores: [Int]
        let segment: String
    }

    static func rfm(_ summaries: [CustomerSummary], limit: Int, json: Bool) throws {
        let scores = RFMScoring().scores(summaries)
        if json {
            try printJSON(
                zip(summaries, scores).map { summary, score in
                    ScoredCustomer(
                        customer: summary.customer, frequency: summary.frequency, recency: summary.recency,
                        age: summary.age, monetaryValue: summary.monetaryValue,
                        scores: [score.recency, score.frequency, score.monetary], segment: score.segment)
                })
            return
        }
        print("\(summaries.count) customers\n")
        Reports.segments(scores).print()
        print("\nMost valuable repeat customers (R F M scores: 5 is best)\n")
        var table = TextTable([
            .text("Customer"), .number("Repeats"), .number("Recency"), .number("Age"), .number("Avg value"),
            .text("RFM"), .text("Segment"),
        ])
        let ranked = zip(summaries, scores).sorted {
            ($0.0.monetaryValue * Double($0.0.frequency), $1.0.customer)
                > ($1.0.monetaryValue * Double($1.0.frequency), $0.0.customer)
        }
        for (summary, score) in ranked.prefix(limit) {
            table.add([
                summary.customer, "\(summary.frequency)", decimal(summary.recency), decimal(summary.age),
                decimal(summary.monetaryValue), "\(score.recency)\(score.frequency)\(score.monetary)", score.segment,
            ])
        }
        table.print()
    }

    /// The fitted parameters and the most valuable customers, as `clv --json` prints them.
    struct ValueReport: Encodable {
        struct PurchaseParameters: Encodable {
            let r: Double
            let alpha: Double
            let a: Double
            let b: Double
            let logLikelihood: Double?
        }
        struct SpendParameters: Encodable {
            let p: Double
            let q: Double
            let v: Double
            let logLikelihood: Double?
        }
        struct ValuedCustomer: Encodable {
            let customer: String
            let frequency: Int
            let probabilityAlive: Double
            let expectedPurchases: Double
            let lifetimeValue: Double
            let segment: String
        }
        let customers: Int
        let bgnbd: PurchaseParameters
        let gammaGamma: SpendParameters
        let terms: ValueTerms
        let topCustomers: [ValuedCustomer]
    }

    static func clv(_ summaries: [CustomerSummary], terms: ValueTerms, limit: Int, json: Bool) throws {
        let analysis: CustomerBaseAnalysis
        do {
            analysis = try CustomerBaseAnalysis(summaries, terms: terms)
        } catch {
            throw CommandFailure("the models cannot be fitted to these transactions: \(error)")
        }
        let (purchases, spend) = (analysis.purchases, analysis.spend)
        let report = ValueReport(
            customers: summaries.count,
            bgnbd: .init(
                r: purchases.r, alpha: purchases.alpha, a: purchases.a, b: purchases.b,
                logLikelihood: purchases.logLikelihood),
            gammaGamma: .init(p: spend.p, q: spend.q, v: spend.gamma, logLikelihood: spend.logLikelihood),
            terms: terms,
            topCustomers: analysis.topCustomers(limit).map { customer in
                .init(
                    customer: customer.summary.customer, frequency: customer.summary.frequency,
                    probabilityAlive: customer.probabilityAlive, expectedPurchases: customer.expectedPurchases,
                    lifetimeValue: customer.lifetimeValue, segment: customer.rfm.segment)
            })
        if json { return try printJSON(report) }
        print("\(summaries.count) customers")
        print(
            "BG/NBD purchases: r \(decimal(purchases.r, 4)), alpha \(decimal(purchases.alpha, 4)), a \(decimal(purchases.a, 4)), b \(decimal(purchases.b, 4))"
        )
        print("Gamma-Gamma spend: p \(decimal(spend.p, 4)), q \(decimal(spend.q, 4)), v \(decimal(spend.gamma, 4))")
        print(
            "Value over \(terms.periods) periods at \(percent(terms.discountRate)) discount and \(percent(terms.margin)) margin\n"
        )
        var table = TextTable([
            .text("Customer"), .number("Repeats"), .number("P(alive)"), .number("Purchases"), .number("CLV"),
            .text("Segment"),
        ])
        for customer in report.topCustomers {
            table.add([
                customer.customer, "\(customer.frequency)", percent(customer.probabilityAlive),
                decimal(customer.expectedPurchases), decimal(customer.lifetimeValue), customer.segment,
            ])
        }
        table.print()
        if let share = analysis.valueShare(ofTop: 0.2) {
            print("\nThe top 20 % of customers hold \(percent(share)) of the predicted value.")
        }
    }

    /// What `pareto --json` prints.
    struct ConcentrationReport: Encodable {
        let customers: Int
        let shareOfTop: [String: Double]
        let gini: Double
        let lorenzCurve: [[Double]]
    }

    static func pareto(_ transactions: [CustomerTransaction], json: Bool) throws {
        let revenue = Dictionary(transactions.map { ($0.customer, $0.amount) }, uniquingKeysWith: +)
        let concentration: ValueConcentration
        do {
            concentration = try ValueConcentration(values: Array(revenue.values))
        } catch {
            throw CommandFailure("revenue cannot be ranked: \(error)")
        }
        let tops = [0.01, 0.05, 0.1, 0.2, 0.5]
        if json {
            return try printJSON(
                ConcentrationReport(
                    customers: revenue.count,
                    shareOfTop: Dictionary(
                        uniqueKeysWithValues: tops.map { (percent($0), concentration.share(ofTop: $0)) }),
                    gini: concentration.gini,
                    lorenzCurve: concentration.lorenzCurve.map { [$0.customers, $0.value] }))
        }
        print("\(revenue.count) customers, Gini \(decimal(concentration.gini, 3))\n")
        var table = TextTable([.text("Top customers"), .number("Share of revenue")])
        for top in tops { table.add(["top \(percent(top))", percent(concentration.share(ofTop: top))]) }
        table.print()
    }

    static func cohorts(_ transactions: [CustomerTransaction], json: Bool) throws {
        let retention = CohortRetention(transactions: transactions)
        if json {
            struct Row: Encodable {
                let month: String
                let customers: Int
                let retention: [Double]
            }
            return try printJSON(
                retention.rows.map { Row(month: $0.month, customers: $0.customers, retention: $0.retention) })
        }
        let months = min(retention.rows.map(\.retention.count).max() ?? 0, 10)
        print("Share of each first-purchase cohort buying again, by month after the first\n")
        var table = TextTable(
            [.text("Cohort"), .number("Customers")] + (1..<max(months, 1)).map { .number("+\($0)") })
        for row in retention.rows {
            let cells = (1..<max(months, 1)).map { $0 < row.retention.count ? percent(row.retention[$0], 0) : "" }
            table.add([row.month, "\(row.customers)"] + cells)
        }
        table.print()
    }
}

/// The terms of `clv`: `--periods`, `--discount-rate`, `--margin`, `--cost-per-purchase`; periods are months.
struct ValueOptions {
    let terms: ValueTerms

    init(_ arguments: inout CommandLineArguments, unit: TimeUnit) throws {
        let periods = try Int(parsing: arguments.option("periods") ?? "12", option: "periods")
        let rate = try Double(parsing: arguments.option("discount-rate") ?? "0.01", option: "discount-rate")
        let margin = try Double(parsing: arguments.option("margin") ?? "1", option: "margin")
        let cost = try Double(parsing: arguments.option("cost-per-purchase") ?? "0", option: "cost-per-purchase")
        do {
            terms = try ValueTerms(
                periods: periods, periodLength: TimeUnit.months.days / unit.days, discountRate: rate, margin: margin,
                costPerPurchase: cost)
        } catch {
            throw UsageError("\(error)")
        }
    }
}

extension Int {
    /// The whole number `text` of `--option`, or a usage error naming the option.
    init(parsing text: String, option: String) throws(UsageError) {
        guard let value = Int(text) else { throw UsageError("--\(option) must be a whole number, not \"\(text)\"") }
        self = value
    }
}

extension Double {
    /// The number `text` of `--option`, or a usage error naming the option.
    init(parsing text: String, option: String) throws(UsageError) {
        guard let value = Double(text), value.isFinite else {
            throw UsageError("--\(option) must be a number, not \"\(text)\"")
        }
        self = value
    }
}

/// `value` as a percentage, such as `42.5 %`.
func percent(_ value: Double, _ digits: Int = 1) -> String {
    String(format: "%.\(digits)f %%", value * 100)
}

/// `value` with `digits` decimals.
func decimal(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}
