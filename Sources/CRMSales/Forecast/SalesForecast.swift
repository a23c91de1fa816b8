public import CRMCore
public import Foundation

/// Forecasts and sales metrics over opportunities, in one base currency.
///
/// Each amount is converted at the exchange rate in effect at the start of its close day (in the forecast's
/// time zone) and summed with twelve fractional digits of a minor unit; each row is rounded once. Rates are
/// looked up once per currency and day, so a million opportunities cost a few thousand lookups.
public struct SalesForecast: Sendable {
    /// A calendar period of the forecast.
    public enum Period: String, Sendable, Hashable, Codable {
        /// Calendar months.
        case month
        /// Calendar quarters.
        case quarter
    }

    /// How rows are split beyond period and category.
    public enum Grouping: Sendable, Hashable {
        /// One row per period and category.
        case none
        /// One row per owner.
        case owner
        /// One row per team, from each owner's team name; owners in no team form the team `""`.
        case team([Principal: String])
    }

    /// One row: a period, an owner or team (when grouped so) and a forecast category.
    public struct Row: Hashable, Sendable {
        /// The period's year.
        public let year: Int
        /// The month (1 to 12) or quarter (1 to 4).
        public let index: Int
        /// The owner, when grouped by owner.
        public let owner: Principal?
        /// The team, when grouped by team.
        public let team: String?
        /// The forecast category.
        public let category: ForecastCategory
        /// How many opportunities.
        public let count: Int
        /// Their total amount.
        public let amount: Money
        /// Their amount weighted by probability.
        public let weighted: Money
    }

    /// Win rate, deal size, cycle length and pipeline velocity.
    public struct Metrics: Hashable, Sendable {
        /// Won ÷ (won + lost); `nil` with no closed deals.
        public let winRate: Double?
        /// The mean amount of won deals.
        public let averageDealSize: Money?
        /// The mean days from creation to winning.
        public let averageCycleDays: Double?
        /// Open deals × win rate × average deal size ÷ cycle days: the expected value closing per day.
        public let velocityPerDay: Money?
    }

    /// The calendar the periods follow.
    public let calendar: Calendar
    /// The currency of every result.
    public let baseCurrency: Currency
    /// The rates for converting into it.
    public let rates: ExchangeRateTable

    /// Creates a forecast in `baseCurrency`, with periods in `timeZone`.
    public init(baseCurrency: Currency, rates: ExchangeRateTable, timeZone: TimeZone = .gmt) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.baseCurrency = baseCurrency
        self.rates = rates
    }

    /// The weighted pipeline per period and forecast category (and per owner or team), of the opportunities
    /// that are open or closed in the period; omitted stages are left out.
    public func rows(
        _ opportunities: [Opportunity], pipelines: [Pipeline], period: Period, grouping: Grouping = .none
    ) throws(MoneyError) -> [Row] {
        struct Group: Hashable {
            var year: Int
            var index: Int
            var owner: Principal?
            var team: String?
            var category: ForecastCategory
        }
        struct Day: Hashable {
            var currency: Currency
            var day: Int
        }
        let categories = Dictionary(
            pipelines.map { pipeline in
                (
                    pipeline.id,
                    Dictionary(pipeline.stages.map { ($0.key, $0.forecastCategory) }, uniquingKeysWith: { a, _ in a })
                )
            }, uniquingKeysWith: { first, _ in first })
        // Per currency and close day: the factor from minor units to base minor units (12 fractional digits),
        // and the period; each is computed once.
        var factors: [Day: Int128] = [:]
        var periods: [Int: (year: Int, month: Int)] = [:]
        var offsets: [Int: Double] = [:]
        var sums: [Group: (count: Int, amount: Int128, weighted: Int128)] = [:]
        for opportunity in opportunities {
            guard let category = categories[opportunity.pipelineID]?[opportunity.stage], category != .omitted else {
                continue
            }
            let close = opportunity.expectedClose.timeIntervalSince1970
            let hour = Int((close / 3_600).rounded(.down))
            let offset =
                offsets[hour]
                ?? {
                    let value = Double(calendar.timeZone.secondsFromGMT(for: opportunity.expectedClose))
                    offsets[hour] = value
                    return value
                }()
            let dayNumber = Int(((close + offset) / 86_400).rounded(.down))
            let start = Date(timeIntervalSince1970: Double(dayNumber) * 86_400 - offset)
            let key = Day(currency: opportunity.amount.currency, day: dayNumber)
            let factor: Int128
            if let known = factors[key] {
                factor = known
            } else {
                factor = try conversionFactor(from: key.currency, on: start)
                factors[key] = factor
            }
            if periods[dayNumber] == nil { periods[dayNumber] = periodOf(start) }
            let (year, month) = periods[dayNumber]!
            var group = Group(
                year: year, index: period == .month ? month : (month - 1) / 3 + 1, owner: nil, team: nil,
                category: category)
            switch grouping {
            case .none: break
            case .owner: group.owner = opportunity.owner
            case .team(let teams): group.team = teams[opportunity.owner] ?? ""
            }
            let converted = Int128(opportunity.amount.minorUnits) * factor
            var sum = sums[group] ?? (0, 0, 0)
            sum.count += 1
            sum.amount += converted
            sum.weighted += converted / 100 * Int128(opportunity.probability)
            sums[group] = sum
        }
        var rows: [Row] = []
        for (group, sum) in sums {
            guard let amount = Int64(exactly: FixedPoint.divide(sum.amount, by: FixedPoint.one, rounding: .halfEven)),
                let weighted = Int64(exactly: FixedPoint.divide(sum.weighted, by: FixedPoint.one, rounding: .halfEven))
            else { throw .overflow(operation: "the forecast total of \(group.year)-\(group.index)") }
            rows.append(
                Row(
                    year: group.year, index: group.index, owner: group.owner, team: group.team,
                    category: group.category,
                    count: sum.count,
                    amount: Money(minorUnits: amount, currency: baseCurrency),
                    weighted: Money(minorUnits: weighted, currency: baseCurrency)))
        }
        return rows.sorted {
            ($0.year, $0.index, $0.owner?.id ?? $0.team ?? "", ForecastCategory.allCases.firstIndex(of: $0.category)!)
                < (
                    $1.year, $1.index, $1.owner?.id ?? $1.team ?? "",
                    ForecastCategory.allCases.firstIndex(of: $1.category)!
                )
        }
    }

    /// Win rate, average deal size, cycle length and velocity of `opportunities`.
    public func metrics(_ opportunities: [Opportunity], pipelines: [Pipeline]) throws(MoneyError) -> Metrics {
        let outcomes = Dictionary(
            pipelines.flatMap { pipeline in pipeline.stages.map { (StageKey(pipeline.id, $0.key), $0.outcome) } },
            uniquingKeysWith: { first, _ in first })
        var (won, lost, open) = (0, 0, 0)
        var wonTotal: Int64 = 0
        var cycleDays = 0.0
        for opportunity in opportunities {
            switch outcomes[StageKey(opportunity.pipelineID, opportunity.stage)] {
            case .won?:
                won += 1
                wonTotal += try rates.convert(opportunity.amount, to: baseCurrency, on: opportunity.closedAt!)
                    .minorUnits
                cycleDays += opportunity.closedAt!.timeIntervalSince(opportunity.createdAt) / 86_400
            case .lost?: lost += 1
            case .open?: open += 1
            case nil: break
            }
        }
        let winRate = won + lost > 0 ? Double(won) / Double(won + lost) : nil
        let average = won > 0 ? Money(minorUnits: wonTotal / Int64(won), currency: baseCurrency) : nil
        let cycle = won > 0 ? cycleDays / Double(won) : nil
        var velocity: Money?
        if let winRate, let average, let cycle, cycle > 0 {
            velocity = Money(
                minorUnits: Int64((Double(open) * winRate * Double(average.minorUnits) / cycle).rounded()),
                currency: baseCurrency)
        }
        return Metrics(winRate: winRate, averageDealSize: average, averageCycleDays: cycle, velocityPerDay: velocity)
    }

    private struct StageKey: Hashable {
        var pipeline: CRMCore.ID<Pipeline>
        var stage: String

        init(_ pipeline: CRMCore.ID<Pipeline>, _ stage: String) {
            self.pipeline = pipeline
            self.stage = stage
        }
    }

    /// The year and month of `date` in the calendar's time zone.
    private func periodOf(_ date: Date) -> (year: Int, month: Int) {
        let components = calendar.dateComponents([.year, .month], from: date)
        return (components.year!, components.month!)
    }

    /// The factor from minor units of `currency` to minor units of the base currency on `date`, with twelve
    /// fractional digits.
    private func conversionFactor(from currency: Currency, on date: Date) throws(MoneyError) -> Int128 {
        let rate = try rates.rate(from: currency, to: baseCurrency, on: date)
        let scale = Decimal(baseCurrency.minorUnitsPerMajorUnit) / Decimal(currency.minorUnitsPerMajorUnit)
        guard let factor = FixedPoint(rate * scale) else {
            throw .overflow(operation: "the rate from \(currency) to \(baseCurrency)")
        }
        return factor.raw
    }
}
