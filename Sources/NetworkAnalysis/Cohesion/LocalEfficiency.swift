extension Graph {
    /// Local efficiency of every node: how well its neighbours stay in touch with each other
    /// when the node is gone (Latora & Marchiori 2001).
    ///
    ///     E_loc(v) = 1 / (k (k − 1)) · Σ_{i ≠ j ∈ N(v)} 1 / d_{G[N(v)]}(i, j)
    ///
    /// the global efficiency of the subgraph induced by `v`'s `k` neighbours (without `v`),
    /// `1 / ∞ = 0`; 0 when `k < 2`. The network value (``averageLocalEfficiency()``) is its
    /// mean over all nodes, NetworkX's `local_efficiency`.
    ///
    /// Conventions: the undirected reading of the ties (a directed graph is read as undirected),
    /// unweighted (hops), self-loops left out, parallel edges once — NetworkX's definition,
    /// which supports undirected unweighted graphs only.
    ///
    /// - Returns: `n` values in `[0, 1]`, indexed by node.
    /// - Complexity: `O(Σ_v k_v · m_v)` with `m_v` the edges among `v`'s neighbours.
    ///
    /// Reference: V. Latora & M. Marchiori (2001), "Efficient behavior of small-world
    /// networks", Phys. Rev. Lett. 87(19):198701, doi:10.1103/PhysRevLett.87.198701.
    public func localEfficiency() -> [Double] {
        let sets = NeighborSets(self)
        let n = nodeCount
        var local = [Int](repeating: -1, count: n)   // position of a node in the current neighbourhood
        var result = [Double](repeating: 0, count: n)
        for v in 0..<n {
            let hood = sets.neighbors[v]
            let k = hood.count
            guard k >= 2 else { continue }
            for (i, u) in hood.enumerated() { local[u] = i }
            var sum = 0.0
            var dist = [Int](repeating: -1, count: k)
            var queue = [Int](repeating: 0, count: k)
            for s in 0..<k {
                for i in 0..<k { dist[i] = -1 }
                dist[s] = 0
                var head = 0, tail = 0
                queue[tail] = s; tail += 1
                while head < tail {
                    let a = queue[head]; head += 1
                    for b in sets.neighbors[hood[a]] where local[b] >= 0 && b != v {
                        let j = local[b]
                        if dist[j] < 0 { dist[j] = dist[a] + 1; queue[tail] = j; tail += 1; sum += 1 / Double(dist[j]) }
                    }
                }
            }
            result[v] = sum / Double(k * (k - 1))
            for u in hood { local[u] = -1 }
        }
        return result
    }

    /// The mean of ``localEfficiency()`` over all nodes (NetworkX `local_efficiency`); 0 for
    /// the empty graph. Complexity: that of ``localEfficiency()``.
    ///
    /// Reference: Latora & Marchiori (2001), doi:10.1103/PhysRevLett.87.198701.
    public func averageLocalEfficiency() -> Double {
        let e = localEfficiency()
        return e.isEmpty ? 0 : e.reduce(0, +) / Double(e.count)
    }

    /// Barrat's weighted clustering coefficient of every node: the share of the node's tie
    /// strength that goes to pairs of neighbours who are tied to each other.
    ///
    ///     c^w(i) = 1 / (s_i (k_i − 1)) · Σ_{j, h} (w_ij + w_ih) / 2 · a_ij a_ih a_jh
    ///
    /// over ordered pairs of distinct neighbours `j, h`, with `s_i` the strength and `k_i` the
    /// number of neighbours; 0 when `k_i < 2` (igraph `transitivity_local_undirected(weights=,
    /// mode="zero")`). Unweighted it is the ordinary local clustering.
    ///
    /// Conventions: the undirected reading of the ties; parallel edges and reciprocal arcs merge
    /// into one tie of summed strength; self-loops left out. Weights are tie strengths (as
    /// given); `.unweighted` sets them all to 1.
    ///
    /// - Parameter weighting: `.strength` (default) or `.distance` read the weights as given;
    ///   `.unweighted` ignores them.
    /// - Returns: `n` values in `[0, 1]`, indexed by node.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite
    ///   weight.
    /// - Complexity: `O(Σ_i k_i² log d)`.
    ///
    /// Reference: A. Barrat, M. Barthélemy, R. Pastor-Satorras & A. Vespignani (2004), "The
    /// architecture of complex weighted networks", PNAS 101(11):3747–3752,
    /// doi:10.1073/pnas.0400087101, eq. 5.
    public func barratClustering(weighting: EdgeWeighting = .strength) throws(GraphError) -> [Double] {
        if weighting != .unweighted {
            for e in 0..<edgeCount where !(weights[e].isFinite && weights[e] >= 0) {
                throw .invalidWeight(edge: e, value: weights[e], reason: "clustering needs nonnegative finite weights")
            }
        }
        let sets = NeighborSets(self, weighting: weighting)
        return (0..<nodeCount).map { i in
            let hood = sets.neighbors[i], w = sets.strengths[i]
            let k = hood.count
            guard k >= 2 else { return 0 }
            let s = w.reduce(0, +)
            guard s > 0 else { return 0 }
            var total = 0.0
            for a in 0..<k { for b in (a + 1)..<k where sets.adjacent(hood[a], hood[b]) { total += w[a] + w[b] } }
            // Each unordered pair {j, h} stands for the two ordered ones: 2 · (w_ij + w_ih) / 2.
            return total / (s * Double(k - 1))
        }
    }
}
