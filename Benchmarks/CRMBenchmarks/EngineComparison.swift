import CRMCore
import CRMPostgres
import CRMSQLite
import Foundation

/// The same workloads on every engine, printed side by side: the cost of one operation of each.
///
/// PostgreSQL runs when `CRM_POSTGRES_URL` names a server (use a scratch database: each run adds its
/// records under new ids).
struct EngineComparison {
    /// One engine under test: how to open a new store and how to open it again.
    struct Subject {
        var name: String
        var open: (_ label: String) async throws -> any StorageEngine
        var reopen: ((_ engine: any StorageEngine, _ label: String) async throws -> any StorageEngine)?
    }

    let root: String
    let records: Int

    var subjects: [Subject] {
        var subjects = [
            Subject(name: "in-memory", open: { _ in InMemoryEngine() }, reopen: nil),
            Subject(
                name: "file",
                open: { label in try await FileEngine.open(at: root + "/compare-\(label)") },
                reopen: { engine, label in
                    try await engine.close()
                    return try await FileEngine.open(at: root + "/compare-\(label)")
                }),
            Subject(
                name: "SQLite",
                open: { label in try await SQLiteEngine.open(at: root + "/compare-\(label).sqlite") },
                reopen: { engine, label in
                    try await engine.close()
                    return try await SQLiteEngine.open(at: root + "/compare-\(label).sqlite")
                }),
        ]
        if let url = ProcessInfo.processInfo.environment["CRM_POSTGRES_URL"] {
            let options = PostgresEngineOptions(connectionString: url)
            subjects.append(
                Subject(
                    name: "PostgreSQL", open: { _ in try await PostgresEngine.open(options) },
                    reopen: { engine, _ in
                        try await engine.close()
                        return try await PostgresEngine.open(options)
                    }))
        }
        return subjects
    }

    /// The workloads, in table order.
    static let workloads = [
        "batched insert (1,000 per transaction)", "durable single commit, 1 task", "durable commit, 16 tasks",
        "read by id", "indexed equality query", "open (store of the batched inserts)",
    ]

    func run() async throws {
        emit("\nEngines side by side (\(records) records; cost per operation, lower is better)")
        let subjects = subjects
        var columns: [[String]] = []
        for (position, subject) in subjects.enumerated() {
            columns.append(try await measure(subject, base: Self.base(position)))
        }
        emit(padded("workload", 42) + subjects.map { padded($0.name, 14, right: true) }.joined())
        for (row, workload) in Self.workloads.enumerated() {
            emit(padded(workload, 42) + columns.map { padded($0[row], 14, right: true) }.joined())
        }
        if subjects.count < 4 { emit("(PostgreSQL not measured: set CRM_POSTGRES_URL)") }
    }

    /// Record numbers for one engine: distinct per engine and per run, so a server database can be reused.
    private static func base(_ position: Int) -> Int {
        (position + 1) * 100_000_000 + Int(Date().timeIntervalSince1970) % 10_000 * 10_000
    }

    private func measure(_ subject: Subject, base: Int) async throws -> [String] {
        let label = "\(subject.name)-\(base)"
        var engine = try await subject.open(label)
        try await engine.register([ContactWorkload.schema])
        let batches = stride(from: base, to: base + records, by: 1_000).map { start in
            ContactWorkload.transaction((start..<start + 1_000).map(ContactWorkload.insert))
        }
        let batched = try await seconds {
            for batch in batches { _ = try await engine.commit(batch) }
        }
        let singles = 500
        let single = try await seconds {
            for number in base + records..<base + records + singles {
                _ = try await engine.commit(ContactWorkload.transaction([ContactWorkload.insert(number)]))
            }
        }
        let (tasks, perTask) = (16, 100)
        let first = base + records + singles
        let concurrent = try await seconds {
            try await withThrowingTaskGroup(of: Void.self) { [engine] group in
                for task in 0..<tasks {
                    group.addTask {
                        for index in 0..<perTask {
                            let number = first + task * perTask + index
                            _ = try await engine.commit(ContactWorkload.transaction([ContactWorkload.insert(number)]))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        var random = SeededRandomNumberGenerator(seed: 7)
        let lookups = (0..<10_000).map { _ in base + Int.random(in: 0..<records, using: &random) }
        let reads = try await seconds {
            for number in lookups { _ = try await engine.read("contact", id: ContactWorkload.id(number)) }
        }
        let queries = try await seconds {
            for number in lookups {
                let filter = QueryFilter.equals("email", .string(ContactWorkload.email(number)))
                _ = try await engine.query(RecordQuery(entity: "contact", filters: [filter]))
            }
        }
        var open = "n/a"
        if let reopen = subject.reopen {
            var reopened: (any StorageEngine)?
            let time = try await seconds {
                let fresh = try await reopen(engine, label)
                try await fresh.register([ContactWorkload.schema])
                reopened = fresh
            }
            engine = reopened!
            open = Self.cost(time, 1)
        }
        try await engine.close()
        return [
            Self.cost(batched, records), Self.cost(single, singles), Self.cost(concurrent, tasks * perTask),
            Self.cost(reads, lookups.count), Self.cost(queries, lookups.count), open,
        ]
    }

    private static func cost(_ seconds: Double, _ operations: Int) -> String {
        let each = seconds / Double(operations)
        return each >= 1e-3 ? String(format: "%.2f ms", each * 1e3) : String(format: "%.1f µs", each * 1e6)
    }
}
