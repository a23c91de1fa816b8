import CRMTestSupport
import Foundation
import Testing

/// The Quickstart example, run as a student would run it, does what it says.
@Test func quickstartStoresQueriesAndReopens() throws {
    let directory = temporaryStorePath("quickstart")
    let output = try WorkerProcess([directory], executable: "Quickstart").finish()
    #expect(output.hasPrefix("In memory:\n  Committed 4 contacts in one transaction"))
    #expect(output.components(separatedBy: "Committed 4 contacts in one transaction").count == 3, "both engines")
    #expect(output.contains("Found by email: Grace Hopper, version 1"))
    #expect(output.contains("A second contact with the same email is refused: uniqueViolation"))
    #expect(output.contains("After reopening, the store holds 4 contacts:"))
    #expect(output.contains("Verification: clean"))
    #expect(FileManager.default.fileExists(atPath: directory + "/LOCK"))
}
