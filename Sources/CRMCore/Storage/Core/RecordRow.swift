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
    ///
    /// The bytes were checked when they were written or read from a checksummed file, so a malformed body
    /// is a programming error.
    mutating func indexValue(of field: String) -> IndexValue {
        do {
            for _ in 0..<(try readLength()) {
                if try readStringEquals(field) { return try readIndexValue() }
                try skipIndexValue()
            }
            return .absent
        } catch {
            preconditionFailure("a stored record body is malformed")
        }
    }

    /// Reads encoded index values up to the end and says whether `field` has `value`, comparing a string
    /// where it is stored instead of making one.
    mutating func indexValue(of field: String, equals value: IndexValue) -> Bool {
        guard case .string(let expected) = value else { return indexValue(of: field) == value }
        do {
            for _ in 0..<(try readLength()) {
                if try readStringEquals(field) { return try readByte() == value.rank && readStringEquals(expected) }
                try skipIndexValue()
            }
            return false
        } catch {
            preconditionFailure("a stored record body is malformed")
        }
    }
}
