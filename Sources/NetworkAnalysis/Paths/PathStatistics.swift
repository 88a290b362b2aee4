/// Network-level statistics of the shortest-path distances between all ordered pairs of
/// distinct nodes, from one all-pairs pass. See ``Graph/pathStatistics(weighting:threads:)``.
///
/// Let `n` be the number of nodes, `P` the set of ordered pairs `(u, v)`, `u ≠ v`, with `v`
/// reachable from `u` (for undirected graphs: both in one component), and `d(u, v)` the
/// shortest-path length.
public struct PathStatistics: Sendable, Equatable {
    /// Number of nodes `n`.
    public let nodeCount: Int
    /// `|P|`: ordered pairs `(u, v)`, `u ≠ v`, with a path from `u` to `v`.
    public let reachablePairs: Int
    /// The longest finite shortest-path length, `max_{(u,v) ∈ P} d(u, v)`; `0` when `P` is
    /// empty and `n ≥ 1`, NaN for the empty graph. igraph's `diameter(unconn = TRUE)`
    /// convention: on a disconnected graph it is the largest diameter of its components
    /// (NetworkX raises instead).
    public let diameter: Double
    /// Mean shortest-path length over reachable pairs, `Σ_{P} d(u, v) / |P|`; NaN when `P`
    /// is empty. igraph's `average_path_length(unconn = TRUE)` convention (NetworkX raises
    /// on disconnected graphs). For undirected graphs the ordered and unordered means agree.
    public let averagePathLength: Double
    /// Global efficiency (Latora & Marchiori 2001): `E = Σ_{u ≠ v} 1 / d(u, v) / (n (n − 1))`
    /// with `1 / ∞ = 0`; `0` when `n < 2` (as NetworkX). Unweighted it equals NetworkX's
    /// `global_efficiency`; weighted it uses the lengths by the same definition.
    public let globalEfficiency: Double
    /// Borgatti's fragmentation, the share of ordered pairs that cannot reach each other:
    /// `F = 1 − |P| / (n (n − 1))`. For undirected graphs this is
    /// `1 − Σ_k s_k (s_k − 1) / (n (n − 1))` over components of sizes `s_k`; for directed
    /// graphs it counts reachability (not weak components) pairs. `0` when `n < 2`.
    public let fragmentation: Double
    /// Borgatti's distance-weighted fragmentation `DF = 1 − Σ_{u ≠ v} (1 / d(u, v)) / (n (n − 1))`,
    /// i.e. `1 − globalEfficiency`; `0` when `n < 2`.
    public let distanceWeightedFragmentation: Double
}

extension Graph {
    /// Diameter, average path length, global efficiency and (distance-weighted) fragmentation
    /// from one single-source search per node; see ``PathStatistics`` for the definitions.
    ///
    /// Conventions: self-loops never shorten a path; parallel edges act as one edge of their
    /// shortest length; directed graphs follow arc directions (pairs are ordered).
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - threads: at most this many threads; results do not depend on it (per-node sums are
    ///     combined in node order).
    /// - Returns: the statistics.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: `O(n m)` unweighted, `O(n (n + m) log n)` weighted.
    ///
    /// References: V. Latora & M. Marchiori (2001), "Efficient behavior of small-world
    /// networks", Phys. Rev. Lett. 87(19):198701, doi:10.1103/PhysRevLett.87.198701;
    /// S. P. Borgatti (2006), "Identifying sets of key players in a social network", Comput.
    /// Math. Organ. Theory 12:21–34, doi:10.1007/s10588-006-7084-x (F and DF); G. Csárdi &
    /// T. Nepusz (2006), "The igraph software package for complex network research",
    /// InterJournal Complex Systems 1695 (the `unconn` conventions).
    public func pathStatistics(weighting: EdgeWeighting = .strength, threads: Int? = nil) throws(GraphError) -> PathStatistics {
        let s = try SourceSummaries(graph: self, weighting: weighting, direction: .outgoing, threads: threads)
        return PathStatistics(
            nodeCount: nodeCount, reached: { s.reached[$0] }, distanceSums: { s.distanceSum[$0] },
            inverseDistanceSums: { s.inverseDistanceSum[$0] }, eccentricities: { s.eccentricity[$0] })
    }

    /// Freeman's betweenness centralization: how far the graph is from a star, by betweenness.
    ///
    ///     C_B = Σ_v (c*_max − c*(v)) / (n − 1)
    ///
    /// on the normalized scores `c*` of ``betweenness(weighting:normalized:endpoints:threads:)``
    /// (in `[0, 1]`). The denominator `n − 1` is the largest value the numerator can take,
    /// reached by the star on `n` nodes (centre 1, leaves 0; for directed graphs the star with
    /// arcs both ways). 1 for a star, 0 when all scores are equal.
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength`.
    ///   - threads: as for betweenness.
    /// - Returns: a value in `[0, 1]`; NaN when `n < 3` (no node can lie between two others).
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: that of betweenness.
    ///
    /// Reference: L. C. Freeman (1979), "Centrality in social networks: conceptual
    /// clarification", Social Networks 1(3):215–239, doi:10.1016/0378-8733(78)90021-7.
    public func betweennessCentralization(weighting: EdgeWeighting = .strength, threads: Int? = nil) throws(GraphError) -> Double {
        let n = nodeCount
        guard n >= 3 else { return .nan }
        return Centralization.freeman(
            try betweenness(weighting: weighting, normalized: true, threads: threads),
            maximum: Double(n - 1))
    }

    /// Freeman's closeness centralization on the Wasserman–Faust closeness scores of
    /// ``closeness(weighting:direction:threads:)``:
    ///
    ///     C_C = Σ_v (c_max − c(v)) / M
    ///
    /// where `M` is the largest value the numerator takes over graphs of `n` nodes, so that
    /// the index is 1 at the graph that maximises it and at most 1 elsewhere (unweighted):
    /// - **Undirected**: `M = (n − 1)(n − 2) / (2n − 3)`, the star on `n` nodes (centre 1,
    ///   leaves `(n − 1) / (2n − 3)`): Freeman's maximum, igraph's
    ///   `centralization_closeness_tmax(mode="all")`.
    /// - **Directed**: `M = n − 1`. Every corrected score lies in `[0, 1]`, so the numerator
    ///   is at most `n − 1`, and the in-star (every other node has one arc to the centre) read
    ///   `.incoming`, or the out-star read `.outgoing`, reaches it: the centre scores 1 and the
    ///   leaves, which nobody reaches (or which reach nobody), score 0. The undirected
    ///   maximum would give the 6-node in-star 5 / (20 / 9) = 2.25; with `M = n − 1` it scores 1.
    /// Both maxima are checked by enumerating every graph on 5 nodes (undirected) and every
    /// digraph on 4 nodes in the tests. Weighted runs can have closeness above 1 (paths shorter
    /// than 1), and then the index can exceed 1 too.
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength`.
    ///   - direction: passed to closeness (default `.incoming`).
    ///   - threads: as for closeness.
    /// - Returns: the centralization, in `[0, 1]` unweighted; NaN when `n < 3`.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: that of closeness.
    ///
    /// Reference: Freeman (1979), Social Networks 1(3):215–239, doi:10.1016/0378-8733(78)90021-7;
    /// Wasserman & Faust (1994), doi:10.1017/CBO9780511815478, p. 201 (the corrected closeness).
    public func closenessCentralization(
        weighting: EdgeWeighting = .strength,
        direction: PathDirection = .incoming,
        threads: Int? = nil
    ) throws(GraphError) -> Double {
        let n = nodeCount
        guard n >= 3 else { return .nan }
        let nn = Double(n)
        return Centralization.freeman(
            try closeness(weighting: weighting, direction: direction, threads: threads),
            maximum: isDirected ? nn - 1 : (nn - 1) * (nn - 2) / (2 * nn - 3))
    }
}

/// Freeman's (1979) general centralization index.
public enum Centralization {
    /// `Σ_v (max_w c(w) − c(v)) / maximum`: the summed shortfall of every score from the
    /// largest, relative to the largest shortfall a graph of the same size can have.
    ///
    /// - Parameters:
    ///   - scores: one centrality score per node.
    ///   - maximum: the theoretical maximum of the numerator for graphs of `scores.count`
    ///     nodes (the star's value for the measure at hand).
    /// - Returns: the index; NaN for no scores or a non-positive maximum.
    /// - Complexity: `O(n)`.
    ///
    /// Reference: L. C. Freeman (1979), Social Networks 1(3):215–239,
    /// doi:10.1016/0378-8733(78)90021-7, eq. 11.
    public static func freeman(_ scores: [Double], maximum: Double) -> Double {
        guard let top = scores.max(), maximum > 0 else { return .nan }
        var sum = 0.0
        for c in scores { sum += top - c }
        return sum / maximum
    }
}

extension PathStatistics {
    /// The statistics from per-source summaries, combined in node order (so the sums are the
    /// same bit for bit whoever computed the summaries).
    /// - Parameters:
    ///   - n: the number of nodes.
    ///   - reached: per source `u`, the nodes it reaches, itself included.
    ///   - distanceSums: per source, the sum of its finite distances.
    ///   - inverseDistanceSums: per source, the sum of `1/d` over the nodes it reaches.
    ///   - eccentricities: per source, its largest finite distance.
    /// - Complexity: `O(n)`.
    init(
        nodeCount n: Int, reached: (Int) -> Int, distanceSums: (Int) -> Double, inverseDistanceSums: (Int) -> Double,
        eccentricities: (Int) -> Double
    ) {
        var pairs = 0
        var total = 0.0, inverse = 0.0
        var diameter = n == 0 ? Double.nan : 0
        for u in 0..<n {
            pairs += reached(u) - 1
            total += distanceSums(u)
            inverse += inverseDistanceSums(u)
            let far = eccentricities(u)
            if far > diameter { diameter = far }
        }
        let allPairs = Double(n) * Double(n - 1)
        let efficiency = n < 2 ? 0 : inverse / allPairs
        self.init(
            nodeCount: n,
            reachablePairs: pairs,
            diameter: diameter,
            averagePathLength: pairs == 0 ? .nan : total / Double(pairs),
            globalEfficiency: efficiency,
            fragmentation: n < 2 ? 0 : 1 - Double(pairs) / allPairs,
            distanceWeightedFragmentation: n < 2 ? 0 : 1 - efficiency)
    }
}
