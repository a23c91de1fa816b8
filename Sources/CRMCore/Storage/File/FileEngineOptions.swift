/// When a ``FileEngine`` commit counts as done.
public enum Durability: Sendable, Hashable {
    /// A commit returns only after its log frame is on stable storage (`fdatasync`; `F_FULLFSYNC` on Apple
    /// systems). Concurrent commits share syncs, so throughput grows with the number of committers. Nothing
    /// acknowledged is lost by a crash of the process or of the machine. The default.
    case synchronous
    /// A commit returns once its frame is written to the operating system, before it is synced; the log is
    /// synced by ``FileEngine/sync()``, by compaction and by ``FileEngine/close()``. A process crash loses
    /// nothing; a machine crash or power loss may lose the newest commits since the last sync, but never
    /// leaves a half-applied transaction, because every commit is one checksummed frame and the store
    /// reopens at the last complete one. Meant for bulk loads: call ``FileEngine/sync()`` at the end.
    case relaxed
}

/// Settings of a ``FileEngine``.
public struct FileEngineOptions: Sendable {
    /// When commits are acknowledged; ``Durability/synchronous`` unless told otherwise.
    public var durability: Durability
    /// The log size in bytes beyond which the store compacts itself in the background (when the log has
    /// outgrown the snapshot too), bounding the size on disk and the time to open. Default 64 MiB.
    public var compactionThreshold: Int
    /// The clock that stamps commits.
    public var clock: any WallClock

    /// Creates options.
    public init(
        durability: Durability = .synchronous, compactionThreshold: Int = 64 << 20,
        clock: any WallClock = SystemWallClock()
    ) {
        self.durability = durability
        self.compactionThreshold = compactionThreshold
        self.clock = clock
    }
}
