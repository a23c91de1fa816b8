extension Money {
    /// Splits the amount in proportion to `ratios` so that the parts add up to exactly this amount.
    ///
    /// Each part first gets the whole minor units of its share; the units left over go one by one to the
    /// parts with the largest remainders, earlier parts first on a tie (the largest-remainder method).
    /// `10.00` by `[1, 1, 1]` gives `3.34, 3.33, 3.33`; `0.05` by `[3, 7]` gives `0.02, 0.03`.
    /// A negative amount is split the same way, with every part negative.
    public func allocated(by ratios: [Int64]) throws(MoneyError) -> [Money] {
        guard !ratios.isEmpty, ratios.allSatisfy({ $0 >= 0 }) else { throw .invalidRatios(ratios) }
        var total: Int64 = 0
        for ratio in ratios {
            let (sum, overflow) = total.addingReportingOverflow(ratio)
            if overflow { throw .invalidRatios(ratios) }
            total = sum
        }
        guard total > 0 else { throw .invalidRatios(ratios) }
        let magnitude = minorUnits.magnitude
        var shares: [UInt64] = []
        var remainders: [(index: Int, remainder: UInt64)] = []
        for (index, ratio) in ratios.enumerated() {
            // magnitude × ratio fits in 128 bits; the quotient fits in 64 because ratio ≤ total.
            let product = magnitude.multipliedFullWidth(by: UInt64(ratio))
            let (share, remainder) = UInt64(total).dividingFullWidth(product)
            shares.append(share)
            remainders.append((index, remainder))
        }
        var leftover = magnitude - shares.reduce(0, +)
        for entry in remainders.sorted(by: { ($0.remainder, -$0.index) > ($1.remainder, -$1.index) }) {
            guard leftover > 0 else { break }
            shares[entry.index] += 1
            leftover -= 1
        }
        return shares.map { share in
            let signed = minorUnits < 0 ? Int64(bitPattern: 0 &- share) : Int64(share)
            return Money(minorUnits: signed, currency: currency)
        }
    }

    /// Splits the amount into `count` equal parts; earlier parts get the leftover minor units.
    public func split(into count: Int) throws(MoneyError) -> [Money] {
        guard count > 0 else { throw .invalidRatios([]) }
        return try allocated(by: Array(repeating: 1, count: count))
    }
}
