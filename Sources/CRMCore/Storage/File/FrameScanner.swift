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
    ///
    /// The frames are found one after another by their lengths, then their checksums are computed on all
    /// cores; the first frame that is incomplete or fails its checksum ends the valid sequence.
    init(_ bytes: [UInt8], from start: Int = FileFormat.headerSize) {
        self.bytes = bytes
        var candidates: [(body: Range<Int>, checksum: UInt32)] = []
        var offset = start
        while offset < bytes.count, let candidate = Self.unverifiedFrame(in: bytes, at: offset) {
            candidates.append(candidate)
            offset = candidate.body.upperBound
        }
        let sound = parallelArray(candidates.count, parts: candidates.count >= 64 ? 2 : 1) { [candidates] index in
            let (body, checksum) = candidates[index]
            return FileFormat.frameChecksum(length: UInt32(body.count), body: bytes[body]) == checksum
        }
        let valid = sound.firstIndex(of: false) ?? candidates.count
        bodies = candidates[..<valid].map(\.body)
        validEnd = bodies.last?.upperBound ?? start
        if validEnd < bytes.count {
            ending =
                Self.hasValidFrame(in: bytes, after: validEnd)
                ? .corrupted(offset: validEnd) : .tornTail(offset: validEnd)
        }
    }

    /// The body range of a complete frame with a matching checksum at `offset`, or `nil`.
    static func frame(in bytes: [UInt8], at offset: Int) -> Range<Int>? {
        guard let (body, checksum) = unverifiedFrame(in: bytes, at: offset),
            FileFormat.frameChecksum(length: UInt32(body.count), body: bytes[body]) == checksum
        else { return nil }
        return body
    }

    /// The body range and stored checksum of a complete frame at `offset`, checksum not yet verified.
    private static func unverifiedFrame(in bytes: [UInt8], at offset: Int) -> (body: Range<Int>, checksum: UInt32)? {
        guard bytes.count - offset >= FileFormat.frameHeaderSize else { return nil }
        guard bytes[offset..<offset + 4].elementsEqual(FileFormat.frameMarker) else { return nil }
        var reader = ByteReader(bytes, from: offset + 4)
        guard let length = try? reader.readUInt32(), let checksum = try? reader.readUInt32() else { return nil }
        let start = offset + FileFormat.frameHeaderSize
        guard Int(length) <= bytes.count - start else { return nil }
        return (start..<start + Int(length), checksum)
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
