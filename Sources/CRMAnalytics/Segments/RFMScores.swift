/// Recency, frequency and monetary scores of 1 to `levels` per customer, by quantile among all customers;
/// recency is reversed, so the most recent buyers score highest.
public struct RFMScore: Hashable, Sendable, Codable {
    /// The customer.
    public let customer: String
    /// How recently they bought (high: recently).
    public let recency: Int
    /// How often they bought.
    public let frequency: Int
    /// How much they spent per purchase.
    public let monetary: Int
    /// The segment the scores fall in.
    public let segment: String
}

/// A named group of RFM scores; the first rule whose ranges hold names the customer's segment.
public struct RFMSegmentRule: Hashable, Sendable, Codable {
    /// The segment's name.
    public var name: String
    /// The recency scores it covers.
    public var recency: ClosedRange<Int>
    /// The frequency scores it covers.
    public var frequency: ClosedRange<Int>
    /// The monetary scores it covers.
    public var monetary: ClosedRange<Int>

    /// Creates a rule; a range left out covers every score.
    public init(
        _ name: String, recency: ClosedRange<Int> = 1...9, frequency: ClosedRange<Int> = 1...9,
        monetary: ClosedRange<Int> = 1...9
    ) {
        self.name = name
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// The usual segments for five levels, tried in order: champions, loyal, new, at risk, hibernating, and
    /// everyone else as promising.
    public static let standard: [RFMSegmentRule] = [
        RFMSegmentRule("champions", recency: 4...5, frequency: 4...5, monetary: 4...5),
        RFMSegmentRule("loyal", recency: 3...5, frequency: 4...5),
        RFMSegmentRule("new", recency: 4...5, frequency: 1...1),
        RFMSegmentRule("at risk", recency: 1...2, frequency: 3...5),
        RFMSegmentRule("hibernating", recency: 1...2, frequency: 1...2),
        RFMSegmentRule("promising"),
    ]
}

/// Scores customers by recency (time since the last purchase), frequency and monetary value.
public struct RFMScoring: Sendable {
    /// How many levels each score has (5 for quintiles).
    public var levels: Int
    /// The segment rules, tried in order; a customer no rule covers is in segment `other`.
    public var segments: [RFMSegmentRule]

    /// Creates the scoring.
    public init(levels: Int = 5, segments: [RFMSegmentRule] = RFMSegmentRule.standard) {
        self.levels = max(1, levels)
        self.segments = segments
    }

    /// The scores of every customer, in the order given. Ties share a score (the quantile of their first
    /// rank), so equal customers are never split.
    public func scores(_ customers: [CustomerSummary]) -> [RFMScore] {
        let recency = levelsOf(customers.map { -($0.age - $0.recency) })
        let frequency = levelsOf(customers.map { Double($0.frequency) })
        let monetary = levelsOf(customers.map(\.monetaryValue))
        return customers.indices.map { index in
            let segment =
                segments.first { rule in
                    rule.recency.contains(recency[index]) && rule.frequency.contains(frequency[index])
                        && rule.monetary.contains(monetary[index])
                }?.name ?? "other"
            return RFMScore(
                customer: customers[index].customer, recency: recency[index], frequency: frequency[index],
                monetary: monetary[index], segment: segment)
        }
    }

    /// The level (1...levels) of each value by its rank, ties taking the level of their first rank.
    private func levelsOf(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Int](repeating: 1, count: values.count)
        var rank = 0
        while rank < order.count {
            var end = rank
            while end + 1 < order.count && values[order[end + 1]] == values[order[rank]] { end += 1 }
            let level = rank * levels / order.count + 1
            for position in rank...end { result[order[position]] = level }
            rank = end + 1
        }
        return result
    }
}
