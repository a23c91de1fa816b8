import Dispatch
import Foundation

/// Customers with equal histories grouped with a count, with each group's frequency, recency and age
/// replaced by positions in tables of their distinct values, so a likelihood computes each logarithm of a
/// distinct value once per evaluation instead of once per customer. With daily data most histories repeat.
struct WeightedSummaries: Sendable {
    struct Group: Sendable {
        let frequency: Int32
        let recency: Int32
        let age: Int32
        let count: Double
        /// The mean value, and its logarithm (0 without repeats).
        let monetaryValue: Double
        let logMonetaryValue: Double
    }

    let groups: [Group]
    /// The distinct frequencies, recencies and ages that the groups point into.
    let frequencies: [Double]
    let recencies: [Double]
    let ages: [Double]

    init(_ customers: [CustomerSummary], includeValue: Bool) {
        struct Key: Hashable {
            let frequency: Int
            let recency: Double
            let age: Double
            let value: Double
        }
        var counts: [Key: Double] = [:]
        for customer in customers {
            let key = Key(
                frequency: customer.frequency, recency: customer.recency, age: customer.age,
                value: includeValue ? customer.monetaryValue : 0)
            counts[key, default: 0] += 1
        }
        let keys = counts.keys.sorted {
            ($0.frequency, $0.recency, $0.age, $0.value) < ($1.frequency, $1.recency, $1.age, $1.value)
        }
        let frequencies = Array(Set(keys.map(\.frequency))).sorted()
        let recencies = Array(Set(keys.map(\.recency))).sorted()
        let ages = Array(Set(keys.map(\.age))).sorted()
        let frequencyIndex = Dictionary(uniqueKeysWithValues: frequencies.enumerated().map { ($1, Int32($0)) })
        let recencyIndex = Dictionary(uniqueKeysWithValues: recencies.enumerated().map { ($1, Int32($0)) })
        let ageIndex = Dictionary(uniqueKeysWithValues: ages.enumerated().map { ($1, Int32($0)) })
        groups = keys.map { key in
            Group(
                frequency: frequencyIndex[key.frequency]!, recency: recencyIndex[key.recency]!, age: ageIndex[key.age]!,
                count: counts[key]!, monetaryValue: key.value, logMonetaryValue: key.value > 0 ? log(key.value) : 0)
        }
        self.frequencies = frequencies.map(Double.init)
        self.recencies = recencies
        self.ages = ages
    }

    /// The sum of `term` over the groups (a number, or a likelihood with its gradient), computed in chunks on
    /// all cores when there are many.
    func sum<Value: Summable>(_ term: @Sendable (Group) -> Value) -> Value {
        let chunkCount = groups.count < 20_000 ? 1 : 8
        guard chunkCount > 1 else { return groups.reduce(.zero) { $0 + term($1) } }
        let size = (groups.count + chunkCount - 1) / chunkCount
        let partial = UnsafeMutableBufferPointer<Value>.allocate(capacity: chunkCount)
        partial.initialize(repeating: .zero)
        defer { partial.deallocate() }
        let slots = SumSlots(base: partial.baseAddress!)
        let groups = self.groups
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var total = Value.zero
            for index in (chunk * size)..<min((chunk + 1) * size, groups.count) { total += term(groups[index]) }
            slots.base[chunk] = total
        }
        return partial.reduce(.zero, +)
    }
}

/// What ``WeightedSummaries/sum(_:)`` adds up: a number, or a likelihood with its gradient in SIMD lanes.
protocol Summable: Sendable {
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func += (lhs: inout Self, rhs: Self)
}

extension Double: Summable {}
extension SIMD4: Summable where Scalar == Double {}
extension SIMD8: Summable where Scalar == Double {}

/// The per-chunk results of ``WeightedSummaries/sum(_:)``; each chunk writes only its own slot.
private struct SumSlots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
}
