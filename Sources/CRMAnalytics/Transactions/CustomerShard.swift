import CRMCore
import Foundation

/// The tallies of the customers one thread owns: those whose hash falls in its share.
///
/// Every shard reads the whole log, but only the owner of a customer looks it up and counts its purchases,
/// so the shards share no state and each builds a table of its own customers only. A run of transactions
/// of one customer is recognized without hashing again.
struct CustomerShard: Sendable {
    /// The customers of this shard, numbered in the order they first appear.
    private(set) var names: [String] = []
    /// Their tallies, by number.
    private(set) var tallies: [PurchaseTally] = []
    /// Where each first appears in the log, by number.
    private(set) var firstPositions: [Int] = []
    /// The first transaction of this shard with an amount that is not a finite number.
    private(set) var invalidPosition: Int?

    /// Tallies the customers of share `share` of `count` in `transactions`, up to day `end`, and finishes
    /// every tally.
    init(
        _ transactions: [CustomerTransaction], share: Int, of count: Int, days: LocalDays, end: Int,
        calibration: Int32
    ) {
        var customers = CustomerIndex(capacity: transactions.count / (2 * count))
        tallies.reserveCapacity(transactions.count / (2 * count))
        var outOfOrder = false
        var run: (customer: String, hash: Int, owner: Int?)?
        for (position, transaction) in transactions.enumerated() {
            if run?.customer != transaction.customer {
                let hash = CustomerIndex.hash(transaction.customer)
                run = (transaction.customer, hash, nil)
            }
            guard Self.share(ofHash: run!.hash, among: count) == share else { continue }
            guard transaction.amount.isFinite else {
                invalidPosition = invalidPosition ?? position
                continue
            }
            let day = days.day(of: transaction.at)
            guard day <= end else { continue }
            let owner: Int
            if let known = run!.owner {
                owner = known
            } else {
                let (found, isNew) = customers.owner(of: transaction.customer, hash: run!.hash)
                run!.owner = found
                guard !isNew else {
                    tallies.append(PurchaseTally(day: Int32(day), amount: transaction.amount))
                    firstPositions.append(position)
                    continue
                }
                owner = found
            }
            tallies[owner].add(day: Int32(day), amount: transaction.amount, calibration: calibration)
            outOfOrder = outOfOrder || !tallies[owner].isInOrder
        }
        if outOfOrder {
            recount(
                transactions, share: share, of: count, customers: customers, days: days, end: end,
                calibration: calibration)
        }
        for owner in tallies.indices { tallies[owner].finish(calibration: calibration) }
        names = customers.names
    }

    /// The share of a customer whose ``CustomerIndex/hash(_:)`` is `hash`, among `count` shards: from the
    /// high bits, since the table uses the low ones.
    private static func share(ofHash hash: Int, among count: Int) -> Int {
        Int(UInt64(bitPattern: Int64(hash)) >> 56) % count
    }

    /// Replaces the tallies of the customers whose purchases came out of date order with tallies of their
    /// purchases sorted by day.
    private mutating func recount(
        _ transactions: [CustomerTransaction], share: Int, of count: Int, customers: CustomerIndex, days: LocalDays,
        end: Int, calibration: Int32
    ) {
        var scattered: [Int: [(day: Int32, amount: Double)]] = [:]
        for transaction in transactions where transaction.amount.isFinite {
            let day = days.day(of: transaction.at)
            let hash = CustomerIndex.hash(transaction.customer)
            guard day <= end, Self.share(ofHash: hash, among: count) == share,
                let owner = customers.number(of: transaction.customer, hash: hash), !tallies[owner].isInOrder
            else { continue }
            scattered[owner, default: []].append((Int32(day), transaction.amount))
        }
        for (owner, purchases) in scattered {
            let sorted = purchases.sorted { $0.day < $1.day }
            var tally = PurchaseTally(day: sorted[0].day, amount: sorted[0].amount)
            for purchase in sorted.dropFirst() {
                tally.add(day: purchase.day, amount: purchase.amount, calibration: calibration)
            }
            tallies[owner] = tally
        }
    }
}
