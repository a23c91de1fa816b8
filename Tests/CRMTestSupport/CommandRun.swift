package import Foundation

/// One run of an executable of this package to its end: its exit status and what it printed.
package struct CommandRun {
    /// The exit status.
    package let status: Int32
    /// Standard output.
    package let output: String
    /// Standard error.
    package let errors: String

    /// Runs `executable` with `arguments` in `directory`, with `environment` added to this process's.
    package init(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws {
        let process = Process()
        process.executableURL = try WorkerProcess.executable(named: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        self.output = String(decoding: printed, as: UTF8.self)
        self.errors = String(decoding: complained, as: UTF8.self)
    }
}
