import Foundation

/// One record as a table keeps it: the fixed-size fields inline, the payload and the index values as one
/// body in the table's ``ByteArena``, the principals as numbers in its ``PrincipalTable``.
///
/// The body is the payload's bytes followed by the index values in the file format's encoding
/// (``RecordCodec``), the same bytes a snapshot stores after the payload's length, so a table opened from a
/// snapshot points into the snapshot it read.
struct RecordRow {
    var id: RecordID
    var version: UInt64
    var createdAt: Date
    var updatedAt: Date
    var createdBy: UInt32
    var updatedBy: UInt32
    var payloadCount: UInt32
    var body: ByteArena.Slice

    /// The body of `record`: its payload, then its index values.
    static func body(of record: StoredRecord) -> [UInt8] {
        var writer = ByteWriter(capacity: record.payload.count + 16 + record.indexValues.count * 24)
        writer.writeRaw(record.payload)
        RecordCodec.writeIndexValues(record.indexValues, to: &writer)
        return writer.bytes
    }
}

extension ByteReader {
    /// Reads encoded index values up to the end and returns the value of `field` (``IndexValue/absent``
    /// when it has none), decoding only that one value.
    mutating func indexValue(of field: String) -> IndexValue {
        checked { reader throws(Truncated) in
            try reader.seekValue(of: field) ? try reader.readIndexValue() : .absent
        }
    }

    /// Reads encoded index values up to the end and says whether `field` has `value`, comparing a string
    /// where it is stored instead of making one.
    mutating func indexValue(of field: String, equals value: IndexValue) -> Bool {
        checked { reader throws(Truncated) in
            guard try reader.seekValue(of: field) else { return value == .absent }
            guard case .string(let expected) = value else { return try reader.readIndexValue() == value }
            guard try reader.readByte() == value.rank else { return false }
            return try reader.readStringEquals(expected)
        }
    }

    /// Moves past the encoded fields before `field` and its name, to its value; `false` when the record has
    /// no value for it.
    private mutating func seekValue(of field: String) throws(Truncated) -> Bool {
        for _ in 0..<(try readLength()) {
            if try readStringEquals(field) { return true }
            try skipIndexValue()
        }
        return false
    }

    /// Runs `read` on a stored record body. The bytes were checked when they were written or read from a
    /// checksummed file, so a malformed body is a programming error.
    private mutating func checked<T>(_ read: (inout ByteReader) throws(Truncated) -> T) -> T {
        do {
            return try read(&self)
        } catch {
            preconditionFailure("a stored record body is malformed")
        }
    }
}
