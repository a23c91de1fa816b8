import CRMCore

extension StorageEngineConformance {
    /// Multi-record transactions apply fully or not at all, and later operations see earlier ones.
    public func checkTransactions() async throws {
        let expect = Expect(area: "transactions")
        let engine = try await freshEngine()
        let ids = KitIDs()
        let alan = KitPerson(key: ids.person(), name: "Alan", email: "alan@example.com")
        let note = ids.note()
        let noteValues: IndexValues = ["person": .string(alan.key.id.string), "rank": .integer(1)]
        let receipt = try await engine.write([alan.insert, .insert(note, payload: [1, 2, 3], indexValues: noteValues)])
        try expect.equal(receipt.versions.count, 2, "a transaction writes records of several entities")
        try expect.equal(
            receipt.sequences.map { Array($0) }, [1, 2], "the change feed numbers each operation of a transaction")

        let snapshot = try await EngineSnapshot(engine)
        let newcomer = KitPerson(key: ids.person(), name: "Barbara", email: "barbara@example.com")
        var renamed = alan
        renamed.name = "Alan M."
        let failing: [(String, [WriteOperation], StorageError.Code)] = [
            (
                "a stale version in the last operation",
                [newcomer.insert, renamed.update(expectedVersion: 1), .delete(note, expectedVersion: 9)], .conflict
            ),
            (
                "a missing record in the middle",
                [newcomer.insert, .delete(ids.note(), expectedVersion: nil), renamed.update(expectedVersion: 1)],
                .notFound
            ),
            (
                "a taken id after other writes", [renamed.update(expectedVersion: 1), newcomer.insert, alan.insert],
                .alreadyExists
            ),
            (
                "an undeclared index field",
                [newcomer.insert, .insert(ids.note(), payload: [], indexValues: ["colour": .string("red")])],
                .invalidIndexValue
            ),
            (
                "a NaN index value",
                [newcomer.insert, .insert(ids.note(), payload: [], indexValues: ["rank": .double(.nan)])],
                .invalidIndexValue
            ),
        ]
        for (name, operations, code) in failing {
            try await expect.error(code, "a transaction with \(name) fails", input: "\(operations.count) operations") {
                try await engine.write(operations)
            }
            let now = try await EngineSnapshot(engine)
            try expect.that(
                now == snapshot, "a transaction with \(name) changes nothing", input: "\(operations.count) operations",
                expected: "\(snapshot)", actual: snapshot.difference(from: now))
        }

        var later = newcomer
        later.age = 31
        let chained = try await engine.write([
            newcomer.insert, later.update(expectedVersion: 1), .delete(note, expectedVersion: 1),
        ])
        try expect.equal(chained.versions[newcomer.key], 2, "an update sees an insert earlier in the same transaction")
        try expect.equal(chained.versions[note], 0, "a receipt reports a deleted record with version 0")
        let stored = try await engine.read(ConformanceFixture.person, id: newcomer.key.id)
        try expect.equal(stored?.value(of: "age"), .integer(31), "the last write to a record in a transaction wins")
        let empty = try await engine.write([])
        try expect.that(
            empty.sequences == nil, "an empty transaction writes nothing", expected: "no sequences",
            actual: "\(String(describing: empty.sequences))")
        try await engine.close()
    }
}

/// Everything observable in the fixture entities: records, query results and the change feed.
struct EngineSnapshot: Equatable, CustomStringConvertible {
    let people: [StoredRecord]
    let notes: [StoredRecord]
    let feed: [Change]
    let byName: [RecordKey]

    init(_ engine: any StorageEngine) async throws {
        people = try await engine.all(ConformanceFixture.person)
        notes = try await engine.all(ConformanceFixture.note)
        feed = try await engine.changes(after: 0, limit: 1_000_000)
        byName = try await engine.queryAll(RecordQuery(entity: ConformanceFixture.person, sort: [SortKey("name")])).map(
            \.key)
    }

    var description: String {
        "\(people.count) people, \(notes.count) notes, \(feed.count) changes"
    }

    /// The first difference from `other`, for failure messages.
    func difference(from other: EngineSnapshot) -> String {
        if let pair = zip(people, other.people).first(where: { $0 != $1 }) {
            return "record \(pair.0) became \(pair.1)"
        }
        if let pair = zip(notes, other.notes).first(where: { $0 != $1 }) { return "record \(pair.0) became \(pair.1)" }
        if let pair = zip(feed, other.feed).first(where: { $0 != $1 }) { return "change \(pair.0) became \(pair.1)" }
        if byName != other.byName { return "the order by name changed" }
        return "\(other)"
    }
}
