import CRMAnalytics
import Foundation
import Testing

/// Gamma-Gamma and Pareto/NBD on the CDNOW sample, against the published estimates.
@Suite struct SpendAndParetoNBDTests {
    func close(_ value: Double, _ expected: Double, digits: Int = 4) -> Bool {
        let scale = pow(10, floor(log10(abs(expected))) - Double(digits) + 1)
        return abs(value - expected) <= scale / 2
    }

    /// Fader and Hardie, "The Gamma-Gamma Model of Monetary Value" (2013): p = 6.25, q = 3.74, γ = 15.44 on
    /// the 946 repeat buyers; `lifetimes` gives p = 6.2488, q = 3.7446, γ = 15.448 and log-likelihood
    /// −4,055.92 for the same data.
    @Test func gammaGammaReproducesThePublishedEstimates() throws {
        let summaries = try CDNOW.summaries()
        let model = try GammaGammaModel.fit(summaries)
        #expect(abs(model.logLikelihood(of: summaries) - model.logLikelihood!) < 1e-6)
        #expect(close(model.p, 6.249) && close(model.q, 3.745) && close(model.gamma, 15.45), "\(model)")
        #expect(abs(model.logLikelihood! - -4_055.92) < 0.05, "\(model.logLikelihood!)")
        #expect(close(model.populationMeanSpend!, 35.17), "γp / (q − 1)")
    }

    @Test func averageSpendShrinksTowardThePopulationMean() throws {
        let model = try GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
        let mean = model.populationMeanSpend!
        let new = CustomerSummary(customer: "n", frequency: 0, recency: 0, age: 39)
        #expect(model.expectedAverageSpend(for: new) == mean)
        let once = CustomerSummary(customer: "o", frequency: 1, recency: 5, age: 39, monetaryValue: 100)
        let often = CustomerSummary(customer: "f", frequency: 20, recency: 35, age: 39, monetaryValue: 100)
        let onceSpend = try #require(model.expectedAverageSpend(for: once))
        let oftenSpend = try #require(model.expectedAverageSpend(for: often))
        #expect(mean < onceSpend && onceSpend < oftenSpend && oftenSpend < 100, "more repeats, less shrinkage")
        #expect(try GammaGammaModel(p: 1, q: 0.5, gamma: 1).populationMeanSpend == nil, "no finite mean")
        #expect(throws: ModelError.noRepeatBuyers) {
            try GammaGammaModel.fit([CustomerSummary(customer: "a", frequency: 0, recency: 0, age: 1)])
        }
        #expect(throws: ModelError.invalidSummary(customer: "z", field: "monetaryValue", reason: "must be positive")) {
            try GammaGammaModel.fit([CustomerSummary(customer: "z", frequency: 2, recency: 1, age: 2, monetaryValue: 0)]
            )
        }
    }

    /// Fader, Hardie and Lee (2005) report r = 0.55, α = 10.58, s = 0.61, β = 11.67 and log-likelihood
    /// −9,595.0; `lifetimes` gives r = 0.5533, α = 10.578, s = 0.6062, β = 11.669.
    @Test func paretoNBDReproducesThePublishedEstimates() throws {
        let model = try ParetoNBDModel.fit(try CDNOW.summaries())
        #expect(
            close(model.r, 0.5533) && close(model.alpha, 10.58) && close(model.s, 0.6062) && close(model.beta, 11.67),
            "\(model)")
        #expect(abs(model.logLikelihood! - -9_595.0) < 0.05, "\(model.logLikelihood!)")
        let first = CustomerSummary(customer: "1", frequency: 2, recency: 30.43, age: 38.86)
        #expect(abs(model.probabilityAlive(first) - 0.8691) < 0.001)
        #expect(abs(model.expectedPurchases(in: 39, for: first) - 1.4551) < 0.001)
    }
}
