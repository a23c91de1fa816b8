/// The result of checking a file store from disk: every frame's checksum, the file headers, the sequence
/// numbers, and that the files rebuild exactly the records and changes the engine holds.
public struct StoreVerification: Sendable, Hashable {
    /// Damage found, each with the file and offset or record concerned; empty for a sound store.
    public let problems: [String]
    /// The offset of an incomplete last log frame (an interrupted commit that the next open discards).
    public let tornTailOffset: Int?
    /// Records rebuilt from disk.
    public let recordCount: Int
    /// Changes rebuilt from disk.
    public let changeCount: Int

    /// Whether nothing is damaged and nothing needs discarding.
    public var isClean: Bool { problems.isEmpty && tornTailOffset == nil }
}

extension FileEngine {
    /// Reads the store's files again and checks them against what this engine holds in memory.
    ///
    /// Writes wait while it runs. A clean result means the files alone would reopen to exactly this state.
    public func verify() async throws(StorageError) -> StoreVerification {
        try fileSwitch.withLock { _ throws(StorageError) in
            try core.withLock { core throws(StorageError) in
                try core.checkOpen(directory)
                var result = Self.verifyFiles(in: directory, io: io)
                guard let loaded = result.loaded else { return result.report }
                result.compare(loaded, with: core.state)
                return result.report
            }
        }
    }

    /// Checks the files of a store that no process has open, without opening it for writing.
    public static func verify(at directory: String) -> StoreVerification {
        verifyFiles(in: directory, io: PosixFileIO()).report
    }

    private static func verifyFiles(in directory: String, io: any FileIO) -> VerificationRun {
        do {
            let loaded = try StoreLoader(directory: directory, io: io).load()
            var run = VerificationRun(loaded: loaded)
            if case .tornTail(let offset) = loaded.logEnding { run.tornTail = offset }
            run.checkIndexes(of: loaded)
            run.checkFeed(of: loaded)
            return run
        } catch {
            var run = VerificationRun(loaded: nil)
            run.problems.append(error.description)
            return run
        }
    }
}

private struct VerificationRun {
    var loaded: StoreLoader.Loaded?
    var problems: [String] = []
    var tornTail: Int?
    /// The change feed the files hold, decoded by ``checkFeed(of:)``.
    var loadedFeed: [Change]?

    init(loaded: StoreLoader.Loaded?) {
        self.loaded = loaded
    }

    mutating func compare(_ loaded: StoreLoader.Loaded, with state: EngineState) {
        // A feed that cannot be decoded was reported by checkFeed.
        if let onDisk = loadedFeed, onDisk != (try? state.feed.all()) {
            problems.append("the change feed on disk (\(onDisk.count)) differs from memory (\(state.feed.count))")
        }
        let entities = Set(loaded.state.tables.keys).union(state.tables.keys)
        for entity in entities.sorted() {
            let onDisk = loaded.state.tables[entity]?.recordsByID ?? [:]
            let inMemory = state.tables[entity]?.recordsByID ?? [:]
            for id in Set(onDisk.keys).union(inMemory.keys) where onDisk[id] != inMemory[id] {
                problems.append("record \(entity)/\(id) on disk differs from memory")
            }
        }
    }

    /// Decodes the whole change feed the files hold (a snapshot's changes are otherwise decoded when read).
    mutating func checkFeed(of loaded: StoreLoader.Loaded) {
        do throws(StorageError) {
            loadedFeed = try loaded.state.feed.all()
        } catch {
            problems.append(error.message)
        }
    }

    /// Checks that every index the files rebuild holds exactly the records' values, in order.
    mutating func checkIndexes(of loaded: StoreLoader.Loaded) {
        for (entity, table) in loaded.state.tables.sorted(by: { $0.key < $1.key }) {
            for definition in table.schema?.indexes ?? [] {
                let rebuilt = table.recordsByID.values.map {
                    SortedIndex.Entry(value: $0.value(of: definition.field), id: $0.key.id)
                }
                let expected = SortedIndex(unsorted: rebuilt).entries
                let actual = table.index(of: definition.field)?.entries ?? []
                if !actual.elementsEqual(expected, by: { $0.id == $1.id && $0.value == $1.value }) {
                    problems.append("the \(entity).\(definition.field) index stored in the snapshot is out of order")
                }
            }
        }
    }

    var report: StoreVerification {
        StoreVerification(
            problems: problems, tornTailOffset: tornTail, recordCount: loaded?.state.recordCount ?? 0,
            changeCount: loaded?.state.feed.count ?? 0)
    }
}
