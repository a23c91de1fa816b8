import Foundation
import Synchronization

/// The durable, embedded storage engine: one directory on disk, no server. The SDK's default.
///
/// The whole store is held in memory for queries and rebuilt at open from a snapshot plus the
/// append-only logs of checksummed commit frames written after it (see ``FileEngineOptions`` for durability
/// and compaction).
///
/// Guarantees, beyond the ``StorageEngine`` contract:
/// - With ``Durability/synchronous`` a commit is acknowledged only after its frame is synced, so it
///   survives a crash of the process or the machine. Readers see a commit as soon as its frame is written,
///   which can be a moment before it is acknowledged; a later commit that builds on it is synced after it,
///   so no acknowledged commit ever depends on one that a crash lost.
/// - A torn last frame (an interrupted append) is detected by its checksum, discarded and truncated at
///   open. Damage anywhere else is reported as ``StorageError/Code/corrupted`` with the file and offset; no
///   record is ever skipped.
/// - Snapshots replace the old one by write-temp, fsync, rename, fsync-directory, and are written in the
///   background: a compaction first syncs the log and starts the next one, so commits go on meanwhile, and
///   a store left between the two steps reopens from the old snapshot and every log after it.
/// - One process at a time: the store is locked with `flock`, and a second opener gets
///   ``StorageError/Code/locked`` naming the directory. The lock dies with its holder.
/// - After a failed sync or a failed undo of a failed write the store refuses writes
///   (``StorageError/Code/readOnly``) until reopened: a retried fsync can report success after the kernel
///   dropped the unwritten pages.
/// - Files are created with mode 0600, the directory 0700.
///
/// ```swift
/// let engine = try await FileEngine.open(at: "/var/lib/my-crm")
/// try await engine.register(schemas)
/// ```
public final class FileEngine: StorageEngine {
    /// The store's directory.
    public let directory: String
    let options: FileEngineOptions
    let io: any FileIO
    let core: Mutex<Core>
    /// Held while syncing or swapping log files, so that a sync never runs on a closed descriptor.
    let fileSwitch = Mutex(())
    private let groupCommit: GroupCommit
    /// Runs compactions one at a time, away from the committers that trigger them.
    private let compactor = DispatchQueue(label: "swift-crm.file-engine.compaction")

    struct Core {
        var state: EngineState
        var generation: UInt64
        var log: Int32
        var logEnd: Int
        var snapshotBytes: Int
        /// Bytes appended since open, across log files: the positions group commit waits for.
        var appended = 0
        var lock: Int32
        var isOpen = true
        var failure: StorageError?
        /// Whether an automatic compaction is waiting or running, so that commits queue at most one.
        var compactionQueued = false
    }

    /// Opens the store in `directory`, creating it if needed, and takes its write lock.
    public static func open(at directory: String, options: FileEngineOptions = FileEngineOptions())
        async throws(StorageError)
        -> FileEngine
    {
        try FileEngine(directory: directory, options: options, io: PosixFileIO())
    }

    init(directory: String, options: FileEngineOptions, io: any FileIO) throws(StorageError) {
        self.directory = directory
        self.options = options
        self.io = io
        try mapIO { () throws(IOFailure) in try io.makeDirectory(directory) }
        let lockPath = directory + "/" + FileFormat.lockName
        let lock = try mapIO { () throws(IOFailure) in try io.openFile(lockPath) }
        let core: Core
        do throws(StorageError) {
            guard try mapIO({ () throws(IOFailure) in try io.lockExclusively(lock, path: lockPath) }) else {
                throw StorageError(
                    .locked, message: "the store at \(directory) is open for writing by another process or engine")
            }
            core = try Self.openFiles(directory: directory, io: io, lock: lock)
        } catch {
            io.close(lock)
            throw error
        }
        self.core = Mutex(core)
        let box = SyncTarget()
        self.groupCommit = GroupCommit { () throws(StorageError) in try box.engine!.syncLog() }
        box.engine = self
    }

    private static func openFiles(directory: String, io: any FileIO, lock: Int32) throws(StorageError) -> Core {
        let loader = StoreLoader(directory: directory, io: io)
        let loaded = try loader.load()
        let logPath = loader.path(FileFormat.logName(loaded.generation))
        return try mapIO { () throws(IOFailure) in
            try io.remove(loader.path(FileFormat.snapshotTemporaryName))
            for name in try io.list(directory) {
                if let generation = StoreLoader.logGeneration(name), generation < loaded.snapshotGeneration {
                    try io.remove(loader.path(name))
                }
            }
            let log = try io.openFile(logPath)
            do throws(IOFailure) {
                if loaded.logBytes == nil {
                    try startEmptyLog(log, generation: loaded.generation, path: logPath, directory: directory, io: io)
                } else if loaded.logValidEnd != loaded.logBytes {
                    try io.truncate(log, to: loaded.logValidEnd, path: logPath)
                    try io.sync(log, path: logPath)
                }
            } catch {
                io.close(log)
                throw error
            }
            return Core(
                state: loaded.state, generation: loaded.generation, log: log, logEnd: loaded.logValidEnd,
                snapshotBytes: loaded.snapshotBytes, lock: lock)
        }
    }

    /// Makes the open file `log` an empty log of `generation`: cut to nothing, its header written, the file
    /// and the directory synced, before any commit is appended to it.
    static func startEmptyLog(_ log: Int32, generation: UInt64, path: String, directory: String, io: any FileIO)
        throws(IOFailure)
    {
        try io.truncate(log, to: 0, path: path)
        try io.write(FileFormat.header(kind: .log, generation: generation), to: log, at: 0, path: path)
        try io.sync(log, path: path)
        try io.syncDirectory(directory)
    }

    // MARK: StorageEngine

    /// Declares entity types; see ``StorageEngine/register(_:)``.
    ///
    /// The store keeps its schemas: a reopened store has its indexes ready, and registering the same
    /// schemas again costs nothing. A new or changed schema is written to the log and synced first.
    public func register(_ schemas: [EntitySchema]) async throws(StorageError) {
        try core.withLock { core throws(StorageError) in
            try core.checkWritable(directory)
            var updated = core.state
            let changed = try updated.register(schemas)
            guard !changed.isEmpty else { return }
            try append(FileFormat.frame(SchemaCodec.encode(changed)), to: &core)
            try syncLocked(&core)
            core.state = updated
        }
    }

    /// Reads records by id.
    public func read(_ entity: String, ids: [RecordID]) async throws(StorageError) -> [StoredRecord] {
        try core.withLock { core throws(StorageError) in
            try core.checkOpen(directory)
            return try core.state.read(entity, ids: ids)
        }
    }

    /// Runs a query.
    public func query(_ query: RecordQuery) async throws(StorageError) -> QueryPage {
        try core.withLock { core throws(StorageError) in
            try core.checkOpen(directory)
            return try core.state.query(query)
        }
    }

    /// Reads the change feed.
    public func changes(after sequence: UInt64, limit: Int) async throws(StorageError) -> [Change] {
        try core.withLock { core throws(StorageError) in
            try core.checkOpen(directory)
            return try core.state.changes(after: sequence, limit: limit)
        }
    }

    /// Applies a transaction atomically and, with ``Durability/synchronous``, durably before returning.
    public func commit(_ transaction: Transaction) async throws(StorageError) -> CommitReceipt {
        let time = options.clock.now()
        let (receipt, end) = try core.withLock { core throws(StorageError) -> (CommitReceipt, Int?) in
            try core.checkWritable(directory)
            let plan = try core.state.plan(transaction, at: time)
            guard !plan.writes.isEmpty else { return (plan.receipt, nil) }
            try append(FileFormat.frame(CommitCodec.encode(plan)), to: &core)
            core.state.apply(plan)
            return (plan.receipt, core.appended)
        }
        guard let end else { return receipt }
        if options.durability == .synchronous { try await groupCommit.waitUntilDurable(end) }
        compactIfDue()
        return receipt
    }

    /// Waits for a compaction in progress, syncs the log and releases the files and the lock. Later calls
    /// fail with ``StorageError/Code/closed``.
    public func close() async throws(StorageError) {
        _ = await onCompactor {}
        let end = try fileSwitch.withLock { _ throws(StorageError) -> Int in
            try core.withLock { core throws(StorageError) -> Int in
                guard core.isOpen else { return core.appended }
                core.isOpen = false
                defer {
                    io.close(core.log)
                    io.close(core.lock)
                }
                if core.failure == nil {
                    let path = logPath(core.generation)
                    try mapIO { () throws(IOFailure) in try io.sync(core.log, path: path) }
                }
                return core.appended
            }
        }
        groupCommit.markDurable(end)
    }

    /// Records that everything appended before `end` is durable, as after a snapshot.
    func markDurable(_ end: Int) {
        groupCommit.markDurable(end)
    }

    // MARK: Durability and compaction

    /// Makes every acknowledged commit durable now; for ``Durability/relaxed`` stores after a bulk load.
    public func sync() async throws(StorageError) {
        let end = core.withLock { $0.appended }
        try await groupCommit.waitUntilDurable(end)
    }

    /// Writes a new snapshot of the whole store and starts an empty log, so that the next open reads one
    /// compact file; returns when the snapshot is in place.
    ///
    /// Runs automatically, in the background, when the log outgrows ``FileEngineOptions/compactionThreshold``:
    /// commits wait only while the log is switched, not while the snapshot is written. Reads go on throughout.
    public func compact() async throws(StorageError) {
        try await onCompactor { () throws(StorageError) in try self.compactNow() }.get()
    }

    /// Queues a compaction when the log has outgrown its threshold and none is queued yet.
    private func compactIfDue() {
        let due = core.withLock { core in
            guard
                core.isOpen, core.failure == nil, !core.compactionQueued, core.logEnd > options.compactionThreshold,
                core.logEnd > core.snapshotBytes
            else { return false }
            core.compactionQueued = true
            return true
        }
        guard due else { return }
        compactor.async {
            // A failure leaves the store as it was, or refusing writes with the reason (see compactNow), which
            // the next commit reports.
            try? self.compactNow()
            self.core.withLock { $0.compactionQueued = false }
        }
    }

    /// Runs `body` on the compaction queue, after any compaction queued before it, and returns its result.
    private func onCompactor(_ body: @escaping @Sendable () throws(StorageError) -> Void) async -> Result<
        Void, StorageError
    > {
        await withCheckedContinuation { continuation in
            compactor.async { continuation.resume(returning: Result { () throws(StorageError) in try body() }) }
        }
    }

    func logPath(_ generation: UInt64) -> String { directory + "/" + FileFormat.logName(generation) }

    /// Appends a frame at the end of the log; on failure cuts the log back so no partial frame stays.
    private func append(_ frame: [UInt8], to core: inout Core) throws(StorageError) {
        let path = logPath(core.generation)
        do throws(IOFailure) {
            try io.write(frame, to: core.log, at: core.logEnd, path: path)
        } catch {
            do throws(IOFailure) {
                try io.truncate(core.log, to: core.logEnd, path: path)
            } catch let undo {
                core.failure = StorageError(
                    .readOnly, message: "a failed append could not be undone (\(undo)); reopen \(directory)")
            }
            throw error.storageError
        }
        core.logEnd += frame.count
        core.appended += frame.count
    }

    /// One sync of the current log; returns the logical position it covers. Called by group commit.
    ///
    /// The sync runs outside the core lock, so commits go on appending while it waits for the disk; the
    /// file switch lock keeps compaction and close from swapping the descriptor meanwhile.
    fileprivate func syncLog() throws(StorageError) -> Int {
        try fileSwitch.withLock { _ throws(StorageError) -> Int in
            let (log, end, generation, isOpen, failure) = core.withLock {
                ($0.log, $0.appended, $0.generation, $0.isOpen, $0.failure)
            }
            if let failure { throw failure }
            guard isOpen else { return end }
            do throws(IOFailure) {
                try io.sync(log, path: logPath(generation))
            } catch {
                core.withLock { $0.failure = Self.syncFailure(error) }
                throw error.storageError
            }
            return end
        }
    }

    private static func syncFailure(_ error: IOFailure) -> StorageError {
        StorageError(.readOnly, message: "syncing the log failed (\(error)); the store refuses writes until reopened")
    }

    /// Syncs the log while the caller holds the core lock; a failure makes the store refuse writes.
    func syncLocked(_ core: inout Core) throws(StorageError) {
        do throws(IOFailure) {
            try io.sync(core.log, path: logPath(core.generation))
        } catch {
            core.failure = Self.syncFailure(error)
            throw error.storageError
        }
    }
}

/// Lets the group commit's sync closure reach its engine, which is created after it.
private final class SyncTarget: @unchecked Sendable {
    // Written once in FileEngine.init before any commit can run, read only afterwards.
    weak var engine: FileEngine?
}

extension FileEngine.Core {
    func checkOpen(_ directory: String) throws(StorageError) {
        guard isOpen else { throw StorageError(.closed, message: "the store at \(directory) was closed") }
    }

    func checkWritable(_ directory: String) throws(StorageError) {
        try checkOpen(directory)
        if let failure { throw failure }
    }
}
