// crm-benchmarks: per-operation costs of the storage engines on contact-sized records.
//
//   swift run -c release crm-benchmarks            1,000,000 records in the large store
//   swift run -c release crm-benchmarks --quick    100,000 records, for a fast look
import CRMCore
import Foundation

let quick = CommandLine.arguments.contains("--quick")
let root = FileManager.default.temporaryDirectory.appendingPathComponent("crm-bench-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

emit("swift-crm storage benchmarks, \(ProcessInfo.processInfo.activeProcessorCount) cores, release build")
if case .insert(_, let payload, let values) = ContactWorkload.insert(123_456) {
    emit("record: \(payload.count)-byte JSON payload with 11 fields, \(values.count) indexed fields")
}
try await Workloads(root: root, largeStoreSize: quick ? 100_000 : 1_000_000, quick: quick).runAll()
