import CRMCore

/// The deterministic transactions of the crash test: transaction `t` updates the ledger (account 0) and
/// inserts, updates or deletes up to eight of accounts 1…40, each payload naming `t` and the account.
struct CrashWorkload {
    static let schema = try! EntitySchema(name: "account", indexes: [IndexDefinition("t")])
    static let principal = try! Principal("worker")

    private(set) var t: UInt64 = 0
    private var existing: Set<UInt64> = []
    private var pending: Set<UInt64> = []
    private var pendingDeletes: Set<UInt64> = []

    static func key(_ account: UInt64) -> RecordKey {
        RecordKey(entity: "account", id: RecordID(high: 0, low: account))
    }

    static func payload(t: UInt64, account: UInt64) -> [UInt8] {
        let head = Array("t=\(t);account=\(account);".utf8)
        return head
            + [UInt8](
                repeating: UInt8(truncatingIfNeeded: t % 251), count: Int((t &* 7919 &+ account &* 104_729) % 600))
    }

    init(resumingFrom engine: FileEngine) async throws {
        let accounts = try await engine.read("account", ids: (0...40).map { Self.key($0).id })
        for record in accounts { existing.insert(record.key.id.low) }
        if let ledger = accounts.first(where: { $0.key.id.low == 0 }), case .integer(let last) = ledger.value(of: "t") {
            t = UInt64(last)
        }
    }

    /// The next transaction and its description: `I3 U7 D12 L` for insert 3, update 7, delete 12, ledger.
    mutating func nextTransaction() -> (Transaction, String) {
        t += 1
        var random = SeededRandomNumberGenerator(seed: t &* 0x9E37_79B9_7F4A_7C15)
        var operations: [WriteOperation] = []
        var words: [String] = []
        pending = []
        pendingDeletes = []
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let account = UInt64.random(in: 1...40, using: &random)
            guard pending.insert(account).inserted else { continue }
            let key = Self.key(account)
            let values: IndexValues = ["t": .integer(Int64(t))]
            if !existing.contains(account) {
                operations.append(.insert(key, payload: Self.payload(t: t, account: account), indexValues: values))
                words.append("I\(account)")
            } else if Int.random(in: 0..<4, using: &random) == 0 {
                operations.append(.delete(key, expectedVersion: nil))
                pendingDeletes.insert(account)
                words.append("D\(account)")
            } else {
                operations.append(
                    .update(
                        key, payload: Self.payload(t: t, account: account), indexValues: values, expectedVersion: nil))
                words.append("U\(account)")
            }
        }
        let ledger = Self.key(0)
        let ledgerValues: IndexValues = ["t": .integer(Int64(t))]
        operations.append(
            existing.contains(0)
                ? .update(
                    ledger, payload: Self.payload(t: t, account: 0), indexValues: ledgerValues, expectedVersion: nil)
                : .insert(ledger, payload: Self.payload(t: t, account: 0), indexValues: ledgerValues))
        pending.insert(0)
        words.append("L")
        return (Transaction(principal: Self.principal, operations: operations), words.joined(separator: " "))
    }

    /// Records that the last transaction committed.
    mutating func committed() {
        existing.formUnion(pending.subtracting(pendingDeletes))
        existing.subtract(pendingDeletes)
    }
}
