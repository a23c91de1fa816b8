public import CRMCore
public import Foundation

extension EngineContactStore {
    // MARK: Interactions

    /// Records an interaction and its participant and link lookups in one transaction, after checking that
    /// the participants exist and, for marketing, that each may be reached on the channel.
    public func record(_ interaction: Interaction, by principal: Principal) async throws -> Stored<Interaction> {
        try interaction.validate()
        let participants = try await engine.read(
            ContactEntities.contact, ids: interaction.participants.map(\.rawValue))
        if participants.count != interaction.participants.count {
            let found = Set(participants.map(\.key.id))
            let missing = interaction.participants.first { !found.contains($0.rawValue) }
            throw ValidationError(
                subject: "Interaction", field: "participants", reason: "no such contact", value: missing?.description)
        }
        if interaction.isMarketing, let channel = interaction.channel.contactChannel {
            for record in participants {
                try await checkMarketing(to: try ContactEntities.contactCoder.decode(record), on: channel)
            }
        }
        let operations =
            [
                WriteOperation.insert(
                    ContactEntities.key(interaction.id),
                    payload: try ContactEntities.interactionCoder.encode(interaction),
                    indexValues: ContactEntities.indexValues(of: interaction))
            ] + LookupKey.changes(from: [], to: ContactEntities.lookupKeys(of: interaction))
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        let stored = try await engine.read(ContactEntities.interaction, id: interaction.id.rawValue)!
        return Stored(try ContactEntities.interactionCoder.decode(stored), record: stored)
    }

    /// The interactions a contact took part in, newest first.
    public func timeline(of contact: ID<Contact>) async throws -> [Stored<Interaction>] {
        try await interactions(withLookup: "participant", contact.description)
    }

    /// The interactions linked to `record`, newest first.
    public func interactions(linkedTo record: RecordKey) async throws -> [Stored<Interaction>] {
        try await interactions(withLookup: "link", record.description)
    }

    /// The writes that take an interaction from `old` to `new`, with its participant and link lookups.
    func interactionWrites(from old: Interaction?, to new: Interaction, expectedVersion: UInt64?) throws
        -> [WriteOperation]
    {
        let key = ContactEntities.key(new.id)
        let payload = try ContactEntities.interactionCoder.encode(new)
        let values = ContactEntities.indexValues(of: new)
        let write: WriteOperation =
            old == nil
            ? .insert(key, payload: payload, indexValues: values)
            : .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
        return [write]
            + LookupKey.changes(
                from: old.map(ContactEntities.lookupKeys(of:)) ?? [], to: ContactEntities.lookupKeys(of: new))
    }

    private func interactions(withLookup kind: String, _ value: String) async throws -> [Stored<Interaction>] {
        let ids = try await owners(of: ContactEntities.interaction, kind: kind, value: value)
        let records = try await engine.read(ContactEntities.interaction, ids: ids)
        return try records.map { Stored(try ContactEntities.interactionCoder.decode($0), record: $0) }
            .sorted { ($0.value.occurredAt, $0.value.id) > ($1.value.occurredAt, $1.value.id) }
    }

    /// Throws ``ConsentRequired`` unless `contact` may receive marketing on `channel`.
    private func checkMarketing(to contact: Contact, on channel: ContactChannel) async throws {
        guard contact.isReachable(on: channel) else {
            throw ConsentRequired(
                contactID: contact.id, channel: channel, reason: "asked not to be contacted by \(channel.rawValue)")
        }
        let ledger = try await consentLedger(of: contact.id)
        guard ledger.permits(.marketing, on: channel) else {
            let status = ledger.status(for: .marketing, on: channel)
            throw ConsentRequired(
                contactID: contact.id, channel: channel,
                reason: status.map { "marketing consent on \(channel.rawValue) is \($0.rawValue)" }
                    ?? "no marketing consent on \(channel.rawValue)")
        }
    }

    // MARK: Follow-ups

    /// Stores a new follow-up.
    public func insert(_ followUp: FollowUp, by principal: Principal) async throws -> Stored<FollowUp> {
        try followUp.validate()
        _ = try await engine.commit(
            Transaction(principal: principal, operations: try followUpWrites(followUp, expectedVersion: nil)))
        return try await self.followUp(followUp.id)!
    }

    /// Replaces a follow-up, if it is still at `expectedVersion`.
    public func update(_ followUp: FollowUp, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<FollowUp>
    {
        try followUp.validate()
        _ = try await engine.commit(
            Transaction(
                principal: principal, operations: try followUpWrites(followUp, expectedVersion: expectedVersion)))
        return try await self.followUp(followUp.id)!
    }

    /// The write of a follow-up: an insert without `expectedVersion`, else an update.
    func followUpWrites(_ followUp: FollowUp, expectedVersion: UInt64?) throws -> [WriteOperation] {
        let key = ContactEntities.key(followUp.id)
        let payload = try ContactEntities.followUpCoder.encode(followUp)
        let values = ContactEntities.indexValues(of: followUp)
        guard let expectedVersion else { return [.insert(key, payload: payload, indexValues: values)] }
        return [.update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)]
    }

    /// The follow-up with `id`, or `nil`.
    public func followUp(_ id: ID<FollowUp>) async throws -> Stored<FollowUp>? {
        try await engine.read(ContactEntities.followUp, id: id.rawValue).map {
            Stored(try ContactEntities.followUpCoder.decode($0), record: $0)
        }
    }

    /// The active follow-ups assigned to `assignee`, soonest due first, undated last.
    public func activeFollowUps(assignedTo assignee: Principal) async throws -> [Stored<FollowUp>] {
        let found = try await followUps([.equals("assignee", .string(assignee.id)), Self.active])
        return found.sorted {
            ($0.value.dueAt ?? .distantFuture, $0.value.id) < ($1.value.dueAt ?? .distantFuture, $1.value.id)
        }
    }

    /// The active follow-ups due before `now`, most overdue first.
    public func overdueFollowUps(at now: Date) async throws -> [Stored<FollowUp>] {
        let found = try await followUps([
            .range("dueAt", from: nil, to: RangeBound(.date(now), inclusive: false)), Self.active,
        ])
        // Undated follow-ups are stored without a due date (absent), which sorts below every date.
        return found.filter { $0.value.isOverdue(at: now) }.sorted {
            ($0.value.dueAt!, $0.value.id) < ($1.value.dueAt!, $1.value.id)
        }
    }

    private static let active = QueryFilter.isIn(
        "status", FollowUp.Status.allCases.filter(\.isActive).map { .string($0.rawValue) })

    func followUps(_ filters: [QueryFilter]) async throws -> [Stored<FollowUp>] {
        try await engine.queryAll(RecordQuery(entity: ContactEntities.followUp, filters: filters)).map {
            Stored(try ContactEntities.followUpCoder.decode($0), record: $0)
        }
    }

    // MARK: Consent

    /// Adds a consent record; the contact must exist.
    public func record(_ consent: ConsentRecord, by principal: Principal) async throws -> Stored<ConsentRecord> {
        try consent.validate()
        guard try await contact(consent.contactID) != nil else {
            throw ValidationError(
                subject: "ConsentRecord", field: "contactID", reason: "no such contact",
                value: consent.contactID.description)
        }
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: [
                    .insert(
                        ContactEntities.key(consent.id), payload: try ContactEntities.consentCoder.encode(consent),
                        indexValues: ContactEntities.indexValues(of: consent))
                ]))
        let stored = try await engine.read(ContactEntities.consent, id: consent.id.rawValue)!
        return Stored(try ContactEntities.consentCoder.decode(stored), record: stored)
    }

    /// A contact's consent records.
    public func consentLedger(of contact: ID<Contact>) async throws -> ConsentLedger {
        let records = try await engine.queryAll(
            RecordQuery(entity: ContactEntities.consent, filters: [.equals("contact", .string(contact.description))]))
        return ConsentLedger(try records.map { try ContactEntities.consentCoder.decode($0) })
    }
}
