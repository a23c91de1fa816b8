// crm: the command-line face of swift-crm, on the durable file engine.
//
//   swift run crm demo
//   swift run crm --help
//
// Each command group lives in its own file; this one reads the command line, runs the command and turns
// its outcome into an exit code: 0 done, 1 failed (one message on standard error), 2 usage error.
import Foundation

/// Runs the command line `words`.
func run(_ words: [String]) async throws {
    var arguments = try CommandLineArguments(words)
    let store = Workspace.location(&arguments)
    let command = arguments.next()
    if Help.shown(for: [command], &arguments) { return }
    switch command {
    case "demo":
        try arguments.finish()
        try await DemoCommand.run(store: store)
    case "contacts": try await ContactsCommands.run(&arguments, store: store)
    case "sales": try await SalesCommands.run(&arguments, store: store)
    case "service": try await ServiceCommands.run(&arguments, store: store)
    case "loyalty": try await LoyaltyCommands.run(&arguments, store: store)
    case "analytics": try AnalyticsCommands.run(&arguments)
    case "store": try await StoreCommands.run(&arguments, store: store)
    case "help":
        print(Help.text(for: Array(words.drop { $0 != "help" }.dropFirst())))
    default: throw UsageError("unknown command \"\(command ?? "")\"")
    }
}

/// Writes `message` to standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data("crm: \(message)\n".utf8))
}

do {
    try await run(Array(CommandLine.arguments.dropFirst()))
    exit(0)
} catch let error as UsageError {
    complain("\(error)\nRun \"crm --help\" for usage.")
    exit(2)
} catch {
    complain("\(error)")
    exit(1)
}
