import Foundation

/// A web shop's first year, simulated, written as the transaction file a shop would export:
/// `customer,date,amount`, one line per purchase.
///
/// Each customer is one of three kinds, and the kind is part of the customer's id so that you can check
/// what the models find: *regulars* buy every few weeks and rarely leave, *occasionals* come back a few
/// times a year, and *one-offs* mostly never return. After every purchase a customer may leave for good,
/// unseen: the shop only ever sees purchases stop. This is the story the BG/NBD model tells (Fader, Hardie
/// and Lee, "Counting Your Customers the Easy Way", Marketing Science 24(2), 2005).
enum SimulatedShop {
    /// One kind of customer.
    struct Kind {
        let name: String
        let share: Double
        let meanWeeksBetweenPurchases: Double
        let chanceOfLeavingAfterAPurchase: Double
        let typicalBasket: Double
    }

    static let kinds = [
        Kind(
            name: "regular", share: 0.15, meanWeeksBetweenPurchases: 3, chanceOfLeavingAfterAPurchase: 0.04,
            typicalBasket: 60),
        Kind(
            name: "occasional", share: 0.35, meanWeeksBetweenPurchases: 10, chanceOfLeavingAfterAPurchase: 0.2,
            typicalBasket: 40),
        Kind(
            name: "one-off", share: 0.5, meanWeeksBetweenPurchases: 16, chanceOfLeavingAfterAPurchase: 0.75,
            typicalBasket: 25),
    ]

    /// The last day of the year the file covers.
    static let end = date(2025, 12, 31)

    /// The transaction file of `customers` customers who first bought in the first quarter of 2025.
    static func transactionFile(customers: Int, seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        var lines = ["customer,date,amount"]
        let week: TimeInterval = 7 * 86_400
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        for number in 1...customers {
            let kind = pick(using: &random)
            let customer = "\(kind.name)-\(number)"
            var at = date(2025, 1, 1) + Double.random(in: 0..<13, using: &random) * week
            while at <= end {
                let amount = kind.typicalBasket * Double.random(in: 0.5...1.5, using: &random)
                lines.append("\(customer),\(formatter.string(from: at)),\(String(format: "%.2f", amount))")
                if Double.random(in: 0..<1, using: &random) < kind.chanceOfLeavingAfterAPurchase { break }
                // Exponential waiting times: purchases arrive at random, at the kind's rate.
                at += -log(1 - Double.random(in: 0..<1, using: &random)) * kind.meanWeeksBetweenPurchases * week
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pick(using random: inout SeededGenerator) -> Kind {
        var draw = Double.random(in: 0..<1, using: &random)
        for kind in kinds {
            if draw < kind.share { return kind }
            draw -= kind.share
        }
        return kinds[kinds.count - 1]
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}
