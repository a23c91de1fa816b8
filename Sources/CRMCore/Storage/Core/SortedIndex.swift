/// The entries of one indexed field, `(value, id)` pairs in ascending order, in chunks of bounded size so
/// that an insert or removal moves at most one chunk's worth of entries (a two-level B-tree).
struct SortedIndex {
    struct Entry {
        let value: IndexValue
        let id: RecordID
        /// For a string value, an order-preserving summary kept beside it: the first 15 UTF-8 bytes and the
        /// length (at most 15) as one big-endian 128-bit number. Comparing two summaries decides most string
        /// comparisons without reading either string's storage, which in a large index is a cache miss each.
        private let summaryHigh: UInt64
        private let summaryLow: UInt64

        init(value: IndexValue, id: RecordID) {
            self.value = value
            self.id = id
            (summaryHigh, summaryLow) = Self.summary(of: value)
        }

        private static func summary(of value: IndexValue) -> (UInt64, UInt64) {
            guard case .string(var text) = value else { return (0, 0) }
            return text.withUTF8 { bytes in
                var high: UInt64 = 0
                var low = UInt64(min(bytes.count, 15))
                for position in 0..<min(bytes.count, 15) {
                    if position < 8 {
                        high |= UInt64(bytes[position]) << (56 - 8 * UInt64(position))
                    } else {
                        low |= UInt64(bytes[position]) << (56 - 8 * UInt64(position - 8))
                    }
                }
                return (high, low)
            }
        }

        /// Whether the value is a string that starts with `prefix`, whose entry (made with
        /// `Entry(value: .string(prefix), id:)`) is `start`. A prefix shorter than 15 bytes is decided from the
        /// summaries alone.
        func hasPrefix(_ prefix: String, start: Entry) -> Bool {
            let length = Int(start.summaryLow & 0xFF)
            guard case .string = value, length < 15 else { return value.hasPrefix(prefix) }
            guard Int(summaryLow & 0xFF) >= length else { return false }
            let highMask: UInt64 = length >= 8 ? .max : (length == 0 ? 0 : .max << (64 - 8 * UInt64(length)))
            let lowMask: UInt64 = length <= 8 ? 0 : .max << (64 - 8 * UInt64(length - 8))
            return summaryHigh & highMask == start.summaryHigh & highMask
                && summaryLow & lowMask == start.summaryLow & lowMask
        }

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            let order = compareValues(lhs, rhs)
            return order == 0 ? lhs.id < rhs.id : order < 0
        }

        /// -1, 0 or 1 as the values sort (``IndexValue/compare(_:_:)``), from the summaries when they differ.
        ///
        /// Equal summaries of strings shorter than 15 bytes mean equal strings; longer ones are compared in full.
        private static func compareValues(_ lhs: Entry, _ rhs: Entry) -> Int {
            guard case .string = lhs.value, case .string = rhs.value else {
                return IndexValue.compare(lhs.value, rhs.value)
            }
            if lhs.summaryHigh != rhs.summaryHigh { return lhs.summaryHigh < rhs.summaryHigh ? -1 : 1 }
            if lhs.summaryLow != rhs.summaryLow { return lhs.summaryLow < rhs.summaryLow ? -1 : 1 }
            return lhs.summaryLow & 0xFF < 15 ? 0 : IndexValue.compare(lhs.value, rhs.value)
        }
    }

    private static let chunkCapacity = 512
    private var chunks: [[Entry]] = []
    /// The last entry of each chunk, side by side: the search for a chunk reads only this array instead of
    /// one chunk buffer per step.
    private var lasts: [Entry] = []

    init() {}

    /// Builds the index from unordered entries in one sort.
    init(unsorted entries: [Entry]) {
        self.init(sorted: entries.sorted(by: <))
    }

    /// Builds the index from entries already in ascending order.
    init(sorted: [Entry]) {
        self.init(count: sorted.count) { sorted[$0] }
    }

    /// Builds the index from `count` entries produced in ascending order by `entry`, straight into chunks
    /// (no intermediate array: opening a large store allocates less).
    init(count: Int, entry: (Int) -> Entry) {
        var start = 0
        let size = Self.chunkCapacity / 2
        chunks.reserveCapacity((count + size - 1) / size)
        lasts.reserveCapacity((count + size - 1) / size)
        while start < count {
            let end = min(start + size, count)
            var chunk: [Entry] = []
            chunk.reserveCapacity(end - start)
            for position in start..<end { chunk.append(entry(position)) }
            lasts.append(chunk[chunk.count - 1])
            chunks.append(chunk)
            start = end
        }
    }

    /// Every entry in ascending order.
    var entries: [Entry] { Array(chunks.joined()) }

    mutating func insert(_ value: IndexValue, _ id: RecordID) {
        let entry = Entry(value: value, id: id)
        guard !chunks.isEmpty else {
            chunks = [[entry]]
            lasts = [entry]
            return
        }
        let chunk = min(firstChunk(notBelow: entry), chunks.count - 1)
        let position = Self.firstIndex(in: chunks[chunk], notBelow: entry)
        chunks[chunk].insert(entry, at: position)
        if position == chunks[chunk].count - 1 { lasts[chunk] = entry }
        if chunks[chunk].count > Self.chunkCapacity {
            let upper = Array(chunks[chunk][(Self.chunkCapacity / 2)...])
            chunks[chunk].removeSubrange((Self.chunkCapacity / 2)...)
            lasts[chunk] = chunks[chunk][chunks[chunk].count - 1]
            chunks.insert(upper, at: chunk + 1)
            lasts.insert(upper[upper.count - 1], at: chunk + 1)
        }
    }

    mutating func remove(_ value: IndexValue, _ id: RecordID) {
        let entry = Entry(value: value, id: id)
        let chunk = firstChunk(notBelow: entry)
        guard chunk < chunks.count else { return }
        let position = Self.firstIndex(in: chunks[chunk], notBelow: entry)
        guard position < chunks[chunk].count, chunks[chunk][position].id == id else { return }
        chunks[chunk].remove(at: position)
        if chunks[chunk].isEmpty {
            chunks.remove(at: chunk)
            lasts.remove(at: chunk)
        } else if position == chunks[chunk].count {
            lasts[chunk] = chunks[chunk][position - 1]
        }
    }

    /// Calls `body` with entries in ascending order, starting at the first entry not below `start`
    /// (`nil`: the smallest), until `body` returns `false`.
    func forEachAscending(from start: Entry?, _ body: (Entry) -> Bool) {
        var chunk = start.map { firstChunk(notBelow: $0) } ?? 0
        var position = start.map { chunk < chunks.count ? Self.firstIndex(in: chunks[chunk], notBelow: $0) : 0 } ?? 0
        while chunk < chunks.count {
            let entries = chunks[chunk]
            while position < entries.count {
                if !body(entries[position]) { return }
                position += 1
            }
            chunk += 1
            position = 0
        }
    }

    /// Calls `body` with entries in descending order, starting at the last entry not above `start`
    /// (`nil`: the largest), until `body` returns `false`.
    func forEachDescending(from start: Entry?, _ body: (Entry) -> Bool) {
        var chunk: Int
        var position: Int
        if let start {
            chunk = firstChunk(notBelow: start)
            if chunk < chunks.count {
                position = Self.firstIndex(in: chunks[chunk], notBelow: start)
                if position < chunks[chunk].count, !(start < chunks[chunk][position]) {
                    position += 1
                }
                position -= 1
            } else {
                chunk = chunks.count - 1
                position = chunk >= 0 ? chunks[chunk].count - 1 : -1
            }
        } else {
            chunk = chunks.count - 1
            position = chunk >= 0 ? chunks[chunk].count - 1 : -1
        }
        while chunk >= 0 {
            let entries = chunks[chunk]
            while position >= 0 {
                if !body(entries[position]) { return }
                position -= 1
            }
            chunk -= 1
            if chunk >= 0 { position = chunks[chunk].count - 1 }
        }
    }

    /// The first chunk whose last entry is not below `entry`; `chunks.count` if none.
    private func firstChunk(notBelow entry: Entry) -> Int {
        lasts.partitionPoint { !($0 < entry) }
    }

    private static func firstIndex(in entries: [Entry], notBelow entry: Entry) -> Int {
        entries.partitionPoint { !($0 < entry) }
    }
}
