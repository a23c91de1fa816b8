import CRMTestSupport
import Foundation
import Testing

/// Each module's main flow walked by hand through `crm`, as a user at a terminal would.
@Suite struct ModuleFlowTests {
    @Test func contactsAreAddedImportedFoundExportedAndMerged() throws {
        let app = try CRMApp()
        let added = try app.run(
            "contacts", "add", "--given", "Ada", "--family", "Lovelace", "--email", "ada@example.com",
            "--organization", "Analytical Engines", "--json")
        #expect(added.status == 0, "\(added.errors)")
        let ada = try #require(try CRMApp.json(added.output) as? [String: Any])
        let adaID = try #require(ada["id"] as? String)
        let csv = try app.file(
            "people.csv",
            "first,last,mail,born\nGrace,Hopper,grace@example.com,19061209\nAda,Lovelace,ADA@example.com,18151210\nBob,Ross,not-an-email,19421029\n"
        )
        let map = [
            "--map", "first=givenName", "--map", "last=familyName", "--map", "mail=email", "--map", "born=birthday",
        ]
        let refused = try CommandRun(app, ["contacts", "import", csv] + map + ["--date-format", "yyyyMMdd"])
        #expect(refused.status == 1 && refused.errors.contains("line 4, email"), "\(refused.errors)")
        let dry = try CommandRun(
            app, ["contacts", "import", csv] + map + ["--date-format", "yyyyMMdd", "--skip-invalid", "--dry-run"])
        #expect(dry.status == 0 && dry.output.contains("would import 1 new, 1 updated"), "\(dry.output)")
        #expect(try contacts(app).count == 1, "a dry run and a refused import write nothing")
        let imported = try CommandRun(
            app, ["contacts", "import", csv] + map + ["--date-format", "yyyyMMdd", "--skip-invalid", "--json"])
        let report = try #require(try CRMApp.json(imported.output) as? [String: Any])
        #expect(report["inserted"] as? Int == 1 && report["updated"] as? Int == 1)
        #expect((report["skipped"] as? [String])?.first?.hasPrefix("line 4, email") == true)
        #expect(try contacts(app).count == 2, "the second Ada updated the first, by email")

        let found = try app.run("contacts", "search", "grace")
        #expect(found.output.contains("Grace Hopper") && !found.output.contains("Lovelace"))
        let shown = try app.run("contacts", "show", adaID)
        #expect(shown.output.contains("Analytical Engines") && shown.output.contains("ada@example.com"))
        #expect(try app.run("contacts", "show", "01ARZ3NDEKTSV4RRFFQ69G5FAV").status == 1)
        let exported = try app.run("contacts", "export")
        #expect(exported.output.hasPrefix("id,givenName") && exported.output.contains("grace@example.com"))

        #expect(
            try app.run("contacts", "add", "--given", "Grace", "--family", "Hopper", "--phone", "+1 202 555 0143")
                .status == 0)
        let groups = try #require(
            try CRMApp.json(try app.run("contacts", "duplicates", "--json").output) as? [[String: Any]])
        let group = try #require(groups.first)
        #expect(groups.count == 1 && (group["score"] as? Double).map { $0 > 0 } == true)
        let members = try #require(group["contacts"] as? [[String: Any]])
        #expect(members.count == 2 && members.allSatisfy { $0["id"] is String })
        let ids = members.compactMap { $0["id"] as? String }
        let merged = try app.run("contacts", "merge", ids[0], ids[1])
        #expect(merged.status == 0, "\(merged.errors)")
        #expect(try contacts(app).count == 2)
    }

    @Test func aTicketIsOpenedEscalatedAndResolved() throws {
        let app = try CRMApp()
        let opened = try app.run("service", "open", "--subject", "Tent zip stuck", "--priority", "high", "--json")
        #expect(opened.status == 0, "\(opened.errors)")
        let ticket = try #require(try CRMApp.json(opened.output) as? [String: Any])
        let id = try #require(ticket["id"] as? String)
        let sla = try app.run("service", "sla")
        #expect(sla.output.contains("Tent zip stuck") && sla.output.contains("due"))
        let escalated = try app.run("service", "escalate", id)
        #expect(escalated.status == 0 && escalated.output.contains("tier 2"), "\(escalated.errors)")
        let resolved = try app.run("service", "resolve", id)
        #expect(resolved.status == 0 && resolved.output.contains("resolved"))
        #expect(try app.run("service", "resolve", id).status == 1, "a resolved ticket cannot be resolved again")
        #expect(!(try app.run("service", "list").output.contains("Tent zip stuck")), "no longer active")
    }

    @Test func aMemberEnrollsEarnsAndIsRefusedWhatThePointsDoNotCover() throws {
        let app = try CRMApp()
        let added = try app.run("contacts", "add", "--given", "Kim", "--family", "Park", "--json")
        let contact = try #require((try CRMApp.json(added.output) as? [String: Any])?["id"] as? String)
        let enrolled = try app.run("loyalty", "enroll", contact, "--json")
        #expect(enrolled.status == 0, "\(enrolled.errors)")
        let member = try #require((try CRMApp.json(enrolled.output) as? [String: Any])?["id"] as? String)
        let earned = try app.run("loyalty", "earn", member, "--amount", "120.00", "--order", "till-1")
        #expect(earned.status == 0 && earned.output.contains("pending 120 points"), "\(earned.output)")
        let statement = try #require(
            try CRMApp.json(try app.run("loyalty", "statement", member, "--json").output) as? [String: Any])
        #expect((statement["pending"] as? [String: Int])?["points"] == 120)
        #expect((statement["balances"] as? [String: Int])?["points"] == 100, "the welcome bonus")
        let refused = try app.run("loyalty", "redeem", member, "--reward", "Guided weekend")
        #expect(refused.status == 1 && !refused.errors.isEmpty)
        #expect(try app.run("loyalty", "earn", member, "--amount", "12abc").status == 2)
    }

    private func contacts(_ app: CRMApp) throws -> [Any] {
        try #require(try CRMApp.json(try app.run("contacts", "list", "--json").output) as? [Any])
    }
}
