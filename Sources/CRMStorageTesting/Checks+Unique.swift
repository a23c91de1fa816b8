import CRMCore

extension StorageEngineConformance {
    /// Unique indexes refuse a second record with the same value, ignore absent values, and judge a
    /// transaction by its final state.
    public func checkUniqueIndexes() async throws {
        let expect = Expect(area: "uniqueIndexes")
        let engine = try await freshEngine()
        let ids = KitIDs()
        let first = KitPerson(key: ids.person(), name: "One", email: "same@example.com")
        let second = KitPerson(key: ids.person(), name: "Two", email: "same@example.com")
        try await engine.write([first.insert])
        try await expect.error(.uniqueViolation, field: "email", "a second record with a taken value is refused") {
            try await engine.write([second.insert])
        }
        try await expect.error(
            .uniqueViolation, field: "email", "two records with one value in one transaction are refused"
        ) {
            let third = KitPerson(key: ids.person(), name: "Three", email: "new@example.com")
            var fourth = third
            fourth.key = ids.person()
            return try await engine.write([third.insert, fourth.insert])
        }
        let noEmail = (0..<3).map { KitPerson(key: ids.person(), name: "Anonymous \($0)") }
        try await engine.write(noEmail.map(\.insert))
        let anonymous = try await engine.queryAll(
            RecordQuery(entity: ConformanceFixture.person, filters: [.equals("email", .absent)]))
        try expect.equal(anonymous.count, 3, "absent values never conflict")

        var other = KitPerson(key: ids.person(), name: "Other", email: "other@example.com")
        try await engine.write([other.insert])
        other.email = "same@example.com"
        try await expect.error(.uniqueViolation, field: "email", "updating to a taken value is refused") {
            try await engine.write([other.update(expectedVersion: 1)])
        }
        var freed = first
        freed.email = "first-new@example.com"
        try await engine.write([freed.update(expectedVersion: 1), other.update(expectedVersion: 1)])
        let holder = try await engine.queryAll(
            RecordQuery(entity: ConformanceFixture.person, filters: [.equals("email", .string("same@example.com"))]))
        try expect.equal(
            holder.map(\.key), [other.key], "a value freed earlier in a transaction can be taken later in it")
        let replacement = KitPerson(key: ids.person(), name: "Replacement", email: "first-new@example.com")
        try await engine.write([.delete(first.key, expectedVersion: nil), replacement.insert])
        try await expect.error(
            .uniqueViolation, field: "email", "the value of a record changed earlier in a transaction still counts"
        ) {
            var swap = replacement
            swap.email = "other-2@example.com"
            let clash = KitPerson(key: ids.person(), name: "Clash", email: "other-2@example.com")
            return try await engine.write([swap.update(expectedVersion: 1), clash.insert])
        }

        try await engine.register(ConformanceFixture.schemas)
        let strict = try EntitySchema(
            name: ConformanceFixture.person,
            indexes: ConformanceFixture.schemas[0].indexes.map {
                $0.field == "name" ? IndexDefinition("name", unique: true) : $0
            })
        try await engine.write([
            KitPerson(key: ids.person(), name: "Twin").insert, KitPerson(key: ids.person(), name: "Twin").insert,
        ])
        try await expect.error(
            .uniqueViolation, field: "name", "declaring a unique index over duplicate values is refused"
        ) {
            try await engine.register([strict])
        }
        let afterRefusal = try await engine.write([KitPerson(key: ids.person(), name: "Twin").insert])
        try expect.equal(afterRefusal.versions.count, 1, "a refused schema leaves the previous schema in place")
        try await engine.close()
    }
}
