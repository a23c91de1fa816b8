import CRMCore
import Foundation

extension StorageEngineConformance {
    /// Sort orders with ties, the total order of index values across kinds, and keyset paging that neither
    /// skips nor repeats records, even when records are inserted between pages.
    public func checkSortAndPaging() async throws {
        let expect = Expect(area: "sortAndPaging")
        let engine = try await freshEngine()
        let people = try await Self.seedPeople(engine, count: 75)
        let person = ConformanceFixture.person
        let stored = try await engine.all(person)
        let sorts: [[SortKey]] = [
            [], [SortKey("name")], [SortKey("name", ascending: false)], [SortKey("age", ascending: false)],
            [SortKey("name"), SortKey("age", ascending: false)],
            [SortKey("active"), SortKey("score", ascending: false), SortKey("name")], [SortKey("email")],
            [SortKey("joined", ascending: false)],
        ]
        let filterSets: [[QueryFilter]] = [
            [], [.range("age", from: .integer(25), to: .integer(38))], [.prefix("name", "G")],
        ]
        for sort in sorts {
            for filters in filterSets {
                let matching = stored.filter { record in
                    filters.allSatisfy { filter in
                        switch filter {
                        case .range: (25...38).contains(Int64(record.value(of: "age").integerValue ?? -1))
                        case .prefix: record.value(of: "name").stringValue?.hasPrefix("G") ?? false
                        default: true
                        }
                    }
                }
                let expected = matching.sorted { ReferenceOrder.precedes($0, $1, sort: sort) }.map(\.key.id)
                let input = "sort \(sort.map { "\($0.field)\($0.ascending ? "↑" : "↓")" }), filters \(filters)"
                let whole = try await engine.query(RecordQuery(entity: person, filters: filters, sort: sort))
                try expect.equal(
                    whole.records.map(\.key.id), expected, "results follow the sort order, ties by id", input: input)
                try expect.that(
                    whole.next == nil, "an unlimited query has no next page", input: input, expected: "nil",
                    actual: "a cursor")
                for limit in [1, 7, 100] {
                    let paged = try await Self.pageThrough(
                        engine, RecordQuery(entity: person, filters: filters, sort: sort, limit: limit))
                    try expect.equal(
                        paged.map(\.key.id), expected, "pages of \(limit) add up to the whole result", input: input)
                }
            }
        }

        var query = RecordQuery(entity: person, sort: [SortKey("name")], limit: 10)
        let first = try await engine.query(query)
        try expect.equal(first.records.count, 10, "a limited page holds `limit` records")
        let ids = KitIDs()
        let inserted = ["Aaron", "Ada", "Grace", "Zed", "Mia", "Ken", "Barbara"].map {
            KitPerson(key: ids.person(), name: $0)
        }
        try await engine.write(inserted.map(\.insert))
        guard let next = first.next else {
            throw ConformanceFailure(
                check: "sortAndPaging: a full page has a cursor", input: "limit 10 of 75", expected: "a cursor",
                actual: "nil")
        }
        query.after = try QueryCursor(token: next.token)
        let rest = try await Self.pageThrough(engine, query)
        let seen = (first.records + rest).map(\.key.id)
        try expect.equal(
            Set(seen).count, seen.count, "paging never repeats a record when others are inserted between pages")
        let missing = Set(people.map(\.key.id)).subtracting(seen)
        try expect.that(
            missing.isEmpty, "paging never skips a record when others are inserted between pages",
            expected: "no missing records", actual: "\(missing.count) missing")
        let cursorValue = next.values[0]
        let lateBefore = inserted.filter { IndexValue.string($0.name) < cursorValue }.map(\.key.id)
        try expect.that(
            Set(lateBefore).isDisjoint(with: rest.map(\.key.id)),
            "records inserted before the cursor do not appear after it", expected: "none", actual: "some")

        try await expect.error(.invalidQuery, field: "after", "a cursor of another sort order is refused") {
            try await engine.query(RecordQuery(entity: person, sort: [SortKey("age")], after: next))
        }
        try await expect.error(.invalidQuery, "a malformed cursor token is refused") {
            try QueryCursor(token: "not-a-cursor!")
        }
        try await checkTotalOrder(engine, expect)
        try await engine.close()
    }

    /// The order of ``IndexValue`` across kinds and within each kind, as the contract defines it.
    private func checkTotalOrder(_ engine: any StorageEngine, _ expect: Expect) async throws {
        let ordered: [IndexValue] = [
            .absent, .bool(false), .bool(true), .integer(.min), .integer(-5), .integer(3), .integer(.max),
            .double(-.infinity), .double(-1.5), .double(2.25), .double(.infinity), .string(""), .string("B"),
            .string("a"), .string("e\u{301}"), .string("é"), .string("😀"), .date(Date(timeIntervalSince1970: -1)),
            .date(Date(timeIntervalSince1970: 1_800_000_000)),
        ]
        let ids = KitIDs()
        var keys: [RecordKey] = []
        for value in ordered.reversed() {
            let key = ids.person()
            keys.insert(key, at: 0)
            let values: IndexValues = value == .absent ? [:] : ["mixed": value]
            try await engine.write([.insert(key, payload: [], indexValues: values)])
        }
        let existing = Set(try await engine.all(ConformanceFixture.person).map(\.key)).subtracting(keys)
        let found = try await engine.queryAll(RecordQuery(entity: ConformanceFixture.person, sort: [SortKey("mixed")]))
            .map(\.key).filter { !existing.contains($0) }
        try expect.equal(
            found, keys, "values sort by kind, then by value (strings by UTF-8 bytes)", input: "\(ordered)")
        let descending = try await engine.queryAll(
            RecordQuery(entity: ConformanceFixture.person, sort: [SortKey("mixed", ascending: false)])
        )
        .map(\.key).filter { !existing.contains($0) }
        try expect.equal(descending, keys.reversed(), "a descending sort is the exact reverse", input: "\(ordered)")
    }

    static func pageThrough(_ engine: any StorageEngine, _ query: RecordQuery) async throws -> [StoredRecord] {
        var query = query
        var records: [StoredRecord] = []
        for _ in 0..<10_000 {
            let page = try await engine.query(query)
            if let limit = query.limit, page.records.count > limit {
                throw ConformanceFailure(
                    check: "sortAndPaging: a page holds at most `limit` records", input: "limit \(limit)",
                    expected: "≤ \(limit)", actual: "\(page.records.count)")
            }
            records += page.records
            guard let next = page.next else { return records }
            query.after = next
        }
        throw ConformanceFailure(
            check: "sortAndPaging: paging ends", input: "\(query)", expected: "a last page", actual: "10,000 pages")
    }
}

/// The kit's own implementation of the result order, independent of any engine's.
enum ReferenceOrder {
    static func precedes(_ lhs: StoredRecord, _ rhs: StoredRecord, sort: [SortKey]) -> Bool {
        for key in sort {
            let left = lhs.value(of: key.field)
            let right = rhs.value(of: key.field)
            if left != right { return (left < right) == key.ascending }
        }
        return (lhs.key.id < rhs.key.id) == (sort.last?.ascending ?? true)
    }
}

extension IndexValue {
    var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
