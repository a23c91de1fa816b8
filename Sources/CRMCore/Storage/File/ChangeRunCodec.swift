/// The encoding of a run of consecutive changes, as a snapshot's change frames store them: the count, then
/// for each change its sequence, entity, id, kind, version, principal and time.
enum ChangeRunCodec {
    /// How many changes a snapshot puts in one frame: small enough that reading from any sequence number
    /// decodes a few hundred microseconds' worth.
    static let runLength = 1_024

    /// Appends the run to `writer`.
    static func encode(_ changes: ArraySlice<Change>, to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(changes.count))
        for change in changes {
            writer.writeVarint(change.sequence)
            writer.writeString(change.key.entity)
            writer.writeRecordID(change.key.id)
            writer.writeByte(change.kind.rawValue)
            writer.writeVarint(change.version)
            writer.writeString(change.principal.id)
            writer.writeDate(change.committedAt)
        }
    }

    /// The count and first sequence of the run that `body` holds (after its frame tag), reading no further.
    static func peek(_ bytes: [UInt8], body: Range<Int>) throws(ByteReader.Truncated) -> (count: Int, first: UInt64) {
        var reader = ByteReader(bytes, from: body.lowerBound, to: body.upperBound)
        let count = try reader.readLength()
        return (count, count == 0 ? 0 : try reader.readVarint())
    }

    /// The changes of a run, each checked to carry the sequence number it is stored under.
    static func decode(_ run: ChangeFeed.EncodedRun) throws(StorageError) -> [Change] {
        var reader = ByteReader(run.bytes, from: run.body.lowerBound, to: run.body.upperBound)
        do throws(ByteReader.Truncated) {
            let count = try reader.readLength()
            var changes: [Change] = []
            changes.reserveCapacity(count)
            for position in 0..<count {
                let sequence = try reader.readVarint()
                let key = RecordKey(entity: try reader.readString(), id: try reader.readRecordID())
                guard sequence == run.first + UInt64(position), let kind = ChangeKind(rawValue: try reader.readByte())
                else { throw ByteReader.Truncated() }
                let version = try reader.readVarint()
                let principal = Principal(unchecked: try reader.readString())
                changes.append(
                    Change(
                        sequence: sequence, key: key, kind: kind, version: version, principal: principal,
                        committedAt: try reader.readDate()))
            }
            guard count == run.count, reader.isAtEnd else { throw ByteReader.Truncated() }
            return changes
        } catch {
            throw StorageError(
                .corrupted, message: "\(run.origin) is damaged: its changes from sequence \(run.first) cannot be read")
        }
    }
}
