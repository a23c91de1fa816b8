/// Percentiles of a list of values by linear interpolation between closest ranks (the method most
/// spreadsheets and NumPy use by default); `nil` for an empty list.
public struct Percentiles: Hashable, Sendable {
    private let sorted: [Double]

    /// Sorts `values`, ignoring those that are not finite.
    public init(_ values: [Double]) {
        sorted = values.filter(\.isFinite).sorted()
    }

    /// How many values there are.
    public var count: Int { sorted.count }

    /// The `p`-th percentile, `p` from 0 to 100.
    public func value(at p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = min(max(p, 0), 100) / 100 * Double(sorted.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
