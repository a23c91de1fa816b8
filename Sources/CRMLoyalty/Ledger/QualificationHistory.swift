/// Qualifying points and spend by day, with running totals, so the total of any period is two lookups.
public struct QualificationHistory: Hashable, Sendable, Codable {
    /// The days with activity (days since 1970-01-01 in the program's time zone), ascending.
    private var days: [Int] = []
    /// Qualifying points up to and including each day.
    private var pointsThrough: [Int64] = []
    /// Spend in minor units up to and including each day.
    private var spendThrough: [Int64] = []

    /// An empty history.
    public init() {}

    /// Adds points and spend on `day`; a change to an earlier day (a return) updates the totals after it.
    mutating func add(day: Int, points: Int64, spend: Int64) {
        let index = days.partitionPoint { $0 >= day }
        if index == days.count || days[index] != day {
            days.insert(day, at: index)
            pointsThrough.insert(index == 0 ? 0 : pointsThrough[index - 1], at: index)
            spendThrough.insert(index == 0 ? 0 : spendThrough[index - 1], at: index)
        }
        for later in index..<days.count {
            pointsThrough[later] += points
            spendThrough[later] += spend
        }
    }

    /// Qualifying points and spend from day `start` up to, not including, day `end`.
    public func totals(fromDay start: Int, toDay end: Int) -> (points: Int64, spend: Int64) {
        func through(_ day: Int) -> (Int64, Int64) {
            let index = days.partitionPoint { $0 >= day }
            return index == 0 ? (0, 0) : (pointsThrough[index - 1], spendThrough[index - 1])
        }
        let (endPoints, endSpend) = through(end)
        let (startPoints, startSpend) = through(start)
        return (endPoints - startPoints, endSpend - startSpend)
    }
}
