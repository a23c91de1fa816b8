/// String comparisons for record linkage.
enum StringSimilarity {
    /// The Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal): Jaro's count of matching
    /// and transposed characters, raised for a common prefix of up to four characters with Winkler's scaling
    /// factor 0.1 (Winkler 1990, "String Comparator Metrics and Enhanced Decision Rules in the
    /// Fellegi-Sunter Model of Record Linkage").
    static func jaroWinkler(_ lhs: [UInt8], _ rhs: [UInt8]) -> Double {
        if lhs == rhs { return lhs.isEmpty ? 0 : 1 }
        guard !lhs.isEmpty, !rhs.isEmpty else { return 0 }
        let window = max(0, max(lhs.count, rhs.count) / 2 - 1)
        var lhsMatched = [Bool](repeating: false, count: lhs.count)
        var rhsMatched = [Bool](repeating: false, count: rhs.count)
        var matches = 0
        for index in lhs.indices {
            let low = max(0, index - window)
            let high = min(rhs.count - 1, index + window)
            guard low <= high else { continue }
            for other in low...high where !rhsMatched[other] && lhs[index] == rhs[other] {
                lhsMatched[index] = true
                rhsMatched[other] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var other = 0
        for index in lhs.indices where lhsMatched[index] {
            while !rhsMatched[other] { other += 1 }
            if lhs[index] != rhs[other] { transpositions += 1 }
            other += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(lhs.count) + m / Double(rhs.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, lhs.count, rhs.count), lhs[prefix] == rhs[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// The optimal-string-alignment distance of two strings (Levenshtein plus adjacent transpositions, each
    /// costing one) if it is at most `limit`, else `nil`; stops early once every cell of a row is over it.
    static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8], limit: Int) -> Int? {
        guard abs(lhs.count - rhs.count) <= limit else { return nil }
        if lhs.isEmpty || rhs.isEmpty { return max(lhs.count, rhs.count) }
        var twoBack = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[rhs.count] <= limit ? previous[rhs.count] : nil
    }
}
