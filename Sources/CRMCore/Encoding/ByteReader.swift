import Foundation

/// Reads what ``ByteWriter`` wrote; every read checks bounds and throws ``ByteReader/Truncated``.
struct ByteReader {
    /// The input ended, or a length or tag was impossible.
    struct Truncated: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = start
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { offset == end }

    mutating func readByte() throws(Truncated) -> UInt8 {
        guard offset < end else { throw Truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt32() throws(Truncated) -> UInt32 {
        guard end - offset >= 4 else { throw Truncated() }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        offset += 4
        return value
    }

    mutating func readUInt64() throws(Truncated) -> UInt64 {
        guard end - offset >= 8 else { throw Truncated() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func readVarint() throws(Truncated) -> UInt64 {
        // Most lengths and versions fit in one byte.
        if offset < end, bytes[offset] < 0x80 {
            offset += 1
            return UInt64(bytes[offset - 1])
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw Truncated() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readLength() throws(Truncated) -> Int {
        let length = try readVarint()
        guard length <= UInt64(end - offset) else { throw Truncated() }
        return Int(length)
    }

    mutating func readBytes() throws(Truncated) -> [UInt8] {
        let length = try readLength()
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    mutating func readString() throws(Truncated) -> String {
        let length = try readLength()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// Reads a string and says whether it equals `string` byte for byte, without making a `String`.
    mutating func readStringEquals(_ string: String) throws(Truncated) -> Bool {
        let length = try readLength()
        defer { offset += length }
        var expected = string
        return expected.withUTF8 { utf8 in
            utf8.count == length
                && bytes.withUnsafeBufferPointer { all in utf8.elementsEqual(all[offset..<offset + length]) }
        }
    }

    /// Reads a string, returning the equal one of `known` when there is one, so that no new string is made.
    ///
    /// `next` is where in `known` to look first (see ``readKnownString(_:from:)``).
    mutating func readString(preferring known: [String], from next: inout Int) throws(Truncated) -> String {
        if let match = try readKnownString(known, from: &next) { return known[match] }
        return try readString()
    }

    /// Reads a string that equals one of `known` and returns its position there; reads nothing and returns
    /// `nil` when it equals none.
    ///
    /// `next` is where in `known` to look first; it moves past the match, so strings read in the order of
    /// `known` are each matched by one comparison.
    mutating func readKnownString(_ known: [String], from next: inout Int) throws(Truncated) -> Int? {
        let start = offset
        for step in 0..<known.count {
            let candidate = (next + step) % known.count
            if try readStringEquals(known[candidate]) {
                next = candidate + 1
                return candidate
            }
            offset = start
        }
        return nil
    }

    /// Moves past one encoded ``IndexValue``.
    mutating func skipIndexValue() throws(Truncated) {
        switch try readByte() {
        case 0: return
        case 1: try skip(1)
        case 2, 3, 5: try skip(8)
        case 4: try skip(try readLength())
        default: throw Truncated()
        }
    }

    /// Moves past `count` bytes.
    mutating func skip(_ count: Int) throws(Truncated) {
        guard count <= end - offset else { throw Truncated() }
        offset += count
    }

    mutating func readRecordID() throws(Truncated) -> RecordID {
        RecordID(high: try readUInt64(), low: try readUInt64())
    }

    mutating func readDate() throws(Truncated) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(bitPattern: try readUInt64()))
    }

    mutating func readIndexValue() throws(Truncated) -> IndexValue {
        switch try readByte() {
        case 0: return .absent
        case 1: return .bool(try readByte() != 0)
        case 2: return .integer(Int64(bitPattern: try readUInt64()))
        case 3: return .double(Double(bitPattern: try readUInt64()))
        case 4: return .string(try readString())
        case 5: return .date(try readDate())
        default: throw Truncated()
        }
    }
}
