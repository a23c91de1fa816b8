import CRMTestSupport
import Foundation

/// The `crm` executable on a fresh temporary store, at a fixed time.
struct CRMApp {
    let directory: URL
    var store: String { directory.appendingPathComponent("store").path }

    init() throws {
        directory = TestScratch.url("app")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs `crm` with `arguments` on the store.
    func run(_ arguments: String...) throws -> CommandRun {
        try CommandRun(self, arguments)
    }

    /// Writes `text` to the file `name` beside the store and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The JSON `text` as an object of Foundation types.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The CDNOW sample of Fader, Hardie and Lee as CSV: customer, date (yyyyMMdd), amount.
    func cdnow() throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CRMAnalyticsTests/Data/cdnow-sample-transactions.txt")
        var lines = ["customer,date,amount"]
        for line in try String(contentsOf: source, encoding: .utf8).split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            lines.append("\(fields[0]),\(fields[2]),\(fields[4])")
        }
        return try file("cdnow.csv", lines.joined(separator: "\n"))
    }
}

extension CommandRun {
    /// Runs `crm` with `arguments` on the store of `app`, at the app's fixed time.
    init(_ app: CRMApp, _ arguments: [String]) throws {
        try self.init(
            "crm", arguments, in: app.directory,
            environment: ["CRM_STORE": app.store, "CRM_NOW": "2026-12-02T10:00:00Z"])
    }
}
