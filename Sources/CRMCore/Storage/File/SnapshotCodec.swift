import Foundation

/// Writes every record and change of a state as snapshot frames, and reads them back.
///
/// Frames: a begin frame (last sequence, record count, change count), record frames (one entity each,
/// at most about 1 MiB of records), change frames, and an end frame repeating the counts, so that a
/// snapshot missing frames is recognized as damaged.
enum SnapshotCodec {
    private enum Tag: UInt8 {
        case begin = 2
        case records = 3
        case changes = 4
        case end = 5
    }

    private static let frameBudget = 1 << 20

    /// The snapshot's frames, each already framed, in order.
    static func frames(of state: EngineState) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        let changes = state.feed
        var begin = ByteWriter()
        begin.writeByte(Tag.begin.rawValue)
        begin.writeVarint(state.lastSequence)
        begin.writeVarint(UInt64(state.recordCount))
        begin.writeVarint(UInt64(changes.count))
        frames.append(FileFormat.frame(begin.bytes))
        for (entity, table) in state.tables.sorted(by: { $0.key < $1.key }) {
            var batch: [StoredRecord] = []
            var size = 0
            func flush() {
                guard !batch.isEmpty else { return }
                var writer = ByteWriter(capacity: size + 64)
                writer.writeByte(Tag.records.rawValue)
                writer.writeString(entity)
                writer.writeVarint(UInt64(batch.count))
                for record in batch { writeRecord(record, to: &writer) }
                frames.append(FileFormat.frame(writer.bytes))
                batch.removeAll(keepingCapacity: true)
                size = 0
            }
            for record in table.records.values {
                batch.append(record)
                size += record.payload.count + 128
                if size >= frameBudget { flush() }
            }
            flush()
        }
        for start in stride(from: 0, to: changes.count, by: 16_384) {
            var writer = ByteWriter()
            writer.writeByte(Tag.changes.rawValue)
            let slice = changes[start..<min(start + 16_384, changes.count)]
            writer.writeVarint(UInt64(slice.count))
            for change in slice {
                writer.writeVarint(change.sequence)
                writer.writeString(change.key.entity)
                writer.writeRecordID(change.key.id)
                writer.writeByte(change.kind.rawValue)
                writer.writeVarint(change.version)
                writer.writeString(change.principal.id)
                writer.writeDate(change.committedAt)
            }
            frames.append(FileFormat.frame(writer.bytes))
        }
        var end = ByteWriter()
        end.writeByte(Tag.end.rawValue)
        end.writeVarint(UInt64(state.recordCount))
        end.writeVarint(UInt64(changes.count))
        frames.append(FileFormat.frame(end.bytes))
        return frames
    }

    private static func writeRecord(_ record: StoredRecord, to writer: inout ByteWriter) {
        writer.writeRecordID(record.key.id)
        writer.writeVarint(record.version)
        writer.writeDate(record.createdAt)
        writer.writeString(record.createdBy.id)
        writer.writeDate(record.updatedAt)
        writer.writeString(record.updatedBy.id)
        writer.writeBytes(record.payload)
        RecordCodec.writeIndexValues(record.indexValues, to: &writer)
    }

    /// Rebuilds the state from the frame bodies of a snapshot file; throws with the damaged frame's offset.
    static func read(_ bytes: [UInt8], bodies: [Range<Int>], path: String) throws(StorageError) -> EngineState {
        var state = EngineState()
        var expected: (records: Int, changes: Int)?
        var records = 0
        var feed: [Change] = []
        var finished = false
        for body in bodies {
            let offset = body.lowerBound - FileFormat.frameHeaderSize
            func damaged(_ reason: String) -> StorageError {
                StorageError(.corrupted, message: "\(path) is damaged at offset \(offset): \(reason)")
            }
            var reader = ByteReader(bytes, from: body.lowerBound, to: body.upperBound)
            do {
                guard !finished, let tag = Tag(rawValue: try reader.readByte()) else {
                    throw damaged("unexpected frame")
                }
                switch tag {
                case .begin:
                    guard expected == nil else { throw damaged("a second begin frame") }
                    _ = try reader.readVarint()
                    expected = (
                        Int(truncatingIfNeeded: try reader.readVarint()),
                        Int(truncatingIfNeeded: try reader.readVarint())
                    )
                case .records:
                    guard expected != nil else { throw damaged("records before the begin frame") }
                    let entity = try reader.readString()
                    let count = try reader.readLength()
                    var table = state.tables[entity] ?? EntityTable(schema: nil)
                    table.records.reserveCapacity(table.records.count + count)
                    for _ in 0..<count {
                        let record = try readRecord(entity: entity, &reader)
                        table.records[record.key.id] = record
                    }
                    records += count
                    state.tables[entity] = table
                case .changes:
                    let count = try reader.readLength()
                    for _ in 0..<count {
                        let sequence = try reader.readVarint()
                        let key = RecordKey(entity: try reader.readString(), id: try reader.readRecordID())
                        guard let kind = ChangeKind(rawValue: try reader.readByte()) else {
                            throw damaged("unknown change kind")
                        }
                        let version = try reader.readVarint()
                        let principal = Principal(unchecked: try reader.readString())
                        feed.append(
                            Change(
                                sequence: sequence, key: key, kind: kind, version: version, principal: principal,
                                committedAt: try reader.readDate()))
                    }
                case .end:
                    guard let expected, expected.records == Int(truncatingIfNeeded: try reader.readVarint()),
                        expected.changes == Int(truncatingIfNeeded: try reader.readVarint()),
                        expected.records == records,
                        expected.changes == feed.count
                    else { throw damaged("the counts do not match the content") }
                    finished = true
                }
                guard reader.isAtEnd else { throw damaged("trailing bytes in a frame") }
            } catch let error as StorageError {
                throw error
            } catch {
                throw damaged("a frame ends early")
            }
        }
        guard finished else { throw StorageError(.corrupted, message: "\(path) ends before its end frame") }
        for entity in state.tables.keys { state.tables[entity]!.reindex() }
        state.restoreFeed(feed)
        return state
    }

    private static func readRecord(entity: String, _ reader: inout ByteReader) throws(ByteReader.Truncated)
        -> StoredRecord
    {
        let id = try reader.readRecordID()
        let version = try reader.readVarint()
        let createdAt = try reader.readDate()
        let createdBy = Principal(unchecked: try reader.readString())
        let updatedAt = try reader.readDate()
        let updatedBy = Principal(unchecked: try reader.readString())
        let payload = try reader.readBytes()
        let values = try RecordCodec.readIndexValues(&reader)
        return StoredRecord(
            key: RecordKey(entity: entity, id: id), version: version, payload: payload, indexValues: values,
            createdAt: createdAt, createdBy: createdBy, updatedAt: updatedAt, updatedBy: updatedBy)
    }
}
