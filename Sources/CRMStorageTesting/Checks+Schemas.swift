import CRMCore

extension StorageEngineConformance {
    /// A schema may gain and lose indexed fields over time: records written before a field was declared
    /// have no value for it, a dropped field can no longer be written or queried, values written while a
    /// field was declared are indexed again when it comes back, and the schema in force survives reopening.
    public func checkSchemaChanges() async throws {
        let expect = Expect(area: "schemaChanges")
        var engine = try await freshEngine()
        let ids = KitIDs()
        let old = KitPerson(key: ids.person(), name: "Before")
        try await engine.write([old.insert])

        let base = ConformanceFixture.schemas[0]
        let widened = try EntitySchema(name: base.name, indexes: base.indexes + [IndexDefinition("nickname")])
        try await engine.register([widened])
        let nicknamed = RecordKey(entity: base.name, id: ids.next())
        try await engine.write([
            .insert(nicknamed, payload: [1], indexValues: ["name": .string("After"), "nickname": .string("Ace")])
        ])
        let absent = try await engine.queryAll(
            RecordQuery(entity: base.name, filters: [.equals("nickname", .absent)]))
        try expect.equal(
            absent.map(\.key), [old.key], "a record written before a field was declared has no value for it")
        let found = try await engine.queryAll(
            RecordQuery(entity: base.name, filters: [.prefix("nickname", "A")], sort: [SortKey("nickname")]))
        try expect.equal(found.map(\.key), [nicknamed], "a field declared later is queryable")

        if let reopen {
            engine = try await reopen(engine)
            let again = try await engine.queryAll(
                RecordQuery(entity: base.name, filters: [.equals("nickname", .string("Ace"))]))
            try expect.equal(again.map(\.key), [nicknamed], "a widened schema is in force after reopening")
        }

        try await engine.register([base])
        try await expect.error(.invalidQuery, field: "nickname", "a dropped field cannot be queried") {
            try await engine.query(RecordQuery(entity: base.name, filters: [.equals("nickname", .string("Ace"))]))
        }
        try await expect.error(.invalidIndexValue, field: "nickname", "a dropped field cannot be written") {
            try await engine.write([
                .insert(ids.person(), payload: [2], indexValues: ["name": .string("Late"), "nickname": .string("Zed")])
            ])
        }
        try await engine.register([widened])
        let restored = try await engine.queryAll(
            RecordQuery(entity: base.name, filters: [.equals("nickname", .string("Ace"))]))
        try expect.equal(
            restored.map(\.key), [nicknamed], "values written while a field was declared come back with it")
        try await engine.close()
    }
}
