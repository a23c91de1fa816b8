import CRMCore
import Foundation
import Testing

@Suite struct IndexValuesTests {
    @Test func equalityIgnoresTheOrderFieldsWereGivenIn() {
        let first: IndexValues = ["b": .integer(2), "a": .string("x")]
        var second = IndexValues()
        second["a"] = .string("x")
        second["b"] = .integer(2)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first.map(\.field) == ["a", "b"])
    }

    @Test func subscriptReplacesAndRemoves() {
        var values: IndexValues = ["score": .integer(1)]
        values["score"] = .integer(5)
        #expect(values["score"] == .integer(5))
        values["score"] = nil
        #expect(values.isEmpty)
        #expect(values["missing"] == nil)
    }

    @Test func dictionaryAndMapValuesAgree() {
        let values = IndexValues(["name": .string("Ada"), "age": .integer(36)])
        let older = values.mapValues { value in
            if case .integer(let age) = value { return .integer(age + 1) }
            return value
        }
        #expect(older == ["name": .string("Ada"), "age": .integer(37)])
        #expect(values.count == 2)
    }
}

@Suite struct ValidatedStringValueTests {
    struct Card: Codable {
        var email: EmailAddress
        var phone: PhoneNumber
        var tags: [CRMCore.Tag]
        var currency: Currency
    }

    @Test func valuesRoundTripAsTheirString() throws {
        let card = Card(
            email: try EmailAddress("ada@example.com"), phone: try PhoneNumber("+442079460958"),
            tags: [try CRMCore.Tag("VIP")], currency: Currency.eur)
        let json = String(decoding: try JSONEncoder().encode(card), as: UTF8.self)
        #expect(json.contains("\"ada@example.com\"") && json.contains("\"+442079460958\"") && json.contains("\"EUR\""))
        let decoded = try JSONDecoder().decode(Card.self, from: Data(json.utf8))
        #expect(decoded.email == card.email && decoded.tags == card.tags)
    }

    @Test func decodingValidatesAgain() {
        let json = #"{"email":"not-an-address","phone":"+442079460958","tags":[],"currency":"EUR"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Card.self, from: Data(json.utf8)) }
    }
}
