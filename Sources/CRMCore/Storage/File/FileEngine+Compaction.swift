extension FileEngine {
    /// Writes `snapshot.tmp`, syncs it, renames it over `snapshot`, syncs the directory, then starts the
    /// next generation's log and removes the old one.
    ///
    /// A failure before the rename leaves the store as it was. After the rename the new snapshot is the
    /// truth, so a failure there makes the store refuse writes until it is reopened.
    func compactNow() throws(StorageError) {
        let end = try fileSwitch.withLock { _ throws(StorageError) -> Int in
            try core.withLock { core throws(StorageError) -> Int in
                try core.checkWritable(directory)
                let generation = core.generation + 1
                let temporary = directory + "/" + FileFormat.snapshotTemporaryName
                let snapshotBytes = try writeSnapshot(of: core.state, generation: generation, to: temporary)
                do throws(StorageError) {
                    try mapIO { () throws(IOFailure) in
                        try io.rename(temporary, to: directory + "/" + FileFormat.snapshotName)
                    }
                } catch {
                    try? mapIO { () throws(IOFailure) in try io.remove(temporary) }
                    throw error
                }
                do throws(StorageError) {
                    let newLog = try mapIO { () throws(IOFailure) -> Int32 in
                        try io.syncDirectory(directory)
                        let path = logPath(generation)
                        let log = try io.openFile(path)
                        do throws(IOFailure) {
                            try io.truncate(log, to: 0, path: path)
                            try io.write(
                                FileFormat.header(kind: .log, generation: generation), to: log, at: 0, path: path)
                            try io.sync(log, path: path)
                            try io.syncDirectory(directory)
                        } catch {
                            io.close(log)
                            throw error
                        }
                        return log
                    }
                    io.close(core.log)
                    let oldPath = logPath(core.generation)
                    core.log = newLog
                    core.generation = generation
                    core.logEnd = FileFormat.headerSize
                    core.snapshotBytes = snapshotBytes
                    try mapIO { () throws(IOFailure) in try io.remove(oldPath) }
                } catch {
                    core.failure = StorageError(
                        .readOnly, message: "compaction failed after the new snapshot was in place (\(error)); reopen")
                    throw error
                }
                return core.appended
            }
        }
        markDurable(end)
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
