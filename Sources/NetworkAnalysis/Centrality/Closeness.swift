extension Graph {
    /// Closeness centrality of every node, with the Wasserman–Faust correction for graphs that
    /// are not (strongly) connected, exactly as NetworkX's
    /// `closeness_centrality(G, wf_improved=True)`.
    ///
    ///     C(u) = (r − 1) / (n − 1) · (r − 1) / Σ_v d(v, u)
    ///
    /// where the sum runs over the `r − 1` other nodes `v` in `u`'s reach (`r` counts `u`
    /// itself) and `n` is the number of nodes. The first factor scales down nodes that reach
    /// few others; in a connected graph it is 1 and `C(u)` is the inverse mean distance.
    /// A node that reaches no other node (isolated, or only a self-loop) has `C(u) = 0`,
    /// as does every node when `n = 1`.
    ///
    /// Direction: `.incoming` (default, NetworkX's convention for digraphs) uses the distances
    /// `d(v, u)` **to** `u`; `.outgoing` uses `d(u, v)` **from** `u` (NetworkX on `G.reverse()`).
    /// Undirected graphs ignore it. Self-loops never shorten a path; parallel edges act as one
    /// edge of their shortest length.
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - direction: `.incoming` (default) or `.outgoing`, see above.
    ///   - threads: at most this many threads; `nil` lets Dispatch use every core. Each node's
    ///     value is computed by one thread, so results do not depend on it.
    /// - Returns: `n` values in `[0, 1]` indexed by node.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: `O(n (n + m) log n)` weighted (Dijkstra from every node); when every
    ///   length is 1, 64 breadth-first searches at once (Then et al. 2014):
    ///   `O(L (n + m) n / 64 + n²)` with `L` the diameter plus one. `O(n + m)` memory per
    ///   thread.
    ///
    /// Reference: A. Bavelas (1950), "Communication patterns in task-oriented groups", J.
    /// Acoust. Soc. Am. 22(6):725–730, doi:10.1121/1.1906679; S. Wasserman & K. Faust (1994),
    /// *Social Network Analysis: Methods and Applications*, Cambridge University Press,
    /// doi:10.1017/CBO9780511815478, p. 201 (the correction); M. Then et al. (2014), "The more
    /// the merrier: efficient multi-source graph traversal", Proc. VLDB Endow. 8(4):449–460,
    /// doi:10.14778/2735496.2735507 (the 64-at-once searches).
    public func closeness(
        weighting: EdgeWeighting = .strength,
        direction: PathDirection = .incoming,
        threads: Int? = nil
    ) throws(GraphError) -> [Double] {
        let n = nodeCount
        let reached: [Int], distanceSum: [Double]
        // Every length 1 (unweighted, or all weights 1): 64 breadth-first searches at once
        // (``MultiSourceBFS``), over the arcs reversed to the search direction. The distance
        // sums are the same integers as one search per node gives.
        let backward = try PathArcs(
            graph: self, weighting: weighting, direction: direction == .incoming ? .outgoing : .incoming, byDegree: true)
        if backward.lengths.map({ UnsafeBufferPointer(start: $0, count: backward.arcCount).allSatisfy { $0 == 1 } }) ?? true {
            (reached, distanceSum) = MultiSourceBFS.reachAndDistanceSums(backward: backward, threads: threads)
        } else {
            let s = try SourceSummaries(graph: self, weighting: weighting, direction: direction, threads: threads)
            (reached, distanceSum) = (s.reached, s.distanceSum)
        }
        var result = [Double](repeating: 0, count: n)
        guard n > 1 else { return result }
        for u in 0..<n {
            let others = Double(reached[u] - 1)
            let total = distanceSum[u]
            if total > 0 {
                result[u] = (others / total) * (others / Double(n - 1))
            }
        }
        return result
    }

    /// Harmonic centrality of every node: the sum of inverse distances, as NetworkX's
    /// `harmonic_centrality` (unnormalized).
    ///
    ///     H(u) = Σ_{v ≠ u} 1 / d(v, u)        (1 / ∞ = 0)
    ///
    /// Well defined on disconnected graphs, where unreachable nodes add 0.
    ///
    /// Direction: `.incoming` (default) uses distances `d(v, u)` **to** `u`, which is what
    /// NetworkX computes for digraphs (it sums `1 / d` over the distances found *from* each
    /// source `v` and credits them to the target `u`); `.outgoing` uses `d(u, v)` from `u`.
    /// Undirected graphs ignore it. Self-loops and parallel edges as in
    /// ``closeness(weighting:direction:threads:)``.
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - direction: `.incoming` (default) or `.outgoing`.
    ///   - threads: at most this many threads; results do not depend on it.
    /// - Returns: `n` values in `[0, (n − 1) / ℓ_min]` indexed by node (`[0, n − 1]` unweighted).
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: as ``closeness(weighting:direction:threads:)``.
    ///
    /// Reference: M. Marchiori & V. Latora (2000), "Harmony in the small-world", Physica A
    /// 285(3–4):539–546, doi:10.1016/S0378-4371(00)00311-3; P. Boldi & S. Vigna (2014),
    /// "Axioms for centrality", Internet Math. 10(3–4):222–262,
    /// doi:10.1080/15427951.2013.865686.
    public func harmonicCentrality(
        weighting: EdgeWeighting = .strength,
        direction: PathDirection = .incoming,
        threads: Int? = nil
    ) throws(GraphError) -> [Double] {
        try SourceSummaries(graph: self, weighting: weighting, direction: direction, threads: threads)
            .inverseDistanceSum
    }
}

/// Per-node summaries of one single-source search from every node: the raw material of
/// closeness, harmonic centrality and the network-level path statistics.
struct SourceSummaries {
    /// Nodes reached from `u`, `u` included.
    var reached: [Int]
    /// Σ of finite distances from `u` (in the search direction), summed in settling order.
    var distanceSum: [Double]
    /// Σ of `1 / d` over the other reached nodes.
    var inverseDistanceSum: [Double]
    /// Largest finite distance from `u` (0 when `u` reaches nobody).
    var eccentricity: [Double]

    init(graph: Graph, weighting: EdgeWeighting, direction: PathDirection, threads: Int?) throws(GraphError) {
        let arcs = try PathArcs(graph: graph, weighting: weighting, direction: direction)
        let n = graph.nodeCount
        let reached = UnsafeMutablePointer<Int>.allocate(capacity: max(1, n))
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: max(1, 3 * n))
        defer { reached.deallocate(); sums.deallocate() }
        let chunks = SourceChunks.count(n)
        let reachedShared = SharedBuffer(pointer: reached), sumsShared = SharedBuffer(pointer: sums)
        if n > 0 {
            SourceChunks.forEach(count: chunks, threads: threads, work: n * max(1, arcs.arcCount)) { c in
                let ws = PathWorkspace(nodeCount: n)
                let weighted = arcs.isWeighted
                for u in SourceChunks.range(c, of: chunks, n: n) {
                    ws.search(arcs, from: u)
                    var total = 0.0, inverse = 0.0, far = 0.0
                    for k in 1..<max(1, ws.reached) {
                        let d = ws.distance(Int(ws.order[k]), weighted: weighted)
                        total += d
                        inverse += 1 / d
                        if d > far { far = d }
                    }
                    reachedShared.pointer[u] = ws.reached
                    let out = sumsShared.pointer
                    out[u] = total; out[n + u] = inverse; out[2 * n + u] = far
                }
            }
        }
        self.reached = Array(UnsafeBufferPointer(start: reached, count: n))
        self.distanceSum = Array(UnsafeBufferPointer(start: sums, count: n))
        self.inverseDistanceSum = Array(UnsafeBufferPointer(start: sums + n, count: n))
        self.eccentricity = Array(UnsafeBufferPointer(start: sums + 2 * n, count: n))
    }
}
