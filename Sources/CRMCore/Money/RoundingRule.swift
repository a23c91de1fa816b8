/// How an exact result is rounded to a whole number of minor units.
///
/// The names and meanings follow `java.math.RoundingMode`, the reference most finance code is written
/// against: `down` and `up` are toward and away from zero, not toward negative and positive infinity.
public enum RoundingRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nearest; a tie goes to the even neighbour (banker's rounding). The default: unbiased over many sums.
    case halfEven
    /// Nearest; a tie goes away from zero (the rounding taught at school).
    case halfUp
    /// Toward zero (truncation).
    case down
    /// Away from zero.
    case up

    /// Whether a value whose whole part is `whole` and whose positive fraction is `fraction` rounds
    /// its magnitude up.
    func roundsMagnitudeUp(whole: Int64, fractionComparedToHalf: Int, hasFraction: Bool) -> Bool {
        switch self {
        case .down: return false
        case .up: return hasFraction
        case .halfUp: return fractionComparedToHalf >= 0
        case .halfEven: return fractionComparedToHalf > 0 || (fractionComparedToHalf == 0 && whole % 2 != 0)
        }
    }
}
