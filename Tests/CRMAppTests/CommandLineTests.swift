import CRMCore
import CRMTestSupport
import Foundation
import Testing

/// Help, usage errors and failures: the exit code says which, and one message on standard error says why.
@Suite struct CommandLineTests {
    @Test(arguments: [
        [], ["--help"], ["demo", "--help"], ["contacts", "--help"], ["contacts", "import", "--help"],
        ["sales", "--help"], ["service", "--help"], ["loyalty", "--help"], ["analytics", "--help"],
        ["store", "--help"], ["help", "analytics"],
    ])
    func helpIsThereAtEveryLevel(_ arguments: [String]) throws {
        let run = try crm(arguments)
        #expect(run.status == 0)
        #expect(run.output.contains("usage: crm") || run.output.contains("crm: a customer"))
    }

    @Test(arguments: [
        ["bogus"], ["contacts", "frobnicate"], ["contacts", "list", "--colour", "red"], ["contacts", "show"],
        ["analytics", "rfm", "--transactions"], ["service", "open", "--subject", "x", "--priority", "whenever"],
    ])
    func aWrongCommandLineIsAUsageError(_ arguments: [String]) throws {
        let run = try crm(arguments)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.errors.hasPrefix("crm: ") && run.errors.contains("crm --help"))
        #expect(run.output.isEmpty)
    }

    @Test func aStoreHeldByAnotherProcessIsNamedInTheError() async throws {
        let app = try CRMApp()
        let holder = try await FileEngine.open(at: app.store)
        let run = try app.run("contacts", "list")
        try await holder.close()
        #expect(run.status == 1)
        #expect(run.errors.contains("locked") && run.errors.contains(app.store), "\(run.errors)")
        #expect(try app.run("contacts", "list").status == 0, "free again once the holder closes it")
    }

    @Test func aDamagedStoreFailsVerification() throws {
        let app = try CRMApp()
        #expect(try app.run("contacts", "add", "--given", "Ada", "--family", "Lovelace").status == 0)
        let log = try #require(
            try FileManager.default.contentsOfDirectory(atPath: app.store).first { $0.hasPrefix("log") })
        let path = app.store + "/" + log
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        let run = try app.run("store", "verify")
        #expect(run.status == 1)
        #expect(run.output.contains("NOT clean") || run.errors.contains("corrupt"), "\(run.output)\(run.errors)")
    }

    /// Runs `crm` without a store environment.
    private func crm(_ arguments: [String]) throws -> CommandRun {
        try CommandRun("crm", arguments)
    }
}
