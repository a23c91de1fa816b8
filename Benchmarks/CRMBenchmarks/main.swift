// crm-benchmarks: per-operation costs of the storage engines on contact-sized records.
//
//   swift run -c release crm-benchmarks            1,000,000 records in the large store
//   swift run -c release crm-benchmarks --quick    100,000 records, for a fast look
//   ... --keep <directory>                          write the stores there and keep them
//   ... --compare                                    only the engines side by side (with PostgreSQL when
//                                                   CRM_POSTGRES_URL names a server)
//   ... --duplicates [--quick | --million]          duplicate detection quality and time on 5,000 and
//                                                   100,000 synthetic people (and 1,000,000)
//   ... --sales [--quick]                            price a 1,000-line quote; forecast 1,000,000 deals
//   ... --service [--quick]                          SLA states of 1,000,000 open tickets; a year of working time
//   ... --analytics [--quick]                        BG/NBD and Gamma-Gamma on 1,000,000 customers; RFM summaries
//   crm-benchmarks --export-summaries <file> <n>    write the summaries of n simulated customers as CSV
//   crm-benchmarks --fit-summaries <file>           fit BG/NBD and Gamma-Gamma to them; one JSON line
//   ... --loyalty [--quick]                          a 100,000-entry ledger; expiry over 1,000,000 members
//   crm-benchmarks --open <store> <records>        open a kept store in a fresh process and measure it
import CRMCore
import Foundation

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--open", let count = Int(arguments[3]) {
    try await Workloads.measureOpen(path: arguments[2], count: count)
    exit(0)
}
if arguments.contains("--sales") {
    try await QuotePricing.run()
    try await ForecastComputation.run(count: arguments.contains("--quick") ? 100_000 : 1_000_000)
    exit(0)
}
if arguments.contains("--service") {
    try await ServiceLevels.run(count: arguments.contains("--quick") ? 100_000 : 1_000_000)
    exit(0)
}
if arguments.count == 4, arguments[1] == "--export-summaries", let count = Int(arguments[3]) {
    try SummaryFiles.export(to: arguments[2], customers: count)
    exit(0)
}
if arguments.count == 3, arguments[1] == "--fit-summaries" {
    try await SummaryFiles.fit(arguments[2])
    exit(0)
}
if arguments.contains("--analytics") {
    try await CustomerBaseModels.run(customers: arguments.contains("--quick") ? 100_000 : 1_000_000)
    exit(0)
}
if arguments.contains("--loyalty") {
    try await LoyaltyLedger.run(members: arguments.contains("--quick") ? 100_000 : 1_000_000)
    exit(0)
}
if arguments.contains("--duplicates") {
    let scales = arguments.contains("--quick") ? [1] : (arguments.contains("--million") ? [1, 20, 200] : [1, 20])
    try await DuplicateDetection.run(scales: scales)
    exit(0)
}
let quick = arguments.contains("--quick")
let keep = arguments.firstIndex(of: "--keep").map { arguments[$0 + 1] }
let root = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("crm-bench-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
defer { if keep == nil { try? FileManager.default.removeItem(atPath: root) } }

emit("swift-crm storage benchmarks, \(ProcessInfo.processInfo.activeProcessorCount) cores, release build")
if case .insert(_, let payload, let values) = ContactWorkload.insert(123_456) {
    emit("record: \(payload.count)-byte JSON payload with 11 fields, \(values.count) indexed fields")
}
let workloads = Workloads(root: root, largeStoreSize: quick ? 100_000 : 1_000_000, quick: quick)
try await workloads.run(compareOnly: arguments.contains("--compare"))
