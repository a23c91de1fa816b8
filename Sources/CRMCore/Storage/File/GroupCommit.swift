import Synchronization

/// Makes appended log bytes durable for many concurrent committers with as few syncs as possible.
///
/// A committer that needs its bytes durable either finds them durable already, waits for the sync in
/// progress, or becomes the leader that runs the next sync. One sync covers every byte appended before it
/// started, so under load each sync acknowledges a whole group of commits ("group commit", as in
/// Gray and Reuter, *Transaction Processing*, §9.4).
final class GroupCommit: Sendable {
    private struct Waiter {
        var end: Int
        var continuation: CheckedContinuation<Bool, any Error>
    }

    private struct State {
        var durable = 0
        var syncing = false
        var waiters: [Waiter] = []
        var failure: StorageError?
    }

    private let state = Mutex(State())
    /// Runs one sync and returns the logical end it covers.
    private let syncOnce: @Sendable () throws(StorageError) -> Int

    init(syncOnce: @escaping @Sendable () throws(StorageError) -> Int) {
        self.syncOnce = syncOnce
    }

    /// Returns once every byte before logical position `end` is durable; throws if a sync failed.
    func waitUntilDurable(_ end: Int) async throws(StorageError) {
        let leads: Bool
        do {
            leads = try await withCheckedThrowingContinuation { continuation in
                state.withLock { state in
                    if let failure = state.failure {
                        continuation.resume(throwing: failure)
                    } else if state.durable >= end {
                        continuation.resume(returning: false)
                    } else if state.syncing {
                        state.waiters.append(Waiter(end: end, continuation: continuation))
                    } else {
                        state.syncing = true
                        continuation.resume(returning: true)
                    }
                }
            }
        } catch {
            throw error as! StorageError
        }
        if leads { try lead(until: end) }
    }

    /// Records that everything before `end` is durable (after a snapshot or a final sync) and wakes waiters.
    func markDurable(_ end: Int) {
        let ready = state.withLock { state in
            state.durable = max(state.durable, end)
            let ready = state.waiters.filter { $0.end <= state.durable }
            state.waiters.removeAll { $0.end <= state.durable }
            return ready
        }
        for waiter in ready { waiter.continuation.resume(returning: false) }
    }

    private func lead(until end: Int) throws(StorageError) {
        while true {
            let reached: Int
            do {
                reached = try syncOnce()
            } catch {
                let waiters = state.withLock { state in
                    state.failure = error
                    state.syncing = false
                    defer { state.waiters = [] }
                    return state.waiters
                }
                for waiter in waiters { waiter.continuation.resume(throwing: error) }
                throw error
            }
            let (ready, successor, done) = state.withLock { state -> ([Waiter], Waiter?, Bool) in
                state.durable = max(state.durable, reached)
                let ready = state.waiters.filter { $0.end <= state.durable }
                state.waiters.removeAll { $0.end <= state.durable }
                guard end <= state.durable else { return (ready, nil, false) }
                if state.waiters.isEmpty {
                    state.syncing = false
                    return (ready, nil, true)
                }
                return (ready, state.waiters.removeFirst(), true)
            }
            for waiter in ready { waiter.continuation.resume(returning: false) }
            successor?.continuation.resume(returning: true)
            if done { return }
        }
    }
}
