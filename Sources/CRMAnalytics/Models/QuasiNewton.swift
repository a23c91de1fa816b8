/// Minimizes a smooth function of several variables with its gradient by the BFGS quasi-Newton method
/// (Nocedal and Wright, "Numerical Optimization", 2nd ed., algorithm 6.1) with a backtracking line search
/// that keeps the Armijo condition.
struct QuasiNewton {
    /// Stop when the largest gradient component is below this.
    var gradientTolerance = 1e-7
    /// Iterations allowed.
    var maximumIterations = 500
    /// The most any coordinate moves in one step, so an early step cannot leap to where the function is
    /// only numerically finite.
    var maximumStep = 1.0

    /// The point found, its value, and whether the gradient vanished within the iterations allowed.
    func minimize(_ function: ([Double]) -> (value: Double, gradient: [Double]), from start: [Double])
        -> (point: [Double], value: Double, converged: Bool)
    {
        let n = start.count
        var point = start
        var (value, gradient) = function(point)
        var inverse = (0..<n).map { row in (0..<n).map { $0 == row ? 1.0 : 0.0 } }
        for _ in 0..<maximumIterations {
            if gradient.map(abs).max()! < gradientTolerance * max(1, abs(value)) { return (point, value, true) }
            var direction = (0..<n).map { row in -(0..<n).reduce(0.0) { $0 + inverse[row][$1] * gradient[$1] } }
            var slope = zip(direction, gradient).reduce(0.0) { $0 + $1.0 * $1.1 }
            if slope >= 0 {
                inverse = (0..<n).map { row in (0..<n).map { $0 == row ? 1.0 : 0.0 } }
                direction = gradient.map { -$0 }
                slope = -gradient.reduce(0) { $0 + $1 * $1 }
            }
            let longest = direction.map(abs).max()!
            var step = longest > maximumStep ? maximumStep / longest : 1.0
            var next = point
            var trial = (value: Double.infinity, gradient: gradient)
            for _ in 0..<60 {
                next = zip(point, direction).map { $0 + step * $1 }
                trial = function(next)
                if trial.value.isFinite && trial.value <= value + 1e-4 * step * slope { break }
                step *= 0.5
            }
            guard trial.value.isFinite, trial.value <= value else { return (point, value, false) }
            let s = zip(next, point).map { $0 - $1 }
            let y = zip(trial.gradient, gradient).map { $0 - $1 }
            let sy = zip(s, y).reduce(0.0) { $0 + $1.0 * $1.1 }
            point = next
            let improvement = value - trial.value
            (value, gradient) = trial
            if improvement <= 1e-15 * max(1, abs(value)) {
                return (point, value, gradient.map(abs).max()! < 1e-4 * max(1, abs(value)))
            }
            guard sy > 1e-12 else { continue }
            let hy = (0..<n).map { row in (0..<n).reduce(0.0) { $0 + inverse[row][$1] * y[$1] } }
            let yhy = zip(y, hy).reduce(0.0) { $0 + $1.0 * $1.1 }
            for row in 0..<n {
                for column in 0..<n {
                    inverse[row][column] +=
                        (sy + yhy) * s[row] * s[column] / (sy * sy) - (hy[row] * s[column] + s[row] * hy[column]) / sy
                }
            }
        }
        return (point, value, false)
    }
}
