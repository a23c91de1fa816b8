public import CRMCore
public import CRMSales
import Foundation
import Synchronization

/// Earns points for placed sales orders and takes them back for returns, by listening to the events of a
/// `SalesStore`; Sales knows nothing of loyalty.
///
/// ```swift
/// let bridge = SalesOrderPoints(sales: sales, loyalty: loyalty, clock: clock, principal: .system) { order in
///     try await membersByAccount[order.accountID]   // the app decides whose order it is
/// }
/// bridge.start()
/// ```
///
/// An order's lines become a ``Purchase`` with the product id as SKU, under the order's id as reference.
/// Event handlers cannot throw, so a failure (an unknown member, a suspended one) is kept in ``failures``.
public final class SalesOrderPoints: Sendable {
    private let sales: any SalesStore
    private let loyalty: any LoyaltyStore
    private let clock: any WallClock
    private let principal: Principal
    private let memberOf: @Sendable (Order) async throws -> ID<Member>?
    private let errors = Mutex<[String]>([])
    private let subscriptions = Mutex<[EventBus.Subscription]>([])

    /// Creates the bridge; `memberOf` names the member an order belongs to, or `nil` for none.
    public init(
        sales: any SalesStore, loyalty: any LoyaltyStore, clock: any WallClock, principal: Principal,
        memberOf: @escaping @Sendable (Order) async throws -> ID<Member>?
    ) {
        self.sales = sales
        self.loyalty = loyalty
        self.clock = clock
        self.principal = principal
        self.memberOf = memberOf
    }

    /// The failures so far, one line each, naming the order.
    public var failures: [String] { errors.withLock { $0 } }

    /// Starts listening to the sales store's events.
    public func start() {
        let placed = sales.events.subscribe(OrderPlaced.self) { [self] event in await self.placed(event) }
        let returned = sales.events.subscribe(OrderReturned.self) { [self] event in await self.returned(event) }
        subscriptions.withLock { $0 += [placed, returned] }
    }

    /// Stops listening.
    public func stop() {
        for subscription in subscriptions.withLock({ $0 }) { sales.events.cancel(subscription) }
        subscriptions.withLock { $0 = [] }
    }

    private func placed(_ event: OrderPlaced) async {
        await record(event.orderID) { order, member in
            let purchase = Purchase(
                orderReference: order.id.description, at: event.at,
                lines: order.lines.map { Purchase.Line(sku: $0.productID.description, amount: $0.net) })
            _ = try await self.loyalty.recordPurchase(purchase, for: member, by: self.principal)
        }
    }

    private func returned(_ event: OrderReturned) async {
        await record(event.orderID) { order, member in
            let net = order.lines.reduce(Int64(0)) { $0 + $1.net.minorUnits }
            let refunded = order.lines.reduce(Int64(0)) { $0 + $1.refundedNet.minorUnits }
            guard net > 0 else { return }
            _ = try await self.loyalty.recordReturn(
                order: order.id.description, returnedShare: Decimal(refunded) / Decimal(net), for: member,
                at: self.clock.now(), by: self.principal)
        }
    }

    private func record(_ orderID: ID<Order>, _ body: (Order, ID<Member>) async throws -> Void) async {
        do {
            guard let order = try await sales.order(orderID)?.value, let member = try await memberOf(order) else {
                return
            }
            try await body(order, member)
        } catch {
            errors.withLock { $0.append("order \(orderID): \(error)") }
        }
    }
}
