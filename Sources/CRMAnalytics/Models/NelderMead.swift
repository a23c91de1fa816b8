/// Minimizes a function of several variables by the downhill simplex method of Nelder and Mead (1965), with
/// the standard coefficients (reflection 1, expansion 2, contraction 0.5, shrink 0.5), restarting from the
/// best point up to twice while a restart still improves it.
struct NelderMead {
    /// Stop when the simplex's values differ by less than this.
    var tolerance = 1e-10
    /// Function evaluations allowed in all.
    var maximumEvaluations = 20_000

    /// The point found, its value, and whether the simplex converged within the evaluations allowed.
    func minimize(_ function: ([Double]) -> Double, from start: [Double]) -> (
        point: [Double], value: Double, converged: Bool
    ) {
        var best = start
        var bestValue = function(start)
        var evaluations = 1
        var converged = false
        for _ in 0..<3 {
            let run = simplexRun(function, from: best, evaluations: &evaluations)
            converged = run.converged
            let improved = run.value < bestValue - tolerance * max(1, abs(bestValue))
            if run.value < bestValue {
                best = run.point
                bestValue = run.value
            }
            if !improved || evaluations >= maximumEvaluations { break }
        }
        return (best, bestValue, converged && evaluations < maximumEvaluations)
    }

    private func simplexRun(_ function: ([Double]) -> Double, from start: [Double], evaluations: inout Int)
        -> (point: [Double], value: Double, converged: Bool)
    {
        let dimension = start.count
        var points = [start]
        for index in 0..<dimension {
            var point = start
            point[index] += point[index] == 0 ? 0.25 : 0.25 * max(1, abs(point[index]))
            points.append(point)
        }
        var values = points.map(function)
        evaluations += points.count
        func mix(_ a: [Double], _ b: [Double], _ weight: Double) -> [Double] {
            zip(a, b).map { $0 + weight * ($1 - $0) }
        }
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            if abs(values[dimension] - values[0]) <= tolerance * max(1, abs(values[0])) {
                return (points[0], values[0], true)
            }
            let centroid = (0..<dimension).map { index in
                points.dropLast().reduce(0) { $0 + $1[index] } / Double(dimension)
            }
            let worst = points[dimension]
            let reflected = mix(centroid, worst, -1)
            let reflectedValue = function(reflected)
            evaluations += 1
            if reflectedValue < values[0] {
                let expanded = mix(centroid, worst, -2)
                let expandedValue = function(expanded)
                evaluations += 1
                (points[dimension], values[dimension]) =
                    expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < values[dimension - 1] {
                (points[dimension], values[dimension]) = (reflected, reflectedValue)
            } else {
                let inside = reflectedValue < values[dimension]
                let contracted = mix(centroid, inside ? reflected : worst, 0.5)
                let contractedValue = function(contracted)
                evaluations += 1
                if contractedValue < min(reflectedValue, values[dimension]) {
                    (points[dimension], values[dimension]) = (contracted, contractedValue)
                } else {
                    for index in 1...dimension {
                        points[index] = mix(points[0], points[index], 0.5)
                        values[index] = function(points[index])
                    }
                    evaluations += dimension
                }
            }
        }
        let index = values.indices.min { values[$0] < values[$1] }!
        return (points[index], values[index], false)
    }
}
