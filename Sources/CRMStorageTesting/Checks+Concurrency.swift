import CRMCore

extension StorageEngineConformance {
    /// Many tasks doing read-modify-write on shared records with version checks lose no update; concurrent
    /// inserts all land and the change feed stays gapless.
    public func checkConcurrency() async throws {
        let expect = Expect(area: "concurrency")
        let engine = try await freshEngine()
        let ids = KitIDs()
        let counters = (0..<2).map { _ in KitPerson(key: ids.person(), name: "counter", age: 0) }
        try await engine.write(counters.map(\.insert))
        let tasks = 8
        let incrementsPerTask = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                let counter = counters[task % counters.count]
                group.addTask {
                    for _ in 0..<incrementsPerTask {
                        try await Self.increment(counter.key, in: engine)
                    }
                }
                group.addTask {
                    let people = (0..<10).map { KitPerson(key: ids.person(), name: "task \(task) person \($0)") }
                    for person in people { try await engine.write([person.insert]) }
                }
            }
            try await group.waitForAll()
        }
        let final = try await engine.read(ConformanceFixture.person, ids: counters.map(\.key.id))
        let total = final.compactMap { $0.value(of: "age").integerValue }.reduce(0, +)
        try expect.equal(total, Int64(tasks * incrementsPerTask), "concurrent read-modify-write loses no update")
        try expect.equal(
            final.map(\.version).reduce(0, +), UInt64(tasks * incrementsPerTask + 2), "each increment is one version")
        let inserted = try await engine.queryAll(
            RecordQuery(entity: ConformanceFixture.person, filters: [.prefix("name", "task ")]))
        try expect.equal(inserted.count, tasks * 10, "every concurrent insert is stored")
        let feed = try await engine.changes(after: 0, limit: 100_000)
        try expect.equal(
            feed.map(\.sequence), Array(1...UInt64(feed.count)), "concurrent commits leave no gap in the feed")
        try expect.equal(feed.count, 2 + tasks * incrementsPerTask + tasks * 10, "every commit is in the feed")
        try await engine.close()
    }

    /// Adds one to a counter's `age`, retrying on conflict as an application would.
    private static func increment(_ key: RecordKey, in engine: any StorageEngine) async throws {
        for _ in 0..<10_000 {
            guard let record = try await engine.read(key.entity, id: key.id) else {
                throw ConformanceFailure(
                    check: "concurrency: counter exists", input: "\(key)", expected: "a record", actual: "nil")
            }
            let next = (record.value(of: "age").integerValue ?? 0) + 1
            var values = record.indexValues
            values["age"] = .integer(next)
            // Let other tasks read the same version before this one writes, as real work between the two would.
            await Task.yield()
            do {
                try await engine.write([
                    .update(key, payload: record.payload, indexValues: values, expectedVersion: record.version)
                ])
                return
            } catch let error as StorageError where error.code == .conflict {
                await Task.yield()
            }
        }
        throw ConformanceFailure(
            check: "concurrency: an increment eventually commits", input: "\(key)", expected: "success",
            actual: "10,000 conflicts")
    }
}
