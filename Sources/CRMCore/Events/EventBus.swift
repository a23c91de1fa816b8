import Foundation
import Synchronization

/// Something that happened in the domain, published after the transaction that made it committed, such as
/// an opportunity won or a ticket breaching its SLA.
public protocol DomainEvent: Sendable {}

/// Delivers domain events to the handlers subscribed to their type, so one module reacts to another without
/// importing it: Loyalty awards points when Sales publishes that an order was placed.
///
/// Stores publish only after their commit returned, so a handler never sees an event of a change that was
/// rolled back. ``publish(_:)`` waits for every handler, in subscription order.
///
/// ```swift
/// let events = EventBus()
/// let subscription = events.subscribe(OpportunityWon.self) { won in print("won", won.amount) }
/// ```
public final class EventBus: Sendable {
    private struct Handler: Sendable {
        let type: ObjectIdentifier
        let deliver: @Sendable (any DomainEvent) async -> Void
    }

    /// A handle that ends a subscription when cancelled.
    public struct Subscription: Sendable, Hashable {
        let number: Int
    }

    private let handlers = Mutex<[(Int, Handler)]>([])
    private let nextNumber = Atomic(0)

    /// A bus with no subscribers.
    public init() {}

    /// Calls `handler` with every event of type `Event` published from now on.
    @discardableResult
    public func subscribe<Event: DomainEvent>(_ type: Event.Type, _ handler: @escaping @Sendable (Event) async -> Void)
        -> Subscription
    {
        let number = nextNumber.add(1, ordering: .relaxed).newValue
        let entry = Handler(type: ObjectIdentifier(type)) { event in
            if let event = event as? Event { await handler(event) }
        }
        handlers.withLock { $0.append((number, entry)) }
        return Subscription(number: number)
    }

    /// Ends a subscription.
    public func cancel(_ subscription: Subscription) {
        handlers.withLock { $0.removeAll { $0.0 == subscription.number } }
    }

    /// Delivers `event` to the handlers of its type, one after another.
    public func publish(_ event: any DomainEvent) async {
        let type = ObjectIdentifier(Swift.type(of: event))
        let matching = handlers.withLock { $0.filter { $0.1.type == type }.map(\.1) }
        for handler in matching { await handler.deliver(event) }
    }
}
