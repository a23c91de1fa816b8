public import CRMCore
public import Foundation

extension EngineContactStore {
    /// Stores a new segment.
    public func insert(_ segment: Segment, by principal: Principal) async throws -> Stored<Segment> {
        try segment.validate()
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: [
                    .insert(
                        ContactEntities.key(segment.id), payload: try ContactEntities.segmentCoder.encode(segment),
                        indexValues: ["nameKey": .string(SearchKey.fold(segment.name))])
                ]))
        return try await self.segment(segment.id)!
    }

    /// Replaces a segment, if it is still at `expectedVersion`.
    public func update(_ segment: Segment, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Segment>
    {
        try segment.validate()
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: [
                    .update(
                        ContactEntities.key(segment.id), payload: try ContactEntities.segmentCoder.encode(segment),
                        indexValues: ["nameKey": .string(SearchKey.fold(segment.name))],
                        expectedVersion: expectedVersion)
                ]))
        return try await self.segment(segment.id)!
    }

    /// The segment with `id`, or `nil`.
    public func segment(_ id: ID<Segment>) async throws -> Stored<Segment>? {
        try await engine.read(ContactEntities.segment, id: id.rawValue).map {
            Stored(try ContactEntities.segmentCoder.decode($0), record: $0)
        }
    }

    /// The contacts in a segment at `now`, by name. A dynamic segment reads every contact, and, when its
    /// rule looks at interactions or consent, every interaction and consent record once.
    public func members(of id: ID<Segment>, at now: Date) async throws -> [Stored<Contact>] {
        guard let segment = try await segment(id) else {
            throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such segment")
        }
        let members: [Stored<Contact>]
        switch segment.value.definition {
        case .list(let ids):
            members = try await engine.read(ContactEntities.contact, ids: ids.map(\.rawValue)).map(Self.contact(from:))
        case .rule(let rule):
            let histories = rule.needsHistory ? try await allHistories() : [:]
            members = try await engine.queryAll(RecordQuery(entity: ContactEntities.contact)).map(Self.contact(from:))
                .filter { rule.matches($0.value, history: histories[$0.value.id] ?? ContactHistory(), at: now) }
        }
        return members.sorted {
            (SearchKey.fold($0.value.name.displayName), $0.value.id) < (
                SearchKey.fold($1.value.name.displayName), $1.value.id
            )
        }
    }

    /// Every contact's interactions and consent records, from one read of each entity.
    private func allHistories() async throws -> [ID<Contact>: ContactHistory] {
        var histories: [ID<Contact>: ContactHistory] = [:]
        for record in try await engine.queryAll(RecordQuery(entity: ContactEntities.interaction)) {
            let interaction = try ContactEntities.interactionCoder.decode(record)
            for participant in interaction.participants {
                histories[participant, default: ContactHistory()].interactions.append(interaction)
            }
        }
        var consents: [ID<Contact>: [ConsentRecord]] = [:]
        for record in try await engine.queryAll(RecordQuery(entity: ContactEntities.consent)) {
            let consent = try ContactEntities.consentCoder.decode(record)
            consents[consent.contactID, default: []].append(consent)
        }
        for (contact, records) in consents {
            histories[contact, default: ContactHistory()].consent = ConsentLedger(records)
        }
        return histories
    }
}
