import Foundation

/// Writes every record and change of a state as snapshot frames, and reads them back.
///
/// Frames: a begin frame (last sequence, record count, change count), the registered schemas, record
/// frames (one entity each, records in id order, at most about 1 MiB each), index-order frames (for each
/// indexed field, the positions of the entity's records in that index's order, so that opening rebuilds
/// indexes without sorting), change frames, and an end frame repeating the counts, so that a snapshot
/// missing frames is recognized as damaged.
enum SnapshotCodec {
    private enum Tag: UInt8 {
        case begin = 2
        case records = 3
        case changes = 4
        case end = 5
        case order = 7
    }

    private static let frameBudget = 1 << 20

    /// Passes the snapshot's frames, each already framed, to `emit` in order, so a large store is written
    /// without holding its whole snapshot in memory.
    static func forEachFrame(of state: EngineState, _ emit: ([UInt8]) throws(IOFailure) -> Void) throws(IOFailure) {
        var begin = ByteWriter()
        begin.writeByte(Tag.begin.rawValue)
        begin.writeVarint(state.lastSequence)
        begin.writeVarint(UInt64(state.recordCount))
        begin.writeVarint(UInt64(state.feed.count))
        try emit(FileFormat.frame(begin.bytes))
        try emit(FileFormat.frame(SchemaCodec.encode(state.schemas)))
        for (entity, table) in state.tables.sorted(by: { $0.key < $1.key }) {
            let order = table.positionsInIDOrder()
            var start = 0
            while start < order.count {
                // As many records as fit the budget, so that the frame's count is known before it is written.
                var end = start
                var size = 0
                while end < order.count, size < frameBudget {
                    let parts = table.storedParts(at: order[end])
                    size += parts.body.count + parts.createdBy.id.utf8.count + parts.updatedBy.id.utf8.count + 64
                    end += 1
                }
                try emit(
                    FileFormat.frame(capacity: size + 64) { writer in
                        writer.writeByte(Tag.records.rawValue)
                        writer.writeString(entity)
                        writer.writeVarint(UInt64(end - start))
                        for position in order[start..<end] {
                            let (row, createdBy, updatedBy, body) = table.storedParts(at: position)
                            writer.writeRecordID(row.id)
                            writer.writeVarint(row.version)
                            writer.writeDate(row.createdAt)
                            writer.writeString(createdBy.id)
                            writer.writeDate(row.updatedAt)
                            writer.writeString(updatedBy.id)
                            writer.writeVarint(UInt64(row.payloadCount))
                            writer.writeRaw(body)
                        }
                    })
                start = end
            }
            for frame in orderFrames(entity: entity, table: table, idOrder: order) { try emit(frame) }
        }
        try state.feed.forEachRun(
            encoded: { run throws(IOFailure) in
                var writer = ByteWriter(capacity: run.body.count + 1)
                writer.writeByte(Tag.changes.rawValue)
                writer.writeRaw(run.bytes[run.body])
                try emit(FileFormat.frame(writer.bytes))
            },
            decoded: { changes throws(IOFailure) in
                var writer = ByteWriter(capacity: changes.count * 64)
                writer.writeByte(Tag.changes.rawValue)
                ChangeRunCodec.encode(changes, to: &writer)
                try emit(FileFormat.frame(writer.bytes))
            })
        var end = ByteWriter()
        end.writeByte(Tag.end.rawValue)
        end.writeVarint(UInt64(state.recordCount))
        end.writeVarint(UInt64(state.feed.count))
        try emit(FileFormat.frame(end.bytes))
    }

    /// For each indexed field, the positions (in id order) of the records in the index's order.
    private static func orderFrames(entity: String, table: EntityTable, idOrder: [Int]) -> [[UInt8]] {
        guard let schema = table.schema, !idOrder.isEmpty else { return [] }
        // The rank in id order of the record at each row position.
        var rank = [Int](repeating: 0, count: idOrder.count)
        for (number, position) in idOrder.enumerated() { rank[position] = number }
        return schema.indexes.compactMap { definition in
            guard let index = table.index(of: definition.field) else { return nil }
            return FileFormat.frame(capacity: idOrder.count * 3 + 64) { writer in
                writer.writeByte(Tag.order.rawValue)
                writer.writeString(entity)
                writer.writeString(definition.field)
                writer.writeVarint(UInt64(idOrder.count))
                index.forEachAscending(from: nil) { entry in
                    writer.writeVarint(UInt64(rank[table.position(of: entry.id)!]))
                    return true
                }
            }
        }
    }

    /// One decoded snapshot frame.
    private enum Frame: Sendable {
        case begin(records: Int, changes: Int)
        case schemas([EntitySchema])
        case records(entity: String, [RecordRow], principals: [Principal])
        case order(entity: String, field: String, [Int])
        case changes(ChangeFeed.EncodedRun)
        case end(records: Int, changes: Int)
    }

    /// Rebuilds the state from the frame bodies of a snapshot file; throws with the damaged frame's offset.
    ///
    /// Frames are decoded on all cores, then assembled in file order; indexes come from the stored orders.
    static func read(_ bytes: [UInt8], bodies: [Range<Int>], path: String) throws(StorageError) -> EngineState {
        let frames: [Frame]
        do {
            frames = try parallelMap(bodies.count) { index in try decodeFrame(bytes, body: bodies[index], path: path) }
        } catch {
            throw error as! StorageError
        }
        func damaged(_ index: Int, _ reason: String) -> StorageError {
            let offset = bodies[index].lowerBound - FileFormat.frameHeaderSize
            return StorageError(.corrupted, message: "\(path) is damaged at offset \(offset): \(reason)")
        }
        guard case .begin(let expectedRecords, let expectedChanges) = frames.first else {
            throw StorageError(.corrupted, message: "\(path) does not start with a begin frame")
        }
        var schemas: [String: EntitySchema] = [:]
        var records: [String: [RecordRow]] = [:]
        var principals: [String: PrincipalTable] = [:]
        var orders: [String: [String: [Int]]] = [:]
        var runs: [ChangeFeed.EncodedRun] = []
        var changeCount = 0
        var finished = false
        // Each entity's rows are gathered into one array, made at its full size so that it is never regrown.
        var totals: [String: Int] = [:]
        for case .records(let entity, let batch, _) in frames { totals[entity, default: 0] += batch.count }
        for (entity, total) in totals { records[entity, default: []].reserveCapacity(total) }
        for (index, frame) in frames.enumerated().dropFirst() {
            guard !finished else { throw damaged(index, "a frame after the end frame") }
            switch frame {
            case .begin:
                throw damaged(index, "a second begin frame")
            case .schemas(let decoded):
                for schema in decoded { schemas[schema.name] = schema }
            case .records(let entity, var batch, let named):
                var table = principals.removeValue(forKey: entity) ?? PrincipalTable()
                let numbers = named.map { table.number(of: $0) }
                if !numbers.elementsEqual(0..<UInt32(numbers.count)) {
                    for position in batch.indices {
                        batch[position].createdBy = numbers[Int(batch[position].createdBy)]
                        batch[position].updatedBy = numbers[Int(batch[position].updatedBy)]
                    }
                }
                principals[entity] = table
                records[entity, default: []].append(contentsOf: batch)
            case .order(let entity, let field, let order):
                let total = records[entity]?.count ?? 0
                guard order.count == total, order.allSatisfy({ $0 < total }) else {
                    throw damaged(index, "an index order that does not match the records")
                }
                orders[entity, default: [:]][field] = order
            case .changes(let run):
                guard run.count == 0 || run.first == UInt64(changeCount + 1) else {
                    throw damaged(index, "changes from sequence \(run.first) where \(changeCount + 1) belongs")
                }
                changeCount += run.count
                if run.count > 0 { runs.append(run) }
            case .end(let records, let changes):
                guard records == expectedRecords, changes == expectedChanges else {
                    throw damaged(index, "the end frame's counts differ from the begin frame's")
                }
                finished = true
            }
        }
        let recordCount = records.values.reduce(0) { $0 + $1.count }
        guard finished, recordCount == expectedRecords, changeCount == expectedChanges else {
            throw StorageError(.corrupted, message: "\(path) is incomplete: its counts do not match its content")
        }
        var state = EngineState()
        for entity in Set(records.keys).union(schemas.keys) {
            let rows = records[entity] ?? []
            let bodies = ByteArena(adopting: bytes, liveBytes: rows.reduce(0) { $0 + Int($1.body.count) })
            state.tables[entity] = EntityTable(
                entity: entity, schema: schemas[entity], rows: rows, bodies: bodies,
                principals: principals[entity] ?? PrincipalTable(), orders: orders[entity] ?? [:])
        }
        state.restoreFeed(ChangeFeed(runs: runs))
        return state
    }

    private static func decodeFrame(_ bytes: [UInt8], body: Range<Int>, path: String) throws(StorageError) -> Frame {
        let offset = body.lowerBound - FileFormat.frameHeaderSize
        func damaged(_ reason: String) -> StorageError {
            StorageError(.corrupted, message: "\(path) is damaged at offset \(offset): \(reason)")
        }
        if bytes[body.lowerBound] == SchemaCodec.tag {
            guard let schemas = try? SchemaCodec.decode(bytes, body: body) else { throw damaged("unreadable schemas") }
            return .schemas(schemas)
        }
        var reader = ByteReader(bytes, from: body.lowerBound, to: body.upperBound)
        do {
            guard let tag = Tag(rawValue: try reader.readByte()) else { throw damaged("unknown frame") }
            let frame: Frame
            switch tag {
            case .begin:
                _ = try reader.readVarint()
                frame = .begin(
                    records: Int(truncatingIfNeeded: try reader.readVarint()),
                    changes: Int(truncatingIfNeeded: try reader.readVarint()))
            case .records:
                let entity = try reader.readString()
                let count = try reader.readLength()
                var batch: [RecordRow] = []
                batch.reserveCapacity(count)
                var principals = PrincipalTable()
                for _ in 0..<count { batch.append(try readRow(&reader, principals: &principals)) }
                frame = .records(entity: entity, batch, principals: principals.principals)
            case .order:
                let entity = try reader.readString()
                let field = try reader.readString()
                let count = try reader.readLength()
                var order: [Int] = []
                order.reserveCapacity(count)
                for _ in 0..<count {
                    order.append(Int(truncatingIfNeeded: try reader.readVarint()))
                }
                frame = .order(entity: entity, field: field, order)
            case .changes:
                let (count, first) = try ChangeRunCodec.peek(bytes, body: (body.lowerBound + 1)..<body.upperBound)
                frame = .changes(
                    ChangeFeed.EncodedRun(
                        bytes: bytes, body: (body.lowerBound + 1)..<body.upperBound, first: first, count: count,
                        origin: "\(path) at offset \(offset)"))
                reader = ByteReader(bytes, from: body.upperBound, to: body.upperBound)
            case .end:
                frame = .end(
                    records: Int(truncatingIfNeeded: try reader.readVarint()),
                    changes: Int(truncatingIfNeeded: try reader.readVarint()))
            }
            guard reader.isAtEnd else { throw damaged("trailing bytes in a frame") }
            return frame
        } catch let error as StorageError {
            throw error
        } catch {
            throw damaged("a frame ends early")
        }
    }

    /// One record's row; its body stays where it is, in buffer 0 of the table's arena (the snapshot).
    private static func readRow(_ reader: inout ByteReader, principals: inout PrincipalTable) throws(ByteReader
        .Truncated) -> RecordRow
    {
        let id = try reader.readRecordID()
        let version = try reader.readVarint()
        let createdAt = try reader.readDate()
        let createdBy = principals.number(of: Principal(unchecked: try reader.readString()))
        let updatedAt = try reader.readDate()
        let updatedBy = principals.number(of: Principal(unchecked: try reader.readString()))
        let payloadCount = try reader.readLength()
        let start = reader.offset
        try reader.skip(payloadCount)
        for _ in 0..<(try reader.readLength()) {
            try reader.skip(try reader.readLength())
            try reader.skipIndexValue()
        }
        return RecordRow(
            id: id, version: version, createdAt: createdAt, updatedAt: updatedAt, createdBy: createdBy,
            updatedBy: updatedBy, payloadCount: UInt32(payloadCount),
            body: ByteArena.Slice(buffer: 0, count: UInt32(reader.offset - start), offset: start))
    }
}
