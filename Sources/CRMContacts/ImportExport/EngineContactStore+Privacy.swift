public import CRMCore
public import Foundation

extension EngineContactStore {
    /// Everything the store holds about one contact, as portable JSON (see ``PersonalDataExport``).
    public func exportPersonalData(of id: ID<Contact>) async throws -> Data {
        guard let contact = try await contact(id) else {
            throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such contact")
        }
        var organization: Organization?
        if let organizationID = contact.value.organizationID {
            organization = try await self.organization(organizationID)?.value
        }
        let export = PersonalDataExport(
            contact: contact.value, organization: organization,
            interactions: try await timeline(of: id).map(\.value),
            followUps: try await followUps([.equals("contact", .string(id.description))]).map(\.value),
            consents: try await consentLedger(of: id).records.sorted { $0.capturedAt < $1.capturedAt })
        return try Self.jsonEncoder.encode(export)
    }

    /// Erases a contact's personal data in one transaction (GDPR article 17) and returns the erasure record.
    ///
    /// The contact keeps only its id, the name `Erased`, its lifecycle stage and category, and is marked
    /// not to be contacted; its emails, phones, addresses, birthday, job title, tags, custom fields and
    /// external ids are removed with their lookups. Interactions it took part in lose their subject and
    /// notes; follow-ups about it lose their notes; merge records lose the personal values they kept (the
    /// merged contacts were the same person).
    /// Consent records stay, as proof of what was permitted when (they hold no personal data but the
    /// contact id). The erasure itself is recorded with the id, time and principal only.
    public func erase(_ id: ID<Contact>, at now: Date, by principal: Principal) async throws -> ErasureRecord {
        guard let stored = try await contact(id) else {
            throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such contact")
        }
        let erased = try Self.erased(stored.value)
        var operations = try contactWrites(from: stored.value, to: erased, expectedVersion: stored.version)
        for interaction in try await timeline(of: id) {
            var scrubbed = interaction.value
            scrubbed.subject = "[erased]"
            scrubbed.notes = ""
            operations += try interactionWrites(
                from: interaction.value, to: scrubbed, expectedVersion: interaction.version)
        }
        for followUp in try await followUps([.equals("contact", .string(id.description))]) {
            var scrubbed = followUp.value
            scrubbed.notes = ""
            operations += try followUpWrites(scrubbed, expectedVersion: followUp.version)
        }
        // The contacts of a merge were one person: every former value in its lineage is that person's data.
        for merge in try await mergeHistory(of: id) {
            var scrubbed = merge.value
            scrubbed.survivorBefore = try Self.erased(scrubbed.survivorBefore)
            scrubbed.merged = try scrubbed.merged.map(Self.erased)
            for index in scrubbed.formerInteractions.indices {
                scrubbed.formerInteractions[index].subject = "[erased]"
                scrubbed.formerInteractions[index].notes = ""
            }
            for index in scrubbed.formerFollowUps.indices { scrubbed.formerFollowUps[index].notes = "" }
            operations.append(
                .update(
                    ContactEntities.key(merge.value.id), payload: try ContactEntities.mergeCoder.encode(scrubbed),
                    indexValues: ["survivor": .string(scrubbed.survivorID.description)], expectedVersion: merge.version)
            )
        }
        let record = ErasureRecord(id: ID(ids.next()), contactID: id, erasedAt: now, erasedBy: principal)
        operations.append(
            .insert(
                RecordKey(entity: ContactEntities.erasure, id: record.id.rawValue),
                payload: try ContactEntities.erasureCoder.encode(record),
                indexValues: ["contact": .string(id.description)]))
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        return record
    }

    private static func erased(_ contact: Contact) throws -> Contact {
        var erased = try Contact(
            id: contact.id, name: try PersonName(familyName: "Erased"), lifecycleStage: contact.lifecycleStage,
            category: contact.category)
        erased.doNotContactAtAll = true
        return erased
    }
}

/// The record that a contact's personal data was erased: when and by whom, without the data itself.
public struct ErasureRecord: Codable, Sendable, Hashable, Identifiable {
    /// The record's id.
    public var id: CRMCore.ID<ErasureRecord>
    /// The erased contact.
    public var contactID: CRMCore.ID<Contact>
    /// When the erasure was made.
    public var erasedAt: Date
    /// Who made it.
    public var erasedBy: Principal
}
