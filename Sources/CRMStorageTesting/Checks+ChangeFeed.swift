import CRMCore

extension StorageEngineConformance {
    /// The change feed numbers every committed operation from 1 without gaps, in commit order, with kind,
    /// version, principal and time, and records nothing for a failed transaction.
    public func checkChangeFeed() async throws {
        let expect = Expect(area: "changeFeed")
        let engine = try await freshEngine()
        let empty = try await engine.changes(after: 0, limit: 10)
        try expect.equal(empty.count, 0, "a new store has an empty feed")
        let ids = KitIDs()
        var ada = KitPerson(key: ids.person(), name: "Ada")
        let alan = KitPerson(key: ids.person(), name: "Alan")
        let first = try await engine.write([ada.insert, alan.insert])
        ada.age = 37
        try await engine.write([ada.update(expectedVersion: 1)], as: ConformanceFixture.otherWriter)
        try await expect.error(.conflict, "a failed transaction") {
            try await engine.write([ada.update(expectedVersion: 1)])
        }
        let last = try await engine.write([.delete(alan.key, expectedVersion: 1)])

        let feed = try await engine.changes(after: 0, limit: 100)
        try expect.equal(
            feed.map(\.sequence), [1, 2, 3, 4], "sequences start at 1 and have no gaps, even after a failed transaction"
        )
        try expect.equal(feed.map(\.key), [ada.key, alan.key, ada.key, alan.key], "changes are in commit order")
        try expect.equal(feed.map(\.kind), [.insert, .insert, .update, .delete], "each change has its kind")
        try expect.equal(feed.map(\.version), [1, 1, 2, 1], "each change has the record's version")
        try expect.equal(
            feed.map(\.principal),
            [
                ConformanceFixture.writer, ConformanceFixture.writer, ConformanceFixture.otherWriter,
                ConformanceFixture.writer,
            ],
            "each change has its principal")
        try expect.equal(feed[0].committedAt, first.committedAt, "a change has its transaction's commit time")
        try expect.equal(feed[3].committedAt, last.committedAt, "a change has its transaction's commit time")
        try expect.equal(last.sequences, 4...4, "the receipt names the sequences given")

        let tail = try await engine.changes(after: 2, limit: 100)
        try expect.equal(tail.map(\.sequence), [3, 4], "reading after a sequence starts with the next one")
        let limited = try await engine.changes(after: 1, limit: 2)
        try expect.equal(limited.map(\.sequence), [2, 3], "a limit caps the count")
        let unlimited = try await engine.changes(after: 2, limit: .max)
        try expect.equal(unlimited.map(\.sequence), [3, 4], "the largest limit reads to the end")
        let beyond = try await engine.changes(after: 4, limit: 10)
        try expect.equal(beyond.count, 0, "reading after the last sequence returns nothing")
        try await expect.error(.invalidQuery, field: "limit", "a zero limit is refused") {
            try await engine.changes(after: 0, limit: 0)
        }
        try await engine.close()
    }
}
