import Foundation

/// Appends the little-endian binary encoding shared by the file format and cursor tokens.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func writeUInt32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Replaces the four bytes at `offset` with `value`, little-endian.
    mutating func overwriteUInt32(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) }
    }

    mutating func writeUInt64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// LEB128: 7 bits per byte, high bit set on all but the last.
    mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func writeRaw(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }

    mutating func writeBytes(_ data: [UInt8]) {
        writeVarint(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func writeString(_ string: String) {
        writeVarint(UInt64(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    mutating func writeRecordID(_ id: RecordID) {
        writeUInt64(id.high)
        writeUInt64(id.low)
    }

    mutating func writeDate(_ date: Date) {
        writeUInt64(date.timeIntervalSinceReferenceDate.bitPattern)
    }

    mutating func writeIndexValue(_ value: IndexValue) {
        writeByte(value.rank)
        switch value {
        case .absent: break
        case .bool(let flag): writeByte(flag ? 1 : 0)
        case .integer(let number): writeUInt64(UInt64(bitPattern: number))
        case .double(let number): writeUInt64(number.bitPattern)
        case .string(let text): writeString(text)
        case .date(let date): writeDate(date)
        }
    }
}
