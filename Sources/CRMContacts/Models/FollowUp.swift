public import CRMCore
public import Foundation

/// A task to follow up on: call back, send a quote, renew a contract.
public struct FollowUp: Hashable, Sendable, Codable, Identifiable {
    /// Where a follow-up stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not started.
        case open
        /// Being worked on.
        case inProgress
        /// Finished.
        case done
        /// Dropped.
        case cancelled

        /// Whether work on it is still expected.
        public var isActive: Bool { self == .open || self == .inProgress }
    }

    /// The follow-up's id.
    public var id: CRMCore.ID<FollowUp>
    /// What to do.
    public var title: String
    /// Details.
    public var notes: String
    /// When it is due, if it has a deadline.
    public var dueAt: Date?
    /// Who should do it.
    public var assignee: Principal?
    /// Where it stands.
    public var status: Status
    /// The contact it concerns, if any.
    public var contactID: CRMCore.ID<Contact>?
    /// Records of any module it concerns.
    public var links: [RecordKey]

    /// Creates a follow-up; the title must be 1 to 500 characters.
    public init(
        id: CRMCore.ID<FollowUp>, title: String, notes: String = "", dueAt: Date? = nil, assignee: Principal? = nil,
        status: Status = .open, contactID: CRMCore.ID<Contact>? = nil, links: [RecordKey] = []
    ) throws(ValidationError) {
        self.id = id
        self.title = title
        self.notes = notes
        self.dueAt = dueAt
        self.assignee = assignee
        self.status = status
        self.contactID = contactID
        self.links = links
        try validate()
    }

    /// Checks the title (1 to 500 characters after trimming) and notes (at most 100,000 characters).
    public func validate() throws(ValidationError) {
        var check = ValidationCollector(subject: "FollowUp")
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > 500 {
            check.add(field: "title", reason: "must be 1 to 500 characters", value: title)
        }
        if notes.count > 100_000 { check.add(field: "notes", reason: "must be at most 100,000 characters") }
        try check.finish()
    }

    /// Whether it is still active and its due time has passed at `now` (from the caller's clock).
    public func isOverdue(at now: Date) -> Bool {
        guard status.isActive, let dueAt else { return false }
        return dueAt < now
    }
}
