public import CRMCore
public import Foundation

/// A member's balances and open awards, derived from their ledger and kept up to date entry by entry.
///
/// The ledger is the truth: ``init(memberID:replaying:program:)`` rebuilds an account from the entries, and
/// every change goes through ``apply(_:program:)``, which is what replaying runs, so the two can never
/// disagree. The operations (``earn(_:currency:source:at:id:program:)``, ``spend(_:currency:at:source:id:program:)``,
/// ``expire(at:ids:program:)``, …) decide the entries of a change, apply them and return them for storing;
/// each refusal is a ``LoyaltyError`` and leaves the account as it was. Balances are read in constant time.
public struct PointsAccount: Hashable, Sendable, Codable {
    /// Whose account.
    public let memberID: CRMCore.ID<Member>
    /// Spendable points per point currency.
    public private(set) var balances: [String: Int64] = [:]
    /// Points waiting for their return window to end, per point currency.
    public private(set) var pendingBalances: [String: Int64] = [:]
    /// The last earning or spending.
    public private(set) var lastActivityAt: Date?
    /// How many entries made it.
    public private(set) var entryCount = 0
    /// Open awards per point currency, in the program's consumption order.
    private var lots: [String: LotQueue] = [:]
    /// Pending awards, in the order they were earned.
    public private(set) var pending: [PendingAward] = []
    /// Qualifying points and spend by day, for tiers.
    public private(set) var qualification = QualificationHistory()
    /// What each order earned and had taken back, for returns.
    public private(set) var orders: [String: OrderAward] = [:]

    /// Points of a purchase that are still in their return window.
    public struct PendingAward: Hashable, Sendable, Codable {
        /// The pending entry.
        public let entryID: CRMCore.ID<LedgerEntry>
        /// The point currency.
        public let currency: String
        /// The order that earned them.
        public let order: String
        /// When they unlock.
        public let unlocksAt: Date
        /// The qualifying points it will count for tiers.
        public internal(set) var qualifyingPoints: Int64
        /// The money spent, in minor units, on one award per purchase.
        public internal(set) var spend: Int64
        /// The points still pending (a return in the window takes some back).
        public internal(set) var points: Int64
    }

    /// An empty account.
    public init(memberID: CRMCore.ID<Member>) {
        self.memberID = memberID
    }

    /// The account that `entries` (oldest first) make.
    public init(memberID: CRMCore.ID<Member>, replaying entries: some Sequence<LedgerEntry>, program: LoyaltyProgram) {
        self.init(memberID: memberID)
        for entry in entries { apply(entry, program: program) }
    }

    /// The spendable points of `currency`.
    public func balance(_ currency: String) -> Int64 { balances[currency, default: 0] }

    /// The earliest instant at which time alone changes the account: pending points unlock, an award
    /// expires, or inactivity expires everything; `nil` when nothing is waiting.
    public func nextDeadline(program: LoyaltyProgram) -> Date? {
        var deadlines = pending.map(\.unlocksAt)
        for currency in program.currencies {
            let open = lots[currency.key]?.lots ?? []
            deadlines += open.compactMap(\.expiresAt)
            if case .afterInactivity(let days) = currency.expiry, !open.isEmpty, let last = lastActivityAt {
                deadlines.append(last + Double(days) * 86_400)
            }
        }
        return deadlines.min()
    }

    /// The open awards of `currency`, in consumption order.
    public func openLots(_ currency: String) -> [PointsLot] { Array(lots[currency]?.lots ?? []) }

    // MARK: Applying entries

    /// Applies one entry: the only way the account changes.
    public mutating func apply(_ entry: LedgerEntry, program: LoyaltyProgram) {
        entryCount += 1
        let key = entry.currency
        switch entry.kind {
        case .pending:
            pending.append(
                PendingAward(
                    entryID: entry.id, currency: key, order: entry.order ?? "", unlocksAt: entry.unlocksAt ?? entry.at,
                    qualifyingPoints: entry.qualifyingPoints, spend: entry.spend, points: entry.points))
            pendingBalances[key, default: 0] += entry.points
        case .earned:
            if let released = entry.relatesTo, let index = pending.firstIndex(where: { $0.entryID == released }) {
                pendingBalances[key, default: 0] -= pending[index].points
                pending.remove(at: index)
            }
            balances[key, default: 0] += entry.points
            lots[key, default: LotQueue()].insert(
                PointsLot(
                    entryID: entry.id, earnedAt: entry.at, expiresAt: entry.expiresAt, order: entry.order,
                    remaining: entry.points), order: program.consumptionOrder)
            lastActivityAt = entry.at
        case .spent, .expired:
            take(entry.consumed, currency: key)
            for part in entry.consumed {
                if entry.kind == .spent, let order = part.order {
                    orders[order]?.recordSpending(of: part.points, currency: key)
                }
            }
            balances[key, default: 0] -= entry.points
            if entry.kind == .spent { lastActivityAt = entry.at }
        case .reversed:
            if let released = entry.relatesTo, let index = pending.firstIndex(where: { $0.entryID == released }) {
                pending[index].points -= entry.points
                pending[index].qualifyingPoints += entry.qualifyingPoints
                pending[index].spend += entry.spend
                pendingBalances[key, default: 0] -= entry.points
                if pending[index].points <= 0 { pending.remove(at: index) }
                orders[entry.order ?? "", default: OrderAward()].record(entry)
                return
            } else {
                take(entry.consumed, currency: key)
                balances[key, default: 0] -= entry.points
            }
        case .refunded:
            for part in entry.consumed where !(lots[key]?.adjust(part.lot, by: part.points) ?? false) {
                lots[key, default: LotQueue()].insert(
                    PointsLot(
                        entryID: part.lot, earnedAt: part.earnedAt, expiresAt: part.expiresAt, order: part.order,
                        remaining: part.points), order: program.consumptionOrder)
            }
            balances[key, default: 0] += entry.points
        case .expiryNotice:
            for part in entry.consumed { lots[key]?.markNoticed(part.lot) }
        }
        if entry.kind != .pending, entry.qualifyingPoints != 0 || entry.spend != 0 {
            qualification.add(
                day: program.dayNumber(of: entry.countsAt ?? entry.at), points: entry.qualifyingPoints,
                spend: entry.spend)
        }
        if let order = entry.order, entry.kind == .pending || entry.kind == .earned || entry.kind == .reversed {
            orders[order, default: OrderAward()].record(entry)
        }
    }

    private mutating func take(_ parts: [LedgerEntry.Consumption], currency: String) {
        for part in parts { _ = lots[currency]?.adjust(part.lot, by: -part.points) }
        lots[currency]?.removeEmpty()
    }

    /// The awards that `points` of `currency` take in consumption order, preferring `firstFrom` (an order's
    /// own awards, for a reversal).
    func consumption(of points: Int64, currency: String, preferring order: String? = nil) -> [LedgerEntry.Consumption] {
        var left = points
        var parts: [LedgerEntry.Consumption] = []
        let open = lots[currency]?.lots ?? []
        let ordered =
            order.map { reference in open.filter { $0.order == reference } + open.filter { $0.order != reference } }
            ?? Array(open)
        for lot in ordered where left > 0 && lot.remaining > 0 {
            let taken = min(left, lot.remaining)
            parts.append(
                LedgerEntry.Consumption(
                    lot: lot.entryID, points: taken, earnedAt: lot.earnedAt, expiresAt: lot.expiresAt, order: lot.order)
            )
            left -= taken
        }
        return parts
    }
}

extension LoyaltyProgram {
    /// The day number (days since 1970-01-01) of `instant` in the program's time zone.
    func dayNumber(of instant: Date) -> Int {
        LocalDays(timeZone).day(of: instant)
    }
}
