import CRMTestSupport
import Foundation
import Testing

/// `crm analytics` on the CDNOW sample reproduces the published estimates; bad files name what is wrong.
@Suite struct AnalyticsCommandTests {
    static let columns = [
        "--customer-column", "customer", "--date-column", "date", "--amount-column", "amount", "--date-format",
        "yyyyMMdd",
    ]

    func run(_ app: CRMApp, _ command: String, _ file: String, _ more: [String] = []) throws -> CommandRun {
        try CommandRun(app, ["analytics", command, "--transactions", file] + Self.columns + more)
    }

    @Test func clvJSONGivesThePublishedParameters() throws {
        let app = try CRMApp()
        let run = try self.run(app, "clv", try app.cdnow(), ["--calibration-end", "1997-09-30", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let report = try #require(try CRMApp.json(run.output) as? [String: Any])
        #expect(report["customers"] as? Int == 2_357)
        let bgnbd = try #require(report["bgnbd"] as? [String: Double])
        // Fader, Hardie and Lee (2005), "Counting your customers the easy way", table 1.
        #expect(abs(bgnbd["r"]! - 0.2426) < 0.00005 && abs(bgnbd["alpha"]! - 4.414) < 0.0005)
        #expect(abs(bgnbd["a"]! - 0.7929) < 0.00005 && abs(bgnbd["b"]! - 2.426) < 0.0005)
        #expect(abs(bgnbd["logLikelihood"]! + 9582.4) < 0.05)
        // Fader, Hardie and Lee (2005), "RFM and CLV: using iso-value curves", the Gamma-Gamma estimates.
        let spend = try #require(report["gammaGamma"] as? [String: Double])
        #expect(abs(spend["p"]! - 6.25) < 0.005 && abs(spend["q"]! - 3.74) < 0.005 && abs(spend["v"]! - 15.44) < 0.01)
        let top = try #require(report["topCustomers"] as? [[String: Any]])
        #expect(top.count == 10)
        let values = top.compactMap { $0["lifetimeValue"] as? Double }
        #expect(values == values.sorted(by: >), "highest value first")
    }

    @Test func rfmParetoAndCohortsPrintTheirTablesAndJSON() throws {
        let app = try CRMApp()
        let file = try app.cdnow()
        let rfm = try run(app, "rfm", file)
        #expect(rfm.status == 0 && rfm.output.contains("2357 customers") && rfm.output.contains("champions"))
        let scored = try #require(try CRMApp.json(try run(app, "rfm", file, ["--json"]).output) as? [[String: Any]])
        #expect(scored.count == 2_357 && scored.allSatisfy { ($0["scores"] as? [Int])?.count == 3 })
        let pareto = try #require(try CRMApp.json(try run(app, "pareto", file, ["--json"]).output) as? [String: Any])
        let shares = try #require(pareto["shareOfTop"] as? [String: Double])
        #expect(shares["20.0 %"]! > 0.5 && shares["20.0 %"]! < 1, "a fifth of the customers bring most revenue")
        #expect((pareto["gini"] as? Double).map { $0 > 0 && $0 < 1 } == true)
        let cohorts = try run(app, "cohorts", file)
        #expect(cohorts.status == 0 && cohorts.output.contains("1997-01        781"))
    }

    @Test func badFilesAreNamedWithTheirLineAndColumn() throws {
        let app = try CRMApp()
        let missing = try run(app, "rfm", app.directory.appendingPathComponent("nope.csv").path)
        #expect(missing.status == 1 && missing.errors.contains("nope.csv: no such file"))
        let malformed = try app.file("bad.csv", "customer,date,amount\na,19970101,10\nb,19970102,abc\n")
        let bad = try run(app, "rfm", malformed)
        #expect(bad.status == 1 && bad.errors.contains(#"line 3, column amount: "abc" is not a number"#))
        let torn = try app.file("torn.csv", "customer,date,amount\na,19970101,\"10\n")
        #expect(try run(app, "rfm", torn).errors.contains("line 2"))
        let unknown = try CommandRun(
            app,
            [
                "analytics", "rfm", "--transactions", try app.cdnow(), "--customer-column", "who", "--date-column",
                "date", "--amount-column", "amount",
            ])
        #expect(unknown.status == 1 && unknown.errors.contains("no column who"))
        #expect(try run(app, "rfm", try app.cdnow(), ["--time-unit", "fortnight"]).status == 2)
    }
}
