/// A store's change feed in sequence order.
///
/// Changes read from a snapshot stay encoded in the snapshot's bytes, in runs of consecutive sequence
/// numbers, and are decoded only when read; changes committed since are kept decoded. Opening a store with
/// a long history so costs a glance at each run instead of decoding every change.
struct ChangeFeed {
    /// Consecutive changes kept in their encoded form (``ChangeRunCodec``).
    struct EncodedRun {
        var bytes: [UInt8]
        /// The encoded run, after its frame's tag.
        var body: Range<Int>
        var first: UInt64
        var count: Int
        /// Where the run was read from, for an error message: a file and an offset.
        var origin: String
    }

    private var runs: [EncodedRun] = []
    private var recent: [Change] = []

    init() {}

    /// A feed of encoded runs, which must follow one another from sequence 1 (the loader checks).
    init(runs: [EncodedRun]) {
        self.runs = runs
    }

    private var encodedCount: Int { runs.last.map { Int($0.first) + $0.count - 1 } ?? 0 }

    /// How many changes the feed holds.
    var count: Int { encodedCount + recent.count }

    var lastSequence: UInt64 { UInt64(count) }

    mutating func append(contentsOf changes: [Change]) {
        recent.append(contentsOf: changes)
    }

    /// Up to `limit` changes after `sequence`; throws ``StorageError/Code/corrupted`` when an encoded run
    /// cannot be read.
    func changes(after sequence: UInt64, limit: Int) throws(StorageError) -> [Change] {
        guard sequence < lastSequence else { return [] }
        var result: [Change] = []
        var next = sequence + 1
        var run = runs.partitionPoint { $0.first + UInt64($0.count) > next }
        while result.count < limit, run < runs.count {
            let decoded = try ChangeRunCodec.decode(runs[run])
            let skip = Int(next - runs[run].first)
            let wanted = min(decoded.count - skip, limit - result.count)
            result += decoded[skip..<(skip + wanted)]
            next += UInt64(wanted)
            run += 1
        }
        let start = Int(next) - 1 - encodedCount
        if result.count < limit, start >= 0, start < recent.count {
            result += recent[start..<(start + min(recent.count - start, limit - result.count))]
        }
        return result
    }

    /// Every change, decoded.
    func all() throws(StorageError) -> [Change] {
        try changes(after: 0, limit: .max)
    }

    /// Calls `body` with the feed in runs: an encoded run as it is stored, or recent changes decoded.
    func forEachRun(
        encoded: (EncodedRun) throws(IOFailure) -> Void, decoded: (ArraySlice<Change>) throws(IOFailure) -> Void
    ) throws(IOFailure) {
        for run in runs { try encoded(run) }
        for start in stride(from: 0, to: recent.count, by: ChangeRunCodec.runLength) {
            try decoded(recent[start..<min(start + ChangeRunCodec.runLength, recent.count)])
        }
    }
}
