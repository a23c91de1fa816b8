import CRMTestSupport
import Foundation
import Testing

/// The CustomerLifetimeValue example, run as a student would run it.
@Suite struct CustomerLifetimeValueExampleTests {
    @Test func theSimulatedShopsValuableCustomersAreFoundToBeItsRegulars() throws {
        let worker = try WorkerProcess([], executable: "CustomerLifetimeValue")
        let output = worker.finish()
        #expect(worker.process.terminationStatus == 0, "\(output)")
        #expect(output.contains("Read 7376 transactions of 2000 customers"))
        #expect(output.contains("The top 20 % of customers bring 72 % of revenue"))
        #expect(output.contains("BG/NBD: r 0.308, alpha 3.50, a 0.487, b 3.219"))
        #expect(output.contains("regular-924            21       98 %       21.0    391"))
        #expect(output.contains("Of the 200 most valuable customers, 188 are regulars."))
    }

    @Test func aFileOfItsOwnIsReadAndABadLineIsNamed() throws {
        let directory = TestScratch.url("clv")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let good = directory.appending(path: "good.csv")
        var lines = ["customer,date,amount"]
        for customer in 1...40 {
            for purchase in 0..<(customer % 5 + 1) {
                let month = 1 + (customer + purchase * 3) % 12
                lines.append("c\(customer),2025-\(month < 10 ? "0" : "")\(month)-1\(purchase),\(10 + customer)")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: good, atomically: true, encoding: .utf8)
        let run = try CommandRun("CustomerLifetimeValue", [good.path], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("of 40 customers") && !run.output.contains("regulars"))

        let bad = directory.appending(path: "bad.csv")
        try "customer,date,amount\na,2025-01-01,10\nb,2025-13-01,5\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CommandRun("CustomerLifetimeValue", [bad.path], in: directory)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("line 3, column date"), "\(refused.errors)")
    }
}
