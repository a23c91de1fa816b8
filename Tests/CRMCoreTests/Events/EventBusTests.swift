import CRMCore
import Synchronization
import Testing

@Suite struct EventBusTests {
    struct Placed: DomainEvent { let number: Int }
    struct Cancelled: DomainEvent { let number: Int }

    @Test func handlersGetTheirTypeInSubscriptionOrderUntilCancelled() async {
        let bus = EventBus()
        let log = Mutex<[String]>([])
        let first = bus.subscribe(Placed.self) { event in log.withLock { $0.append("first \(event.number)") } }
        bus.subscribe(Placed.self) { event in log.withLock { $0.append("second \(event.number)") } }
        bus.subscribe(Cancelled.self) { event in log.withLock { $0.append("cancelled \(event.number)") } }
        await bus.publish(Placed(number: 1))
        await bus.publish(Cancelled(number: 2))
        bus.cancel(first)
        await bus.publish(Placed(number: 3))
        #expect(log.withLock { $0 } == ["first 1", "second 1", "cancelled 2", "second 3"])
    }
}
