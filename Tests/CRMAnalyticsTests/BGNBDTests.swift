import CRMAnalytics
import Foundation
import Testing

/// BG/NBD against Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", on the CDNOW
/// sample: r = 0.2426, α = 4.4136, a = 0.7929, b = 2.4259, log-likelihood −9,582.4.
@Suite struct BGNBDTests {
    func close(_ value: Double, _ expected: Double, digits: Int = 4) -> Bool {
        let scale = pow(10, floor(log10(abs(expected))) - Double(digits) + 1)
        return abs(value - expected) <= scale / 2
    }

    @Test func theFitReproducesThePublishedEstimates() throws {
        let summaries = try CDNOW.summaries()
        let model = try BGNBDModel.fit(summaries)
        #expect(abs(model.logLikelihood(of: summaries) - model.logLikelihood!) < 1e-6)
        #expect(
            close(model.r, 0.2426) && close(model.alpha, 4.414) && close(model.a, 0.7929) && close(model.b, 2.426),
            "\(model)")
        #expect(abs(model.logLikelihood! - -9_582.4) < 0.05, "\(model.logLikelihood!)")
    }

    @Test func aCustomerWithoutRepeatPurchasesIsAlive() throws {
        let model = try BGNBDModel(r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259)
        #expect(model.probabilityAlive(CustomerSummary(customer: "new", frequency: 0, recency: 0, age: 38.86)) == 1)
        let lapsed = CustomerSummary(customer: "old", frequency: 4, recency: 5, age: 38.86)
        let recent = CustomerSummary(customer: "recent", frequency: 4, recency: 38, age: 38.86)
        #expect(model.probabilityAlive(lapsed) < model.probabilityAlive(recent))
        #expect(model.expectedPurchases(in: 39, for: lapsed) < model.expectedPurchases(in: 39, for: recent))
    }

    /// The first CDNOW customer (x = 2, t_x = 30.43, T = 38.86): `lifetimes` gives 1.2259 expected purchases
    /// in the next 39 weeks and P(alive) 0.7266 with the fitted parameters.
    @Test func predictionsMatchTheReferenceLibrary() throws {
        let model = try BGNBDModel(r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752)
        let customer = CustomerSummary(customer: "1", frequency: 2, recency: 30.43, age: 38.86)
        #expect(abs(model.expectedPurchases(in: 39, for: customer) - 1.2259) < 0.0001)
        #expect(abs(model.probabilityAlive(customer) - 0.7266) < 0.0001)
        #expect(model.expectedPurchases(in: 0, for: customer) == 0)
        #expect(
            model.expectedPurchases(in: 39) > 0 && model.expectedPurchases(in: 78) > model.expectedPurchases(in: 39))
    }

    @Test func degenerateInputIsATypedError() throws {
        #expect(throws: ModelError.noCustomers) { try BGNBDModel.fit([]) }
        let one = [CustomerSummary(customer: "solo", frequency: 3, recency: 10, age: 20)]
        #expect(throws: ModelError.tooFewCustomers(1, needed: 4)) { try BGNBDModel.fit(one) }
        #expect(throws: ModelError.tooFewCustomers(1, needed: 4)) { try ParetoNBDModel.fit(one) }
        #expect(throws: ModelError.tooFewCustomers(1, needed: 3)) {
            try GammaGammaModel.fit([
                CustomerSummary(customer: "solo", frequency: 3, recency: 10, age: 20, monetaryValue: 9)
            ])
        }
        let once = (0..<10).map { CustomerSummary(customer: "\($0)", frequency: 0, recency: 0, age: 30) }
        #expect(throws: ModelError.noRepeatBuyers) { try BGNBDModel.fit(once) }
        let impossible = [CustomerSummary(customer: "x", frequency: 2, recency: 40, age: 30)]
        #expect(
            throws: ModelError.invalidSummary(customer: "x", field: "recency", reason: "exceeds the customer's age")
        ) {
            try BGNBDModel.fit(impossible)
        }
        #expect(throws: ModelError.invalidParameter(name: "a", value: -1)) {
            try BGNBDModel(r: 1, alpha: 1, a: -1, b: 1)
        }
    }
}
