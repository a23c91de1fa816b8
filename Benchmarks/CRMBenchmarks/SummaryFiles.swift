import CRMAnalytics
import Foundation

/// Summaries written to and read from CSV, so another implementation can fit the same data.
enum SummaryFiles {
    /// Writes the summaries of `customers` simulated customers as `id,frequency,recency,T,monetary_value`.
    static func export(to path: String, customers: Int) throws {
        let transactions = CustomerBaseModels.simulate(customers: customers, seed: 42)
        let summaries = try CustomerBaseModels.summarizer.summaries(of: transactions)
        var text = "id,frequency,recency,T,monetary_value\n"
        for summary in summaries {
            text +=
                "\(summary.customer),\(summary.frequency),\(summary.recency),\(summary.age),\(summary.monetaryValue)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        emit("wrote \(summaries.count) summaries to \(path)")
    }

    /// Fits BG/NBD and Gamma-Gamma to the summaries in `path` and prints one JSON line with the time and the
    /// parameters.
    static func fit(_ path: String) async throws {
        let summaries = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
            .dropFirst().map { line in
                let fields = line.split(separator: ",").map { Double($0)! }
                return CustomerSummary(
                    customer: String(Int(fields[0])), frequency: Int(fields[1]), recency: fields[2], age: fields[3],
                    monetaryValue: fields[4])
            }
        var purchases: BGNBDModel?
        var spend: GammaGammaModel?
        let time = try await seconds {
            purchases = try BGNBDModel.fit(summaries)
            spend = try GammaGammaModel.fit(summaries)
        }
        guard let purchases, let spend else { return }
        emit(
            String(
                format:
                    #"{"seconds": %.4f, "r": %.6f, "alpha": %.6f, "a": %.6f, "b": %.6f, "p": %.6f, "q": %.6f, "v": %.6f}"#,
                time, purchases.r, purchases.alpha, purchases.a, purchases.b, spend.p, spend.q, spend.gamma))
    }
}
