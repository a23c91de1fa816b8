public import CRMCore
import Foundation

extension EngineContactStore {
    /// Merges contacts in one transaction; see ``ContactStore/merge(_:by:)``.
    public func merge(_ request: MergeRequest, by principal: Principal) async throws -> Stored<MergeRecord> {
        guard request.contacts.count >= 2, Set(request.contacts).count == request.contacts.count else {
            throw ValidationError(
                subject: "MergeRequest", field: "contacts", reason: "needs two or more different contacts")
        }
        var contacts: [Stored<Contact>] = []
        for id in request.contacts {
            guard let contact = try await contact(id) else {
                throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such contact")
            }
            contacts.append(contact)
        }
        if case .chosen(let id) = request.survivor, !request.contacts.contains(id) {
            throw ValidationError(
                subject: "MergeRequest", field: "survivor", reason: "is not one of the merged contacts",
                value: id.description)
        }
        let survivor = ContactMerger.survivor(of: contacts, rule: request.survivor)
        let result = try ContactMerger.merged(contacts, survivor: survivor.value.id, picks: request.picks).validated()
        let merged = contacts.filter { $0.value.id != survivor.value.id }
        let mergedIDs = merged.map(\.value.id)

        var operations = try contactWrites(from: survivor.value, to: result, expectedVersion: survivor.version)
        for contact in merged {
            operations += try contactWrites(from: contact.value, to: nil, expectedVersion: contact.version)
        }
        let moved = try await movedRecords(from: Set(mergedIDs), to: survivor.value.id)
        operations += moved.operations
        for mover in referenceMovers {
            operations += try await mover.operations(merging: mergedIDs, into: survivor.value.id, engine: engine)
        }
        let record = MergeRecord(
            id: ID(ids.next()), survivorID: survivor.value.id, survivorBefore: survivor.value,
            survivorVersionAfter: survivor.version + 1, merged: merged.map(\.value),
            formerInteractions: moved.interactions, formerFollowUps: moved.followUps, formerConsents: moved.consents,
            isUndone: false)
        operations += try mergeRecordWrites(record, expectedVersion: nil)
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        return try await mergeRecord(record.id)!
    }

    /// Undoes a merge in one transaction; see ``ContactStore/undoMerge(_:by:)``.
    public func undoMerge(_ id: ID<MergeRecord>, by principal: Principal) async throws {
        guard let stored = try await mergeRecord(id) else {
            throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such merge")
        }
        var record = stored.value
        guard !record.isUndone else {
            throw ValidationError(subject: "MergeRecord", field: "isUndone", reason: "the merge was already undone")
        }
        guard let survivor = try await contact(record.survivorID), survivor.version == record.survivorVersionAfter
        else {
            throw StorageError(
                .conflict, key: ContactEntities.key(record.survivorID),
                message: "the surviving contact changed after the merge; undo that change first or merge again")
        }
        var operations = try contactWrites(
            from: survivor.value, to: record.survivorBefore, expectedVersion: survivor.version)
        for contact in record.merged { operations += try contactWrites(from: nil, to: contact, expectedVersion: nil) }
        operations += try await restoreWrites(record)
        for mover in referenceMovers { operations += try await mover.operations(undoing: record, engine: engine) }
        record.isUndone = true
        operations += try mergeRecordWrites(record, expectedVersion: stored.version)
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
    }

    /// The merges a contact took part in, oldest first.
    public func mergeHistory(of contact: ID<Contact>) async throws -> [Stored<MergeRecord>] {
        let ids = try await owners(of: ContactEntities.merge, kind: "contact", value: contact.description)
        return try await engine.read(ContactEntities.merge, ids: ids.sorted()).map {
            Stored(try ContactEntities.mergeCoder.decode($0), record: $0)
        }
    }

    private func mergeRecord(_ id: ID<MergeRecord>) async throws -> Stored<MergeRecord>? {
        try await engine.read(ContactEntities.merge, id: id.rawValue).map {
            Stored(try ContactEntities.mergeCoder.decode($0), record: $0)
        }
    }

    private func mergeRecordWrites(_ record: MergeRecord, expectedVersion: UInt64?) throws -> [WriteOperation] {
        let key = ContactEntities.key(record.id)
        let payload = try ContactEntities.mergeCoder.encode(record)
        let values: IndexValues = ["survivor": .string(record.survivorID.description)]
        guard let expectedVersion else {
            let lookups = ([record.survivorID] + record.merged.map(\.id)).map {
                LookupKey(owner: key, kind: "contact", value: $0.description)
            }
            return [.insert(key, payload: payload, indexValues: values)] + LookupKey.changes(from: [], to: Set(lookups))
        }
        return [.update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)]
    }

    /// The interactions, follow-ups and consent records of `merged` contacts, and the writes that point
    /// them at `survivor`.
    private func movedRecords(from merged: Set<ID<Contact>>, to survivor: ID<Contact>) async throws
        -> (operations: [WriteOperation], interactions: [Interaction], followUps: [FollowUp], consents: [ConsentRecord])
    {
        var operations: [WriteOperation] = []
        var interactions: [Interaction] = []
        var seen = Set<ID<Interaction>>()
        for id in merged.sorted() {
            for stored in try await timeline(of: id) where seen.insert(stored.value.id).inserted {
                var moved = stored.value
                var participants: [ID<Contact>] = []
                for participant in moved.participants.map({ merged.contains($0) ? survivor : $0 })
                where !participants.contains(participant) {
                    participants.append(participant)
                }
                moved.participants = participants
                interactions.append(stored.value)
                operations += try interactionWrites(from: stored.value, to: moved, expectedVersion: stored.version)
            }
        }
        var followUps: [FollowUp] = []
        var consents: [ConsentRecord] = []
        for id in merged.sorted() {
            for stored in try await self.followUps([.equals("contact", .string(id.description))]) {
                var moved = stored.value
                moved.contactID = survivor
                followUps.append(stored.value)
                operations += try followUpWrites(moved, expectedVersion: stored.version)
            }
            let records = try await engine.queryAll(
                RecordQuery(entity: ContactEntities.consent, filters: [.equals("contact", .string(id.description))]))
            for record in records {
                var moved = try ContactEntities.consentCoder.decode(record)
                consents.append(moved)
                moved.contactID = survivor
                operations.append(
                    .update(
                        record.key, payload: try ContactEntities.consentCoder.encode(moved),
                        indexValues: ContactEntities.indexValues(of: moved), expectedVersion: record.version))
            }
        }
        return (operations, interactions, followUps, consents)
    }

    /// The writes that put moved interactions, follow-ups and consent records back as `record` saw them.
    private func restoreWrites(_ record: MergeRecord) async throws -> [WriteOperation] {
        var operations: [WriteOperation] = []
        for former in record.formerInteractions {
            guard let current = try await engine.read(ContactEntities.interaction, id: former.id.rawValue) else {
                continue
            }
            let value = try ContactEntities.interactionCoder.decode(current)
            operations += try interactionWrites(from: value, to: former, expectedVersion: current.version)
        }
        for former in record.formerFollowUps {
            guard let current = try await followUp(former.id) else { continue }
            var restored = current.value
            restored.contactID = former.contactID
            operations += try followUpWrites(restored, expectedVersion: current.version)
        }
        for former in record.formerConsents {
            guard let current = try await engine.read(ContactEntities.consent, id: former.id.rawValue) else { continue }
            operations.append(
                .update(
                    current.key, payload: try ContactEntities.consentCoder.encode(former),
                    indexValues: ContactEntities.indexValues(of: former), expectedVersion: current.version))
        }
        return operations
    }
}
