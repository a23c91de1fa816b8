import CRMCore
import Foundation

/// Finds contacts that describe the same person.
///
/// Candidates come from blocking, so the cost grows with the number of contacts, not its square: contacts
/// that share an email, a phone, a birthday, a postcode with house number, or the first letters of their
/// names (in either order) are compared, and so are neighbours after sorting by name (the sorted-neighbourhood
/// method of Hernández and Stolfo, 1995), which catches typos past the first letters. Each candidate pair is
/// scored field by field (see ``MatchingRules``); pairs at or above the threshold are duplicates, and groups
/// join them transitively.
///
/// ```swift
/// let groups = DuplicateDetector().groups(in: contacts)
/// for group in groups { print(group.members, group.matches.first?.reasons ?? []) }
/// ```
public struct DuplicateDetector: Sendable {
    /// The rules in force.
    public var rules: MatchingRules

    /// Creates a detector with `rules`.
    public init(rules: MatchingRules = MatchingRules()) {
        self.rules = rules
    }

    /// Every duplicate pair among `contacts`.
    public func matches(in contacts: [Contact]) -> [DuplicateMatch] {
        detect(contacts).matches
    }

    /// The rules with weights and threshold fitted to `contacts` (when ``MatchingRules/fitsWeightsToData``
    /// is set), to reuse for duplicate alerts on single new contacts.
    public func fittedRules(for contacts: [Contact]) -> MatchingRules {
        detect(contacts).rules
    }

    private func detect(_ contacts: [Contact]) -> (matches: [DuplicateMatch], rules: MatchingRules) {
        let profiles = ParallelWork.map(contacts, MatchProfile.init)
        let candidates = candidatePairs(profiles)
        let rules = self.rules
        let comparisons = ParallelWork.map(candidates) { pair in
            PairComparison(profiles[pair.0], profiles[pair.1], rules: rules)
        }
        var fitted = rules
        if rules.fitsWeightsToData {
            var patternCounts: [Int: Int] = [:]
            for comparison in comparisons { patternCounts[comparison.pattern, default: 0] += 1 }
            fitted = WeightFitting.fit(rules, patternCounts: patternCounts)
        }
        var matches: [DuplicateMatch] = []
        for (pair, comparison) in zip(candidates, comparisons) {
            let score = fitted.score(comparison)
            guard score >= fitted.threshold else { continue }
            let (a, b) = (profiles[pair.0].id, profiles[pair.1].id)
            matches.append(
                DuplicateMatch(first: min(a, b), second: max(a, b), score: score, reasons: comparison.reasons))
        }
        return (matches, fitted)
    }

    /// The duplicate groups among `contacts`, largest first.
    public func groups(in contacts: [Contact]) -> [DuplicateGroup] {
        let matches = matches(in: contacts)
        var parent: [ID<Contact>: ID<Contact>] = [:]
        func root(_ id: ID<Contact>) -> ID<Contact> {
            var node = id
            while let next = parent[node], next != node { node = next }
            return node
        }
        for match in matches {
            let (a, b) = (root(match.first), root(match.second))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var members: [ID<Contact>: Set<ID<Contact>>] = [:]
        var links: [ID<Contact>: [DuplicateMatch]] = [:]
        for match in matches {
            let group = root(match.first)
            members[group, default: []].formUnion([match.first, match.second])
            links[group, default: []].append(match)
        }
        return members.map { group, ids in DuplicateGroup(members: ids.sorted(), matches: links[group]!) }
            .sorted { ($0.members.count, $1.members[0]) > ($1.members.count, $0.members[0]) }
    }

    /// The contacts among `candidates` that duplicate `contact`, best first: the duplicate alert before
    /// saving a new contact.
    public func matches(for contact: Contact, among candidates: [Contact]) -> [DuplicateMatch] {
        let profile = MatchProfile(contact)
        return candidates.filter { $0.id != contact.id }.compactMap { candidate in
            let comparison = PairComparison(profile, MatchProfile(candidate), rules: rules)
            let score = rules.score(comparison)
            guard score >= rules.threshold else { return nil }
            return DuplicateMatch(first: contact.id, second: candidate.id, score: score, reasons: comparison.reasons)
        }.sorted { $0.score > $1.score }
    }

    /// The pairs of profile positions to compare: from shared blocking keys and sorted neighbourhoods,
    /// each pair once.
    private func candidatePairs(_ profiles: [MatchProfile]) -> [(Int, Int)] {
        var blocks: [Int: [Int32]] = [:]
        for (position, profile) in profiles.enumerated() {
            for key in profile.blockingHashes { blocks[key, default: []].append(Int32(position)) }
        }
        var pairs: [UInt64] = []
        func add(_ a: Int, _ b: Int) {
            pairs.append(UInt64(min(a, b)) << 32 | UInt64(max(a, b)))
        }
        for members in blocks.values where members.count > 1 && members.count <= rules.largestBlock {
            for (index, a) in members.enumerated() {
                for b in members[(index + 1)...] { add(Int(a), Int(b)) }
            }
        }
        for order in [\MatchProfile.sortKey, \MatchProfile.swappedSortKey] {
            var entries = profiles.indices.map { (key: profiles[$0][keyPath: order], position: $0) }
            entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
            for index in entries.indices {
                for other in entries[(index + 1)..<min(entries.count, index + 1 + rules.window)] {
                    add(entries[index].position, other.position)
                }
            }
        }
        // Sorting and dropping repeats is cheaper than a set for millions of pairs.
        pairs.sort()
        var unique: [(Int, Int)] = []
        unique.reserveCapacity(pairs.count)
        var previous: UInt64?
        for pair in pairs where pair != previous {
            unique.append((Int(pair >> 32), Int(pair & 0xFFFF_FFFF)))
            previous = pair
        }
        return unique
    }
}

/// Runs a transform over a collection on every core, in chunks, keeping order.
enum ParallelWork {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard elements.count > 1_000, cores > 1 else { return elements.map(transform) }
        // Four stretches per core, so a core that finishes early takes another.
        return parallelArray(elements.count, parts: cores * 4) { transform(elements[$0]) }
    }
}
