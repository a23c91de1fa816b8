import Foundation

extension SpecialFunctions {
    /// The digamma function ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to
    /// x ≥ 6, then the asymptotic series ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ) (Abramowitz and Stegun 6.3.18).
    static func digamma(_ value: Double) -> Double {
        var x = value
        var result = 0.0
        while x < 6 {
            result -= 1 / x
            x += 1
        }
        let inverse = 1 / (x * x)
        let series =
            inverse * (1.0 / 12 - inverse * (1.0 / 120 - inverse * (1.0 / 252 - inverse * (1.0 / 240 - inverse / 132))))
        return result + log(x) - 0.5 / x - series
    }
}
