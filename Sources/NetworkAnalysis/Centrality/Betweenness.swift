extension Graph {
    /// Betweenness centrality of every node (Brandes' algorithm).
    ///
    /// The betweenness of `v` is the share of shortest paths that pass through it, summed
    /// over pairs of other nodes:
    ///
    ///     c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t)
    ///
    /// where `σ(s, t)` is the number of shortest `s`–`t` paths and `σ(s, t | v)` the number of
    /// those through `v`. For undirected graphs each unordered pair `{s, t}` counts once
    /// (NetworkX's raw values: the ordered-pair sum halved). With `endpoints`, `s` and `t`
    /// count as lying on their own paths (Brandes 2008, "endpoints" variant):
    /// `c(v) = c_B(v) + ` the number of nodes reachable from `v` `+` the number that reach `v`
    /// (for undirected graphs: `c_B(v) +` the size of `v`'s component minus one).
    ///
    /// Normalization (`normalized: true`, NetworkX's `_rescale`): multiply by `2 / ((n−1)(n−2))`
    /// for undirected and `1 / ((n−1)(n−2))` for directed graphs (the number of pairs a node
    /// can lie between); with `endpoints` by `2 / (n(n−1))` and `1 / (n(n−1))`. For `n ≤ 2`
    /// (resp. `n ≤ 1` with `endpoints`) every value is 0 and nothing is rescaled.
    ///
    /// Conventions: a self-loop never lies on a shortest path (it is ignored). Each of several
    /// parallel edges is a distinct shortest path (igraph's multigraph convention; NetworkX
    /// multigraphs count the pair of nodes once). With `weighting` other than `.unweighted`
    /// two paths are equally short when their lengths agree within a relative 1e-10
    /// (``PathLength``), as in igraph, so `1/2 + 1/3 + 1/6` ties with `1`.
    ///
    /// Sources are split into a fixed number of chunks (independent of the core count) whose
    /// partial sums are added in chunk order, so results are bit-identical for every thread
    /// count.
    ///
    /// Undirected graphs take the "shattering and compressing" path: degree-1 nodes are folded
    /// away with the sizes of their subtrees (Baglioni et al. 2012), the rest is cut at its
    /// articulation points into blocks (biconnected components), Brandes' accumulation runs
    /// inside each block with node weights, and pairs a cut point separates are counted in
    /// closed form (Sariyüce et al. 2013; see `ShatteredBetweenness`). The values equal the
    /// plain algorithm's (``brandesBetweenness(weighting:normalized:endpoints:threads:)``) up
    /// to floating-point rounding (tested to 1e-12, relative). Directed graphs use the plain
    /// algorithm. On a graph with many leaves and cut points this skips most of the work; on
    /// a graph that is one block (every node of degree ≥ 2, no cut point) it costs the same.
    /// One caveat with weights: inside a block, ties are decided by the 1e-10 tolerance on the
    /// in-block distance, so two paths whose whole lengths differ by less than 1e-10 of the
    /// whole but more than 1e-10 of the in-block part could be tied differently than by the
    /// plain algorithm (no test graph, rounding ties of `1/2 + 1/3 + 1/6` included, hits it).
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - normalized: rescale as above (default `true`, as NetworkX).
    ///   - endpoints: count the endpoints of each path (default `false`).
    ///   - threads: at most this many threads; `nil` (default) lets Dispatch use every core,
    ///     `1` runs on the calling thread. Small graphs always run on the calling thread.
    /// - Returns: `n` values indexed by node.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: undirected, `O(n + m)` for the folding and the blocks plus
    ///   `Σ_B n_B m_B` (unweighted) or `Σ_B (n_B m_B + n_B² log n_B)` (weighted) over the blocks
    ///   `B` of at least three nodes; at worst (one block) `O(n m)` unweighted,
    ///   `O(n m + n² log n)` weighted. Memory `O(n + m)` per thread plus at most 32 rows of
    ///   partial sums (`n` doubles each, at most 2^23 doubles in all). Directed: as
    ///   ``brandesBetweenness(weighting:normalized:endpoints:threads:)``.
    ///
    /// Reference: U. Brandes (2001), "A faster algorithm for betweenness centrality",
    /// J. Math. Sociol. 25(2):163–177, doi:10.1080/0022250X.2001.9990249; U. Brandes (2008),
    /// "On variants of shortest-path betweenness centrality and their generic computation",
    /// Social Networks 30(2):136–145, doi:10.1016/j.socnet.2007.11.001; M. Baglioni, F. Geraci,
    /// M. Pellegrini & E. Lastres (2012), "Fast exact computation of betweenness centrality in
    /// social networks", ASONAM 2012, doi:10.1109/ASONAM.2012.65; A. E. Sariyüce, E. Saule,
    /// K. Kaya & Ü. V. Çatalyürek (2013), "Shattering and compressing networks for betweenness
    /// centrality", SDM 2013, doi:10.1137/1.9781611972832.76.
    public func betweenness(
        weighting: EdgeWeighting = .strength,
        normalized: Bool = true,
        endpoints: Bool = false,
        threads: Int? = nil
    ) throws(GraphError) -> [Double] {
        if isDirected {
            return try brandesBetweenness(weighting: weighting, normalized: normalized, endpoints: endpoints, threads: threads)
        }
        let values = try ShatteredBetweenness.raw(self, weighting: weighting, endpoints: endpoints, threads: threads)
        return rescaledBetweenness(values, normalized: normalized, endpoints: endpoints)
    }

    /// Betweenness centrality of every node by the plain Brandes algorithm: one search and one
    /// dependency pass from every source, on the whole graph.
    ///
    /// The same definition, conventions, normalization and bit-identical chunked summation as
    /// ``betweenness(weighting:normalized:endpoints:threads:)``, which uses it for directed
    /// graphs; for undirected graphs it is kept as the reference the faster path is tested
    /// against.
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - normalized: rescale as in ``betweenness(weighting:normalized:endpoints:threads:)``.
    ///   - endpoints: count the endpoints of each path (default `false`).
    ///   - threads: at most this many threads; `nil` (default) lets Dispatch use every core.
    /// - Returns: `n` values indexed by node.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: `O(n m)` time unweighted, `O(n m + n² log n)` weighted; `O(n + m)` memory
    ///   per thread plus `16 n` doubles of partial sums.
    ///
    /// Reference: U. Brandes (2001), J. Math. Sociol. 25(2):163–177,
    /// doi:10.1080/0022250X.2001.9990249; U. Brandes (2008), Social Networks 30(2):136–145,
    /// doi:10.1016/j.socnet.2007.11.001.
    public func brandesBetweenness(
        weighting: EdgeWeighting = .strength,
        normalized: Bool = true,
        endpoints: Bool = false,
        threads: Int? = nil
    ) throws(GraphError) -> [Double] {
        let arcs = try PathArcs(graph: self, weighting: weighting, direction: .outgoing, byDegree: true)
        let values = Brandes.accumulate(
            arcs, edgeCount: edgeCount, nodes: true, edges: false, endpoints: endpoints, threads: threads
        ).nodes
        return rescaledBetweenness(values, normalized: normalized, endpoints: endpoints)
    }

    /// Ordered-pair sums rescaled as documented in ``betweenness(weighting:normalized:endpoints:threads:)``.
    private func rescaledBetweenness(_ raw: [Double], normalized: Bool, endpoints: Bool) -> [Double] {
        Self.rescaledBetweenness(raw, pairs: endpoints ? nodeCount : nodeCount - 1, normalized: normalized, directed: isDirected)
    }

    /// Raw sums over ordered pairs `(s, t)` with NetworkX's rescale: `1/(N(N − 1))` normalized
    /// for `N = pairs` (n, or n − 1 without endpoints), else `1/2` undirected; unchanged below
    /// `N = 2`.
    static func rescaledBetweenness(_ raw: [Double], pairs pairsN: Int, normalized: Bool, directed: Bool) -> [Double] {
        var values = raw
        guard pairsN >= 2 else { return values }
        let scale = normalized ? 1 / (Double(pairsN) * Double(pairsN - 1)) : directed ? 1 : 0.5
        if scale != 1 { for v in values.indices { values[v] *= scale } }
        return values
    }

    /// Betweenness centrality of every edge (Brandes' algorithm), indexed by edge id.
    ///
    ///     c_B(e) = Σ_{s ≠ t} σ(s, t | e) / σ(s, t)
    ///
    /// summed over unordered pairs `{s, t}` for undirected and ordered pairs for directed
    /// graphs (NetworkX `edge_betweenness_centrality`, igraph `edge_betweenness`).
    /// Normalization (`normalized: true`, NetworkX): `2 / (n(n−1))` undirected, `1 / (n(n−1))`
    /// directed.
    ///
    /// Conventions: a self-loop edge never lies on a shortest path: its value is 0. Parallel
    /// edges are distinct shortest paths, each getting its own share (igraph; NetworkX
    /// multigraphs split the pair's share equally among parallel edges of equal weight, which
    /// differs when alternatives exist). Ties in weighted lengths as in ``betweenness(weighting:normalized:endpoints:threads:)``,
    /// and the same bit-identical chunked summation.
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - normalized: rescale as above (default `true`, as NetworkX).
    ///   - threads: at most this many threads; `nil` lets Dispatch use every core.
    /// - Returns: `m` values indexed by edge id.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: `O(n m)` unweighted, `O(n m + n² log n)` weighted; `16 m` doubles of
    ///   partial sums.
    ///
    /// Reference: Brandes (2001), doi:10.1080/0022250X.2001.9990249; Brandes (2008), Social
    /// Networks 30(2):136–145, doi:10.1016/j.socnet.2007.11.001 (edge betweenness variant).
    public func edgeBetweenness(
        weighting: EdgeWeighting = .strength,
        normalized: Bool = true,
        threads: Int? = nil
    ) throws(GraphError) -> [Double] {
        let arcs = try PathArcs(graph: self, weighting: weighting, direction: .outgoing, byDegree: true)
        var values = Brandes.accumulate(
            arcs, edgeCount: edgeCount, nodes: false, edges: true, endpoints: false, threads: threads
        ).edges
        let n = nodeCount
        guard n >= 2 else { return values }
        let scale: Double
        if normalized {
            scale = 1 / (Double(n) * Double(n - 1))
        } else {
            scale = isDirected ? 1 : 0.5
        }
        if scale != 1 { for e in 0..<values.count { values[e] *= scale } }
        return values
    }
}

/// Brandes' accumulation over all sources, ordered-pair sums (undirected pairs count twice).
enum Brandes {
    static func accumulate(
        _ arcs: PathArcs, edgeCount m: Int, nodes: Bool, edges: Bool, endpoints: Bool, threads: Int?
    ) -> (nodes: [Double], edges: [Double]) {
        let n = arcs.nodeCount
        guard n > 0 else { return ([], [Double](repeating: 0, count: m)) }
        let chunks = SourceChunks.count(n)
        let nodeStride = nodes ? n : 0
        let edgeStride = edges ? m : 0
        let nodePartial = UnsafeMutablePointer<Double>.allocate(capacity: max(1, chunks * nodeStride))
        nodePartial.initialize(repeating: 0, count: max(1, chunks * nodeStride))
        let edgePartial = UnsafeMutablePointer<Double>.allocate(capacity: max(1, chunks * edgeStride))
        edgePartial.initialize(repeating: 0, count: max(1, chunks * edgeStride))
        defer { nodePartial.deallocate(); edgePartial.deallocate() }

        let nodeShared = SharedBuffer(pointer: nodePartial), edgeShared = SharedBuffer(pointer: edgePartial)
        SourceChunks.forEach(count: chunks, threads: threads, work: n * max(1, arcs.arcCount)) { c in
            let ws = PathWorkspace(nodeCount: n)
            let nodeAcc: UnsafeMutablePointer<Double>? = nodes ? nodeShared.pointer + c * nodeStride : nil
            let edgeAcc: UnsafeMutablePointer<Double>? = edges ? edgeShared.pointer + c * edgeStride : nil
            for s in SourceChunks.range(c, of: chunks, n: n) {
                ws.search(arcs, from: s)
                if arcs.isWeighted {
                    ws.countWeightedPaths(arcs, from: s)
                    dependenciesWeighted(arcs, ws, s, nodeAcc, edgeAcc, endpoints)
                } else {
                    dependenciesUnweighted(arcs, ws, s, nodeAcc, edgeAcc, endpoints)
                }
            }
        }

        var nodeTotal = [Double](repeating: 0, count: nodes ? n : 0)
        var edgeTotal = [Double](repeating: 0, count: m)
        for c in 0..<chunks {
            if nodes {
                if let original = arcs.originalNode {
                    for v in 0..<n { nodeTotal[original[v]] += nodePartial[c * nodeStride + v] }
                } else {
                    for v in 0..<n { nodeTotal[v] += nodePartial[c * nodeStride + v] }
                }
            }
            if edges { for e in 0..<m { edgeTotal[e] += edgePartial[c * edgeStride + e] } }
        }
        return (nodeTotal, edgeTotal)
    }

    /// Dependency pass in reverse BFS order, over successors: for `v`,
    /// `δ(v) = σ(v) Σ_{w : level(w) = level(v)+1, (v,w) arc} (1 + δ(w)) / σ(w)`.
    /// The arc `(v, w)` carries `σ(v) (1 + δ(w)) / σ(w)` pairs' worth of paths.
    @inline(__always)
    static func dependenciesUnweighted(
        _ arcs: PathArcs, _ ws: PathWorkspace, _ s: Int,
        _ nodeAcc: UnsafeMutablePointer<Double>?, _ edgeAcc: UnsafeMutablePointer<Double>?,
        _ endpoints: Bool
    ) {
        let off = arcs.offsets, nbr = arcs.neighbors, ids = arcs.edgeIDs
        let slots = ws.slots, order = ws.order
        let reached = ws.reached
        var k = reached - 1
        while k >= 0 {
            let v = Int(order[k])
            let next = slots[v].level + 1
            // σ(v) is still in the slot: v's successors have larger levels, so only their
            // slots were turned into coefficients so far.
            let sv = slots[v].value
            var sum = 0.0
            var i = off[v]
            let end = off[v + 1]
            if let edgeAcc {
                while i < end {
                    let w = Int(nbr[i])
                    let slot = slots[w]
                    if slot.level == next {
                        sum += slot.value
                        edgeAcc[Int(ids[i])] += sv * slot.value
                    }
                    i += 1
                }
            } else {
                while i < end {
                    let w = Int(nbr[i])
                    let slot = slots[w]
                    sum += slot.level == next ? slot.value : 0
                    i += 1
                }
            }
            let delta = sv * sum
            slots[v].value = (1 + delta) / sv
            if let nodeAcc, v != s { nodeAcc[v] += endpoints ? delta + 1 : delta }
            k -= 1
        }
        if endpoints, let nodeAcc { nodeAcc[s] += Double(reached - 1) }
    }

    /// The weighted dependency pass: the same as the unweighted one over the arcs of the
    /// shortest-path DAG built by ``PathWorkspace/countWeightedPaths(_:from:)``.
    @inline(__always)
    static func dependenciesWeighted(
        _ arcs: PathArcs, _ ws: PathWorkspace, _ s: Int,
        _ nodeAcc: UnsafeMutablePointer<Double>?, _ edgeAcc: UnsafeMutablePointer<Double>?,
        _ endpoints: Bool
    ) {
        let off = arcs.offsets, nbr = arcs.neighbors, ids = arcs.edgeIDs, len = arcs.lengths!
        let dist = ws.dist, settled = ws.settled, sigma = ws.sigma, coeff = ws.coeff
        let order = ws.order
        let reached = ws.reached
        var k = reached - 1
        while k >= 0 {
            let v = Int(order[k])
            let kk = Int32(k)
            let dv = dist[v], sv = sigma[v]
            var sum = 0.0
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(nbr[i])
                if settled[w] > kk && PathLength.equal(dv + len[i], dist[w]) {
                    let cw = coeff[w]
                    sum += cw
                    if let edgeAcc { edgeAcc[Int(ids[i])] += sv * cw }
                }
                i += 1
            }
            let delta = sv * sum
            coeff[v] = (1 + delta) / sv
            if let nodeAcc, v != s { nodeAcc[v] += endpoints ? delta + 1 : delta }
            k -= 1
        }
        if endpoints, let nodeAcc { nodeAcc[s] += Double(reached - 1) }
    }
}
