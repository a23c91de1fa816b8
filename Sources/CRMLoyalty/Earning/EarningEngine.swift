import CRMCore
public import Foundation

/// The points a purchase or an event earns, per point currency, with the steps that led there.
public struct EarningResult: Hashable, Sendable {
    /// Points per point-currency key; currencies that earn nothing are left out.
    public let points: [String: Int64]
    /// What each rule did, in order: `base 1 per 1.00 EUR on 120.00 EUR: 120`.
    public let explanation: [String]
}

/// Applies a program's earning rules, always in the same order.
///
/// For each point currency, with only the rules valid at the purchase's instant:
///
/// 1. **Base**: every line earns its amount times the rate of each `pointsPerSpend` rule whose minimum spend
///    the whole purchase reaches (several rules add up).
/// 2. **Line multipliers**: a line's points are multiplied by every product and category multiplier that
///    matches it.
/// 3. **Tier multipliers**: the order's points are multiplied by every tier multiplier rule of the member's
///    tier and by the tier's own earning multiplier.
/// 4. **Rounding**: the exact points are rounded once per order by the program's rounding (down by default).
/// 5. **Caps**: the smallest per-order cap, then the smallest per-day cap less what purchases earned that day.
///
/// ```swift
/// let result = try EarningEngine(program: club).points(for: purchase, tier: member.tier)
/// result.points["points"]   // 250
/// result.explanation        // ["base 1 per 1.00 EUR on 125.00 EUR: 125", "× 2 for tier gold", ...]
/// ```
public struct EarningEngine: Sendable {
    /// The program whose rules apply.
    public let program: LoyaltyProgram

    /// Creates the engine.
    public init(program: LoyaltyProgram) {
        self.program = program
    }

    /// The points `purchase` earns for a member in `tier` who earned `earnedToday` from purchases that day.
    public func points(for purchase: Purchase, tier: String, earnedToday: [String: Int64] = [:])
        throws(LoyaltyError) -> EarningResult
    {
        for line in purchase.lines where line.amount.currency != program.spendCurrency {
            throw .wrongSpendCurrency(expected: program.spendCurrency, got: line.amount.currency)
        }
        let rules = program.earningRules.filter { $0.isValid(at: purchase.at) }
        let total = purchase.lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        var points: [String: Int64] = [:]
        var explanation: [String] = []
        for currency in program.currencies {
            let covering = rules.filter { $0.covers(currency.key) }
            var exact = Decimal(0)
            for line in purchase.lines {
                var linePoints = Decimal(0)
                for rule in covering {
                    guard case .pointsPerSpend(let rate, let per, let minimum) = rule.kind, per.minorUnits > 0,
                        total >= (minimum?.minorUnits ?? 0)
                    else { continue }
                    linePoints += Decimal(line.amount.minorUnits) * rate / Decimal(per.minorUnits)
                }
                for rule in covering {
                    switch rule.kind {
                    case .productMultiplier(let factor, let skus) where skus.contains(line.sku):
                        linePoints *= factor
                        explanation.append("\(currency.key): × \(factor) for \(line.sku) (\(rule.name))")
                    case .categoryMultiplier(let factor, let categories)
                    where line.category.map(categories.contains) ?? false:
                        linePoints *= factor
                        explanation.append("\(currency.key): × \(factor) for \(line.sku) (\(rule.name))")
                    default: break
                    }
                }
                exact += linePoints
            }
            guard exact > 0 else { continue }
            explanation.append(
                "\(currency.key): base and line rules on \(Money(minorUnits: total, currency: program.spendCurrency)): \(exact)"
            )
            for rule in covering {
                if case .tierMultiplier(let factor, let tiers) = rule.kind, tiers.contains(tier) {
                    exact *= factor
                    explanation.append("\(currency.key): × \(factor) for tier \(tier) (\(rule.name))")
                }
            }
            if let benefit = program.tiers.tier(tier)?.earningMultiplier, benefit != 1 {
                exact *= benefit
                explanation.append("\(currency.key): × \(benefit) tier benefit of \(tier)")
            }
            var earned = (try? Money.round(exact, rule: program.rounding, operation: "points")) ?? Int64.max
            explanation.append("\(currency.key): rounded \(program.rounding.rawValue): \(earned)")
            let orderCap = covering.compactMap { rule -> Int64? in
                if case .capPerOrder(let cap) = rule.kind { return cap }
                return nil
            }.min()
            if let orderCap, earned > orderCap {
                earned = orderCap
                explanation.append("\(currency.key): capped at \(orderCap) per order")
            }
            let dayCap = covering.compactMap { rule -> Int64? in
                if case .capPerDay(let cap) = rule.kind { return cap }
                return nil
            }.min()
            if let dayCap {
                let room = max(0, dayCap - earnedToday[currency.key, default: 0])
                if earned > room {
                    earned = room
                    explanation.append("\(currency.key): capped at \(dayCap) per day, \(room) left today")
                }
            }
            if earned > 0 { points[currency.key] = earned }
        }
        return EarningResult(points: points, explanation: explanation)
    }

    /// The bonus points `event` earns at `instant`, from every valid bonus rule for it.
    public func bonus(for event: LoyaltyEvent, at instant: Date) -> EarningResult {
        var points: [String: Int64] = [:]
        var explanation: [String] = []
        for rule in program.earningRules where rule.isValid(at: instant) {
            guard case .bonus(let kind, let amount) = rule.kind, kind == event, amount > 0 else { continue }
            for currency in program.currencies where rule.covers(currency.key) {
                points[currency.key, default: 0] += amount
                explanation.append("\(currency.key): \(amount) bonus (\(rule.name))")
            }
        }
        return EarningResult(points: points, explanation: explanation)
    }
}
