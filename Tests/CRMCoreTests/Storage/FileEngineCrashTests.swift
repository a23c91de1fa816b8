import CRMCore
import CRMTestSupport
import Foundation
import Testing

/// Crash consistency under SIGKILL, and the single-writer lock, with a real second process.
@Suite(.serialized) struct FileEngineCrashTests {
    /// What the accounts must hold, rebuilt from the worker's BEGIN lines.
    struct Model {
        var accounts: [UInt64: (version: UInt64, t: UInt64)] = [:]

        mutating func apply(_ line: Substring) {
            let words = line.split(separator: " ")
            let t = UInt64(words[1])!
            for word in words.dropFirst(2) {
                let account = word == "L" ? 0 : UInt64(word.dropFirst())!
                if word.hasPrefix("D") {
                    accounts[account] = nil
                } else {
                    accounts[account] = ((accounts[account]?.version ?? 0) + 1, t)
                }
            }
        }
    }

    @Test func killedWriterLosesNoAcknowledgedTransactionAndAppliesNoneByHalf() async throws {
        let directory = temporaryStorePath("kill")
        var model = Model()
        var acknowledgedTotal = 0
        var random = SystemRandomNumberGenerator()
        for round in 1...200 {
            let worker = try WorkerProcess(["crash-workload", directory, "262144"])
            try await Task.sleep(for: .milliseconds(Int.random(in: 5...45, using: &random)))
            let lines = worker.kill()
            let begun = lines.filter { $0.hasPrefix("BEGIN ") }
            let acknowledged = lines.filter { $0.hasPrefix("ACK ") }.compactMap { UInt64($0.dropFirst(4)) }
            #expect(
                !lines.contains { $0.hasPrefix("ERROR") }, "round \(round): \(lines.filter { $0.hasPrefix("ERROR") })")
            acknowledgedTotal += acknowledged.count

            let engine = try await FileEngine.open(at: directory)
            try await engine.register([try EntitySchema(name: "account", indexes: [IndexDefinition("t")])])
            let verification = try await engine.verify()
            #expect(verification.isClean, "round \(round): \(verification)")
            let records = try await engine.read("account", ids: (0...40).map { RecordID(high: 0, low: $0) })
            let stored = Dictionary(uniqueKeysWithValues: records.map { ($0.key.id.low, $0) })
            var storedT: UInt64 = 0
            if case .integer(let t) = stored[0]?.value(of: "t") { storedT = UInt64(t) }
            if let last = acknowledged.last {
                #expect(storedT >= last, "round \(round): acknowledged \(last) but the store ends at \(storedT)")
            }
            for line in begun where UInt64(line.split(separator: " ")[1])! <= storedT {
                model.apply(Substring(line))
            }
            for account in UInt64(0)...40 {
                let expected = model.accounts[account]
                let actual = stored[account]
                #expect(actual?.version == expected?.version, "round \(round) account \(account): version")
                if let expected, let actual {
                    #expect(
                        actual.payload == payload(t: expected.t, account: account), "round \(round) account \(account)")
                }
            }
            try await engine.close()
        }
        #expect(acknowledgedTotal > 200, "the workers must commit for the test to mean anything")
    }

    @Test func secondWriterGetsLockErrorUntilHolderDies() async throws {
        let directory = temporaryStorePath("lock")
        let holder = try WorkerProcess(["hold-lock", directory])
        #expect(holder.waitForLine(startingWith: "READY") != nil)
        let error = await #expect(throws: StorageError.self) { try await FileEngine.open(at: directory) }
        #expect(error?.code == .locked)
        #expect(error?.message.contains(directory) == true)
        _ = holder.kill()
        let engine = try await FileEngine.open(at: directory)
        try await engine.close()
    }

    @Test func secondEngineInTheSameProcessGetsLockError() async throws {
        let directory = temporaryStorePath("lock-local")
        let first = try await FileEngine.open(at: directory)
        let error = await #expect(throws: StorageError.self) { try await FileEngine.open(at: directory) }
        #expect(error?.code == .locked)
        try await first.close()
        let reopened = try await FileEngine.open(at: directory)
        try await reopened.close()
    }

    /// The worker's payload for account `account` written by transaction `t` (see CrashWorkload).
    private func payload(t: UInt64, account: UInt64) -> [UInt8] {
        let head = Array("t=\(t);account=\(account);".utf8)
        let count = Int((t &* 7919 &+ account &* 104_729) % 600)
        return head + [UInt8](repeating: UInt8(truncatingIfNeeded: t % 251), count: count)
    }
}
