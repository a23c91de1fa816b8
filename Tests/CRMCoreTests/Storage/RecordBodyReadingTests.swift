import Testing

@testable import CRMCore

/// Reading the index values a record body stores, the way lookups and reads do it.
@Suite struct RecordBodyReadingTests {
    static let values: IndexValues = [
        "city": .string("Lisbon"), "email": .string("ada.lovelace@example.com"), "score": .integer(42),
    ]

    static func reader() -> ByteReader {
        var writer = ByteWriter()
        RecordCodec.writeIndexValues(values, to: &writer)
        return ByteReader(writer.bytes)
    }

    @Test(arguments: [
        ("email", IndexValue.string("ada.lovelace@example.com"), true),
        ("email", .string("ada.lovelace@example.co"), false),
        ("email", .string("ada.lovelace@example.comm"), false),
        ("email", .string("Lisbon"), false),
        ("city", .string("Lisbon"), true),
        ("score", .integer(42), true),
        ("score", .string("42"), false),
        ("score", .integer(41), false),
        ("phone", .string("Lisbon"), false),
        ("phone", .absent, true),
    ])
    func aStoredValueIsComparedWhereItIs(field: String, value: IndexValue, equal: Bool) {
        var reader = Self.reader()
        #expect(reader.indexValue(of: field, equals: value) == equal)
        var decoding = Self.reader()
        #expect((decoding.indexValue(of: field) == value) == equal)
    }

    @Test(arguments: [["city", "email", "score"], ["score", "email", "city"], ["email"], []])
    func knownNamesAreReusedInAnyOrderAndOthersAreRead(known: [String]) throws {
        var reader = Self.reader()
        let read = try RecordCodec.readIndexValues(&reader, naming: known)
        #expect(read == Self.values)
        #expect(reader.isAtEnd)
    }

    @Test func aStringThatIsNotKnownIsLeftUnread() throws {
        var writer = ByteWriter()
        writer.writeString("phone")
        var reader = ByteReader(writer.bytes)
        var next = 1
        #expect(try reader.readKnownString(["city", "email"], from: &next) == nil)
        #expect(next == 1)
        #expect(try reader.readString() == "phone")
    }
}
