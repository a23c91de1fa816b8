import CRMContacts
import CRMCore
import Foundation

/// `crm contacts import FILE.csv --map COLUMN=FIELD …`.
struct ImportRequest {
    let path: String
    let options: ContactImportOptions

    init(_ arguments: inout CommandLineArguments) throws(UsageError) {
        path = try arguments.required("the CSV file")
        var mapping: [String: String] = [:]
        for pair in arguments.values("map") {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw UsageError("--map needs COLUMN=FIELD, not \"\(pair)\"")
            }
            mapping[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        guard !mapping.isEmpty else { throw UsageError("missing --map COLUMN=FIELD") }
        let key: ContactImportOptions.NaturalKey
        switch arguments.option("upsert-on") ?? "email" {
        case "email": key = .email
        case "phone": key = .phone
        case "externalID": key = .externalID
        case let other: throw UsageError("--upsert-on must be email, phone or externalID, not \"\(other)\"")
        }
        options = ContactImportOptions(
            mapping: mapping, naturalKey: key, dateFormat: arguments.option("date-format") ?? "yyyy-MM-dd",
            defaultRegion: arguments.option("region"), skipInvalidRows: arguments.flag("skip-invalid"),
            dryRun: arguments.flag("dry-run"))
    }

    /// What `--json` prints.
    struct Summary: Encodable {
        let inserted: Int
        let updated: Int
        let unchanged: Int
        let skipped: [String]
        let createdOrganizations: [String]
        let dryRun: Bool
    }

    func run(in workspace: Workspace, json: Bool) async throws {
        let text = try readText(path)
        let report: ImportReport
        do {
            report = try await workspace.contacts.importContacts(
                csv: text, options: options, at: try Workspace.now(), by: workspace.principal)
        } catch let refused as ImportRefused {
            throw CommandFailure("\(path): \(refused)")
        } catch let error as ValidationError {
            throw CommandFailure("\(path): \(error)")
        }
        let summary = Summary(
            inserted: report.inserted.count, updated: report.updated.count, unchanged: report.unchanged.count,
            skipped: report.skipped.map(\.description), createdOrganizations: report.createdOrganizations,
            dryRun: report.isDryRun)
        if json { return try printJSON(summary) }
        let verb = report.isDryRun ? "would import" : "imported"
        print(
            "\(path): \(verb) \(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged contacts"
        )
        if !summary.createdOrganizations.isEmpty {
            print("new organizations: \(summary.createdOrganizations.joined(separator: ", "))")
        }
        for issue in summary.skipped { print("skipped \(issue)") }
    }
}
