public import CRMContacts
public import CRMCore

/// Moves tickets to the surviving contact when contacts merge, and back when the merge is undone.
///
/// Give it to the contact store so a merge leaves no ticket pointing at a contact that no longer exists:
///
/// ```swift
/// let contacts = try await EngineContactStore(engine: engine, referenceMovers: [TicketContactReferences()])
/// let service = try await EngineServiceStore(contacts: contacts)
/// ```
///
/// Each moved ticket remembers the contact it came from, which is how an undo finds it.
public struct TicketContactReferences: ContactReferenceMover {
    /// Creates the mover.
    public init() {}

    /// The updates that point the tickets of `merged` contacts at `survivor`.
    public func operations(merging merged: [ID<Contact>], into survivor: ID<Contact>, engine: any StorageEngine)
        async throws -> [WriteOperation]
    {
        var operations: [WriteOperation] = []
        for contact in merged {
            for record in try await tickets(of: contact, engine: engine) {
                var ticket = try EngineServiceStore.ticketCoder.decode(record)
                ticket.contactBeforeMerge = contact
                ticket.contactID = survivor
                operations.append(try EngineServiceStore.ticketWrite(ticket, expectedVersion: record.version))
            }
        }
        return operations
    }

    /// The updates that give the tickets moved by the merge `record` their former contacts again.
    public func operations(undoing record: MergeRecord, engine: any StorageEngine) async throws -> [WriteOperation] {
        let merged = Set(record.merged.map(\.id))
        var operations: [WriteOperation] = []
        for stored in try await tickets(of: record.survivorID, engine: engine) {
            var ticket = try EngineServiceStore.ticketCoder.decode(stored)
            guard let former = ticket.contactBeforeMerge, merged.contains(former) else { continue }
            ticket.contactID = former
            ticket.contactBeforeMerge = nil
            operations.append(try EngineServiceStore.ticketWrite(ticket, expectedVersion: stored.version))
        }
        return operations
    }

    /// The ticket records of `contact`; none when the engine holds no tickets at all.
    private func tickets(of contact: ID<Contact>, engine: any StorageEngine) async throws -> [StoredRecord] {
        do {
            return try await engine.queryAll(
                RecordQuery(
                    entity: EngineServiceStore.ticket, filters: [.equals("contact", .string(contact.description))]))
        } catch  where error.code == .unknownEntity {
            return []
        }
    }
}
