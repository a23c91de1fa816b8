import CRMContacts
import CRMCore
import Testing

@testable import CRMContacts

@Suite struct DuplicateDetectionTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func stringComparisonsMatchTheirPublishedValues() {
        // Winkler (1990) and the usual textbook examples.
        #expect(abs(StringSimilarity.jaroWinkler(Self.bytes("MARTHA"), Self.bytes("MARHTA")) - 0.9611) < 0.001)
        #expect(abs(StringSimilarity.jaroWinkler(Self.bytes("DWAYNE"), Self.bytes("DUANE")) - 0.84) < 0.001)
        #expect(abs(StringSimilarity.jaroWinkler(Self.bytes("DIXON"), Self.bytes("DICKSONX")) - 0.8133) < 0.001)
        #expect(StringSimilarity.jaroWinkler(Self.bytes("abc"), Self.bytes("xyz")) == 0)
        #expect(StringSimilarity.editDistance(Self.bytes("kitten"), Self.bytes("sitting"), limit: 3) == 3)
        #expect(StringSimilarity.editDistance(Self.bytes("kitten"), Self.bytes("sitting"), limit: 2) == nil)
        #expect(StringSimilarity.editDistance(Self.bytes("smith"), Self.bytes("smtih"), limit: 1) == 1)
        #expect(StringSimilarity.editDistance(Self.bytes(""), Self.bytes("ab"), limit: 2) == 2)
    }

    @Test func nicknamesSwappedNamesAndTyposStillMatchWithTheirReasons() throws {
        var william = try Fixture.person("William", "Smith", emails: ["w.smith@example.com"], phones: ["020 7946 0101"])
        william.birthday = try CalendarDay(year: 1970, month: 3, day: 4)
        var bill = try Fixture.person("Bill", "Smtih", emails: ["w.smith@example.com"])
        bill.birthday = try CalendarDay(year: 1970, month: 4, day: 3)
        let swapped = try Fixture.person("Smith", "William", phones: ["020 7946 0101"])
        let stranger = try Fixture.person("Wilma", "Stone", emails: ["wilma@example.com"], phones: ["020 7946 0999"])
        let detector = DuplicateDetector()

        let matches = detector.matches(for: william, among: [bill, swapped, stranger])
        #expect(Set(matches.map(\.second)) == [bill.id, swapped.id])
        let billMatch = try #require(matches.first { $0.second == bill.id })
        #expect(billMatch.reasons.contains("same email"))
        #expect(billMatch.reasons.contains("similar birthday"))
        #expect(matches.first { $0.second == swapped.id }?.reasons.contains("names swapped") == true)

        let groups = detector.groups(in: [william, bill, swapped, stranger])
        #expect(groups.map(\.members) == [[william.id, bill.id, swapped.id].sorted()])
    }

    @Test func externalIDsMatchExactlyAndConflictWithinOneSystem() throws {
        var shop = try Fixture.person("Alex", "Morgan")
        shop.externalIDs = [try ExternalID(system: "shop", value: "C-1")]
        var renamed = try Fixture.person("Alexandra", "Morgan-Reid")
        renamed.externalIDs = [try ExternalID(system: "shop", value: "C-1")]
        var other = try Fixture.person("Alex", "Morgan")
        other.externalIDs = [try ExternalID(system: "shop", value: "C-2")]
        let matches = DuplicateDetector().matches(for: shop, among: [renamed, other])
        #expect(matches.map(\.second) == [renamed.id])
        #expect(matches.first?.reasons.contains("same external id") == true)
    }

    @Test func theDefaultRulesFindTheSyntheticDuplicates() {
        let data = SyntheticPeople(scale: 1, seed: 7)
        let truth = data.truePairs
        #expect(data.contacts.count == 5_000)
        #expect(truth.count == 6_500)
        let found = Set(
            DuplicateDetector().matches(in: data.contacts).map { SyntheticPeople.Pair($0.first, $0.second) })
        let correct = Double(found.intersection(truth).count)
        let f1 = 2 * correct / Double(found.count + truth.count)
        #expect(f1 >= 0.99, "F1 \(f1)")
    }

    @Test(arguments: Engines.allCases)
    func theDuplicateAlertFindsStoredLookalikesBeforeSaving(_ engines: Engines) async throws {
        let store = try await engines.store()
        let ada = try Fixture.person("Ada", "Lovelace", emails: ["ada@example.com"])
        _ = try await store.insert(ada, by: Fixture.user)
        _ = try await store.insert(try Fixture.person("Alan", "Turing", emails: ["alan@example.com"]), by: Fixture.user)
        let newcomer = try Fixture.person("Ada", "Lovelase", emails: ["ADA@example.com"])
        let alert = try await store.possibleDuplicates(of: newcomer)
        #expect(alert.map(\.second) == [ada.id])
        #expect(alert.first?.reasons.contains("same email") == true)
        #expect(try await store.possibleDuplicates(of: try Fixture.person("Grace", "Hopper")).isEmpty)
    }
}
