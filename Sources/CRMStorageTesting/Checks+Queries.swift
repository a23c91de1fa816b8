import CRMCore
import Foundation

extension StorageEngineConformance {
    /// Equality, `in`, range and prefix filters, alone and combined, kept current by updates and deletes.
    public func checkQueries() async throws {
        let expect = Expect(area: "queries")
        let engine = try await freshEngine()
        let people = try await Self.seedPeople(engine, count: 60)
        let person = ConformanceFixture.person
        let day = 86_400.0

        let cases: [(String, [QueryFilter], (KitPerson) -> Bool)] = [
            ("equals on a string", [.equals("name", .string("Grace"))], { $0.name == "Grace" }),
            ("equals on an integer", [.equals("age", .integer(40))], { $0.age == 40 }),
            ("equals on a bool", [.equals("active", .bool(false))], { !$0.active }),
            ("equals absent", [.equals("email", .absent)], { $0.email == nil }),
            ("in", [.isIn("age", [.integer(20), .integer(41), .integer(999)])], { [20, 41].contains($0.age) }),
            ("inclusive range", [.range("age", from: .integer(30), to: .integer(40))], { (30...40).contains($0.age) }),
            (
                "exclusive range",
                [
                    .range(
                        "age", from: RangeBound(.integer(30), inclusive: false),
                        to: RangeBound(.integer(40), inclusive: false))
                ],
                { $0.age > 30 && $0.age < 40 }
            ),
            ("open-ended range on a double", [.range("score", from: .double(0.75), to: nil)], { $0.score >= 0.75 }),
            (
                "range below on a date",
                [.range("joined", from: nil, to: .date(Self.epoch.addingTimeInterval(10 * day)))],
                { $0.joined <= Self.epoch.addingTimeInterval(10 * day) }
            ),
            ("prefix", [.prefix("name", "Gr")], { $0.name.hasPrefix("Gr") }),
            ("prefix that matches nothing", [.prefix("name", "Zz")], { _ in false }),
            ("empty prefix", [.prefix("name", "")], { _ in true }),
            (
                "combined filters",
                [.prefix("name", "A"), .range("age", from: .integer(25), to: nil), .equals("active", .bool(true))],
                { $0.name.hasPrefix("A") && $0.age >= 25 && $0.active }
            ),
        ]
        for (name, filters, predicate) in cases {
            let expected = people.filter(predicate).map(\.key.id).sorted()
            let found = try await engine.queryAll(RecordQuery(entity: person, filters: filters)).map(\.key.id)
            try expect.equal(found, expected, "\(name) finds exactly the matching records, by id", input: "\(filters)")
        }

        var moved = people[0]
        moved.name = "Zelda"
        try await engine.write([moved.update(expectedVersion: 1), .delete(people[1].key, expectedVersion: nil)])
        let oldName = try await engine.queryAll(
            RecordQuery(entity: person, filters: [.equals("name", .string(people[0].name))]))
        try expect.that(
            !oldName.contains { $0.key == moved.key }, "an updated record no longer matches its old value",
            expected: "not found", actual: "found")
        let newName = try await engine.queryAll(
            RecordQuery(entity: person, filters: [.equals("name", .string("Zelda"))]))
        try expect.equal(newName.map(\.key), [moved.key], "an updated record matches its new value")
        let deleted = try await engine.queryAll(
            RecordQuery(entity: person, filters: [.equals("name", .string(people[1].name))]))
        try expect.that(
            !deleted.contains { $0.key == people[1].key }, "a deleted record is not found", expected: "not found",
            actual: "found")

        try await expect.error(.invalidQuery, field: "colour", "filtering on an undeclared field fails") {
            try await engine.query(RecordQuery(entity: person, filters: [.equals("colour", .string("red"))]))
        }
        try await expect.error(.invalidQuery, field: "colour", "sorting on an undeclared field fails") {
            try await engine.query(RecordQuery(entity: person, sort: [SortKey("colour")]))
        }
        try await expect.error(.invalidQuery, field: "limit", "a zero limit fails") {
            try await engine.query(RecordQuery(entity: person, limit: 0))
        }
        try await expect.error(.unknownEntity, "querying an unregistered entity fails") {
            try await engine.query(RecordQuery(entity: "kit.unknown"))
        }
        try await engine.close()
    }

    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    /// Inserts `count` people with repeating names, ages and scores (so sorts have ties) and returns them.
    static func seedPeople(_ engine: any StorageEngine, count: Int) async throws -> [KitPerson] {
        let ids = KitIDs()
        let names = ["Ada", "Alan", "Grace", "Greta", "Barbara", "Ada", "Edsger", "Anita", "Grace", "Ken"]
        var people: [KitPerson] = []
        for index in 0..<count {
            let age = Int64(20 + (index * 7) % 25)
            let joined = epoch.addingTimeInterval(Double((index * 5) % 31) * 86_400)
            let email: String? = index % 3 == 0 ? nil : "p\(index)@example.com"
            people.append(
                KitPerson(
                    key: ids.person(), name: names[index % names.count], age: age, score: Double(index % 8) / 8,
                    email: email, joined: joined, active: index % 4 != 0))
        }
        for batch in stride(from: 0, to: people.count, by: 16) {
            try await engine.write(people[batch..<min(batch + 16, people.count)].map { $0.insert })
        }
        return people
    }
}
