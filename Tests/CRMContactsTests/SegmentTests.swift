import CRMContacts
import CRMCore
import Foundation
import Testing

/// Static and dynamic segments, each body run on every engine.
@Suite struct SegmentTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: Engines.allCases)
    func dynamicSegmentsFollowFieldsTagsCustomFieldsAndHistory(_ engines: Engines) async throws {
        let store = try await engines.store()
        var ada = try Fixture.person("Ada", "Lovelace", emails: ["ada@example.com"])
        ada.lifecycleStage = .customer
        ada.tags = [try CRMCore.Tag("VIP")]
        ada.customFields = ["score": .integer(90)]
        var grace = try Fixture.person("Grace", "Hopper")
        grace.lifecycleStage = .customer
        grace.customFields = ["score": .integer(40)]
        var alan = try Fixture.person("Alan", "Turing", emails: ["alan@example.com"])
        alan.lifecycleStage = .prospect
        for contact in [ada, grace, alan] { _ = try await store.insert(contact, by: Fixture.user) }
        _ = try await store.record(
            try Interaction(
                id: ID(Fixture.ids.next()), channel: .phone, direction: .inbound, subject: "Question",
                occurredAt: Self.now.addingTimeInterval(-10 * 86_400), participants: [ada.id]), by: Fixture.user)
        _ = try await store.record(
            try Interaction(
                id: ID(Fixture.ids.next()), channel: .email, direction: .outbound, subject: "Renewal",
                occurredAt: Self.now.addingTimeInterval(-200 * 86_400), participants: [grace.id]), by: Fixture.user)

        func members(_ rule: SegmentRule) async throws -> [String] {
            let segment = try Segment(id: ID(Fixture.ids.next()), name: "test", definition: .rule(rule))
            _ = try await store.insert(segment, by: Fixture.user)
            return try await store.members(of: segment.id, at: Self.now).map(\.value.name.givenName)
        }
        #expect(try await members(.all([.stage(.customer), .not(.interacted(withinDays: 90))])) == ["Grace"])
        #expect(try await members(.interacted(withinDays: 30)) == ["Ada"])
        #expect(try await members(.tagged(try CRMCore.Tag("vip"))) == ["Ada"])
        #expect(try await members(.customField("score", .greaterThan(.integer(50)))) == ["Ada"])
        #expect(try await members(.customField("score", .isMissing)) == ["Alan"])
        #expect(try await members(.any([.stage(.prospect), .interactedOn(.email)])) == ["Alan", "Grace"])
        #expect(try await members(.all([.hasEmail, .consents(.marketing, .email)])).isEmpty)
        #expect(try await members(.all([])) == ["Ada", "Alan", "Grace"])
        #expect(try await members(.any([])).isEmpty)
    }

    @Test(arguments: Engines.allCases)
    func aStaticListHoldsItsMembersUntilChanged(_ engines: Engines) async throws {
        let store = try await engines.store()
        let ada = try await store.insert(try Fixture.person("Ada", "Lovelace"), by: Fixture.user).value
        let alan = try await store.insert(try Fixture.person("Alan", "Turing"), by: Fixture.user).value
        var list = try Segment(id: ID(Fixture.ids.next()), name: "Conference guests", definition: .list([ada.id]))
        let saved = try await store.insert(list, by: Fixture.user)
        #expect(try await store.members(of: list.id, at: Self.now).map(\.value.id) == [ada.id])
        list.definition = .list([ada.id, alan.id])
        _ = try await store.update(list, expectedVersion: saved.version, by: Fixture.user)
        #expect(try await store.members(of: list.id, at: Self.now).map(\.value.id) == [ada.id, alan.id])
        let stale = await #expect(throws: StorageError.self) {
            try await store.update(list, expectedVersion: saved.version, by: Fixture.user)
        }
        #expect(stale?.code == .conflict)
        let unnamed = #expect(throws: ValidationError.self) {
            try Segment(id: ID(Fixture.ids.next()), name: " ", definition: .list([]))
        }
        #expect(unnamed?.issues.map(\.field) == ["name"])
    }

    @Test func segmentRulesRoundTripThroughJSON() throws {
        let rule = SegmentRule.all([
            .stage(.custom("partner")), .not(.reachable(.sms)), .customField("plan", .contains("Gold")),
            .consents(.marketing, nil),
            .customField("spend", .greaterThan(.money(Money(minorUnits: 1000, currency: try Currency("EUR"))))),
        ])
        #expect(try JSONDecoder().decode(SegmentRule.self, from: JSONEncoder().encode(rule)) == rule)
    }
}
