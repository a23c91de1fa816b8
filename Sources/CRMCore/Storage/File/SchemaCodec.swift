/// Encodes registered schemas as a frame body (tag `6`), in the log when they change and in snapshots, so
/// that a reopened store rebuilds its indexes before anyone registers again.
enum SchemaCodec {
    static let tag: UInt8 = 6

    static func encode(_ schemas: [EntitySchema]) -> [UInt8] {
        var writer = ByteWriter()
        writer.writeByte(tag)
        writer.writeVarint(UInt64(schemas.count))
        for schema in schemas {
            writer.writeString(schema.name)
            writer.writeVarint(UInt64(schema.indexes.count))
            for index in schema.indexes {
                writer.writeString(index.field)
                writer.writeByte(index.unique ? 1 : 0)
            }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], body: Range<Int>) throws(ByteReader.Truncated) -> [EntitySchema] {
        var reader = ByteReader(bytes, from: body.lowerBound, to: body.upperBound)
        guard try reader.readByte() == tag else { throw ByteReader.Truncated() }
        var schemas: [EntitySchema] = []
        for _ in 0..<(try reader.readLength()) {
            let name = try reader.readString()
            var indexes: [IndexDefinition] = []
            for _ in 0..<(try reader.readLength()) {
                indexes.append(IndexDefinition(try reader.readString(), unique: try reader.readByte() == 1))
            }
            guard let schema = try? EntitySchema(name: name, indexes: indexes) else { throw ByteReader.Truncated() }
            schemas.append(schema)
        }
        guard reader.isAtEnd else { throw ByteReader.Truncated() }
        return schemas
    }
}
