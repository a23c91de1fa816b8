/// Reads a store directory into memory: the snapshot, then the log's frames on top of it.
///
/// Used by ``FileEngine`` to open a store and to verify one. It changes nothing on disk; what to do about
/// a torn tail (truncate it) is the opener's decision.
struct StoreLoader {
    struct Loaded {
        var state: EngineState
        var generation: UInt64
        var snapshotBytes: Int
        /// `nil` when the log file does not exist yet or holds less than a header.
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
        var generation: UInt64 = 1
        var snapshotBytes = 0
        if names.contains(FileFormat.snapshotName) {
            let path = path(FileFormat.snapshotName)
            let bytes = try readWhole(path)
            snapshotBytes = bytes.count
            generation = try FileFormat.readHeader(bytes, kind: .snapshot, path: path)
            let scanner = FrameScanner(bytes)
            if case .clean = scanner.ending {
            } else {
                throw StorageError(.corrupted, message: "\(path) is damaged at offset \(scanner.validEnd)")
            }
            state = try SnapshotCodec.read(bytes, bodies: scanner.bodies, path: path)
        }
        let newer = names.compactMap(Self.logGeneration).filter { $0 > generation }
        if let unexpected = newer.min() {
            throw StorageError(
                .corrupted,
                message: "\(path(FileFormat.logName(unexpected))) is newer than the snapshot (generation \(generation))"
            )
        }
        let logPath = path(FileFormat.logName(generation))
        guard names.contains(FileFormat.logName(generation)) else {
            return Loaded(
                state: state, generation: generation, snapshotBytes: snapshotBytes, logBytes: nil,
                logValidEnd: FileFormat.headerSize, logEnding: .clean)
        }
        let bytes = try readWhole(logPath)
        guard bytes.count >= FileFormat.headerSize else {
            // A log is created with its header and synced before anything is appended: a shorter file was
            // interrupted while being created and holds no commit.
            return Loaded(
                state: state, generation: generation, snapshotBytes: snapshotBytes, logBytes: nil,
                logValidEnd: FileFormat.headerSize, logEnding: .clean)
        }
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
        return Loaded(
            state: state, generation: generation, snapshotBytes: snapshotBytes, logBytes: bytes.count,
            logValidEnd: scanner.validEnd, logEnding: scanner.ending)
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
