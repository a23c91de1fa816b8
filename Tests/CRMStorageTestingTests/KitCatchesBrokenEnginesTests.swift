import CRMCore
import CRMStorageTesting
import Testing

/// The kit is only worth running if it fails engines that break the contract.
@Suite struct KitCatchesBrokenEnginesTests {
    static let expectations: [(BrokenEngine.Defect, StorageEngineConformance.Area)] = [
        (.ignoresVersions, .versionsAndConflicts), (.ignoresVersions, .concurrency),
        (.appliesHalfTransactions, .transactions), (.ignoresDescendingSort, .sortAndPaging),
        (.skipsRecordsBetweenPages, .sortAndPaging), (.repeatsRecordsBetweenPages, .sortAndPaging),
        (.ignoresUniqueIndexes, .uniqueIndexes), (.dropsChanges, .changeFeed),
        (.truncatesLargePayloads, .unicodeAndLargeValues), (.foldsCase, .unicodeAndLargeValues),
    ]

    @Test(arguments: expectations)
    func brokenEngineFailsItsArea(_ defect: BrokenEngine.Defect, _ area: StorageEngineConformance.Area) async throws {
        let kit = StorageEngineConformance(makeEngine: { BrokenEngine(defect: defect) })
        let failure = await #expect(throws: ConformanceFailure.self) { try await kit.check(area) }
        #expect(failure?.check.hasPrefix(area.rawValue) == true, "\(String(describing: failure))")
    }

    @Test(arguments: BrokenEngine.Defect.allCases)
    func brokenEngineFailsTheWholeRun(_ defect: BrokenEngine.Defect) async throws {
        let kit = StorageEngineConformance(makeEngine: { BrokenEngine(defect: defect) })
        let report = await #expect(throws: ConformanceReport.self) { try await kit.run() }
        #expect(report?.failures.isEmpty == false)
    }

    @Test func engineThatLosesWritesOnReopenFailsPersistence() async throws {
        let kit = StorageEngineConformance(
            makeEngine: { InMemoryEngine() },
            reopen: { engine in
                try await engine.close()
                return InMemoryEngine()
            })
        let failure = await #expect(throws: ConformanceFailure.self) { try await kit.check(.persistence) }
        #expect(failure?.check.hasPrefix("persistence") == true)
    }

    @Test func failureNamesCheckInputExpectedAndActual() async throws {
        let kit = StorageEngineConformance(makeEngine: { BrokenEngine(defect: .ignoresVersions) })
        let failure = await #expect(throws: ConformanceFailure.self) { try await kit.check(.versionsAndConflicts) }
        let text = failure.map { "\($0)" } ?? ""
        #expect(text.contains("stale version"))
        #expect(text.contains("expected: StorageError conflict"))
        #expect(text.contains("actual:"))
    }
}
