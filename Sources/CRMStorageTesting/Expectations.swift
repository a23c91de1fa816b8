import CRMCore

/// The assertions of the kit: each throws a ``ConformanceFailure`` instead of recording an issue, so the
/// kit works under any test framework.
struct Expect {
    let area: String

    func that(
        _ condition: Bool, _ check: String, input: @autoclosure () -> String = "", expected: @autoclosure () -> String,
        actual: @autoclosure () -> String
    ) throws {
        if !condition {
            throw ConformanceFailure(check: "\(area): \(check)", input: input(), expected: expected(), actual: actual())
        }
    }

    func equal<T: Equatable>(_ actual: T, _ expected: T, _ check: String, input: @autoclosure () -> String = "") throws
    {
        try that(actual == expected, check, input: input(), expected: "\(expected)", actual: "\(actual)")
    }

    /// Runs `body` and checks that it throws a ``StorageError`` with `code` (and `field`, if given).
    func error<T>(
        _ code: StorageError.Code, field: String? = nil, _ check: String, input: @autoclosure () -> String = "",
        _ body: () async throws -> T
    ) async throws {
        let expected = field.map { "StorageError \(code) on field \($0)" } ?? "StorageError \(code)"
        do {
            let value = try await body()
            throw ConformanceFailure(
                check: "\(area): \(check)", input: input(), expected: expected, actual: "succeeded with \(value)")
        } catch let error as StorageError {
            let matches = error.code == code && (field == nil || error.field == field)
            try that(matches, check, input: input(), expected: expected, actual: "\(error)")
        }
    }

    /// Runs `body` and checks that it throws a ``CRMCore/ValidationError`` naming exactly `fields`.
    func invalid<T>(
        _ fields: Set<String>, _ check: String, input: @autoclosure () -> String = "", _ body: () async throws -> T
    ) async throws {
        let expected = "ValidationError on \(fields.sorted())"
        do {
            let value = try await body()
            throw ConformanceFailure(
                check: "\(area): \(check)", input: input(), expected: expected, actual: "succeeded with \(value)")
        } catch let error as ValidationError {
            try that(
                Set(error.issues.map(\.field)) == fields, check, input: input(), expected: expected, actual: "\(error)")
        }
    }
}
