public import CRMCore

/// Settings of an ``SQLiteEngine``.
public struct SQLiteEngineOptions: Sendable {
    /// When commits are acknowledged; `Durability.synchronous` unless told otherwise.
    ///
    /// The database runs in write-ahead-log mode. `synchronous` sets `PRAGMA synchronous = FULL`: the log is
    /// synced at every commit, so nothing acknowledged is lost by a crash of the process or the machine.
    /// `relaxed` sets `PRAGMA synchronous = NORMAL`: the log is synced only at checkpoints, so a power loss
    /// may lose the newest commits but never leaves a half-applied one (what `Durability.relaxed`
    /// promises for the file engine too).
    public var durability: Durability
    /// How long a write waits for another process's write lock before failing with
    /// `StorageError.Code.locked`; 5 seconds unless told otherwise.
    public var busyTimeout: Duration
    /// How many connections serve reads and queries next to the one writer; 2 unless told otherwise.
    public var readers: Int
    /// The clock that stamps commits.
    public var clock: any WallClock

    /// Creates options.
    public init(
        durability: Durability = .synchronous, busyTimeout: Duration = .seconds(5), readers: Int = 2,
        clock: any WallClock = SystemWallClock()
    ) {
        self.durability = durability
        self.busyTimeout = busyTimeout
        self.readers = readers
        self.clock = clock
    }
}
