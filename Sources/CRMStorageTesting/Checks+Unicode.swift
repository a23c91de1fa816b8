import CRMCore

extension StorageEngineConformance {
    /// Strings are stored and matched byte for byte (no normalization, no case folding); payloads of any
    /// bytes and of several megabytes come back unchanged.
    public func checkUnicodeAndLargeValues() async throws {
        let expect = Expect(area: "unicodeAndLargeValues")
        let engine = try await freshEngine()
        let ids = KitIDs()
        let names = [
            "é", "e\u{301}", "É", "😀👩🏽‍💻", "", "中文名字", "a\u{0}b", String(repeating: "ß", count: 5_000),
            "'; DROP TABLE x; --",
        ]
        let people = names.map { KitPerson(key: ids.person(), name: $0) }
        try await engine.write(people.map(\.insert))
        for person in people {
            let found = try await engine.queryAll(
                RecordQuery(entity: ConformanceFixture.person, filters: [.equals("name", .string(person.name))]))
            try expect.equal(
                found.map(\.key), [person.key], "equality matches the exact bytes only",
                input: person.name.debugDescription)
            let stored = try await engine.read(ConformanceFixture.person, id: person.key.id)
            try expect.equal(
                stored?.value(of: "name"), .string(person.name), "a string index value reads back byte for byte",
                input: person.name.debugDescription)
        }
        let prefixed = try await engine.queryAll(
            RecordQuery(entity: ConformanceFixture.person, filters: [.prefix("name", "e")]))
        try expect.equal(prefixed.map(\.key), [people[1].key], "a prefix compares bytes: \"e\" does not match \"é\"")

        let allBytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let large = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let binary = ids.note()
        let big = ids.note()
        let nothing = ids.note()
        try await engine.write([
            .insert(binary, payload: allBytes), .insert(big, payload: large), .insert(nothing, payload: []),
        ])
        let read = try await engine.read(ConformanceFixture.note, ids: [binary.id, big.id, nothing.id])
        try expect.equal(read.map(\.payload.count), [allBytes.count, large.count, 0], "payload sizes are kept")
        try expect.that(
            read[0].payload == allBytes, "a payload of arbitrary bytes reads back unchanged", expected: "same bytes",
            actual: "different bytes")
        try expect.that(
            read[1].payload == large, "a 3 MiB payload reads back unchanged", expected: "same bytes",
            actual: "different bytes")
        try await engine.close()
    }
}
