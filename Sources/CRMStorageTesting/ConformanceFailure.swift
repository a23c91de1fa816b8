/// One failed conformance check: what was checked, with which input, what was expected and what happened.
public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
    /// The check's name, such as `versionsAndConflicts: stale update is refused`.
    public let check: String
    /// The input that exposed the failure.
    public let input: String
    /// What a conforming engine does.
    public let expected: String
    /// What this engine did.
    public let actual: String

    /// Creates a failure report.
    public init(check: String, input: String, expected: String, actual: String) {
        self.check = check
        self.input = input
        self.expected = expected
        self.actual = actual
    }

    /// A multi-line report.
    public var description: String {
        "Conformance check failed: \(check)\n  input:    \(input)\n  expected: \(expected)\n  actual:   \(actual)"
    }
}

/// All failures of a ``StorageEngineConformance/run()``, one per failed area.
public struct ConformanceReport: Error, CustomStringConvertible, Sendable {
    /// The failures, in area order.
    public let failures: [any Error]

    /// Runs `check` on every area, then throws the failures of all failed areas together.
    static func runAll<Area>(_ areas: [Area], check: (Area) async throws -> Void) async throws {
        var failures: [any Error] = []
        for area in areas {
            do {
                try await check(area)
            } catch {
                failures.append(error)
            }
        }
        if !failures.isEmpty { throw ConformanceReport(failures: failures) }
    }

    /// Every failure, separated by blank lines.
    public var description: String {
        "\(failures.count) conformance area(s) failed:\n\n" + failures.map { "\($0)" }.joined(separator: "\n\n")
    }
}
