import CRMContacts
import CRMCore
import Foundation

/// Duplicate detection on synthetic people with known duplicates: quality (pairwise precision, recall and
/// F1 against the true pairs) and time.
enum DuplicateDetection {
    static func run(scales: [Int]) async throws {
        emit("\nDuplicate detection (synthetic people, default rules)")
        emit(
            padded("records", 12) + padded("true pairs", 12, right: true) + padded("found", 10, right: true)
                + padded("precision", 11, right: true) + padded("recall", 9, right: true)
                + padded("F1", 8, right: true) + padded("time", 11, right: true))
        for scale in scales {
            let data = SyntheticPeople(scale: scale, seed: 2026)
            let truth = data.truePairs
            var found: [DuplicateMatch] = []
            let time = await seconds { found = DuplicateDetector().matches(in: data.contacts) }
            let pairs = Set(found.map { SyntheticPeople.Pair($0.first, $0.second) })
            let correct = pairs.intersection(truth).count
            let precision = Double(correct) / Double(max(1, pairs.count))
            let recall = Double(correct) / Double(max(1, truth.count))
            let f1 = 2 * precision * recall / max(1e-9, precision + recall)
            emit(
                padded("\(data.contacts.count)", 12) + padded("\(truth.count)", 12, right: true)
                    + padded("\(pairs.count)", 10, right: true)
                    + padded(String(format: "%.4f", precision), 11, right: true)
                    + padded(String(format: "%.4f", recall), 9, right: true)
                    + padded(String(format: "%.4f", f1), 8, right: true)
                    + padded(String(format: "%.2f s", time), 11, right: true))
        }
    }
}
