public import CRMCore
import Foundation

/// One article a search found.
public struct KnowledgeSearchResult: Hashable, Sendable {
    /// The article.
    public let articleID: CRMCore.ID<KnowledgeArticle>
    /// The live version's title.
    public let title: String
    /// The relevance; higher is better.
    public let score: Double

    /// Creates a result; for stores that search with their database.
    public init(articleID: CRMCore.ID<KnowledgeArticle>, title: String, score: Double) {
        self.articleID = articleID
        self.title = title
        self.score = score
    }
}

/// Keyword search over the live versions of knowledge articles, ranked by Okapi BM25.
///
/// Words are folded (case and diacritics) and split on anything that is not a letter or digit. Title words
/// count twice and keywords three times, so an article about a topic ranks above one that mentions it.
/// BM25 with k1 = 1.2 and b = 0.75 as in Robertson and Zaragoza, "The Probabilistic Relevance Framework:
/// BM25 and Beyond" (2009).
public struct KnowledgeSearch: Sendable {
    private struct Document: Sendable {
        let id: CRMCore.ID<KnowledgeArticle>
        let title: String
        let frequencies: [String: Double]
        let length: Double
    }

    private let documents: [Document]
    private let documentFrequency: [String: Int]
    private let averageLength: Double

    /// Indexes the live version of each article; drafts and archived articles are not found.
    public init(_ articles: [KnowledgeArticle]) {
        documents = articles.compactMap { article in
            guard let live = article.live else { return nil }
            var frequencies: [String: Double] = [:]
            for word in Self.words(live.title) { frequencies[word, default: 0] += 2 }
            for word in Self.words(live.body) { frequencies[word, default: 0] += 1 }
            for word in live.keywords.flatMap(Self.words) { frequencies[word, default: 0] += 3 }
            return Document(
                id: article.id, title: live.title, frequencies: frequencies,
                length: frequencies.values.reduce(0, +))
        }
        var counts: [String: Int] = [:]
        for document in documents { for word in document.frequencies.keys { counts[word, default: 0] += 1 } }
        documentFrequency = counts
        averageLength = documents.isEmpty ? 1 : documents.map(\.length).reduce(0, +) / Double(documents.count)
    }

    /// The articles matching any word of `text`, best first (ties by id), at most `limit`.
    public func search(_ text: String, limit: Int = 10) -> [KnowledgeSearchResult] {
        let terms = Set(Self.words(text))
        let total = Double(documents.count)
        let results = documents.compactMap { document -> KnowledgeSearchResult? in
            var score = 0.0
            for term in terms {
                guard let frequency = document.frequencies[term] else { continue }
                let containing = Double(documentFrequency[term, default: 0])
                let idf = log(1 + (total - containing + 0.5) / (containing + 0.5))
                score += idf * frequency * 2.2 / (frequency + 1.2 * (0.25 + 0.75 * document.length / averageLength))
            }
            return score > 0 ? KnowledgeSearchResult(articleID: document.id, title: document.title, score: score) : nil
        }
        return Array(
            results.sorted { $0.score != $1.score ? $0.score > $1.score : $0.articleID < $1.articleID }.prefix(
                max(0, limit)))
    }

    /// The folded words of `text`.
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }
            .map { $0.lowercased() }
    }
}
