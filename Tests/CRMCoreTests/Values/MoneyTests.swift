import CRMCore
import Foundation
import Testing

@Suite struct MoneyTests {
    func usd(_ text: String) throws -> Money { try Money(parsing: text, currency: .usd) }

    @Test func currencyTableKnowsRealMinorUnits() throws {
        #expect(try Currency("jpy").minorUnitDigits == 0)
        #expect(try Currency("USD").minorUnitDigits == 2)
        #expect(try Currency("BHD").minorUnitDigits == 3)
        #expect(try Currency("KWD").minorUnitDigits == 3)
        #expect(try Currency("CLF").minorUnitDigits == 4)
        let error = #expect(throws: ValidationError.self) { try Currency("USX") }
        #expect(error?.fields == ["code"])
    }

    @Test func parsingIsExact() throws {
        #expect(try usd("12.34").minorUnits == 1234)
        #expect(try usd("-0.5").minorUnits == -50)
        #expect(try usd("+7").minorUnits == 700)
        #expect(try Money(parsing: "1.234", currency: .kwd).minorUnits == 1234)
        #expect(try Money(parsing: "1500", currency: .jpy).minorUnits == 1500)
        for bad in ["12abc", "", "1,000.00", "1e3", "1.", ".5", "1.234", "--1", " 1", "92233720368547758.08"] {
            let error = #expect(throws: ValidationError.self, "\(bad)") { try usd(bad) }
            #expect(error?.fields == ["amount"], "\(bad)")
        }
        #expect(throws: ValidationError.self) { try Money(parsing: "1.5", currency: .jpy) }
    }

    @Test func arithmeticRefusesMixedCurrenciesAndOverflow() throws {
        #expect(try (usd("1.10") + usd("2.20")).minorUnits == 330)
        #expect(try (usd("1.10") - usd("2.20")).minorUnits == -110)
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur)) { try usd("1") + Money(minorUnits: 1, currency: .eur) }
        let huge = Money(minorUnits: .max, currency: .usd)
        #expect(throws: MoneyError.self) { try huge + usd("0.01") }
        #expect(throws: MoneyError.self) { try huge.multiplied(by: 2) }
        #expect(throws: MoneyError.self) { try Money(minorUnits: .min, currency: .usd).negated() }
        #expect(try Money.sum([usd("1"), usd("2.50")], currency: .usd).minorUnits == 350)
    }

    @Test(arguments: [
        (RoundingRule.halfEven, [2, 2, -2, 3, 2]), (.halfUp, [3, 2, -3, 3, 2]), (.down, [2, 2, -2, 2, 2]),
        (.up, [3, 3, -3, 3, 3]),
    ])
    func multiplyingByARateRoundsOnceByTheRule(_ rule: RoundingRule, _ expected: [Int64]) throws {
        // Exact products in minor units: 2.5 (a tie), 2.1, -2.5 (a negative tie), 2.8 and 2.25.
        let results = try [
            Money(minorUnits: 5, currency: .usd).multiplied(by: Decimal(string: "0.5")!, rounding: rule),
            Money(minorUnits: 21, currency: .usd).multiplied(by: Decimal(string: "0.1")!, rounding: rule),
            Money(minorUnits: -5, currency: .usd).multiplied(by: Decimal(string: "0.5")!, rounding: rule),
            Money(minorUnits: 7, currency: .usd).multiplied(by: Decimal(string: "0.4")!, rounding: rule),
            Money(minorUnits: 9, currency: .usd).multiplied(by: Decimal(string: "0.25")!, rounding: rule),
        ].map(\.minorUnits)
        #expect(results == expected)
    }

    @Test func vatExampleUsesBankersRoundingByDefault() throws {
        #expect(try usd("10.00").multiplied(by: Decimal(string: "0.19")!).minorUnits == 190)
        #expect(try usd("0.25").multiplied(by: Decimal(string: "0.5")!).minorUnits == 12)
        #expect(try usd("0.35").multiplied(by: Decimal(string: "0.5")!).minorUnits == 18)
    }

    @Test func allocationLosesNoMinorUnit() throws {
        #expect(try usd("10.00").allocated(by: [1, 1, 1]).map(\.minorUnits) == [334, 333, 333])
        #expect(try usd("0.05").allocated(by: [3, 7]).map(\.minorUnits) == [2, 3])
        #expect(try usd("-10.00").split(into: 3).map(\.minorUnits) == [-334, -333, -333])
        #expect(try usd("100").allocated(by: [0, 1]).map(\.minorUnits) == [0, 10_000])
        let odd = Money(minorUnits: .max, currency: .usd)
        #expect(try Money.sum(odd.allocated(by: [1, 2, 3, 4]), currency: .usd) == odd)
        #expect(try Money(minorUnits: .min, currency: .usd).allocated(by: [1]).map(\.minorUnits) == [.min])
        #expect(throws: MoneyError.self) { try usd("1").allocated(by: []) }
        #expect(throws: MoneyError.self) { try usd("1").allocated(by: [0, 0]) }
        #expect(throws: MoneyError.self) { try usd("1").allocated(by: [2, -1]) }
    }

    @Test func descriptionIsPlainAndFormattingFollowsTheLocale() throws {
        #expect(try usd("-1234.5").description == "-1234.50 USD")
        #expect(Money(minorUnits: 1500, currency: .jpy).description == "1500 JPY")
        #expect(Money(minorUnits: 1500, currency: .kwd).description == "1.500 KWD")
        let us = try usd("1234.5").formatted(locale: Locale(identifier: "en_US"))
        #expect(us.contains("1,234.50"), "\(us)")
        let german = Money(minorUnits: 123_450, currency: .eur).formatted(locale: Locale(identifier: "de_DE"))
        #expect(german.contains("1.234,50"), "\(german)")
        let yen = Money(minorUnits: 1235, currency: .jpy).formatted(locale: Locale(identifier: "ja_JP"))
        #expect(yen.contains("1,235") && !yen.contains("."), "\(yen)")
    }

    @Test func moneyRoundTripsThroughJSON() throws {
        let money = try Money(parsing: "1.500", currency: .bhd)
        let decoded = try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(money))
        #expect(decoded == money)
        let bad = Data(#"{"minorUnits":1,"currency":"XXQ"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: bad) }
    }
}

@Suite struct ExchangeRateTableTests {
    let january = Date(timeIntervalSince1970: 1_767_225_600)
    var february: Date { january.addingTimeInterval(31 * 86_400) }

    @Test func convertsAtTheRateInEffectOnTheDate() throws {
        var rates = ExchangeRateTable()
        try rates.add(from: .eur, to: .usd, rate: Decimal(string: "1.10")!, effective: january)
        try rates.add(from: .eur, to: .usd, rate: Decimal(string: "1.20")!, effective: february)
        let price = try Money(parsing: "100.00", currency: .eur)
        #expect(try rates.convert(price, to: .usd, on: january.addingTimeInterval(86_400)).minorUnits == 11_000)
        #expect(try rates.convert(price, to: .usd, on: february).minorUnits == 12_000)
        #expect(throws: MoneyError.self) { try rates.convert(price, to: .usd, on: january.addingTimeInterval(-1)) }
    }

    @Test func usesTheReciprocalOfTheOppositePair() throws {
        var rates = ExchangeRateTable()
        try rates.add(from: .usd, to: .jpy, rate: 150, effective: january)
        let yen = Money(minorUnits: 15_000, currency: .jpy)
        #expect(try rates.convert(yen, to: .usd, on: february).minorUnits == 10_000)
        #expect(throws: MoneyError.self) { try rates.convert(yen, to: .gbp, on: february) }
    }

    @Test func rejectsBadRatesNamingEveryField() throws {
        var rates = ExchangeRateTable()
        let error = #expect(throws: ValidationError.self) {
            try rates.add(from: .usd, to: .usd, rate: -1, effective: january)
        }
        #expect(error?.fields == ["to", "rate"])
    }
}
