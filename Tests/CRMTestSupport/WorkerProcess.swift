package import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An executable of this package built beside the test bundle (by default `FileEngineWorker`), run as a
/// child process.
package final class WorkerProcess {
    package let process = Process()
    private let output = Pipe()

    package init(_ arguments: [String], executable: String = "FileEngineWorker") throws {
        process.executableURL = try Self.executable(named: executable)
        process.arguments = arguments
        process.standardOutput = output
        try process.run()
    }

    /// Reads lines until one starts with `prefix`; returns it (or `nil` at end of output).
    package func waitForLine(startingWith prefix: String) -> String? {
        var buffer = Data()
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer += chunk
            let text = String(decoding: buffer, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
        }
    }

    /// Kills the child with SIGKILL and returns every complete line it printed.
    package func kill() -> [String] {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if !text.hasSuffix("\n"), !lines.isEmpty { lines.removeLast() }
        return lines
    }

    /// Waits for the child to exit by itself and returns everything it printed.
    package func finish() -> String {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The executable `name` built beside the test bundle.
    package static func executable(named name: String) throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw WorkerMissing(name: name, searchedFrom: CommandLine.arguments[0])
    }
}

struct WorkerMissing: Error, CustomStringConvertible {
    let name: String
    let searchedFrom: String
    var description: String { "\(name) was not found near \(searchedFrom); build the package's tests" }
}
