/// How concentrated value is among customers: the share the top customers bring, the Lorenz curve and the
/// Gini coefficient; the numbers behind "a few customers bring most of the value" (the Pareto principle).
///
/// ```swift
/// let concentration = try ValueConcentration(values: revenueByCustomer)
/// concentration.share(ofTop: 0.2)   // 0.62: the top 20 % bring 62 % of revenue
/// concentration.gini                // 0 when everyone brings the same, towards 1 when one brings it all
/// ```
public struct ValueConcentration: Hashable, Sendable {
    /// A point of the Lorenz curve: the poorest `customers` share of customers brings `value` share of value.
    public struct Point: Hashable, Sendable {
        /// Cumulative share of customers, smallest first, 0 to 1.
        public let customers: Double
        /// Their cumulative share of value, 0 to 1.
        public let value: Double

        /// Creates a point.
        public init(customers: Double, value: Double) {
            self.customers = customers
            self.value = value
        }
    }

    /// Why value concentration cannot be computed.
    public enum Error: Swift.Error, Hashable, Sendable {
        /// No customers.
        case noCustomers
        /// A value is negative or not finite.
        case invalidValue(Double)
        /// The values sum to zero, so shares are undefined.
        case noValue
    }

    /// The values, largest first.
    private let descending: [Double]
    private let total: Double

    /// Computes the concentration of non-negative `values`, one per customer.
    public init(values: [Double]) throws(Error) {
        guard !values.isEmpty else { throw .noCustomers }
        if let bad = values.first(where: { !$0.isFinite || $0 < 0 }) { throw .invalidValue(bad) }
        let total = values.reduce(0, +)
        guard total > 0 else { throw .noValue }
        self.descending = values.sorted(by: >)
        self.total = total
    }

    /// The share of value brought by the top `fraction` of customers (0.2 for the top 20 %), counting a
    /// customer on the boundary in part.
    public func share(ofTop fraction: Double) -> Double {
        let exact = min(max(fraction, 0), 1) * Double(descending.count)
        let whole = Int(exact)
        var value = descending.prefix(whole).reduce(0, +)
        if whole < descending.count { value += descending[whole] * (exact - Double(whole)) }
        return value / total
    }

    /// The Lorenz curve from (0, 0) to (1, 1), one point per customer, smallest first.
    public var lorenzCurve: [Point] {
        var points = [Point(customers: 0, value: 0)]
        var cumulative = 0.0
        for (index, value) in descending.reversed().enumerated() {
            cumulative += value
            points.append(Point(customers: Double(index + 1) / Double(descending.count), value: cumulative / total))
        }
        return points
    }

    /// The Gini coefficient, 1 − 2 × the area under the Lorenz curve (trapezoids), 0 to (n − 1) / n.
    public var gini: Double {
        let curve = lorenzCurve
        let area = zip(curve, curve.dropFirst()).reduce(0.0) { sum, pair in
            sum + (pair.1.customers - pair.0.customers) * (pair.0.value + pair.1.value) / 2
        }
        return 1 - 2 * area
    }
}
