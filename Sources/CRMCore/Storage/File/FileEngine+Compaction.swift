extension FileEngine {
    /// Compacts in two steps, so that commits wait only for the first:
    ///
    /// 1. Under the locks, the log is synced and the next generation's log is started for the commits that
    ///    follow; the state at that point is what the snapshot will hold.
    /// 2. Outside the core lock, that state is written to `snapshot.tmp`, synced, renamed over `snapshot`, the
    ///    directory synced, and the logs the new snapshot covers are removed.
    ///
    /// A crash or failure between the steps leaves the old snapshot with every log after it, which the next
    /// open replays in order. A failure before the rename leaves the store as it was. After the rename the
    /// new snapshot is the truth, so a failure there makes the store refuse writes until it is reopened.
    ///
    /// Runs on the compaction queue, one compaction at a time.
    func compactNow() throws(StorageError) {
        let (state, generation) = try startNextLog()
        try replaceSnapshot(with: state, generation: generation)
    }

    /// Step 1: syncs the log, starts the next generation's log for later commits, and returns the state the
    /// snapshot of that generation holds.
    private func startNextLog() throws(StorageError) -> (EngineState, UInt64) {
        let (state, generation, end) = try fileSwitch.withLock { _ throws(StorageError) in
            try core.withLock { core throws(StorageError) -> (EngineState, UInt64, Int) in
                try core.checkWritable(directory)
                // Later commits go to the new log: the old one must be complete on disk before the first of
                // them can be, or a crash could keep a commit and lose one it builds on.
                try syncLocked(&core)
                let generation = core.generation + 1
                let path = logPath(generation)
                let log = try mapIO { () throws(IOFailure) -> Int32 in
                    let log = try io.openFile(path)
                    do throws(IOFailure) {
                        try Self.startEmptyLog(log, generation: generation, path: path, directory: directory, io: io)
                    } catch {
                        io.close(log)
                        try? io.remove(path)
                        throw error
                    }
                    return log
                }
                io.close(core.log)
                core.log = log
                core.generation = generation
                core.logEnd = FileFormat.headerSize
                return (core.state, generation, core.appended)
            }
        }
        markDurable(end)
        return (state, generation)
    }

    /// Step 2: writes `state` as the snapshot of `generation`, puts it in place and removes the older logs.
    private func replaceSnapshot(with state: EngineState, generation: UInt64) throws(StorageError) {
        let temporary = directory + "/" + FileFormat.snapshotTemporaryName
        let snapshotBytes = try writeSnapshot(of: state, generation: generation, to: temporary)
        // The file switch keeps a verification from reading the files while they change.
        try fileSwitch.withLock { _ throws(StorageError) in
            do throws(StorageError) {
                try mapIO { () throws(IOFailure) in
                    try io.rename(temporary, to: directory + "/" + FileFormat.snapshotName)
                }
            } catch {
                try? mapIO { () throws(IOFailure) in try io.remove(temporary) }
                throw error
            }
            do throws(StorageError) {
                try mapIO { () throws(IOFailure) in
                    try io.syncDirectory(directory)
                    for name in try io.list(directory) {
                        if let older = StoreLoader.logGeneration(name), older < generation {
                            try io.remove(directory + "/" + name)
                        }
                    }
                }
                core.withLock { $0.snapshotBytes = snapshotBytes }
            } catch {
                core.withLock { core in
                    core.failure = StorageError(
                        .readOnly, message: "compaction failed after the new snapshot was in place (\(error)); reopen")
                }
                throw error
            }
        }
    }

    private func writeSnapshot(of state: EngineState, generation: UInt64, to path: String) throws(StorageError) -> Int {
        try mapIO { () throws(IOFailure) -> Int in
            let file = try io.openFile(path)
            defer { io.close(file) }
            do throws(IOFailure) {
                try io.truncate(file, to: 0, path: path)
                var offset = 0
                var buffer = FileFormat.header(kind: .snapshot, generation: generation)
                // Small frames are gathered into one write; a large frame is written as it is, not copied.
                try SnapshotCodec.forEachFrame(of: state) { frame throws(IOFailure) in
                    if frame.count < 1 << 16 {
                        buffer += frame
                        if buffer.count < 4 << 20 { return }
                    }
                    try io.write(buffer, to: file, at: offset, path: path)
                    offset += buffer.count
                    buffer.removeAll(keepingCapacity: true)
                    if frame.count >= 1 << 16 {
                        try io.write(frame, to: file, at: offset, path: path)
                        offset += frame.count
                    }
                }
                try io.write(buffer, to: file, at: offset, path: path)
                offset += buffer.count
                try io.sync(file, path: path)
                return offset
            } catch {
                try? io.remove(path)
                throw error
            }
        }
    }
}
