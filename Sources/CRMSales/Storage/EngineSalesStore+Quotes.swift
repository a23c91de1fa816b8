import CRMContacts
public import CRMCore
public import Foundation

extension EngineSalesStore {
    /// Stores a quote version, or replaces it.
    public func save(_ quote: Quote, by principal: Principal) async throws {
        _ = try await engine.commit(Transaction(principal: principal, operations: [try await quoteWrite(quote)]))
    }

    /// The versions of a quote, oldest first.
    public func quoteVersions(_ id: ID<Quote>) async throws -> [Quote] {
        try await engine.queryAll(
            RecordQuery(
                entity: Self.quote, filters: [.equals("quote", .string(id.description))], sort: [SortKey("version")])
        ).map { try Self.quoteCoder.decode($0) }
    }

    /// Accepts a quote in one transaction; see ``SalesStore/accept(_:orderID:channel:winningIn:at:by:)``.
    public func accept(
        _ quote: Quote, orderID: ID<Order>, channel: Order.Channel, winningIn pipeline: Pipeline?, at now: Date,
        by principal: Principal
    ) async throws -> Order {
        var accepted = quote
        let order = try accepted.accept(at: now, orderID: orderID, channel: channel)
        var operations = [try await quoteWrite(accepted), try Self.orderWrite(order, expectedVersion: nil)]
        var won: Opportunity?
        if let pipeline, let id = quote.opportunityID, let stored = try await opportunity(id) {
            // A valid pipeline always has a won stage.
            let stage = pipeline.stages.first { $0.outcome == .won }!
            var opportunity = stored.value
            try opportunity.win(at: stage.key, in: pipeline, at: now)
            operations.append(try Self.opportunityWrite(opportunity, expectedVersion: stored.version))
            won = opportunity
        }
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        if let won {
            await events.publish(
                OpportunityWon(opportunityID: won.id, accountID: won.accountID, amount: won.amount, at: now))
        }
        return order
    }

    /// Stores a campaign, or replaces it.
    public func save(_ campaign: Campaign, by principal: Principal) async throws {
        let write = try await engine.upsert(
            RecordKey(entity: Self.campaign, id: campaign.id.rawValue),
            payload: try Self.campaignCoder.encode(campaign),
            indexValues: ["status": .string(campaign.status.rawValue)])
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    /// The campaign with `id`, or `nil`.
    public func campaign(_ id: ID<Campaign>) async throws -> Campaign? {
        try await engine.read(Self.campaign, id: id.rawValue).map { try Self.campaignCoder.decode($0) }
    }

    /// The write of one quote version: a record per version, its id a stable hash of the quote and version.
    private func quoteWrite(_ quote: Quote) async throws -> WriteOperation {
        let id = StableHash.recordID(of: "quote:\(quote.id)#\(quote.version)")
        return try await engine.upsert(
            RecordKey(entity: Self.quote, id: id), payload: try Self.quoteCoder.encode(quote),
            indexValues: ["quote": .string(quote.id.description), "version": .integer(Int64(quote.version))])
    }
}
