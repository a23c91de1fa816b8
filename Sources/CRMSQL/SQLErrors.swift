package import CRMCore

/// Turns database failures into the engine's typed errors.
package enum SQLErrors {
    /// Runs `body`, mapping a failure to a `StorageError` that names `store`.
    package static func run<T>(store: String, _ body: () throws(SQLFailure) -> T) throws(StorageError) -> T {
        do {
            return try body()
        } catch {
            throw storageError(error, store: store)
        }
    }

    /// Whether `error` came from the database aborting a transaction to keep it serializable, so that
    /// running the transaction again may succeed (a record's own version conflict always names the record).
    package static func isRetryable(_ error: StorageError) -> Bool {
        error.code == .conflict && error.id == nil
    }

    /// The typed error for a failure outside any one record.
    package static func storageError(_ failure: SQLFailure, store: String) -> StorageError {
        switch failure {
        case .uniqueViolation(let column):
            StorageError(.uniqueViolation, message: "\(store): a unique constraint refused a row (\(column ?? "?"))")
        case .busy(let message):
            StorageError(.locked, message: "\(store) is locked by another connection: \(message)")
        case .retryable(let message):
            StorageError(.conflict, message: "\(store): a concurrent transaction interfered; retry: \(message)")
        case .connectionLost(let message):
            StorageError(.io, message: "\(store): the connection to the database was lost: \(message)")
        case .corrupted(let message): StorageError(.corrupted, message: "\(store): \(message)")
        case .io(let message): StorageError(.io, message: "\(store): \(message)")
        case .other(let message): StorageError(.io, message: "\(store): \(message)")
        }
    }
}
