import Foundation  // log
import HeapModule

/// A neighbourhood-based link prediction score: how likely a tie between two nodes that are
/// not (yet) tied is, judged from their neighbours.
///
/// With `N(u)` the distinct neighbours of `u` other than `u` itself and `k(u) = |N(u)|`:
///
/// | case | score of `(u, v)` | reference |
/// |---|---|---|
/// | `.commonNeighbors` | `|N(u) ∩ N(v)|` | Newman 2001, Phys. Rev. E 64:025102, doi:10.1103/PhysRevE.64.025102 |
/// | `.jaccard` | `|N(u) ∩ N(v)| / |N(u) ∪ N(v)|` (0 when the union is empty) | Liben-Nowell & Kleinberg 2007 |
/// | `.adamicAdar` | `Σ_{w ∈ N(u) ∩ N(v)} 1 / ln k(w)` | Adamic & Adar 2003, Social Networks 25(3):211–230, doi:10.1016/S0378-8733(03)00009-1 |
/// | `.resourceAllocation` | `Σ_{w ∈ N(u) ∩ N(v)} 1 / k(w)` | Zhou, Lü & Zhang 2009, Eur. Phys. J. B 71:623–630, doi:10.1140/epjb/e2009-00335-8 |
/// | `.preferentialAttachment` | `k(u) · k(v)` | Barabási & Albert 1999, Science 286:509–512, doi:10.1126/science.286.5439.509 |
///
/// Survey and evaluation: Liben-Nowell & Kleinberg 2007, "The link-prediction problem for
/// social networks", JASIST 58(7):1019–1031, doi:10.1002/asi.20591. The formulas are those of
/// NetworkX's `common_neighbors`, `jaccard_coefficient`, `adamic_adar_index`,
/// `resource_allocation_index` and `preferential_attachment` on a simple graph without loops.
public enum LinkPredictor: String, Sendable, CaseIterable, Codable {
    /// `|N(u) ∩ N(v)|`.
    case commonNeighbors = "common_neighbors"
    /// `|N(u) ∩ N(v)| / |N(u) ∪ N(v)|`.
    case jaccard
    /// `Σ_{w ∈ N(u) ∩ N(v)} 1 / ln k(w)` (common neighbours have `k(w) ≥ 2`, so it is finite).
    case adamicAdar = "adamic_adar"
    /// `Σ_{w ∈ N(u) ∩ N(v)} 1 / k(w)`.
    case resourceAllocation = "resource_allocation"
    /// `k(u) · k(v)`.
    case preferentialAttachment = "preferential_attachment"
}

/// One scored node pair, `u < v`.
public struct PredictedLink: Sendable, Equatable, Hashable {
    /// The smaller node index.
    public let u: Int
    /// The larger node index.
    public let v: Int
    /// The ``LinkPredictor`` score (dimensionless; a count for common neighbours).
    public let score: Double

    /// A scored pair as given (no check that `u < v`).
    /// - Parameters:
    ///   - u: the smaller node index.
    ///   - v: the larger node index.
    ///   - score: the predictor's score.
    public init(u: Int, v: Int, score: Double) {
        self.u = u
        self.v = v
        self.score = score
    }
}

/// Ordering for top-k selection: `a < b` when `a` ranks below `b` (lower score, or equal
/// score and a later pair).
private struct RankedLink: Comparable {
    let link: PredictedLink
    static func < (a: RankedLink, b: RankedLink) -> Bool {
        if a.link.score != b.link.score { return a.link.score < b.link.score }
        if a.link.u != b.link.u { return a.link.u > b.link.u }
        return a.link.v > b.link.v
    }
    static func == (a: RankedLink, b: RankedLink) -> Bool { a.link == b.link }
}

extension Graph {
    /// Link prediction scores for the given node pairs.
    ///
    /// See ``LinkPredictor`` for the formulas. Conventions: scores are computed on the simple
    /// undirected version of the graph (``simplified(combine:dropSelfLoops:mergeReciprocal:)``
    /// with `mergeReciprocal`): arc directions dropped, **self-loops ignored** (not in
    /// `N(u)`, not in `k(u)`) and parallel edges counted once; weights are not used. NetworkX
    /// counts a self-loop in `G.degree` (twice) and puts `u` in `N(u)`, so on graphs with
    /// loops its Adamic–Adar, resource allocation, preferential attachment and Jaccard values
    /// differ; on loop-free simple graphs they are equal. Pairs may be adjacent (their score is
    /// computed the same way; for Jaccard `N(u) ∪ N(v)` then contains `u` and `v`, as NetworkX).
    ///
    /// - Parameters:
    ///   - pairs: node pairs `(u, v)` with `u ≠ v`, in any order.
    ///   - predictor: the score.
    /// - Returns: one score per pair, in the order given.
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` for a node outside
    ///   `0..<n` or a pair `(u, u)`.
    /// - Complexity: `O(n + m log m)` to simplify, then `O(k(u) + k(v))` per pair (merge of
    ///   sorted neighbour lists).
    /// - References: per predictor in ``LinkPredictor``; survey: Liben-Nowell & Kleinberg
    ///   2007, JASIST 58(7):1019–1031, doi:10.1002/asi.20591.
    public func linkPredictionScores(
        for pairs: [(Int, Int)], predictor: LinkPredictor
    ) throws(GraphError) -> [Double] {
        for (i, (u, v)) in pairs.enumerated() {
            guard (0..<nodeCount).contains(u), (0..<nodeCount).contains(v), u != v else {
                throw .invalidArgument(
                    name: "pairs[\(i)]", value: "(\(u), \(v))",
                    valid: "two different node indices in 0..<\(nodeCount)")
            }
        }
        let s = simplified(dropSelfLoops: true, mergeReciprocal: true)
        var scores = [Double](repeating: 0, count: pairs.count)
        for (i, (u, v)) in pairs.enumerated() {
            let ku = s.outDegree(u), kv = s.outDegree(v)
            if predictor == .preferentialAttachment {
                scores[i] = Double(ku) * Double(kv)
                continue
            }
            // Merge the sorted neighbour lists; common neighbours in increasing order.
            var p = s.outOffsets[u], q = s.outOffsets[v]
            let pEnd = s.outOffsets[u + 1], qEnd = s.outOffsets[v + 1]
            var common = 0
            var sum = 0.0
            while p < pEnd && q < qEnd {
                let a = s.outNeighbors[p], b = s.outNeighbors[q]
                if a < b { p += 1 } else if b < a { q += 1 } else {
                    common += 1
                    sum += s.commonNeighborTerm(Int(a), predictor)
                    p += 1; q += 1
                }
            }
            scores[i] = Self.score(predictor, common: common, sum: sum, ku: ku, kv: kv)
        }
        return scores
    }

    /// Every pair of distinct, non-adjacent nodes `u < v` with its link prediction score,
    /// best first.
    ///
    /// Scores and conventions as ``linkPredictionScores(for:predictor:)`` (simple undirected
    /// version; "non-adjacent" means not tied in either direction). NetworkX's `non_edges`
    /// yields the same set of pairs. Order: score descending, then `u` ascending, then `v`
    /// ascending, so the list is fully deterministic. Scores of pairs with common neighbours are
    /// summed over those neighbours in increasing node order, exactly as the per-pair function
    /// does, so both give bit-identical values.
    ///
    /// - Parameters:
    ///   - predictor: the score.
    ///   - limit: keep only the best `limit` pairs (nil: all `n(n−1)/2 − m` pairs).
    ///   - includeZeroScores: whether pairs that score 0 are listed (default `true`).
    /// - Returns: the scored pairs, sorted as described.
    /// - Complexity: `O(n² + Σ_w k(w)²)` time; `O(n + limit)` memory with a limit (a bounded
    ///   heap keeps the best pairs), `O(n²)` without one.
    /// - References: per predictor in ``LinkPredictor``; survey: Liben-Nowell & Kleinberg
    ///   2007, JASIST 58(7):1019–1031, doi:10.1002/asi.20591.
    public func predictedLinks(
        predictor: LinkPredictor, limit: Int? = nil, includeZeroScores: Bool = true
    ) -> [PredictedLink] {
        let s = simplified(dropSelfLoops: true, mergeReciprocal: true)
        let n = s.nodeCount
        if let limit, limit <= 0 { return [] }
        var common = [Int](repeating: 0, count: n)
        var sum = [Double](repeating: 0, count: n)
        var adjacent = [Int](repeating: -1, count: n)  // adjacent[v] == u when u–v is an edge
        var all: [PredictedLink] = []
        var heap = Heap<RankedLink>()
        var touched: [Int] = []
        touched.reserveCapacity(n)

        for u in 0..<n {
            let ku = s.outDegree(u)
            for p in s.outRange(of: u) { adjacent[Int(s.outNeighbors[p])] = u }
            touched.removeAll(keepingCapacity: true)
            if predictor != .preferentialAttachment {
                // Two-hop walk u → w → v, w in increasing order (the lists are sorted).
                for p in s.outRange(of: u) {
                    let w = Int(s.outNeighbors[p])
                    let term = s.commonNeighborTerm(w, predictor)
                    for q in s.outRange(of: w) {
                        let v = Int(s.outNeighbors[q])
                        if v <= u { continue }
                        if common[v] == 0 { touched.append(v) }
                        common[v] += 1
                        sum[v] += term
                    }
                }
            }
            for v in (u + 1)..<n where adjacent[v] != u {
                let score = Self.score(predictor, common: common[v], sum: sum[v], ku: ku, kv: s.outDegree(v))
                if score == 0 && !includeZeroScores { continue }
                let link = PredictedLink(u: u, v: v, score: score)
                if let limit {
                    let ranked = RankedLink(link: link)
                    if heap.count < limit {
                        heap.insert(ranked)
                    } else if let worst = heap.min, worst < ranked {
                        _ = heap.removeMin()
                        heap.insert(ranked)
                    }
                } else {
                    all.append(link)
                }
            }
            for v in touched { common[v] = 0; sum[v] = 0 }
        }
        if limit != nil { all = heap.unordered.map(\.link) }
        all.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.u != b.u { return a.u < b.u }
            return a.v < b.v
        }
        return all
    }

    /// The per-common-neighbour term of a sum-based predictor (on a simple graph).
    @inline(__always)
    private func commonNeighborTerm(_ w: Int, _ predictor: LinkPredictor) -> Double {
        switch predictor {
        case .adamicAdar: return 1 / log(Double(outDegree(w)))
        case .resourceAllocation: return 1 / Double(outDegree(w))
        default: return 1
        }
    }

    private static func score(
        _ predictor: LinkPredictor, common: Int, sum: Double, ku: Int, kv: Int
    ) -> Double {
        switch predictor {
        case .commonNeighbors: return Double(common)
        case .jaccard:
            let union = ku + kv - common
            return union == 0 ? 0 : Double(common) / Double(union)
        case .adamicAdar, .resourceAllocation: return common == 0 ? 0 : sum
        case .preferentialAttachment: return Double(ku) * Double(kv)
        }
    }
}
