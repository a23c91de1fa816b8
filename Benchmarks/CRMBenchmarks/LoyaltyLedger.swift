import CRMCore
import CRMLoyalty
import Foundation
import Synchronization

/// The balance of a member with a long ledger, rebuilding an account from its ledger, and an expiry run
/// over many members.
enum LoyaltyLedger {
    static let euro = Money(minorUnits: 100, currency: .eur)

    static func program() throws -> LoyaltyProgram {
        try LoyaltyProgram(
            id: ID(ULIDGenerator().next()), name: "Benchmark club", spendCurrency: .eur,
            currencies: [
                PointCurrency(key: "status", name: "Status", purpose: .qualifying),
                PointCurrency(key: "points", name: "Points", purpose: .redeemable, expiry: .afterDays(365)),
            ],
            earningRules: [
                EarningRule(name: "1 per euro", kind: .pointsPerSpend(points: 1, per: euro)),
                EarningRule(name: "Seed", kind: .bonus(.custom("seed"), points: 40), currencies: ["points"]),
            ],
            consumptionOrder: .soonestExpiringFirst)
    }

    static func run(members: Int) async throws {
        let program = try program()
        let ids = ULIDGenerator()
        let start = Date(timeIntervalSince1970: 1_772_452_800)
        var account = PointsAccount(memberID: ID(ids.next()))
        var entries: [LedgerEntry] = []
        entries.reserveCapacity(100_000)
        let engine = EarningEngine(program: program)
        for number in 0..<40_000 {
            let at = start + Double(number) * 600
            let purchase = Purchase(
                orderReference: "O\(number)", at: at,
                lines: [Purchase.Line(sku: "X", amount: Money(minorUnits: 2_000, currency: .eur))])
            entries += account.award(
                try engine.points(for: purchase, tier: ""), for: purchase, ids: ids, program: program)
            if number % 2 == 1 {
                entries.append(
                    try account.spend(
                        25, currency: "points", at: at + 60, source: .adjustment("coffee"), id: ID(ids.next()),
                        program: program))
            }
        }
        let count = entries.count
        var balance: Int64 = 0
        let reads = 1_000_000
        let readTime = await seconds {
            for index in 0..<reads { balance &+= account.balance(index % 2 == 0 ? "points" : "status") }
        }
        var rebuilt = PointsAccount(memberID: account.memberID)
        let replayTime = await seconds {
            rebuilt = PointsAccount(memberID: account.memberID, replaying: entries, program: program)
        }
        precondition(rebuilt == account && balance != 0)
        printHeader("Loyalty ledger (one member, \(count) entries, \(account.openLots("points").count) open awards)")
        emit(Result(name: "balance of the member", operations: reads, seconds: readTime, target: "< 1 ms").line)
        emit(Result(name: "rebuild the account from the ledger", operations: 1, seconds: replayTime, target: "").line)

        let accounts = try makeMembers(members, program: program, start: start)
        let now = start + 400 * 86_400
        let expiryTime = await seconds {
            let expired = expireAll(accounts, at: now, program: program)
            precondition(expired == Int64(members) * 90)
        }
        printHeader("Expiry run (\(members) members, 3 awards each, 2 of them expired)")
        emit(
            Result(name: "expiry run, all members", operations: 1, seconds: expiryTime, target: "< 5 s for 1,000,000")
                .line)
        emit(Result(name: "expiry run, per member", operations: members, seconds: expiryTime, target: "").line)
        try await storeRun(members: members / 100, program: program, start: start)
    }

    /// The same run through `EngineLoyaltyStore.advance` on the in-memory engine: one transaction per member.
    static func storeRun(members: Int, program: LoyaltyProgram, start: Date) async throws {
        let store = try await EngineLoyaltyStore(engine: InMemoryEngine())
        let admin = try Principal("user:bench")
        try await store.save(program, by: admin)
        let ids = ULIDGenerator()
        for _ in 0..<members {
            let member = Member(id: ID(ids.next()), program: program, contactID: ID(ids.next()), at: start)
            _ = try await store.enroll(member, by: admin)
            for day in [0.0, 20, 380] {
                _ = try await store.awardBonus(.custom("seed"), to: member.id, at: start + day * 86_400, by: admin)
            }
        }
        var events = 0
        let time = try await seconds {
            events = try await store.advance(program.id, to: start + 400 * 86_400, noticeDays: 0, by: admin).count
        }
        emit(
            Result(name: "expiry run through the store, per member", operations: members, seconds: time, target: "")
                .line)
        precondition(events == members)
    }

    /// Members with three awards: two a year before `start` plus 400 days (expired by then), one recent.
    static func makeMembers(_ count: Int, program: LoyaltyProgram, start: Date) throws -> [PointsAccount] {
        let ids = ULIDGenerator()
        return try (0..<count).map { _ in
            var account = PointsAccount(memberID: ID(ids.next()))
            for (points, day) in [(40, 0.0), (50, 20.0), (70, 380.0)] {
                _ = try account.earn(
                    Int64(points), currency: "points", source: .adjustment("seed"), at: start + day * 86_400,
                    id: ID(ids.next()), program: program)
            }
            return account
        }
    }

    /// Expires every account on all cores; returns the points expired.
    static func expireAll(_ accounts: [PointsAccount], at now: Date, program: LoyaltyProgram) -> Int64 {
        let chunks = max(1, accounts.count / 10_000)
        let size = (accounts.count + chunks - 1) / chunks
        let total = Atomic<Int64>(0)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let ids = ULIDGenerator()
            var local: Int64 = 0
            for var account in accounts[min(chunk * size, accounts.count)..<min((chunk + 1) * size, accounts.count)] {
                local += account.expire(at: now, ids: ids, program: program).reduce(0) { $0 + $1.points }
            }
            total.add(local, ordering: .relaxed)
        }
        return total.load(ordering: .relaxed)
    }
}
