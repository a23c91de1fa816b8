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

    /// One transaction per purchase recorded in loyalty accounts: the spend its points were earned on, less
    /// what returns took back, dated at the purchase, by member id; `currency` is the program's spend
    /// currency. Purchases whose whole spend came back are left out.
    public static func transactions(from accounts: [PointsAccount], currency: Currency) -> [CustomerTransaction] {
        accounts.flatMap { account in
            account.orders.values.compactMap { award -> CustomerTransaction? in
                guard let at = award.purchasedAt, award.spend > award.spendReversed else { return nil }
                return CustomerTransaction(
                    customer: account.memberID.description, at: at,
                    amount: Money(minorUnits: award.spend - award.spendReversed, currency: currency).majorUnits)
            }
        }.sorted { ($0.at, $0.customer) < ($1.at, $1.customer) }
    }
}
