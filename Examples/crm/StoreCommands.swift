import CRMCore
import Foundation

/// `crm store verify | stats | compact`: the store on disk.
enum StoreCommands {
    static func run(_ arguments: inout CommandLineArguments, store: String) async throws {
        let command = arguments.next()
        if Help.shown(for: ["store", command], &arguments) { return }
        let json = arguments.flag("json")
        try arguments.finish()
        guard ["verify", "stats", "compact"].contains(command) else {
            throw UsageError("unknown command \"store \(command ?? "")\"")
        }
        guard FileManager.default.fileExists(atPath: store) else { throw CommandFailure("no store at \(store)") }
        switch command {
        case "verify": try await verify(store, json: json)
        case "stats": try await stats(store, json: json)
        default:
            let engine = try await FileEngine.open(at: store)
            try await engine.compact()
            try await engine.close()
            print("Compacted \(store): \(try sizes(in: store).values.reduce(0, +)) bytes on disk")
        }
    }

    /// What `verify --json` prints.
    struct VerifyReport: Encodable {
        let store: String
        let isClean: Bool
        let problems: [String]
        let tornTailOffset: Int?
        let records: Int
        let changes: Int
    }

    /// Checks the files of the store without opening it for writing, so a damaged store is reported as it
    /// is, with every problem listed, and nothing is repaired.
    static func verify(_ store: String, json: Bool) async throws {
        let result = FileEngine.verify(at: store)
        let report = VerifyReport(
            store: store, isClean: result.isClean, problems: result.problems, tornTailOffset: result.tornTailOffset,
            records: result.recordCount, changes: result.changeCount)
        if json {
            try printJSON(report)
        } else {
            print("\(store): \(report.records) records, \(report.changes) changes")
            for problem in report.problems { print("problem: \(problem)") }
            if let offset = report.tornTailOffset { print("an interrupted last commit at byte \(offset)") }
            print(report.isClean ? "clean" : "NOT clean")
        }
        if !report.isClean { throw CommandFailure("\(store) has \(report.problems.count) problem(s)") }
    }

    /// What `stats` prints.
    struct Stats: Encodable {
        let store: String
        let records: Int
        let changes: Int
        let files: [String: Int]
        let bytes: Int
    }

    static func stats(_ store: String, json: Bool) async throws {
        let engine = try await FileEngine.open(at: store)
        let verification = try await engine.verify()
        try await engine.close()
        let files = try sizes(in: store)
        let stats = Stats(
            store: store, records: verification.recordCount, changes: verification.changeCount, files: files,
            bytes: files.values.reduce(0, +))
        if json { return try printJSON(stats) }
        print("\(store): \(stats.records) records, \(stats.changes) changes, \(stats.bytes) bytes on disk")
        var table = TextTable([.text("File"), .number("Bytes")])
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) { table.add([name, "\(bytes)"]) }
        table.print()
    }

    /// The size in bytes of each file of the store.
    static func sizes(in store: String) throws -> [String: Int] {
        var sizes: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store) {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(store)/\(name)")
            sizes[name] = (attributes[.size] as? NSNumber)?.intValue ?? 0
        }
        return sizes
    }
}
