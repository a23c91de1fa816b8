import Foundation

/// Expectation maximization of the Fellegi-Sunter model over the comparison patterns of candidate pairs:
/// estimates the share of matches and, per field and agreement level, how often it occurs among matches
/// (m) and non-matches (u), assuming the fields independent given the match status.
enum WeightFitting {
    static let iterations = 60

    /// Rules whose weights are `log2(m / u)` as fitted to `patternCounts`, and whose threshold is the
    /// score at which a pair is as likely a match as not.
    /// The fewest candidate pairs the weights are fitted to.
    static let minimumPairs = 200.0

    static func fit(_ rules: MatchingRules, patternCounts: [Int: Int]) -> MatchingRules {
        let fields = PairComparison.Field.allCases.count
        let levels = PairComparison.Level.allCases.count
        // In pattern order, so that the sums, and so the weights, are the same in every run.
        let patterns = patternCounts.sorted { $0.key < $1.key }.map { pattern, count in
            (levels: (0..<fields).map { field in (pattern >> (2 * (fields - 1 - field))) & 3 }, count: Double(count))
        }
        let total = patterns.reduce(0) { $0 + $1.count }
        // A handful of pairs says too little about how non-matches look: the fit would call any agreement
        // decisive. Below this many pairs the rules' own weights stand.
        guard total >= minimumPairs else { return rules }
        // Start from the rules' own weights: m from a match-like profile, u from 2^-weight.
        var m = rules.fieldWeights.map { weights in
            normalized(PairComparison.Level.allCases.map { level in max(0.01, weights.weight(level) > 0 ? 0.6 : 0.1) })
        }
        var u = zip(m, rules.fieldWeights).map { mField, weights in
            normalized(
                PairComparison.Level.allCases.map { level in mField[level.rawValue] / pow(2, weights.weight(level)) })
        }
        var share = 0.05
        for _ in 0..<iterations {
            var matchMass = 0.0
            var mCounts = [[Double]](repeating: [Double](repeating: 1e-6, count: levels), count: fields)
            var uCounts = mCounts
            for pattern in patterns {
                var matchLikelihood = share
                var otherLikelihood = 1 - share
                for field in 0..<fields {
                    matchLikelihood *= m[field][pattern.levels[field]]
                    otherLikelihood *= u[field][pattern.levels[field]]
                }
                let posterior = matchLikelihood / max(matchLikelihood + otherLikelihood, .leastNormalMagnitude)
                matchMass += posterior * pattern.count
                for field in 0..<fields {
                    mCounts[field][pattern.levels[field]] += posterior * pattern.count
                    uCounts[field][pattern.levels[field]] += (1 - posterior) * pattern.count
                }
            }
            share = min(max(matchMass / total, 1e-6), 1 - 1e-6)
            m = mCounts.map(normalized)
            u = uCounts.map(normalized)
        }
        var fitted = rules
        fitted.fieldWeights = zip(m, u).map { mField, uField in
            // A level never seen carries no evidence.
            func weight(_ level: PairComparison.Level) -> Double {
                mField[level.rawValue] < 1e-5 && uField[level.rawValue] < 1e-5
                    ? 0 : log2(mField[level.rawValue] / uField[level.rawValue])
            }
            return MatchingRules.Weights(
                agree: weight(.agree), partial: weight(.partial), disagree: weight(.disagree), missing: weight(.missing)
            )
        }
        fitted.threshold = log2((1 - share) / share)
        return fitted
    }

    private static func normalized(_ values: [Double]) -> [Double] {
        let sum = values.reduce(0, +)
        return values.map { $0 / sum }
    }
}
