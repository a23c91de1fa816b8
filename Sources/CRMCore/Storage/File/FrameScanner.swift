/// Splits the bytes of a store file into checked frames and says how the file ends.
struct FrameScanner {
    /// How the sequence of valid frames ended.
    enum Ending: Equatable {
        /// Exactly at the end of the file.
        case clean
        /// In an incomplete or damaged last frame with nothing valid after it: an interrupted append.
        case tornTail(offset: Int)
        /// In a damaged frame that has valid frames after it: damage to committed data.
        case corrupted(offset: Int)
    }

    let bytes: [UInt8]
    private(set) var bodies: [Range<Int>] = []
    private(set) var validEnd: Int
    private(set) var ending: Ending = .clean

    /// Scans `bytes` from `start` (just after the header).
    init(_ bytes: [UInt8], from start: Int = FileFormat.headerSize) {
        self.bytes = bytes
        self.validEnd = start
        var offset = start
        while offset < bytes.count {
            guard let body = Self.frame(in: bytes, at: offset) else {
                ending =
                    Self.hasValidFrame(in: bytes, after: offset)
                    ? .corrupted(offset: offset) : .tornTail(offset: offset)
                return
            }
            bodies.append(body)
            offset = body.upperBound
            validEnd = offset
        }
    }

    /// The body range of a complete frame with a matching checksum at `offset`, or `nil`.
    static func frame(in bytes: [UInt8], at offset: Int) -> Range<Int>? {
        guard bytes.count - offset >= FileFormat.frameHeaderSize else { return nil }
        guard bytes[offset..<offset + 4].elementsEqual(FileFormat.frameMarker) else { return nil }
        var reader = ByteReader(bytes, from: offset + 4)
        guard let length = try? reader.readUInt32(), let checksum = try? reader.readUInt32() else { return nil }
        let start = offset + FileFormat.frameHeaderSize
        guard Int(length) <= bytes.count - start else { return nil }
        let body = start..<start + Int(length)
        guard FileFormat.frameChecksum(length: length, body: bytes[body]) == checksum else { return nil }
        return body
    }

    /// Whether any valid frame starts after `offset`: tells damage in the middle from a torn tail.
    private static func hasValidFrame(in bytes: [UInt8], after offset: Int) -> Bool {
        var position = offset + 1
        let marker = FileFormat.frameMarker
        while position + FileFormat.frameHeaderSize <= bytes.count {
            if bytes[position] == marker[0], bytes[position + 1] == marker[1], bytes[position + 2] == marker[2],
                bytes[position + 3] == marker[3], frame(in: bytes, at: position) != nil
            {
                return true
            }
            position += 1
        }
        return false
    }
}
