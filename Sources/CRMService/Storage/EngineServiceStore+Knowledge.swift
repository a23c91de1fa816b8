public import CRMCore
public import Foundation

extension EngineServiceStore {
    /// Stores a new article (without `expectedVersion`), or replaces it if it is still at `expectedVersion`.
    public func save(_ article: KnowledgeArticle, expectedVersion: UInt64?, by principal: Principal) async throws
        -> Stored<KnowledgeArticle>
    {
        let write = try Self.write(
            article, key: RecordKey(entity: Self.article, id: article.id.rawValue), coder: Self.articleCoder,
            values: ["live": .bool(article.live != nil)], expectedVersion: expectedVersion)
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
        return try await self.article(article.id)!
    }

    /// The article with `id`, or `nil`.
    public func article(_ id: ID<KnowledgeArticle>) async throws -> Stored<KnowledgeArticle>? {
        try await engine.read(Self.article, id: id.rawValue).map {
            Stored(try Self.articleCoder.decode($0), record: $0)
        }
    }

    /// The live articles that match `text`, best first, ranked by ``KnowledgeSearch``.
    public func searchArticles(_ text: String, limit: Int) async throws -> [KnowledgeSearchResult] {
        let live = try await engine.queryAll(RecordQuery(entity: Self.article, filters: [.equals("live", .bool(true))]))
        return KnowledgeSearch(try live.map { try Self.articleCoder.decode($0) }).search(text, limit: limit)
    }

    /// Stores a satisfaction response; refused with `notFound` when its ticket does not exist.
    public func record(_ response: SatisfactionResponse, by principal: Principal) async throws {
        _ = try await existingTicket(response.ticketID)
        let write = try Self.write(
            response, key: RecordKey(entity: Self.satisfaction, id: response.id.rawValue),
            coder: Self.satisfactionCoder,
            values: ["ticket": .string(response.ticketID.description), "at": .date(response.at)], expectedVersion: nil)
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    /// The responses about one ticket, oldest first.
    public func satisfaction(for ticket: ID<Ticket>) async throws -> [SatisfactionResponse] {
        try await engine.queryAll(
            RecordQuery(
                entity: Self.satisfaction, filters: [.equals("ticket", .string(ticket.description))],
                sort: [SortKey("at")])
        ).map { try Self.satisfactionCoder.decode($0) }
    }

    /// The responses given from `start` up to, not including, `end`, oldest first.
    public func satisfaction(from start: Date, to end: Date) async throws -> [SatisfactionResponse] {
        try await engine.queryAll(
            RecordQuery(
                entity: Self.satisfaction,
                filters: [.range("at", from: RangeBound(.date(start)), to: RangeBound(.date(end), inclusive: false))],
                sort: [SortKey("at")])
        ).map { try Self.satisfactionCoder.decode($0) }
    }
}
