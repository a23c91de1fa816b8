import CRMCore

extension StorageEngineConformance {
    /// Everything committed is there after closing and reopening: records, versions, audit fields, the
    /// change feed, query order and unique constraints. Passes trivially when the kit has no `reopen`.
    public func checkPersistence() async throws {
        guard let reopen else { return }
        let expect = Expect(area: "persistence")
        var engine = try await freshEngine()
        let people = try await Self.seedPeople(engine, count: 40)
        var changed = people[3]
        changed.age = 99
        try await engine.write(
            [changed.update(expectedVersion: 1), .delete(people[4].key, expectedVersion: 1)],
            as: ConformanceFixture.otherWriter)
        let payload = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let note = RecordKey(entity: ConformanceFixture.note, id: KitIDs().next())
        try await engine.write([.insert(note, payload: payload, indexValues: ["rank": .integer(5)])])
        let before = try await EngineSnapshot(engine)

        for round in 1...2 {
            engine = try await reopen(engine)
            try await engine.register(ConformanceFixture.schemas)
            let after = try await EngineSnapshot(engine)
            try expect.that(
                after == before, "a reopened store holds exactly what was committed", input: "reopen #\(round)",
                expected: "\(before)", actual: before.difference(from: after))
        }
        try await expect.error(.uniqueViolation, field: "email", "unique constraints hold after reopening") {
            try await engine.write([KitPerson(key: KitIDs().person(), name: "Copy", email: people[1].email).insert])
        }
        let receipt = try await engine.write([changed.update(expectedVersion: 2)])
        try expect.equal(
            receipt.sequences, UInt64(before.feed.count + 1)...UInt64(before.feed.count + 1),
            "the feed continues after reopening")
        engine = try await reopen(engine)
        try await engine.register(ConformanceFixture.schemas)
        let last = try await engine.read(ConformanceFixture.person, id: changed.key.id)
        try expect.equal(last?.version, 3, "a write after reopening is kept by the next reopen")
        try await engine.close()
    }
}
