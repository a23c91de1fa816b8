import Foundation

/// The special functions the customer-base models need, in double precision.
enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    static func logGamma(_ x: Double) -> Double { lgamma(x) }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    static func logBeta(_ a: Double, _ b: Double) -> Double { lgamma(a) + lgamma(b) - lgamma(a + b) }

    /// ln(eᵃ + eᵇ) without overflow.
    static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let high = max(a, b)
        return high + log1p(exp(min(a, b) - high))
    }

    /// ln(eᵃ − eᵇ) for a > b.
    static func logSubExp(_ a: Double, _ b: Double) -> Double {
        b == -.infinity ? a : a + log1p(-exp(b - a))
    }

    /// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series, summed until the
    /// terms stop mattering; `nil` when it does not settle within the iteration limit.
    static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        var term = 1.0
        var sum = 1.0
        for n in 0..<100_000 {
            let k = Double(n)
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            sum += term
            if abs(term) <= 1e-15 * abs(sum) { return sum }
        }
        return nil
    }
}
