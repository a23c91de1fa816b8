import Foundation

/// Encodes a ``CommitPlan`` as the body of one log frame, and reads it back.
///
/// Body: tag `1`, first sequence, commit time, principal, the writes (each record's full state after the
/// transaction, or a deletion mark), then the changes as (write index, kind, version).
enum CommitCodec {
    static let tag: UInt8 = 1

    static func encode(_ plan: CommitPlan) -> [UInt8] {
        var writer = ByteWriter(capacity: 128 + plan.writes.reduce(0) { $0 + ($1.after?.payload.count ?? 0) + 96 })
        writer.writeByte(tag)
        writer.writeVarint(plan.changes.first?.sequence ?? 0)
        writer.writeDate(plan.committedAt)
        writer.writeString(plan.principal.id)
        writer.writeVarint(UInt64(plan.writes.count))
        for write in plan.writes {
            writer.writeString(write.key.entity)
            writer.writeRecordID(write.key.id)
            guard let record = write.after else {
                writer.writeByte(0)
                continue
            }
            writer.writeByte(1)
            writer.writeVarint(record.version)
            writer.writeDate(record.createdAt)
            writer.writeString(record.createdBy.id)
            writer.writeBytes(record.payload)
            RecordCodec.writeIndexValues(record.indexValues, to: &writer)
        }
        writer.writeVarint(UInt64(plan.changes.count))
        // A record written once has its change at the position of its write; only a transaction that writes
        // a record twice needs the map from key to write.
        var positions: [RecordKey: Int]?
        for (number, change) in plan.changes.enumerated() {
            var position = number
            if number >= plan.writes.count || plan.writes[number].key != change.key {
                if positions == nil {
                    positions = Dictionary(uniqueKeysWithValues: plan.writes.enumerated().map { ($1.key, $0) })
                }
                position = positions![change.key]!
            }
            writer.writeVarint(UInt64(position))
            writer.writeByte(change.kind.rawValue)
            writer.writeVarint(change.version)
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], body: Range<Int>) throws(ByteReader.Truncated) -> CommitPlan {
        var reader = ByteReader(bytes, from: body.lowerBound, to: body.upperBound)
        guard try reader.readByte() == tag else { throw ByteReader.Truncated() }
        let firstSequence = try reader.readVarint()
        let time = try reader.readDate()
        let principal = Principal(unchecked: try reader.readString())
        let writeCount = try reader.readLength()
        var writes: [CommitPlan.Write] = []
        writes.reserveCapacity(writeCount)
        for _ in 0..<writeCount {
            let key = RecordKey(entity: try reader.readString(), id: try reader.readRecordID())
            switch try reader.readByte() {
            case 0:
                writes.append(CommitPlan.Write(key: key, after: nil))
            case 1:
                let version = try reader.readVarint()
                let createdAt = try reader.readDate()
                let createdBy = Principal(unchecked: try reader.readString())
                let payload = try reader.readBytes()
                let values = try RecordCodec.readIndexValues(&reader)
                let record = StoredRecord(
                    key: key, version: version, payload: payload, indexValues: values, createdAt: createdAt,
                    createdBy: createdBy, updatedAt: time, updatedBy: principal)
                writes.append(CommitPlan.Write(key: key, after: record))
            default:
                throw ByteReader.Truncated()
            }
        }
        let changeCount = try reader.readLength()
        var changes: [Change] = []
        changes.reserveCapacity(changeCount)
        for index in 0..<changeCount {
            let position = Int(try reader.readVarint())
            guard position < writes.count, let kind = ChangeKind(rawValue: try reader.readByte()) else {
                throw ByteReader.Truncated()
            }
            changes.append(
                Change(
                    sequence: firstSequence + UInt64(index), key: writes[position].key, kind: kind,
                    version: try reader.readVarint(), principal: principal, committedAt: time))
        }
        guard reader.isAtEnd else { throw ByteReader.Truncated() }
        return CommitPlan(writes: writes, changes: changes, committedAt: time, principal: principal)
    }
}

/// The encodings of record parts shared by the log and the snapshot.
enum RecordCodec {
    static func writeIndexValues(_ values: IndexValues, to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(values.count))
        for element in values {
            writer.writeString(element.field)
            writer.writeIndexValue(element.value)
        }
    }

    /// Reads encoded index values; a field named in `naming` takes that string instead of a new one (names
    /// given in ascending order, the order they are stored in, are matched with one comparison each).
    static func readIndexValues(_ reader: inout ByteReader, naming known: [String] = []) throws(ByteReader.Truncated)
        -> IndexValues
    {
        let count = try reader.readLength()
        var elements: [IndexValues.Element] = []
        elements.reserveCapacity(count)
        var next = 0
        for _ in 0..<count {
            let field = try reader.readString(preferring: known, from: &next)
            elements.append(IndexValues.Element(field: field, value: try reader.readIndexValue()))
        }
        return IndexValues(sortedFields: elements)
    }
}
