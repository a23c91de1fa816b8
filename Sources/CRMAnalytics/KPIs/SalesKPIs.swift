public import CRMCore
public import CRMSales
import Foundation

/// The headline numbers of a sales organization: how deals move through the stages, how many are won, and
/// which lead sources and campaigns pay off.
public struct SalesKPIs: Hashable, Sendable {
    /// The share of deals that reached a stage and went on to reach the next one, per open stage key.
    public let stageConversion: [String: Double]
    /// Win rate, deal size, cycle length and velocity, from `CRMSales`.
    public let metrics: SalesForecast.Metrics
    /// How the leads of one source did.
    public struct LeadSource: Hashable, Sendable {
        /// How many leads came from it.
        public let leads: Int
        /// How many of them converted.
        public let converted: Int
        /// The share that converted.
        public var conversionRate: Double { Double(converted) / Double(leads) }
    }

    /// Per lead source (`unknown` for leads without one).
    public let leadSources: [String: LeadSource]
    /// Per campaign: won revenue it sourced, in the base currency, less its cost, over its cost; `nil` for a
    /// campaign without cost.
    public let campaignReturn: [CRMCore.ID<Campaign>: Double?]

    /// Computes the numbers; amounts are converted to `forecast`'s base currency.
    public init(
        opportunities: [Opportunity], pipelines: [Pipeline], leads: [Lead], campaigns: [Campaign],
        forecast: SalesForecast
    ) throws(MoneyError) {
        var reached: [String: Int] = [:]
        var advanced: [String: Int] = [:]
        for opportunity in opportunities {
            guard let pipeline = pipelines.first(where: { $0.id == opportunity.pipelineID }) else { continue }
            let openKeys = pipeline.stages.map { $0.outcome == .open ? $0.key : nil }
            let deepest = opportunity.history.compactMap { openKeys.firstIndex(of: $0.stage) }.max() ?? 0
            let won = pipeline.stage(opportunity.stage)?.outcome == .won
            for (index, stage) in pipeline.stages.enumerated() where stage.outcome == .open {
                guard index <= deepest || won else { continue }
                reached[stage.key, default: 0] += 1
                if index < deepest || won { advanced[stage.key, default: 0] += 1 }
            }
        }
        var conversion: [String: Double] = [:]
        for (key, count) in reached { conversion[key] = Double(advanced[key, default: 0]) / Double(count) }
        stageConversion = conversion
        metrics = try forecast.metrics(opportunities, pipelines: pipelines)
        var sources: [String: LeadSource] = [:]
        for lead in leads {
            let key = lead.source.isEmpty ? "unknown" : lead.source
            let before = sources[key] ?? LeadSource(leads: 0, converted: 0)
            sources[key] = LeadSource(
                leads: before.leads + 1, converted: before.converted + (lead.status == .converted ? 1 : 0))
        }
        leadSources = sources
        var returns: [CRMCore.ID<Campaign>: Double?] = [:]
        for campaign in campaigns {
            var revenue = 0.0
            for opportunity in opportunities where opportunity.sourceCampaign == campaign.id {
                guard let pipeline = pipelines.first(where: { $0.id == opportunity.pipelineID }),
                    pipeline.stage(opportunity.stage)?.outcome == .won, let closed = opportunity.closedAt
                else { continue }
                revenue += try forecast.rates.convert(opportunity.amount, to: forecast.baseCurrency, on: closed)
                    .majorUnits
            }
            let cost = try forecast.rates.convert(
                campaign.actualCost, to: forecast.baseCurrency, on: campaign.startsAt
            ).majorUnits
            returns[campaign.id] = cost > 0 ? (revenue - cost) / cost : nil
        }
        campaignReturn = returns
    }
}
