public import CRMCore
public import Foundation

extension PointsAccount {
    /// Adds `points` of `currency` at `now` (a bonus or a correction), expiring by the currency's policy.
    public mutating func earn(
        _ points: Int64, currency: String, source: LedgerEntry.Source, at now: Date, id: ID<LedgerEntry>,
        program: LoyaltyProgram
    ) throws(LoyaltyError) -> LedgerEntry {
        guard points > 0 else { throw .nonPositivePoints(points) }
        guard let kind = program.currency(currency) else { throw .unknownPointCurrency(currency) }
        let entry = LedgerEntry(
            id: id, memberID: memberID, currency: currency, kind: .earned, points: points, at: now, source: source,
            expiresAt: kind.expiry.expiry(ofPointsEarnedAt: now, in: program.timeZone),
            qualifyingPoints: kind.purpose == .qualifying ? points : 0)
        apply(entry, program: program)
        return entry
    }

    /// Records the points `result` that `purchase` earned: pending for the program's return window, or
    /// earned at once when it has none. The purchase's spend counts for tiers once, on the first entry.
    public mutating func award(
        _ result: EarningResult, for purchase: Purchase, ids: any IDGenerator, program: LoyaltyProgram
    ) -> [LedgerEntry] {
        let spend = purchase.lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        var entries: [LedgerEntry] = []
        for currency in program.currencies {
            guard let points = result.points[currency.key], points > 0 else { continue }
            let window = Double(program.returnWindowDays) * 86_400
            let entry = LedgerEntry(
                id: ID(ids.next()), memberID: memberID, currency: currency.key,
                kind: window > 0 ? .pending : .earned, points: points, at: purchase.at,
                source: .order(purchase.orderReference),
                expiresAt: window > 0
                    ? nil : currency.expiry.expiry(ofPointsEarnedAt: purchase.at, in: program.timeZone),
                unlocksAt: window > 0 ? purchase.at + window : nil,
                qualifyingPoints: currency.purpose == .qualifying ? points : 0, spend: entries.isEmpty ? spend : 0,
                countsAt: purchase.at)
            apply(entry, program: program)
            entries.append(entry)
        }
        return entries
    }

    /// Unlocks the pending points whose return window ended by `now`; they are earned at the instant their
    /// window ended, so the outcome does not depend on when this runs.
    public mutating func unlock(at now: Date, ids: any IDGenerator, program: LoyaltyProgram) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for award in pending where award.unlocksAt <= now {
            let entry = LedgerEntry(
                id: ID(ids.next()), memberID: memberID, currency: award.currency, kind: .earned, points: award.points,
                at: award.unlocksAt, source: .order(award.order),
                expiresAt: program.currency(award.currency)?.expiry.expiry(
                    ofPointsEarnedAt: award.unlocksAt, in: program.timeZone),
                relatesTo: award.entryID, qualifyingPoints: award.qualifyingPoints, spend: award.spend,
                countsAt: orders[award.order]?.purchasedAt)
            apply(entry, program: program)
            entries.append(entry)
        }
        return entries
    }

    /// Spends `points` of the redeemable `currency`, taking awards in the program's consumption order.
    public mutating func spend(
        _ points: Int64, currency: String, at now: Date, source: LedgerEntry.Source, id: ID<LedgerEntry>,
        program: LoyaltyProgram
    ) throws(LoyaltyError) -> LedgerEntry {
        guard points > 0 else { throw .nonPositivePoints(points) }
        guard program.currency(currency)?.purpose == .redeemable else { throw .unknownPointCurrency(currency) }
        guard balance(currency) >= points else {
            throw .insufficientPoints(currency: currency, balance: balance(currency), requested: points)
        }
        let entry = LedgerEntry(
            id: id, memberID: memberID, currency: currency, kind: .spent, points: points, at: now, source: source,
            consumed: consumption(of: points, currency: currency))
        apply(entry, program: program)
        return entry
    }

    /// Gives back the points of the spend `spent` (a cancelled redemption) with their original expiry dates.
    public mutating func refund(_ spent: LedgerEntry, at now: Date, id: ID<LedgerEntry>, program: LoyaltyProgram)
        -> LedgerEntry
    {
        let entry = LedgerEntry(
            id: id, memberID: memberID, currency: spent.currency, kind: .refunded, points: spent.points, at: now,
            source: spent.source, consumed: spent.consumed, relatesTo: spent.id)
        apply(entry, program: program)
        return entry
    }

    /// Takes back the points of an order of which `returnedShare` (0 to 1) has been returned in all; calling it
    /// again with the same share takes nothing more.
    ///
    /// Per point currency, the share of what the order earned, less what earlier returns took, is taken back:
    /// first from points still pending, then from the order's own awards, then, for the part of them that was
    /// already spent, from the member's other points. Points of the order that expired are gone and are not
    /// taken again; what cannot be taken is recorded as the entry's shortfall. Tier qualification loses the
    /// whole share in the period of the purchase.
    public mutating func reverse(
        order: String, returnedShare: Decimal, at now: Date, ids: any IDGenerator, program: LoyaltyProgram
    ) throws(LoyaltyError) -> [LedgerEntry] {
        guard returnedShare >= 0 && returnedShare <= 1 else { throw .invalidShare(returnedShare) }
        guard let award = orders[order], !award.earned.isEmpty else { throw .unknownOrder(order) }
        var entries: [LedgerEntry] = []
        var spendLeft = max(0, Self.share(of: award.spend, returnedShare) - award.spendReversed)
        for currency in program.currencies {
            let earned = award.earned[currency.key, default: 0]
            var target = Self.share(of: earned, returnedShare) - award.reversed[currency.key, default: 0]
            guard target > 0 else { continue }
            let qualifying = currency.purpose == .qualifying
            for pendingAward in pending where pendingAward.order == order && pendingAward.currency == currency.key {
                let taken = min(target, pendingAward.points)
                guard taken > 0 else { continue }
                let entry = LedgerEntry(
                    id: ID(ids.next()), memberID: memberID, currency: currency.key, kind: .reversed, points: taken,
                    at: now, source: .order(order), relatesTo: pendingAward.entryID,
                    qualifyingPoints: qualifying ? -taken : 0, spend: -min(spendLeft, pendingAward.spend))
                spendLeft -= min(spendLeft, pendingAward.spend)
                apply(entry, program: program)
                entries.append(entry)
                target -= taken
            }
            guard target > 0 else { continue }
            let own = openLots(currency.key).filter { $0.order == order }.reduce(Int64(0)) { $0 + $1.remaining }
            let spentOfOrder = award.spent[currency.key, default: 0] - award.takenFromOthers[currency.key, default: 0]
            let fromOwn = min(target, own)
            let fromOthers = min(target - fromOwn, max(0, spentOfOrder), balance(currency.key) - fromOwn)
            let parts = consumption(of: fromOwn + fromOthers, currency: currency.key, preferring: order)
            let entry = LedgerEntry(
                id: ID(ids.next()), memberID: memberID, currency: currency.key, kind: .reversed,
                points: fromOwn + fromOthers, at: now, source: .order(order), consumed: parts,
                qualifyingPoints: qualifying ? -target : 0, spend: -spendLeft, countsAt: award.purchasedAt,
                shortfall: target - fromOwn - fromOthers)
            spendLeft = 0
            apply(entry, program: program)
            entries.append(entry)
        }
        return entries
    }

    /// Expires every award whose expiry passed by `now`, and with an inactivity policy every award once the
    /// member was inactive long enough. Running it again expires nothing twice.
    public mutating func expire(at now: Date, ids: any IDGenerator, program: LoyaltyProgram) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for currency in program.currencies {
            let open = openLots(currency.key)
            var due = open.filter { lot in lot.expiresAt.map { $0 <= now } ?? false }
            if case .afterInactivity(let days) = currency.expiry, let last = lastActivityAt,
                last + Double(days) * 86_400 <= now
            {
                due = open
            }
            let points = due.reduce(Int64(0)) { $0 + $1.remaining }
            guard points > 0 else { continue }
            let entry = LedgerEntry(
                id: ID(ids.next()), memberID: memberID, currency: currency.key, kind: .expired, points: points, at: now,
                source: .expiry, consumed: due.map(Self.whole))
            apply(entry, program: program)
            entries.append(entry)
        }
        return entries
    }

    /// Notices for the awards that expire within `days` after `now` and were not noticed yet, one per point
    /// currency; running it again notices nothing twice.
    public mutating func expiryNotices(
        at now: Date, withinDays days: Int, ids: any IDGenerator, program: LoyaltyProgram
    ) -> [LedgerEntry] {
        let horizon = now + Double(days) * 86_400
        var entries: [LedgerEntry] = []
        for currency in program.currencies {
            let soon = openLots(currency.key).filter { lot in
                !lot.noticeSent && (lot.expiresAt.map { $0 > now && $0 <= horizon } ?? false)
            }
            guard !soon.isEmpty else { continue }
            let entry = LedgerEntry(
                id: ID(ids.next()), memberID: memberID, currency: currency.key, kind: .expiryNotice, points: 0,
                at: now, source: .expiry, consumed: soon.map(Self.whole))
            apply(entry, program: program)
            entries.append(entry)
        }
        return entries
    }

    /// The points of a lot still pending expiry, as a consumption of the whole lot.
    private static func whole(_ lot: PointsLot) -> LedgerEntry.Consumption {
        LedgerEntry.Consumption(
            lot: lot.entryID, points: lot.remaining, earnedAt: lot.earnedAt, expiresAt: lot.expiresAt, order: lot.order)
    }

    /// `share` of `points`, rounded half up.
    private static func share(of points: Int64, _ share: Decimal) -> Int64 {
        (try? Money.round(Decimal(points) * share, rule: .halfUp, operation: "share")) ?? points
    }
}
