import CRMTestSupport
import Foundation
import Testing

/// The SalesPipeline example, run as a student would run it, tells the story it promises.
@Test func salesPipelineWalksALeadToAnOrderAndAForecast() throws {
    let worker = try WorkerProcess([], executable: "SalesPipeline")
    let output = worker.finish()
    #expect(worker.process.terminationStatus == 0, "\(output)")
    #expect(output.contains("Priya Shah (referral): 45 points [business email, referral, engaged], owner user:ana"))
    #expect(output.contains("Li Wei (web): 0 points [no rule matched], owner user:ana"), "round robin after Ben")
    #expect(output.contains("Converted: contact Priya Shah at Northwind Traders"))
    #expect(output.contains("Converting it again is refused"))
    #expect(output.contains("12 x Handheld scanner: net $9,612.00, tax $768.96"), "10 % volume discount, 8 % tax")
    #expect(output.contains("total $10,899.36"))
    #expect(output.contains("2026-03-17: order placed for $10,092.00 net; the deal is won"))
    #expect(output.contains("2026-03 closed    1 deal(s), $10,092.00, weighted $10,092.00"))
    #expect(output.contains("2026-04 bestCase  1 deal(s), $48,000.00, weighted $24,000.00"))
    #expect(output.contains("win rate 50 %, average won deal $10,092.00, cycle 15 days"))
}
