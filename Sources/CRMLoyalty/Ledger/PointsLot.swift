public import CRMCore
public import Foundation

/// What is left of one award of points: the unit that spends and expiries take from.
public struct PointsLot: Hashable, Sendable, Codable {
    /// The entry that earned the award.
    public let entryID: CRMCore.ID<LedgerEntry>
    /// When it was earned.
    public let earnedAt: Date
    /// When it expires; `nil` when only inactivity or nothing expires it.
    public let expiresAt: Date?
    /// The order that earned it.
    public let order: String?
    /// The points still available.
    public internal(set) var remaining: Int64
    /// Whether the member was told it expires soon.
    public internal(set) var noticeSent = false

    init(entryID: CRMCore.ID<LedgerEntry>, earnedAt: Date, expiresAt: Date?, order: String?, remaining: Int64) {
        self.entryID = entryID
        self.earnedAt = earnedAt
        self.expiresAt = expiresAt
        self.order = order
        self.remaining = remaining
    }
}

/// The open lots of one point currency in consumption order, taken from the front in amortized constant time.
struct LotQueue: Hashable, Sendable, Codable {
    private var items: [PointsLot] = []
    private var head = 0

    init() {}

    /// Two queues are equal when they hold the same open lots in the same order.
    static func == (lhs: LotQueue, rhs: LotQueue) -> Bool { lhs.lots.elementsEqual(rhs.lots) }

    /// Hashes the open lots.
    func hash(into hasher: inout Hasher) {
        for lot in lots { hasher.combine(lot) }
    }

    /// Decodes the open lots.
    init(from decoder: any Decoder) throws {
        items = try [PointsLot](from: decoder)
    }

    /// Encodes the open lots, front first.
    func encode(to encoder: any Encoder) throws {
        try Array(lots).encode(to: encoder)
    }

    /// The open lots, front first.
    var lots: ArraySlice<PointsLot> { items[head...] }

    /// Inserts `lot` in `order`; a new award normally goes to the back.
    mutating func insert(_ lot: PointsLot, order: ConsumptionOrder) {
        let goesBefore: (PointsLot) -> Bool = { other in
            switch order {
            case .oldestFirst: return (lot.earnedAt, lot.entryID) < (other.earnedAt, other.entryID)
            case .soonestExpiringFirst:
                let mine = lot.expiresAt ?? .distantFuture
                let theirs = other.expiresAt ?? .distantFuture
                return mine != theirs ? mine < theirs : (lot.earnedAt, lot.entryID) < (other.earnedAt, other.entryID)
            }
        }
        var position = items.count
        while position > head && goesBefore(items[position - 1]) { position -= 1 }
        items.insert(lot, at: position)
    }

    /// Changes the lot of `entryID` by `change`; returns `false` when it is not open.
    mutating func adjust(_ entryID: CRMCore.ID<LedgerEntry>, by change: Int64) -> Bool {
        guard let index = items[head...].firstIndex(where: { $0.entryID == entryID }) else { return false }
        items[index].remaining += change
        return true
    }

    /// Marks the lot of `entryID` as told about its expiry.
    mutating func markNoticed(_ entryID: CRMCore.ID<LedgerEntry>) {
        if let index = items[head...].firstIndex(where: { $0.entryID == entryID }) { items[index].noticeSent = true }
    }

    /// Drops the lots that are used up, keeping the order.
    mutating func removeEmpty() {
        while head < items.count && items[head].remaining == 0 { head += 1 }
        if items[head...].contains(where: { $0.remaining == 0 }) {
            items = Array(items[head...].filter { $0.remaining > 0 })
            head = 0
        } else if head > 32 && head * 2 > items.count {
            items = Array(items[head...])
            head = 0
        }
    }
}
