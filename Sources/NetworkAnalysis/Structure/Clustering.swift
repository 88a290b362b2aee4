import Foundation  // cbrt

extension Graph {
    /// Local clustering coefficient of every node: how many of the node's neighbours are tied
    /// to each other.
    ///
    /// Definitions (all as NetworkX 3.6 `clustering`):
    /// - **Undirected, unweighted** (Watts & Strogatz 1998, "Collective dynamics of
    ///   'small-world' networks", Nature 393:440–442, doi:10.1038/30918):
    ///   `c(v) = 2 T(v) / (k(v)(k(v) − 1))`, `T(v)` the number of triangles through `v` and
    ///   `k(v)` its number of distinct neighbours other than itself.
    /// - **Undirected, weighted** (Onnela, Saramäki, Kertész & Kaski 2005, "Intensity and
    ///   coherence of motifs in weighted complex networks", Phys. Rev. E 71:065103,
    ///   doi:10.1103/PhysRevE.71.065103): `c(v) = 1/(k(v)(k(v) − 1)) · Σ_{u,w} (ŵ_vu ŵ_uw ŵ_wv)^{1/3}`
    ///   over ordered pairs of neighbours, with `ŵ = w / max(w)` normalised by the largest
    ///   weight in the graph.
    /// - **Directed** (Fagiolo 2007, "Clustering in complex directed networks", Phys. Rev. E
    ///   76:026107, doi:10.1103/PhysRevE.76.026107):
    ///   `c(v) = T(v) / (2 (k_tot(v)(k_tot(v) − 1) − 2 k↔(v)))`, where `k_tot` = in- plus
    ///   out-degree (distinct neighbours, loops excluded), `k↔` the number of reciprocated
    ///   neighbours, and `T(v) = Σ_{u,w} Σ_{arcs a∈{v,u}, b∈{v,w}, c∈{u,w}} (ŵ_a ŵ_b ŵ_c)^{1/3}`
    ///   counts every directed triangle through `v` (each arc weight 1 when unweighted).
    ///
    /// Conventions:
    /// - Nodes with fewer than two neighbours (and nodes in no triangle) get **0**, as
    ///   NetworkX; igraph's `transitivity_local_undirected` gives NaN to degree < 2 unless
    ///   `mode="zero"`.
    /// - **Self-loops** are ignored for neighbours and triangles. The weight normaliser
    ///   `max(w)` is taken over *all* edges, self-loops included, as NetworkX does.
    /// - **Parallel edges** are first merged with their weights summed
    ///   (``simplified(combine:dropSelfLoops:mergeReciprocal:)`` with `.sum`).
    /// - With `weighting` `.strength` or `.distance` the weights are used as given (as tie
    ///   strengths, as NetworkX's `weight=`); `.unweighted` ignores them.
    ///
    /// - Parameter weighting: `.unweighted` (default) or a weighted variant.
    /// - Returns: `n` coefficients in `[0, 1]`, indexed by node.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite
    ///   weight, or when all weights are 0 (weighted variants only).
    /// - Complexity: `O(n + Σ_v k(v)²)` time, `O(n + m)` memory.
    public func clustering(weighting: EdgeWeighting = .unweighted) throws(GraphError) -> [Double] {
        if weighting != .unweighted { try validateClusteringWeights() }
        let s = simplified(combine: .sum, dropSelfLoops: false)
        let w = weighting == .unweighted ? nil : s.maxNormalizedWeights()
        if s.isDirected {
            let t = s.directedTriangleSums(normalizedWeights: w)
            var c = [Double](repeating: 0, count: nodeCount)
            for v in 0..<nodeCount {
                let d = Double(t.total[v])
                let denominator = 2 * (d * (d - 1) - 2 * Double(t.reciprocated[v]))
                if t.sums[v] != 0 && denominator > 0 { c[v] = t.sums[v] / denominator }
            }
            return c
        } else {
            let t = s.undirectedTriangleSums(normalizedWeights: w)
            var c = [Double](repeating: 0, count: nodeCount)
            for v in 0..<nodeCount {
                let d = Double(t.degrees[v])
                if t.sums[v] != 0 && d >= 2 { c[v] = t.sums[v] / (d * (d - 1)) }
            }
            return c
        }
    }

    /// Average of the local clustering coefficients of ``clustering(weighting:)``.
    ///
    /// Definition: `C = (1/|V'|) Σ_{v∈V'} c(v)`. With `countZeros: true` (NetworkX's default)
    /// `V'` is every node, so nodes with fewer than two neighbours count as 0. With
    /// `countZeros: false`, `V'` holds only the nodes whose coefficient is not 0 — NetworkX's
    /// `count_zeros=False`, which also leaves out nodes that have two or more neighbours but no
    /// triangle. (igraph's `transitivity_avglocal_undirected(mode="nan")` differs: it leaves
    /// out only nodes of degree < 2. We follow NetworkX.)
    ///
    /// - Parameters:
    ///   - weighting: as for ``clustering(weighting:)``.
    ///   - countZeros: whether zero coefficients are included in the mean (default `true`).
    /// - Returns: a value in `[0, 1]`.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when no node is averaged (empty
    ///   graph, or `countZeros: false` and every coefficient is 0; NetworkX divides by zero);
    ///   weight errors as ``clustering(weighting:)``.
    /// - Complexity: as ``clustering(weighting:)``.
    /// - Reference: Watts & Strogatz 1998, Nature 393:440–442, doi:10.1038/30918.
    public func averageClustering(
        weighting: EdgeWeighting = .unweighted, countZeros: Bool = true
    ) throws(GraphError) -> Double {
        let c = try clustering(weighting: weighting)
        var sum = 0.0, count = 0
        for x in c where countZeros || x != 0 { sum += x; count += 1 }
        guard count > 0 else {
            throw .undefined(
                algorithm: "average clustering",
                reason: nodeCount == 0 ? "the graph has no nodes" : "no node has a nonzero clustering coefficient")
        }
        return sum / Double(count)
    }

    /// Number of triangles through every node, on the simple undirected version of the graph.
    ///
    /// Definition: `T(v) = |{{u, w} : u, w ∈ N(v), u ~ w}|`, `N(v)` the distinct neighbours of
    /// `v` other than itself. Self-loops and parallel edges are ignored and arc directions are
    /// dropped (``simplified(combine:dropSelfLoops:mergeReciprocal:)`` with `mergeReciprocal`),
    /// so this is NetworkX's `triangles` on the simple graph.
    ///
    /// - Returns: `n` counts, indexed by node.
    /// - Complexity: `O(n + Σ_v k(v)²)`.
    /// - Reference: Watts & Strogatz 1998, Nature 393:440–442, doi:10.1038/30918.
    public func triangleCounts() -> [Int] {
        let s = simplified(dropSelfLoops: true, mergeReciprocal: true)
        return s.undirectedTriangleSums(normalizedWeights: nil).sums.map { Int($0 / 2) }
    }

    /// Transitivity (global clustering coefficient): the share of connected triples that are
    /// closed.
    ///
    /// Definition: `T = 3 × triangles / connected triples = Σ_v 2T(v) / Σ_v k(v)(k(v) − 1)`
    /// (Newman, Strogatz & Watts 2001, "Random graphs with arbitrary degree distributions and
    /// their applications", Phys. Rev. E 64:026118, doi:10.1103/PhysRevE.64.026118).
    /// Computed on the simple undirected version: self-loops and parallel edges ignored and,
    /// for a directed graph, directions dropped (NetworkX refuses directed graphs; igraph's
    /// `transitivity_undirected` also ignores directions). 0 when there is no triangle, as
    /// NetworkX.
    ///
    /// - Returns: a value in `[0, 1]`.
    /// - Complexity: `O(n + Σ_v k(v)²)`.
    public func transitivity() -> Double {
        let s = simplified(dropSelfLoops: true, mergeReciprocal: true)
        let t = s.undirectedTriangleSums(normalizedWeights: nil)
        var closed = 0.0, triples = 0.0
        for v in 0..<nodeCount {
            closed += t.sums[v]
            let d = Double(t.degrees[v])
            triples += d * (d - 1)
        }
        return closed == 0 ? 0 : closed / triples
    }

    /// Throws unless every weight is finite and non-negative and, if there are edges, one is
    /// positive (so that `w / max(w)` is defined).
    private func validateClusteringWeights() throws(GraphError) {
        var maxWeight = 0.0
        for e in 0..<edgeCount {
            let w = weights[e]
            guard w.isFinite, w >= 0 else {
                throw .invalidWeight(edge: e, value: w, reason: "weighted clustering needs finite non-negative weights")
            }
            maxWeight = Swift.max(maxWeight, w)
        }
        guard edgeCount == 0 || maxWeight > 0 else {
            throw .invalidWeight(edge: 0, value: 0, reason: "weighted clustering needs at least one positive weight")
        }
    }

    /// Weights divided by their maximum (validated beforehand).
    private func maxNormalizedWeights() -> [Double] {
        let maxWeight = weights.max() ?? 1
        return weights.map { $0 / maxWeight }
    }

    /// For a simple undirected graph (loops allowed, ignored): per node the sum over ordered
    /// pairs of adjacent neighbours of `(ŵ ŵ ŵ)^{1/3}` (or 1), i.e. `2T(v)` when unweighted,
    /// and the number of distinct non-loop neighbours.
    private func undirectedTriangleSums(normalizedWeights w: [Double]?) -> (sums: [Double], degrees: [Int]) {
        let n = nodeCount
        var sums = [Double](repeating: 0, count: n)
        var degrees = [Int](repeating: 0, count: n)
        var stamp = [Int](repeating: -1, count: n)
        var toI = [Double](repeating: 0, count: n)  // ŵ(i, k) for neighbours k of the current i
        for i in 0..<n {
            var d = 0
            for p in outRange(of: i) {
                let k = Int(outNeighbors[p])
                if k == i { continue }
                stamp[k] = i
                if let w { toI[k] = w[Int(outEdgeIDs[p])] }
                d += 1
            }
            degrees[i] = d
            if d < 2 { continue }
            var sum = 0.0
            for p in outRange(of: i) {
                let j = Int(outNeighbors[p])
                if j == i { continue }
                for q in outRange(of: j) {
                    let k = Int(outNeighbors[q])
                    if k == j || k == i || stamp[k] != i { continue }
                    if let w {
                        sum += cbrt(toI[j] * w[Int(outEdgeIDs[q])] * toI[k])
                    } else {
                        sum += 1
                    }
                }
            }
            sums[i] = sum
        }
        return (sums, degrees)
    }

    /// For a directed graph without parallel arcs (loops allowed, ignored): per node Fagiolo's
    /// `T(v)`, the total degree over distinct neighbours, and the reciprocated neighbour count.
    private func directedTriangleSums(
        normalizedWeights w: [Double]?
    ) -> (sums: [Double], total: [Int], reciprocated: [Int]) {
        let n = nodeCount
        var sums = [Double](repeating: 0, count: n)
        var total = [Int](repeating: 0, count: n)
        var reciprocated = [Int](repeating: 0, count: n)
        var outStamp = [Int](repeating: -1, count: n)  // i→k exists when outStamp[k] == i
        var inStamp = [Int](repeating: -1, count: n)   // k→i exists when inStamp[k] == i
        var outW = [Double](repeating: 1, count: n)
        var inW = [Double](repeating: 1, count: n)

        for i in 0..<n {
            var dOut = 0, dIn = 0, both = 0
            for p in outRange(of: i) {
                let k = Int(outNeighbors[p])
                if k == i { continue }
                outStamp[k] = i
                if let w { outW[k] = w[Int(outEdgeIDs[p])] }
                dOut += 1
            }
            for p in inRange(of: i) {
                let k = Int(inNeighbors[p])
                if k == i { continue }
                inStamp[k] = i
                if let w { inW[k] = w[Int(inEdgeIDs[p])] }
                dIn += 1
                if outStamp[k] == i { both += 1 }
            }
            total[i] = dOut + dIn
            reciprocated[i] = both
            if dOut + dIn - both < 2 { continue }

            var sum = 0.0
            // Σ over arcs a between i and j, b between i and k, c between j and k.
            // Visit each distinct neighbour j once: out-neighbours, then in-only neighbours.
            for pass in 0..<2 {
                let range = pass == 0 ? outRange(of: i) : inRange(of: i)
                for p in range {
                    let j = Int(pass == 0 ? outNeighbors[p] : inNeighbors[p])
                    if j == i || (pass == 1 && outStamp[j] == i) { continue }
                    let hasAOut = outStamp[j] == i, hasAIn = inStamp[j] == i
                    let aOut = outW[j], aIn = inW[j]
                    for side in 0..<2 {  // c = j→k, then c = k→j
                        let r = side == 0 ? outRange(of: j) : inRange(of: j)
                        for q in r {
                            let k = Int(side == 0 ? outNeighbors[q] : inNeighbors[q])
                            if k == i || k == j { continue }
                            let hasBOut = outStamp[k] == i, hasBIn = inStamp[k] == i
                            if !hasBOut && !hasBIn { continue }
                            if let w {
                                let c = w[Int(side == 0 ? outEdgeIDs[q] : inEdgeIDs[q])]
                                if hasAOut && hasBOut { sum += cbrt(aOut * outW[k] * c) }
                                if hasAOut && hasBIn { sum += cbrt(aOut * inW[k] * c) }
                                if hasAIn && hasBOut { sum += cbrt(aIn * outW[k] * c) }
                                if hasAIn && hasBIn { sum += cbrt(aIn * inW[k] * c) }
                            } else {
                                sum += Double(((hasAOut ? 1 : 0) + (hasAIn ? 1 : 0)) * ((hasBOut ? 1 : 0) + (hasBIn ? 1 : 0)))
                            }
                        }
                    }
                }
            }
            sums[i] = sum
        }
        return (sums, total, reciprocated)
    }
}
