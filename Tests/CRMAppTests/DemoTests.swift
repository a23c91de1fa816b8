import Foundation
import Testing

/// `crm demo` on a fresh store: it seeds a company once and tours every module in 80 columns.
@Suite struct DemoTests {
    @Test func theDemoSeedsOnceAndToursEveryModule() throws {
        let app = try CRMApp()
        let first = try app.run("demo")
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Seeded a small outdoor-gear company"))
        for section in [
            "1. Pipeline and forecast", "2. Tickets and their service-level agreement", "3. Loyalty tiers",
            "4. Customer value",
        ] {
            #expect(first.output.contains(section))
        }
        #expect(first.output.contains("breached"), "one ticket is past its targets")
        for tier in ["Blue", "Silver", "Gold"] {
            let line = try #require(first.output.split(separator: "\n").first { $0.hasPrefix(tier + " ") })
            #expect(Int(line.split(separator: " ")[1])! > 0, "members in \(tier)")
        }
        #expect(first.output.contains("P(alive)") && first.output.contains("champions"))
        let wide = first.output.split(separator: "\n").filter { $0.count > 80 && !$0.contains(app.store) }
        #expect(wide.isEmpty, "lines wider than 80 columns: \(wide)")

        let second = try app.run("demo")
        #expect(second.status == 0)
        #expect(second.output.contains("already holds records"))
        #expect(!second.output.contains("Seeded"))
        let contacts = try #require(try CRMApp.json(try app.run("contacts", "list", "--json").output) as? [Any])
        #expect(contacts.count == 48, "the second run added nothing")
    }

    @Test func theStoreOfTheDemoVerifiesAndCompacts() throws {
        let app = try CRMApp()
        #expect(try app.run("demo").status == 0)
        let verified = try app.run("store", "verify", "--json")
        let report = try #require(try CRMApp.json(verified.output) as? [String: Any])
        #expect(verified.status == 0 && report["isClean"] as? Bool == true)
        #expect((report["records"] as? Int ?? 0) > 1_000)
        #expect(try app.run("store", "compact").status == 0)
        let stats = try #require(try CRMApp.json(try app.run("store", "stats", "--json").output) as? [String: Any])
        #expect(stats["records"] as? Int == report["records"] as? Int, "compaction keeps every record")
    }
}
