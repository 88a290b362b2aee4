/// Helpers for "did you mean" hints in load errors and in the command line.
public enum Suggestions {
    /// Levenshtein edit distance (insertions, deletions, substitutions, each cost 1) between
    /// two strings, compared by `Character` and case-insensitively.
    ///
    /// Levenshtein 1966, Soviet Physics Doklady 10(8):707–710.
    /// - Complexity: `O(|a|·|b|)` time, `O(|b|)` memory.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Up to `limit` candidates closest to `word`: ordered by whether they share a prefix or
    /// contain one another (those first), then edit distance, then their order in `candidates`.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let w = word.lowercased()
        let ranked = candidates.enumerated().map { index, candidate -> (Int, Int, Int, String) in
            let c = candidate.lowercased()
            let related = !w.isEmpty && (c.hasPrefix(w) || w.hasPrefix(c) || c.contains(w) || w.contains(c))
            return (related ? 0 : 1, editDistance(word, candidate), index, candidate)
        }
        return ranked.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.prefix(limit).map(\.3)
    }

    /// The single candidate that is very likely meant (edit distance ≤ 2 and less than half the
    /// word's length), or `nil`.
    public static func likelyMeant(_ word: String, in candidates: [String]) -> String? {
        let best = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (candidate, distance) = best, distance <= 2, distance * 2 < max(word.count, 2) else { return nil }
        return candidate
    }

    /// `'a', 'b', 'c'` — each item quoted, comma-separated.
    static func quoted(_ items: [String]) -> String { items.map { "'\($0)'" }.joined(separator: ", ") }
}
