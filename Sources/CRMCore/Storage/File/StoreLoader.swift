/// Reads a store directory into memory: the snapshot, then the frames of the logs after it.
///
/// Used by ``FileEngine`` to open a store and to verify one. It changes nothing on disk; what to do about
/// a torn tail (truncate it) is the opener's decision.
///
/// A compaction starts the next generation's log before its snapshot is in place, so the snapshot of
/// generation *g* may be followed by the logs of generations *g*, *g* + 1, …: they are replayed in order,
/// and every one but the last must be complete.
struct StoreLoader {
    struct Loaded {
        var state: EngineState
        /// The generation of the last log, which new commits go to.
        var generation: UInt64
        /// The generation of the snapshot (1 when there is none): older logs are leftovers it covers.
        var snapshotGeneration: UInt64
        var snapshotBytes: Int
        /// `nil` when the last log file does not exist yet or holds less than a header.
        var logBytes: Int?
        var logValidEnd: Int
        var logEnding: FrameScanner.Ending
    }

    let directory: String
    let io: any FileIO

    func path(_ name: String) -> String { directory + "/" + name }

    func load() throws(StorageError) -> Loaded {
        let names = Set(try mapIO { () throws(IOFailure) in try io.list(directory) })
        var state = EngineState()
        var snapshotGeneration: UInt64 = 1
        var snapshotBytes = 0
        if names.contains(FileFormat.snapshotName) {
            let path = path(FileFormat.snapshotName)
            let bytes = try readWhole(path)
            snapshotBytes = bytes.count
            snapshotGeneration = try FileFormat.readHeader(bytes, kind: .snapshot, path: path)
            let scanner = FrameScanner(bytes)
            if case .clean = scanner.ending {
            } else {
                throw StorageError(.corrupted, message: "\(path) is damaged at offset \(scanner.validEnd)")
            }
            state = try SnapshotCodec.read(bytes, bodies: scanner.bodies, path: path)
        }
        let generations = names.compactMap(Self.logGeneration).filter { $0 >= snapshotGeneration }.sorted()
        for (number, generation) in generations.enumerated() where generation != snapshotGeneration + UInt64(number) {
            throw StorageError(
                .corrupted,
                message: "\(path(FileFormat.logName(snapshotGeneration + UInt64(number)))) is missing: the snapshot "
                    + "(generation \(snapshotGeneration)) is followed by \(generations.map(FileFormat.logName))")
        }
        var loaded = Loaded(
            state: state, generation: generations.last ?? snapshotGeneration, snapshotGeneration: snapshotGeneration,
            snapshotBytes: snapshotBytes, logBytes: nil, logValidEnd: FileFormat.headerSize, logEnding: .clean)
        for generation in generations {
            let isLast = generation == loaded.generation
            let log = try replayLog(generation, into: &loaded.state)
            guard isLast else {
                let logPath = path(FileFormat.logName(generation))
                guard let log, case .clean = log.ending else {
                    throw StorageError(
                        .corrupted,
                        message:
                            "\(logPath) ends before its last frame (offset \(log?.validEnd ?? 0)), and later logs follow it"
                    )
                }
                continue
            }
            loaded.logBytes = log?.bytes
            loaded.logValidEnd = log?.validEnd ?? FileFormat.headerSize
            loaded.logEnding = log?.ending ?? .clean
        }
        return loaded
    }

    /// Applies the frames of the log of `generation` to `state`; returns the log's size, where its last
    /// complete frame ends and how it ends, or `nil` when it holds less than a header.
    private func replayLog(_ generation: UInt64, into state: inout EngineState) throws(StorageError) -> (
        bytes: Int, validEnd: Int, ending: FrameScanner.Ending
    )? {
        let logPath = path(FileFormat.logName(generation))
        let bytes = try readWhole(logPath)
        // A log is created with its header and synced before anything is appended: a shorter file was
        // interrupted while being created and holds no commit.
        guard bytes.count >= FileFormat.headerSize else { return nil }
        let logGeneration = try FileFormat.readHeader(bytes, kind: .log, path: logPath)
        guard logGeneration == generation else {
            throw StorageError(.corrupted, message: "\(logPath) claims generation \(logGeneration) (offset 12)")
        }
        let scanner = FrameScanner(bytes)
        if case .corrupted(let offset) = scanner.ending {
            throw StorageError(
                .corrupted,
                message: "\(logPath) is damaged at offset \(offset) and committed frames follow it; restore a backup")
        }
        for body in scanner.bodies {
            let offset = body.lowerBound - FileFormat.frameHeaderSize
            if bytes[body.lowerBound] == SchemaCodec.tag {
                guard let schemas = try? SchemaCodec.decode(bytes, body: body), (try? state.register(schemas)) != nil
                else { throw StorageError(.corrupted, message: "\(logPath) has unusable schemas at offset \(offset)") }
                continue
            }
            guard let plan = try? CommitCodec.decode(bytes, body: body) else {
                throw StorageError(.corrupted, message: "\(logPath) has an unreadable commit at offset \(offset)")
            }
            if let first = plan.changes.first, first.sequence != state.lastSequence + 1 {
                throw StorageError(
                    .corrupted,
                    message:
                        "\(logPath) continues at sequence \(first.sequence) after \(state.lastSequence) (offset \(offset))"
                )
            }
            state.apply(plan)
        }
        return (bytes.count, scanner.validEnd, scanner.ending)
    }

    static func logGeneration(_ name: String) -> UInt64? {
        guard name.hasPrefix("log-") else { return nil }
        return UInt64(name.dropFirst(4))
    }

    private func readWhole(_ path: String) throws(StorageError) -> [UInt8] {
        try mapIO { () throws(IOFailure) in
            let descriptor = try io.openFile(path)
            defer { io.close(descriptor) }
            let size = try io.size(descriptor, path: path)
            return try io.read(descriptor, count: size, at: 0, path: path)
        }
    }
}

/// Runs `body`, turning an ``IOFailure`` into a ``StorageError`` with code ``StorageError/Code/io``.
func mapIO<T>(_ body: () throws(IOFailure) -> T) throws(StorageError) -> T {
    do {
        return try body()
    } catch {
        throw error.storageError
    }
}
