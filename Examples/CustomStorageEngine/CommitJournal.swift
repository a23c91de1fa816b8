import CRMCore

/// The whole effect of one commit, written as a single file before any record file is touched.
///
/// A commit changes several files (one per record, plus the change feed), and a crash can stop it between
/// any two of them. So the engine first writes this journal durably: from that moment the commit counts.
/// Then it rewrites the record files and deletes the journal. When a store opens and finds a journal, the
/// last commit was interrupted, and the store finishes it by applying the journal again. Applying twice
/// is harmless: every step writes a whole file or deletes one.
struct CommitJournal: Codable {
    /// The records as the commit leaves them.
    var written: [RecordDocument]
    /// The records the commit deletes.
    var deleted: [DeletedRecord]
    /// The commit's entries in the change feed.
    var changes: [ChangeDocument]

    /// A record the commit deletes.
    struct DeletedRecord: Codable {
        var entity: String
        var id: String
    }
}
