import CRMCore
import Foundation

/// The benchmark workloads, each printing one table row per engine or variant.
struct Workloads {
    let root: String
    let largeStoreSize: Int
    let quick: Bool

    func run(compareOnly: Bool) async throws {
        if !compareOnly {
            try await batchedInserts()
            try await durableCommits()
        }
        try await EngineComparison(root: root, records: quick ? 20_000 : 100_000).run()
        if !compareOnly { try await largeStore() }
    }

    /// Best of three rounds, each into a new, empty engine, so that one slow round on a shared machine
    /// does not decide the figure.
    func batchedInserts() async throws {
        let batch = 1_000
        let count = 200_000
        let transactions = stride(from: 0, to: count, by: batch).map { start in
            ContactWorkload.transaction((start..<start + batch).map(ContactWorkload.insert))
        }
        printHeader("Batched insert (\(batch) records per transaction, \(count) records, best of 3)")
        var memory: [Double] = []
        var file: [Double] = []
        for round in 1...3 {
            memory.append(try await batchedInsert(transactions, into: InMemoryEngine()))
            file.append(
                try await batchedInsert(transactions, into: try await FileEngine.open(at: root + "/batched-\(round)")))
        }
        emit(Result(name: "in-memory", operations: count, seconds: memory.min()!, target: "≥ 200,000 records/s").line)
        emit(
            Result(name: "file, synchronous", operations: count, seconds: file.min()!, target: "≥ 200,000 records/s")
                .line)
    }

    private func batchedInsert(_ transactions: [Transaction], into engine: some StorageEngine) async throws -> Double {
        try await engine.register([ContactWorkload.schema])
        let time = try await seconds {
            for transaction in transactions { _ = try await engine.commit(transaction) }
        }
        try await engine.close()
        return time
    }

    func durableCommits() async throws {
        printHeader("Durable single-record commits (file engine, synchronous)")
        let engine = try await FileEngine.open(at: root + "/single")
        try await engine.register([ContactWorkload.schema])
        let count = quick ? 2_000 : 5_000
        let single = try await seconds {
            for number in 0..<count {
                _ = try await engine.commit(ContactWorkload.transaction([ContactWorkload.insert(number)]))
            }
        }
        emit(
            Result(name: "1 task, \(count) commits", operations: count, seconds: single, target: "≥ 2,000 commits/s")
                .line)
        let tasks = 16
        let perTask = quick ? 500 : 1_500
        let concurrent = try await seconds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        for index in 0..<perTask {
                            let number = 1_000_000 + task * perTask + index
                            _ = try await engine.commit(ContactWorkload.transaction([ContactWorkload.insert(number)]))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        emit(
            Result(
                name: "\(tasks) tasks, \(tasks * perTask) commits", operations: tasks * perTask, seconds: concurrent,
                target: "≥ 10,000 commits/s"
            ).line)
        try await engine.close()
    }

    func largeStore() async throws {
        let path = root + "/large"
        printHeader("A file store of \(largeStoreSize) records")
        let loader = try await FileEngine.open(at: path, options: FileEngineOptions(durability: .relaxed))
        try await loader.register([ContactWorkload.schema])
        let load = try await seconds {
            for start in stride(from: 0, to: largeStoreSize, by: 10_000) {
                let numbers = start..<min(start + 10_000, largeStoreSize)
                _ = try await loader.commit(ContactWorkload.transaction(numbers.map(ContactWorkload.insert)))
            }
            try await loader.compact()
        }
        emit(
            Result(
                name: "load (relaxed, 10,000 per transaction), compact", operations: largeStoreSize, seconds: load,
                target: ""
            ).line)
        try await loader.close()

        // Opened in a fresh process, so that its memory is the store's alone.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--open", path, String(largeStoreSize)]
        try child.run()
        child.waitUntilExit()
    }

    /// Opens the store at `path` holding `count` records, reports the time and memory, and runs lookups.
    static func measureOpen(path: String, count: Int) async throws {
        let residentBefore = residentBytes()
        var opened: FileEngine?
        let open = try await seconds {
            let engine = try await FileEngine.open(at: path)
            try await engine.register([ContactWorkload.schema])
            opened = engine
        }
        let engine = opened!
        let perRecord = (residentBytes() - residentBefore) / count
        emit(
            Result(name: "open and index the store", operations: 1, seconds: open, target: "< 1.5 s for 1,000,000").line
        )
        emit("resident memory per record: \(perRecord) bytes")
        try await Workloads(root: "", largeStoreSize: count, quick: true).lookups(in: engine)
        try await engine.close()
    }

    func lookups(in engine: FileEngine) async throws {
        let count = 200_000
        var random = SeededRandomNumberGenerator(seed: 42)
        let numbers = (0..<count).map { _ in Int.random(in: 0..<largeStoreSize, using: &random) }
        let read = try await seconds {
            for number in numbers { _ = try await engine.read("contact", id: ContactWorkload.id(number)) }
        }
        emit(Result(name: "read by id", operations: count, seconds: read, target: "").line)
        let equality = try await seconds {
            for number in numbers {
                let filter = QueryFilter.equals("email", .string(ContactWorkload.email(number)))
                _ = try await engine.query(RecordQuery(entity: "contact", filters: [filter]))
            }
        }
        emit(
            Result(
                name: "indexed equality query (unique email)", operations: count, seconds: equality, target: "< 2 µs"
            ).line)
        let prefix = try await seconds {
            for number in numbers {
                let filter = QueryFilter.prefix("email", "person\(number)@")
                _ = try await engine.query(RecordQuery(entity: "contact", filters: [filter], limit: 10))
            }
        }
        emit(Result(name: "indexed prefix query (limit 10)", operations: count, seconds: prefix, target: "< 2 µs").line)
    }
}
