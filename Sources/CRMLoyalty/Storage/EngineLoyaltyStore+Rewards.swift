public import CRMCore
public import Foundation

extension EngineLoyaltyStore {
    /// Stores a reward, or replaces it.
    public func save(_ reward: Reward, by principal: Principal) async throws {
        try await upsert(
            RecordKey(entity: Self.reward, id: reward.id.rawValue), Self.rewardCoder.encode(reward), by: principal)
    }

    /// The reward with `id`, or `nil`.
    public func reward(_ id: ID<Reward>) async throws -> Reward? {
        try await engine.read(Self.reward, id: id.rawValue).map { try Self.rewardCoder.decode($0) }
    }

    /// The redemption with `id`, or `nil`.
    public func redemption(_ id: ID<Redemption>) async throws -> Redemption? {
        try await engine.read(Self.redemption, id: id.rawValue).map { try Self.redemptionCoder.decode($0) }
    }

    /// Redeems a reward: the spend, the redemption and the reward's stock in one transaction. A request with
    /// an idempotency key the member used before returns that redemption and changes nothing.
    public func redeem(
        _ rewardID: ID<Reward>, for memberID: ID<Member>, idempotencyKey: String, at now: Date, by principal: Principal
    ) async throws -> Redemption {
        let key = "\(memberID)/\(idempotencyKey)"
        if let earlier = try await redemption(withKey: key) { return earlier }
        guard let rewardRecord = try await engine.read(Self.reward, id: rewardID.rawValue) else {
            throw StorageError(.notFound, entity: Self.reward, id: rewardID.rawValue, message: "no such reward")
        }
        var reward = try Self.rewardCoder.decode(rewardRecord)
        var made: Redemption?
        do {
            _ = try await changeAccount(of: memberID, by: principal) { member, account, program in
                try reward.checkAvailable(to: member, at: now, tiers: program.tiers)
                let id = ID<Redemption>(ids.next())
                let spent = try account.spend(
                    reward.points, currency: reward.currency, at: now, source: .redemption(id), id: ID(ids.next()),
                    program: program)
                let redemption = Redemption(
                    id: id, memberID: member.id, reward: reward, idempotencyKey: idempotencyKey, spendEntryID: spent.id,
                    at: now)
                made = redemption
                reward.takeOne()
                return AccountChange(
                    entries: [spent],
                    operations: [
                        .insert(
                            RecordKey(entity: Self.redemption, id: id.rawValue),
                            payload: try Self.redemptionCoder.encode(redemption), indexValues: ["key": .string(key)]),
                        .update(
                            rewardRecord.key, payload: try Self.rewardCoder.encode(reward), indexValues: [:],
                            expectedVersion: rewardRecord.version),
                    ])
            }
        } catch let error as StorageError where error.code == .uniqueViolation {
            if let earlier = try await redemption(withKey: key) { return earlier }
            throw error
        }
        return made!
    }

    /// Marks a redemption fulfilled.
    public func fulfill(_ id: ID<Redemption>, at now: Date, by principal: Principal) async throws -> Redemption {
        let record = try await existingRedemption(id)
        var redemption = try Self.redemptionCoder.decode(record)
        try redemption.fulfill(at: now)
        _ = try await engine.commit(
            Transaction(
                principal: principal,
                operations: [
                    .update(
                        record.key, payload: try Self.redemptionCoder.encode(redemption),
                        indexValues: record.indexValues,
                        expectedVersion: record.version)
                ]))
        return redemption
    }

    /// Cancels an issued redemption: its points come back with their original expiry, and the stock with them.
    public func cancel(_ id: ID<Redemption>, at now: Date, by principal: Principal) async throws -> Redemption {
        let record = try await existingRedemption(id)
        var redemption = try Self.redemptionCoder.decode(record)
        try redemption.cancel(at: now)
        guard let spendRecord = try await engine.read(Self.entry, id: redemption.spendEntryID.rawValue) else {
            throw StorageError(
                .notFound, entity: Self.entry, id: redemption.spendEntryID.rawValue, message: "no such entry")
        }
        let spent = try Self.entryCoder.decode(spendRecord)
        var operations: [WriteOperation] = [
            .update(
                record.key, payload: try Self.redemptionCoder.encode(redemption), indexValues: record.indexValues,
                expectedVersion: record.version)
        ]
        if let rewardRecord = try await engine.read(Self.reward, id: redemption.rewardID.rawValue) {
            var reward = try Self.rewardCoder.decode(rewardRecord)
            reward.putBack()
            operations.append(
                .update(
                    rewardRecord.key, payload: try Self.rewardCoder.encode(reward), indexValues: [:],
                    expectedVersion: rewardRecord.version))
        }
        let writes = operations
        _ = try await changeAccount(of: redemption.memberID, by: principal) { _, account, program in
            AccountChange(
                entries: [account.refund(spent, at: now, id: ID(ids.next()), program: program)], operations: writes)
        }
        return redemption
    }

    private func redemption(withKey key: String) async throws -> Redemption? {
        try await engine.queryAll(RecordQuery(entity: Self.redemption, filters: [.equals("key", .string(key))]))
            .first.map { try Self.redemptionCoder.decode($0) }
    }

    private func existingRedemption(_ id: ID<Redemption>) async throws -> StoredRecord {
        guard let record = try await engine.read(Self.redemption, id: id.rawValue) else {
            throw StorageError(.notFound, entity: Self.redemption, id: id.rawValue, message: "no such redemption")
        }
        return record
    }
}
