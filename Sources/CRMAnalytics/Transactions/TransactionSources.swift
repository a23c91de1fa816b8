public import CRMCore
public import CRMLoyalty
public import CRMSales
import Foundation

/// Transactions from the other modules' records, for the customer-base models.
public enum TransactionSources {
    /// One transaction per placed order, worth its net amount less what returns refunded, dated when it was
    /// placed; drafts and cancelled orders are left out, and so are orders `customer` gives no customer for.
    public static func transactions(from orders: [Order], customer: (Order) -> String?) -> [CustomerTransaction] {
        orders.compactMap { order in
            guard let placed = order.placedAt, order.status != .cancelled, let who = customer(order) else { return nil }
            return CustomerTransaction(customer: who, at: placed, amount: order.net.majorUnits)
        }
    }

    /// One transaction per purchase in a loyalty ledger: the spend its points were earned on, net of returns,
    /// dated at the purchase, by member id; `currency` is the program's spend currency.
    public static func transactions(from ledger: [LedgerEntry], currency: Currency) -> [CustomerTransaction] {
        var spend: [String: (member: String, at: Date?, minorUnits: Int64)] = [:]
        for entry in ledger {
            guard let order = entry.order, entry.spend != 0,
                entry.kind == .pending || entry.kind == .earned || entry.kind == .reversed
            else { continue }
            let key = "\(entry.memberID)/\(order)"
            var item = spend[key] ?? (entry.memberID.description, nil, 0)
            if entry.kind != .reversed && entry.relatesTo == nil { item.at = entry.countsAt ?? entry.at }
            if entry.kind != .earned || entry.relatesTo == nil { item.minorUnits += entry.spend }
            spend[key] = item
        }
        return spend.values.compactMap { item in
            guard let at = item.at else { return nil }
            return CustomerTransaction(
                customer: item.member, at: at, amount: Money(minorUnits: item.minorUnits, currency: currency).majorUnits
            )
        }.sorted { ($0.at, $0.customer) < ($1.at, $1.customer) }
    }
}
