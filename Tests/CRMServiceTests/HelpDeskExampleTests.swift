import CRMTestSupport
import Foundation
import Testing

/// The HelpDesk example, run as a student would run it, tells the story it promises.
@Test func helpDeskWalksATicketFromPhoneCallToRating() throws {
    let worker = try WorkerProcess([], executable: "HelpDesk")
    let output = worker.finish()
    #expect(worker.process.terminationStatus == 0)
    #expect(output.contains(#"Ticket opened Fri 27 Mar 15:00 under "Standard", routed to Ana"#))
    #expect(output.contains("resolution: paused, due -, 7.0 h left"), "waiting pauses the resolution clock")
    #expect(output.contains("after a pause of 65 h"), "the pause spans the change to summer time")
    #expect(output.contains("resolution: due, due Tue 31 Mar 10:00, 7.0 h left"))
    #expect(output.contains("Mon 30 Mar 16:00: SLA alert, resolution at risk, due Tue 31 Mar 10:00"))
    #expect(output.contains("Escalated to tier 2, now with Cy"))
    #expect(output.contains("resolution: met, due -, 1.5 h left"))
    #expect(output.contains("CSAT 100 %, NPS 100; the article helped 1 ticket(s)"))
}
