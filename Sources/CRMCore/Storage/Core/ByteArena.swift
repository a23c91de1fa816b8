/// Variable-length byte strings packed into a few large buffers, so that a million records cost a few
/// hundred allocations instead of a million: fewer pages for the kernel to hand out, less to free.
///
/// A buffer can be adopted whole, as the file engine adopts the snapshot it read, so that records point
/// into it without a copy. Space given up by ``release(_:)`` is counted; ``isWasteful`` says when
/// copying the live slices into fresh buffers would reclaim more than half.
struct ByteArena {
    /// Where one byte string lives.
    struct Slice {
        var buffer: UInt32
        var count: UInt32
        var offset: Int
    }

    /// The size of a buffer filled by ``append(_:)``; larger strings get a buffer of their own size.
    private static let bufferCapacity = 1 << 20

    private var buffers: [[UInt8]] = []
    /// Buffers below this number were adopted: they are shared with their source and never appended to.
    private var adoptedCount = 0
    /// The bytes of slices still in use.
    private(set) var liveBytes = 0
    /// The bytes of every slice handed out, in use or released.
    private(set) var usedBytes = 0

    /// Whether most of the space held is released: worth copying the live slices (at least 16 MiB held).
    var isWasteful: Bool { usedBytes >= 16 << 20 && liveBytes * 2 < usedBytes }

    /// An arena that starts with a buffer filled elsewhere, buffer number 0, of which slices totalling
    /// `liveBytes` are in use.
    init(adopting bytes: [UInt8], liveBytes: Int) {
        buffers = [bytes]
        adoptedCount = 1
        self.liveBytes = liveBytes
        usedBytes = liveBytes
    }

    /// An empty arena.
    init() {}

    /// Copies `bytes` in and returns where they are.
    mutating func append(_ bytes: [UInt8]) -> Slice {
        let last = buffers.count - 1
        if last < adoptedCount || buffers[last].capacity - buffers[last].count < bytes.count {
            var fresh: [UInt8] = []
            fresh.reserveCapacity(max(Self.bufferCapacity, bytes.count))
            buffers.append(fresh)
        }
        let buffer = buffers.count - 1
        let offset = buffers[buffer].count
        buffers[buffer].append(contentsOf: bytes)
        liveBytes += bytes.count
        usedBytes += bytes.count
        return Slice(buffer: UInt32(buffer), count: UInt32(bytes.count), offset: offset)
    }

    /// Marks a slice's bytes as no longer used.
    mutating func release(_ slice: Slice) {
        liveBytes -= Int(slice.count)
    }

    /// A reader over the slice's bytes.
    func reader(_ slice: Slice) -> ByteReader {
        ByteReader(buffers[Int(slice.buffer)], from: slice.offset, to: slice.offset + Int(slice.count))
    }

    /// The first `count` bytes of the slice, copied out.
    func prefix(_ count: Int, of slice: Slice) -> [UInt8] {
        Array(buffers[Int(slice.buffer)][slice.offset..<(slice.offset + count)])
    }

    /// The slice's bytes, without a copy.
    func bytes(_ slice: Slice) -> ArraySlice<UInt8> {
        buffers[Int(slice.buffer)][slice.offset..<(slice.offset + Int(slice.count))]
    }
}
