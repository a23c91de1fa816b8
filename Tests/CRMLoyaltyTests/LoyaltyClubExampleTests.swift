import CRMTestSupport
import Foundation
import Testing

/// The LoyaltyClub example, run as a student would run it, tells the story it promises.
@Test func loyaltyClubWalksAMemberThroughTwoYears() throws {
    let worker = try WorkerProcess([], executable: "LoyaltyClub")
    let output = worker.finish()
    #expect(worker.process.terminationStatus == 0)
    #expect(output.contains("with card 6031 0000 0000 0018: 250 welcome points"))
    #expect(output.contains("Tyres: 1360 reward points pending"), "tyres earn double")
    #expect(output.contains("Tier: blue → gold on 20 Mar 2026"))
    #expect(output.contains("Brakes: 300 reward points pending"), "gold earns double")
    #expect(output.contains("Redeemed Premium car wash (one redemption for two requests); balance 1230"))
    #expect(output.contains("Refused: 20000 points requested but the balance is 1230"))
    #expect(output.contains("found by the new card: true"))
    #expect(output.contains("Notice 2 Dec 2027: 1530 points expire on 1 Jan 2028"))
    #expect(output.contains("Expired 1 Jan 2028: 1530 points"))
    #expect(output.contains("Tier review: gold → blue on 1 Jan 2028"))
    #expect(output.contains("Statement: status 1400, tier blue"))
}
