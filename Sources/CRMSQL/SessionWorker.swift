package import CRMCore
import Dispatch

/// One database session confined to its own serial queue, so blocking database calls never hold a thread
/// of Swift's cooperative pool, and the session is used by one caller at a time.
package final class SessionWorker: @unchecked Sendable {
    // The session is touched only on `queue`; that confinement is what makes the class sendable.
    private let session: any SQLSession
    private let queue: DispatchQueue

    package init(_ session: any SQLSession, label: String) {
        self.session = session
        self.queue = DispatchQueue(label: label)
    }

    /// Runs `body` with the session on the worker's queue.
    package func perform<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws(StorageError) -> T)
        async throws(StorageError) -> T
    {
        let result: Result<T, StorageError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(StorageError) in try body(self.session) })
            }
        }
        return try result.get()
    }

    /// Runs `body` with the session on the worker's queue without waiting for it.
    package func schedule(_ body: @escaping @Sendable (any SQLSession) -> Void) {
        queue.async { body(self.session) }
    }
}
