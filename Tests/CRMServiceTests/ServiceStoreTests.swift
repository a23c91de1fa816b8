import CRMContacts
import CRMCore
import CRMService
import CRMStorageTesting
import CRMTestSupport
import Foundation
import Synchronization
import Testing

/// The engine service store on every engine: the conformance kit, and what the kit cannot see.
@Suite struct ServiceStoreTests {
    static func store(_ engine: TestEngines) async throws -> EngineServiceStore {
        try await EngineServiceStore(contacts: try await EngineContactStore(engine: try await engine.make()))
    }

    static let cases = TestEngines.allCases.flatMap { engine in
        ServiceStoreConformance.Area.allCases.map { (engine, $0) }
    }

    @Test(arguments: cases)
    func theEngineStorePassesTheKit(_ engine: TestEngines, _ area: ServiceStoreConformance.Area) async throws {
        try await ServiceStoreConformance(makeStore: { try await Self.store(engine) }).check(area)
    }

    @Test(arguments: TestEngines.allCases)
    func ticketsAndTheirClocksSurviveAReopen(_ engine: TestEngines) async throws {
        let first = try await Self.store(engine)
        var ticket = ServiceFixture.ticket()
        try ticket.setStatus(.waitingOnCustomer, at: ServiceFixture.monday + ServiceFixture.hour)
        _ = try await first.insert(ticket, by: ServiceFixture.agent)
        try await first.save(ServiceFixture.catalog, by: ServiceFixture.agent)
        let engine2 = try await engine.reopen(first.engineForTests)
        let second = try await EngineServiceStore(contacts: try await EngineContactStore(engine: engine2))
        #expect(try await second.ticket(ticket.id)?.value == ticket)
        #expect(try await second.slaPolicies() == ServiceFixture.catalog)
        let paused = try await second.ticket(ticket.id)?.value.sla?.states(at: ServiceFixture.monday + 5 * 3600)
        #expect(paused?.last?.status == .paused)
    }

    @Test(arguments: TestEngines.allCases)
    func runEscalationsMovesTicketsAtRiskUpATier(_ engine: TestEngines) async throws {
        let store = try await Self.store(engine)
        let expert = try Agent(id: ID(ServiceFixture.ids.next()), principal: ServiceFixture.agent, name: "Cy", tier: 2)
        try await store.save(expert, by: ServiceFixture.agent)
        let experts = try SupportQueue(
            id: ID(ServiceFixture.ids.next()), name: "Experts", tier: 2, agentIDs: [expert.id])
        try await store.save(experts, by: ServiceFixture.agent)
        let slow = ServiceFixture.ticket()
        let fresh = ServiceFixture.ticket(at: ServiceFixture.monday + 3 * ServiceFixture.hour)
        _ = try await store.insert(slow, by: ServiceFixture.agent)
        _ = try await store.insert(fresh, by: ServiceFixture.agent)
        let policy = EscalationPolicy([EscalationRule(name: "at risk", slaRisk: .atRisk, targetQueueID: experts.id)])
        let now = ServiceFixture.monday + 3 * ServiceFixture.hour
        #expect(try await store.runEscalations(policy, at: now, by: ServiceFixture.agent) == [slow.id])
        #expect(try await store.ticket(slow.id)?.value.assigneeID == expert.id)
        #expect(try await store.runEscalations(policy, at: now, by: ServiceFixture.agent) == [], "once is enough")
    }

    @Test(arguments: TestEngines.allCases)
    func aMergeWithAStaleDuplicateWritesNothing(_ engine: TestEngines) async throws {
        let store = try await Self.store(engine)
        let survivor = ServiceFixture.ticket()
        var duplicate = ServiceFixture.ticket()
        _ = try await store.insert(survivor, by: ServiceFixture.agent)
        _ = try await store.insert(duplicate, by: ServiceFixture.agent)
        try duplicate.close(at: ServiceFixture.monday)
        _ = try await store.update(duplicate, expectedVersion: 1, by: ServiceFixture.agent)
        await #expect(throws: TicketError.self) {
            try await store.merge(duplicate.id, into: survivor.id, at: ServiceFixture.monday, by: ServiceFixture.agent)
        }
        #expect(try await store.ticket(survivor.id)?.version == 1, "the survivor is untouched")
    }
}

extension EngineServiceStore {
    /// The engine under the store, for reopening in tests.
    var engineForTests: any StorageEngine { contacts.engine }
}

extension ServiceStoreTests {
    @Test(arguments: TestEngines.allCases)
    func mergingContactsMovesTheirTicketsAndUndoMovesThemBack(_ engine: TestEngines) async throws {
        let contacts = try await EngineContactStore(
            engine: try await engine.make(), referenceMovers: [TicketContactReferences()])
        let service = try await EngineServiceStore(contacts: contacts)
        func person() throws -> Contact {
            try Contact(
                id: ID(ServiceFixture.ids.next()), name: try PersonName(givenName: "Ada", familyName: "Lovelace"))
        }
        let ada = try await contacts.insert(try person(), by: ServiceFixture.agent).value
        let copy = try await contacts.insert(try person(), by: ServiceFixture.agent).value
        var ticket = ServiceFixture.ticket()
        ticket.contactID = copy.id
        _ = try await service.insert(ticket, by: ServiceFixture.agent)

        let merge = try await contacts.merge(MergeRequest(contacts: [ada.id, copy.id]), by: ServiceFixture.agent)
        #expect(try await service.tickets(of: ada.id).map(\.value.id) == [ticket.id])
        #expect(try await service.tickets(of: copy.id).isEmpty)
        try await contacts.undoMerge(merge.value.id, by: ServiceFixture.agent)
        #expect(try await service.tickets(of: copy.id).map(\.value.id) == [ticket.id])
        #expect(try await service.ticket(ticket.id)?.value.contactBeforeMerge == nil)
    }
}
