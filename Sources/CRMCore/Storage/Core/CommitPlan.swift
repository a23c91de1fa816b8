import Foundation

/// The checked effect of a transaction: the state of each written record after it, and the changes to
/// publish. Computing a plan changes nothing; applying one cannot fail. That split is what makes commits
/// atomic, and lets the file engine make the plan durable before the state changes.
struct CommitPlan {
    struct Write {
        var key: RecordKey
        /// The record after the write; `nil` after a delete.
        var after: StoredRecord?
    }

    var writes: [Write]
    var changes: [Change]
    var committedAt: Date
    var principal: Principal

    var receipt: CommitReceipt {
        var versions: [RecordKey: UInt64] = [:]
        versions.reserveCapacity(writes.count)
        for write in writes { versions[write.key] = write.after?.version ?? 0 }
        let sequences = changes.first.map { $0.sequence...changes.last!.sequence }
        return CommitReceipt(sequences: sequences, versions: versions, committedAt: committedAt)
    }
}
