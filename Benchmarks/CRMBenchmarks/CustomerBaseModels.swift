import CRMAnalytics
import CRMCore
import Foundation

/// Fitting BG/NBD and Gamma-Gamma to many customers, and summarizing many transactions.
enum CustomerBaseModels {
    /// Transactions of `customers` simulated from the BG/NBD and Gamma-Gamma processes with the CDNOW
    /// estimates, first purchases spread over twelve weeks, followed for 78 weeks from the start.
    static func simulate(customers: Int, seed: UInt64) -> [CustomerTransaction] {
        var random = SeededRandomNumberGenerator(seed: seed)
        let start = Date(timeIntervalSince1970: 852_076_800)  // 1997-01-01
        func gamma(_ shape: Double, _ rate: Double) -> Double {
            // Marsaglia and Tsang (2000), with the boost for shapes below 1.
            let boost = shape < 1 ? pow(Double.random(in: 0..<1, using: &random), 1 / shape) : 1
            let d = (shape < 1 ? shape + 1 : shape) - 1.0 / 3
            let c = 1 / (9 * d).squareRoot()
            while true {
                var x = 0.0
                var v = 0.0
                repeat {
                    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &random)
                    let u2 = Double.random(in: 0..<1, using: &random)
                    x = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
                    v = 1 + c * x
                } while v <= 0
                v = v * v * v
                let u = Double.random(in: Double.ulpOfOne..<1, using: &random)
                if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate * boost }
            }
        }
        var transactions: [CustomerTransaction] = []
        transactions.reserveCapacity(customers * 4)
        for number in 0..<customers {
            let id = String(number)
            let rate = gamma(0.2426, 4.4135)
            let x = gamma(0.7929, 1)
            let dropout = x / (x + gamma(2.4258, 1))
            let spendRate = gamma(3.7446, 15.4477)
            var week = Double(Int.random(in: 0..<84, using: &random)) / 7
            while week < 78 {
                transactions.append(
                    CustomerTransaction(
                        customer: id, at: start + (week * 7).rounded(.down) * 86_400, amount: gamma(6.2488, spendRate)))
                if Double.random(in: 0..<1, using: &random) < dropout { break }
                week += -log(Double.random(in: Double.ulpOfOne..<1, using: &random)) / max(rate, 1e-12)
            }
        }
        return transactions
    }

    /// The summarizer of the simulated log: a 39-week calibration of a 78-week observation, in weeks.
    static let summarizer = RFMSummarizer(
        observationEnd: Date(timeIntervalSince1970: 852_076_800 + 78 * 7 * 86_400),
        calibrationEnd: Date(timeIntervalSince1970: 852_076_800 + 39 * 7 * 86_400), unit: .weeks)

    static func run(customers: Int) async throws {
        let log = simulate(customers: customers, seed: 42)
        var summaries: [CustomerSummary] = []
        let summaryTime = try await seconds { summaries = try summarizer.summaries(of: log) }
        var purchases: BGNBDModel?
        let purchaseTime = try await seconds { purchases = try BGNBDModel.fit(summaries) }
        var spend: GammaGammaModel?
        let spendTime = try await seconds { spend = try GammaGammaModel.fit(summaries) }
        printHeader("Customer-base models (\(customers) simulated customers, \(log.count) transactions, weeks)")
        emit(Result(name: "RFM summary with a holdout", operations: log.count, seconds: summaryTime, target: "").line)
        emit(Result(name: "BG/NBD fit", operations: 1, seconds: purchaseTime, target: "").line)
        emit(Result(name: "Gamma-Gamma fit", operations: 1, seconds: spendTime, target: "").line)
        emit(
            Result(name: "both fits", operations: 1, seconds: purchaseTime + spendTime, target: "< 2 s for 1,000,000")
                .line)
        var random = SeededRandomNumberGenerator(seed: 3)
        let shuffled = log.shuffled(using: &random)
        let shuffledTime = try await seconds { _ = try summarizer.summaries(of: shuffled) }
        emit(
            Result(name: "RFM summary, the same log shuffled", operations: log.count, seconds: shuffledTime, target: "")
                .line)
        let large = simulate(customers: customers * 4, seed: 7)
        let largeTime = try await seconds { _ = try summarizer.summaries(of: large) }
        emit(
            Result(
                name: "RFM summary, \(large.count) transactions", operations: 1, seconds: largeTime,
                target: "< 3 s for 10,000,000"
            ).line)
        if let purchases, let spend {
            emit(
                String(
                    format: "BG/NBD r %.4f alpha %.4f a %.4f b %.4f; Gamma-Gamma p %.4f q %.4f gamma %.4f",
                    purchases.r, purchases.alpha, purchases.a, purchases.b, spend.p, spend.q, spend.gamma))
        }
    }
}
