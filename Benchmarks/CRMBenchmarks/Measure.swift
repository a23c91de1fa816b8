import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Times a block and returns seconds.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try await clock.measure { try await body() }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The resident set size of this process in bytes, from /proc (0 where unavailable).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// One line of the results table.
struct Result {
    var name: String
    var operations: Int
    var seconds: Double
    var target: String

    var line: String {
        let perOperation = seconds / Double(operations)
        let cost =
            perOperation >= 1e-3
            ? String(format: "%.3f ms", perOperation * 1e3) : String(format: "%.3f µs", perOperation * 1e6)
        let rate = String(format: "%.0f /s", Double(operations) / seconds)
        return padded(name, 50) + padded(cost, 14, right: true) + padded(rate, 16, right: true) + "   " + target
    }
}

/// `text` padded with spaces to `width` characters.
func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}

func printHeader(_ title: String) {
    emit("\n\(title)")
    emit(
        padded("workload", 50) + padded("per op", 14, right: true) + padded("throughput", 16, right: true) + "   target"
    )
}

/// Writes a line to standard output at once, unbuffered, so progress shows while a long run goes on.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
