package import Foundation

/// The one directory under the system's temporary directory that holds every store and file a test process
/// creates, so that a run leaves nothing behind: it is made on first use and removed when the process exits.
package enum TestScratch {
    /// The process's scratch directory.
    package static let root: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("crm-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the test scratch directory \(path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.root) }
        return path
    }()

    /// A new path inside the scratch directory (not yet created), named after `label`.
    package static func path(_ label: String) -> String {
        root + "/\(label)-\(UUID().uuidString)"
    }

    /// ``path(_:)`` as a file URL.
    package static func url(_ label: String) -> URL {
        URL(fileURLWithPath: path(label))
    }
}
