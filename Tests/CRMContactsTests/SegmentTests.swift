import CRMContacts
import CRMCore
import Foundation
import Testing

/// Segment rules as values.
@Suite struct SegmentTests {
    @Test func segmentsNeedANameAndRulesRoundTripThroughJSON() throws {
        let unnamed = #expect(throws: ValidationError.self) {
            try Segment(id: ID(Fixture.ids.next()), name: " ", definition: .list([]))
        }
        #expect(unnamed?.issues.map(\.field) == ["name"])
        let rule = SegmentRule.all([
            .stage(.custom("partner")), .not(.reachable(.sms)), .customField("plan", .contains("Gold")),
            .consents(.marketing, nil),
            .customField("spend", .greaterThan(.money(Money(minorUnits: 1000, currency: try Currency("EUR"))))),
        ])
        #expect(try JSONDecoder().decode(SegmentRule.self, from: JSONEncoder().encode(rule)) == rule)
    }
}
