import Foundation
import Testing

@testable import CRMCore

/// Fails the 1st, 2nd, … I/O call of an operation with each kind of fault: every call either succeeds or
/// throws a typed error, and the reopened store verifies clean and holds the state from before or after.
@Suite struct FileEngineFaultTests {
    enum Operation: CaseIterable, CustomStringConvertible {
        case commit, compaction, openWithTornTail

        var description: String {
            switch self {
            case .commit: "commit"
            case .compaction: "compaction"
            case .openWithTornTail: "open with a torn tail"
            }
        }
    }

    /// Every operation with every fault that can strike it (opening a store writes nothing, it truncates).
    static let cases: [(Operation, FaultInjectingFileIO.Fault)] =
        [Operation.commit, .compaction].flatMap { operation in
            FaultInjectingFileIO.Fault.allCases.map { (operation, $0) }
        }
        + [(.openWithTornTail, .ioError), (.openWithTornTail, .failedSync)]

    @Test(arguments: cases)
    func everyFailedCallLeavesTheStoreBeforeOrAfter(_ operation: Operation, _ fault: FaultInjectingFileIO.Fault)
        async throws
    {
        let seeded = try await seededStore()
        let (before, after) = try await outcomes(of: operation, on: seeded)
        var call = 1
        while true {
            let directory = try copyStore(seeded)
            let io = FaultInjectingFileIO()
            var engine: FileEngine?
            do {
                if operation == .openWithTornTail { io.arm(fault, atCall: call) }
                let opened = try FileEngine(directory: directory, options: StoreFixture.options, io: io)
                engine = opened
                try await opened.register([StoreFixture.schema])
                if operation != .openWithTornTail { io.arm(fault, atCall: call) }
                try await perform(operation, on: opened)
            } catch let error as StorageError {
                #expect([.io, .readOnly].contains(error.code), "\(operation), \(fault) at call \(call): \(error)")
            }
            let triggered = io.disarm()
            try? await engine?.close()

            let reopened = try await FileEngine.openFixture(directory)
            let verification = try await reopened.verify()
            #expect(verification.isClean, "\(operation), \(fault) at call \(call): \(verification)")
            let state = try await ObservedState(reopened)
            #expect(state == before || state == after, "\(operation), \(fault) at call \(call): \(state)")
            try await reopened.close()
            if !triggered { break }
            call += 1
        }
        #expect(call > 1, "the operation must make at least one call that \(fault) applies to")
    }

    @Test func failedSyncMakesTheStoreRefuseWritesUntilReopened() async throws {
        let directory = temporaryStorePath("fsync")
        let io = FaultInjectingFileIO()
        let engine = try FileEngine(directory: directory, options: StoreFixture.options, io: io)
        try await engine.register([StoreFixture.schema])
        io.arm(.failedSync, atCall: 1)
        await #expect(throws: StorageError.self) {
            try await engine.commit(StoreFixture.transaction([StoreFixture.insert(1)]))
        }
        io.disarm()
        let refusal = await #expect(throws: StorageError.self) {
            try await engine.commit(StoreFixture.transaction([StoreFixture.insert(2)]))
        }
        #expect(refusal?.code == .readOnly)
        let stillReadable = try await engine.read("item", ids: [StoreFixture.key(1).id])
        #expect(stillReadable.count == 1, "reads go on after a failed sync")
        try? await engine.close()
        let reopened = try await FileEngine.openFixture(directory)
        _ = try await reopened.commit(StoreFixture.transaction([StoreFixture.insert(2)]))
        try await reopened.close()
    }

    /// A closed store with some commits; for the torn-tail case, half a commit appended to its log.
    private func seededStore() async throws -> String {
        let directory = temporaryStorePath("seed")
        let engine = try await FileEngine.openFixture(directory)
        for number in UInt64(1)...4 {
            _ = try await engine.commit(
                StoreFixture.transaction([StoreFixture.insert(number), StoreFixture.insert(number + 100)]))
        }
        try await engine.close()
        let log = directory + "/log-1"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(FileFormat.frame(Array(repeating: 9, count: 300)).prefix(150)))
        try handle.close()
        return directory
    }

    /// The store's state before the operation and after it succeeds without faults.
    private func outcomes(of operation: Operation, on seeded: String) async throws -> (ObservedState, ObservedState) {
        let directory = try copyStore(seeded)
        let engine = try await FileEngine.openFixture(directory)
        let before = try await ObservedState(engine)
        try await perform(operation, on: engine)
        let after = try await ObservedState(engine)
        try await engine.close()
        return (before, after)
    }

    private func perform(_ operation: Operation, on engine: FileEngine) async throws {
        switch operation {
        case .commit:
            _ = try await engine.commit(
                StoreFixture.transaction([
                    StoreFixture.insert(50, size: 9000), StoreFixture.update(1, to: "renamed"),
                    .delete(StoreFixture.key(2), expectedVersion: 1),
                ]))
        case .compaction:
            try await engine.compact()
        case .openWithTornTail:
            break
        }
    }
}
