package import CRMCore
import Synchronization

/// Gathers the transactions that arrive while the writer is busy and commits them together, each in its
/// own savepoint of one database transaction, so concurrent committers share one sync of the database's
/// log (group commit) while each transaction still succeeds or fails alone.
package final class GroupCommitter: Sendable {
    private typealias Waiter = CheckedContinuation<Result<CommitReceipt, StorageError>, Never>

    private struct Queue {
        var waiting: [(Transaction, Waiter)] = []
        var draining = false
    }

    /// The most transactions one batch takes, bounding how long the first of them waits.
    static var batchLimit: Int { 256 }

    private let writer: SessionWorker
    private let store: SQLStore
    private let queue = Mutex(Queue())

    package init(writer: SessionWorker, store: SQLStore) {
        self.writer = writer
        self.store = store
    }

    /// Commits `transaction` with whatever else is waiting.
    package func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let startDrain = queue.withLock { queue in
                queue.waiting.append((transaction, waiter))
                defer { queue.draining = true }
                return !queue.draining
            }
            if startDrain { writer.schedule { [self] session in drain(session) } }
        }
        return try result.get()
    }

    private func drain(_ session: any SQLSession) {
        while true {
            let batch = queue.withLock { queue in
                let batch = Array(queue.waiting.prefix(Self.batchLimit))
                queue.waiting.removeFirst(batch.count)
                if batch.isEmpty { queue.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let results = store.commit(batch.map(\.0), session: session)
            for ((_, waiter), result) in zip(batch, results) { waiter.resume(returning: result) }
        }
    }
}
