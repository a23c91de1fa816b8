public import CRMCore
public import Foundation

extension EngineLoyaltyStore {
    /// What one change of a member's account produced.
    struct AccountChange {
        var entries: [LedgerEntry] = []
        var operations: [WriteOperation] = []
        var events: [any DomainEvent] = []
    }

    /// Runs `body` on the member, their account and program as read, then commits the new entries, the account,
    /// the member (when it changed) and the body's other writes in one transaction at the versions read, and
    /// publishes the body's events after the commit.
    func changeAccount(
        of memberID: ID<Member>, in knownProgram: LoyaltyProgram? = nil, by principal: Principal,
        _ body: (inout Member, inout PointsAccount, LoyaltyProgram) async throws -> AccountChange
    ) async throws -> AccountChange {
        let stored = try await existingMember(memberID)
        let program =
            if let knownProgram, knownProgram.id == stored.value.programID { knownProgram } else {
                try await existingProgram(stored.value.programID)
            }
        guard let accountRecord = try await engine.read(Self.account, id: memberID.rawValue) else {
            throw StorageError(.notFound, key: accountKey(memberID), message: "the member has no account")
        }
        var member = stored.value
        var account = try Self.accountCoder.decode(accountRecord)
        let change = try await body(&member, &account, program)
        guard !change.entries.isEmpty || member != stored.value || !change.operations.isEmpty else { return change }
        var operations = try change.entries.map(Self.entryWrite) + change.operations
        operations.append(
            try Self.accountWrite(account, of: member, program: program, expectedVersion: accountRecord.version))
        if member != stored.value { operations.append(try Self.memberWrite(member, expectedVersion: stored.version)) }
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        for event in change.events { await events.publish(event) }
        return change
    }

    /// Earns the points of a purchase, and reviews the tier.
    public func recordPurchase(_ purchase: Purchase, for member: ID<Member>, by principal: Principal) async throws
        -> [LedgerEntry]
    {
        try await changeAccount(of: member, by: principal) { member, account, program in
            guard member.isActive else { throw LoyaltyError.memberNotActive(member.id, member.status) }
            let today = try await earnedFromPurchases(of: member.id, onDayOf: purchase.at, program: program)
            let result = try EarningEngine(program: program).points(
                for: purchase, tier: member.tier, earnedToday: today)
            var change = AccountChange(entries: account.award(result, for: purchase, ids: ids, program: program))
            change.events = program.reviewTier(of: &member, account: account, at: purchase.at)
            return change
        }.entries
    }

    /// Awards the bonus rules of `event`, and reviews the tier.
    public func awardBonus(_ event: LoyaltyEvent, to member: ID<Member>, at now: Date, by principal: Principal)
        async throws -> [LedgerEntry]
    {
        try await changeAccount(of: member, by: principal) { member, account, program in
            guard member.isActive else { throw LoyaltyError.memberNotActive(member.id, member.status) }
            var change = AccountChange()
            for (key, points) in EarningEngine(program: program).bonus(for: event, at: now).points.sorted(by: {
                $0.key < $1.key
            }) {
                change.entries.append(
                    try account.earn(
                        points, currency: key, source: .event(event), at: now, id: ID(ids.next()), program: program))
            }
            change.events = program.reviewTier(of: &member, account: account, at: now)
            return change
        }.entries
    }

    /// Takes back the points of a returned order.
    public func recordReturn(
        order: String, returnedShare: Decimal, for member: ID<Member>, at now: Date, by principal: Principal
    ) async throws -> [LedgerEntry] {
        try await changeAccount(of: member, by: principal) { _, account, program in
            AccountChange(
                entries: try account.reverse(
                    order: order, returnedShare: returnedShare, at: now, ids: ids, program: program))
        }.entries
    }

    /// Unlocks, notices, expires and reviews tiers for the members of the program that are due by `now`
    /// (found by their accounts' next deadline), one commit per member that changed.
    public func advance(_ programID: ID<LoyaltyProgram>, to now: Date, noticeDays: Int, by principal: Principal)
        async throws -> [any DomainEvent]
    {
        let known = try await existingProgram(programID)
        let due = try await engine.queryAll(
            RecordQuery(
                entity: Self.account,
                filters: [
                    .equals("program", .string(programID.description)),
                    .range(
                        "dueAt", from: .date(.distantPast), to: .date(now + Double(max(0, noticeDays)) * 86_400)),
                ]))
        var published: [any DomainEvent] = []
        for record in due {
            let change = try await changeAccount(of: ID(record.key.id), in: known, by: principal) {
                member, account, program in
                var change = AccountChange()
                change.entries += account.unlock(at: now, ids: ids, program: program)
                let notices = account.expiryNotices(at: now, withinDays: noticeDays, ids: ids, program: program)
                let expired = account.expire(at: now, ids: ids, program: program)
                change.entries += notices + expired
                change.events += notices.map { notice in
                    PointsExpiringSoon(
                        memberID: member.id, currency: notice.currency,
                        points: notice.consumed.reduce(0) { $0 + $1.points },
                        expiresAt: notice.consumed.compactMap(\.expiresAt).min() ?? now)
                }
                change.events += expired.map {
                    PointsExpired(memberID: member.id, currency: $0.currency, points: $0.points, at: now)
                }
                change.events += program.reviewTier(of: &member, account: account, at: now)
                return change
            }
            published += change.events
        }
        return published
    }

    /// Points each currency earned from purchases on the day of `instant` (in the program's time zone).
    private func earnedFromPurchases(of member: ID<Member>, onDayOf instant: Date, program: LoyaltyProgram)
        async throws -> [String: Int64]
    {
        let days = LocalDays(program.timeZone)
        let today = days.day(of: instant)
        let dayStart = days.start(ofDay: today)
        let dayEnd = days.start(ofDay: today + 1)
        let records = try await engine.queryAll(
            RecordQuery(
                entity: Self.entry,
                filters: [
                    .equals("member", .string(member.description)),
                    .range(
                        "at", from: RangeBound(.date(dayStart)),
                        to: RangeBound(.date(dayEnd), inclusive: false)),
                ]))
        var earned: [String: Int64] = [:]
        for record in records {
            let entry = try Self.entryCoder.decode(record)
            guard entry.order != nil, entry.relatesTo == nil, entry.kind == .pending || entry.kind == .earned else {
                continue
            }
            earned[entry.currency, default: 0] += entry.points
        }
        return earned
    }
}
