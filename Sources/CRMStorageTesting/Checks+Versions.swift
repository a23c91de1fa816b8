import CRMCore

extension StorageEngineConformance {
    /// Versions grow by one per update; a stale expected version fails and changes nothing.
    public func checkVersionsAndConflicts() async throws {
        let expect = Expect(area: "versionsAndConflicts")
        let engine = try await freshEngine()
        let ids = KitIDs()
        var person = KitPerson(key: ids.person(), name: "Linus", age: 20)
        try await engine.write([person.insert])
        for version in UInt64(1)...5 {
            person.age += 1
            let receipt = try await engine.write([person.update(expectedVersion: version)])
            try expect.equal(receipt.versions[person.key], version + 1, "each update increments the version by one")
        }
        let before = try await engine.read(ConformanceFixture.person, id: person.key.id)
        var stale = person
        stale.age = 99
        try await expect.error(.conflict, "an update with a stale version is refused", input: "expected 3, stored 6") {
            try await engine.write([stale.update(expectedVersion: 3)])
        }
        try await expect.error(.conflict, "an update with a future version is refused", input: "expected 7, stored 6") {
            try await engine.write([stale.update(expectedVersion: 7)])
        }
        try await expect.error(.conflict, "a delete with a stale version is refused", input: "expected 5, stored 6") {
            try await engine.write([.delete(person.key, expectedVersion: 5)])
        }
        let after = try await engine.read(ConformanceFixture.person, id: person.key.id)
        try expect.equal(after, before, "a refused write leaves the record as it was")
        let unchecked = try await engine.write([stale.update(expectedVersion: nil)])
        try expect.equal(unchecked.versions[person.key], 7, "an update without an expected version applies")
        try await engine.close()
    }
}
