import CRMCore

extension StorageEngineConformance {
    /// Insert, read by id and by many ids, update, delete and the audit fields.
    public func checkRecords() async throws {
        let expect = Expect(area: "records")
        let engine = try await freshEngine()
        let ids = KitIDs()
        let ada = KitPerson(key: ids.person(), name: "Ada", age: 36, email: "ada@example.com")
        let grace = KitPerson(key: ids.person(), name: "Grace", age: 45)
        let missing = ids.person()
        let receipt = try await engine.write([ada.insert, grace.insert])
        try expect.equal(receipt.versions[ada.key], 1, "a new record has version 1")

        let read = try await engine.read(ConformanceFixture.person, id: ada.key.id)
        try expect.equal(read?.payload, ada.payload, "the payload reads back unchanged", input: "\(ada.key)")
        try expect.equal(read?.indexValues, ada.indexValues, "index values read back unchanged", input: "\(ada.key)")
        try expect.equal(read?.version, 1, "read returns the version")
        try expect.equal(read?.createdBy, ConformanceFixture.writer, "the inserting principal is recorded")
        try expect.equal(read?.createdAt, receipt.committedAt, "createdAt is the commit time")

        let many = try await engine.read(ConformanceFixture.person, ids: [grace.key.id, missing.id, ada.key.id])
        try expect.equal(
            many.map(\.key), [grace.key, ada.key], "read by many ids keeps the requested order and omits missing ids")

        var older = grace
        older.age = 46
        try await engine.write([older.update(expectedVersion: 1)], as: ConformanceFixture.otherWriter)
        let updated = try await engine.read(ConformanceFixture.person, id: grace.key.id)
        try expect.equal(updated?.version, 2, "an update increments the version")
        try expect.equal(updated?.value(of: "age"), .integer(46), "an update replaces the index values")
        try expect.equal(updated?.createdBy, ConformanceFixture.writer, "an update keeps createdBy")
        try expect.equal(updated?.updatedBy, ConformanceFixture.otherWriter, "an update records its principal")

        try await engine.write([.delete(ada.key, expectedVersion: 1)])
        let gone = try await engine.read(ConformanceFixture.person, id: ada.key.id)
        try expect.that(
            gone == nil, "a deleted record is gone", input: "\(ada.key)", expected: "nil",
            actual: "\(String(describing: gone))")

        try await expect.error(.alreadyExists, "inserting a taken id fails", input: "\(grace.key)") {
            try await engine.write([grace.insert])
        }
        try await expect.error(.notFound, "updating a missing record fails", input: "\(missing)") {
            try await engine.write([.update(missing, payload: [], expectedVersion: nil)])
        }
        try await expect.error(.notFound, "deleting a missing record fails", input: "\(missing)") {
            try await engine.write([.delete(missing, expectedVersion: nil)])
        }
        try await expect.error(.unknownEntity, "reading an unregistered entity fails", input: "kit.unknown") {
            try await engine.read("kit.unknown", ids: [missing.id])
        }
        try await expect.error(.unknownEntity, "writing an unregistered entity fails", input: "kit.unknown") {
            try await engine.write([.insert(RecordKey(entity: "kit.unknown", id: missing.id), payload: [])])
        }
        try await engine.close()
    }
}
