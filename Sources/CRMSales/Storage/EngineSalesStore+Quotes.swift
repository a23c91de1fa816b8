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
            guard let stage = pipeline.stages.first(where: { $0.outcome == .won }) else {
                throw OpportunityError.notAWonStage("")
            }
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
        let key = RecordKey(entity: Self.campaign, id: campaign.id.rawValue)
        let payload = try Self.campaignCoder.encode(campaign)
        let values: IndexValues = ["status": .string(campaign.status.rawValue)]
        let write: WriteOperation =
            try await engine.read(Self.campaign, id: campaign.id.rawValue) == nil
            ? .insert(key, payload: payload, indexValues: values)
            : .update(key, payload: payload, indexValues: values, expectedVersion: nil)
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    /// The campaign with `id`, or `nil`.
    public func campaign(_ id: ID<Campaign>) async throws -> Campaign? {
        try await engine.read(Self.campaign, id: id.rawValue).map { try Self.campaignCoder.decode($0) }
    }

    /// The write of one quote version: a record per version, its id a stable hash of the quote and version.
    private func quoteWrite(_ quote: Quote) async throws -> WriteOperation {
        let id = StableHash.recordID(of: "quote:\(quote.id)#\(quote.version)")
        let key = RecordKey(entity: Self.quote, id: id)
        let payload = try Self.quoteCoder.encode(quote)
        let values: IndexValues = ["quote": .string(quote.id.description), "version": .integer(Int64(quote.version))]
        return try await engine.read(Self.quote, id: id) == nil
            ? .insert(key, payload: payload, indexValues: values)
            : .update(key, payload: payload, indexValues: values, expectedVersion: nil)
    }
}
