import CRMTestSupport
import Foundation

/// A new, empty directory path in the test scratch directory (not yet created).
func temporaryStorePath(_ label: String = "store") -> String {
    TestScratch.path(label)
}

/// Copies a store directory's files (not the lock) to a new path, to damage the copy.
func copyStore(_ source: String) throws -> String {
    let destination = temporaryStorePath("copy")
    try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where name != "LOCK" {
        try FileManager.default.copyItem(atPath: source + "/" + name, toPath: destination + "/" + name)
    }
    return destination
}
