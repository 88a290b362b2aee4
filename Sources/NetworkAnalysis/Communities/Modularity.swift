extension Graph {
    /// The modularity `Q` of a partition of the nodes: how many more edges (or how much more
    /// edge weight) fall inside communities than a random graph with the same degrees predicts.
    ///
    /// Undirected (Newman 2006), with resolution `γ` (Reichardt & Bornholdt 2006):
    ///
    ///     Q = Σ_c [ L_c / m  −  γ · (K_c / 2m)² ]
    ///
    /// where `m` is the total edge weight, `L_c` the weight of edges with both ends in
    /// community `c`, and `K_c` the sum of the (weighted) degrees of `c`'s nodes.
    ///
    /// Directed (Leicht & Newman 2008):
    ///
    ///     Q = Σ_c [ L_c / m  −  γ · K_c^out · K_c^in / m² ]
    ///
    /// with `K_c^out`, `K_c^in` the summed out- and in-strengths of `c`'s nodes.
    ///
    /// Conventions (those of `networkx.community.modularity`, NetworkX 3.6):
    /// - A self-loop of weight `w` adds `w` to `L_c` and `2w` to its node's undirected degree
    ///   (so `A_vv = 2w`); in a directed graph it adds `w` to `L_c`, to the out- and to the
    ///   in-strength.
    /// - Parallel edges add up, as in a NetworkX multigraph.
    /// - Edge weights are read with ``EdgeWeighting/strengths(of:)``: `.strength` and
    ///   `.distance` both use the weights as given (modularity needs tie strengths; no 1/w),
    ///   `.unweighted` counts every edge as 1.
    /// - Nodes of degree 0 may sit anywhere; they contribute nothing.
    /// - Community labels are arbitrary integers (any values, any order): nodes with equal
    ///   labels form one community.
    ///
    /// - Parameters:
    ///   - partition: one community label per node, indexed by node (`nodeCount` entries).
    ///   - resolution: `γ ≥ 0`; below 1 favours larger communities, above 1 smaller ones.
    ///   - weighting: how edge weights are read (default `.strength`: as given).
    /// - Returns: `Q`, a number in `[−1/2, 1)` for `γ = 1` (undirected).
    /// - Throws: ``GraphError/lengthMismatch(what:expected:actual:)`` when `partition` does not
    ///   have one label per node; ``GraphError/invalidArgument(name:value:valid:)`` for a
    ///   negative or non-finite resolution; ``GraphError/invalidWeight(edge:value:reason:)``
    ///   for a negative or non-finite weight; ``GraphError/undefined(algorithm:reason:)`` when
    ///   the total edge weight is 0 (`m = 0`: no edges, so `Q` is 0/0).
    /// - Complexity: `O(n + m)` time, `O(n)` extra memory.
    ///
    /// References:
    /// - M. E. J. Newman, "Modularity and community structure in networks", PNAS
    ///   103(23):8577–8582, 2006, doi:10.1073/pnas.0601602103.
    /// - J. Reichardt, S. Bornholdt, "Statistical mechanics of community detection",
    ///   Phys. Rev. E 74:016110, 2006, doi:10.1103/PhysRevE.74.016110.
    /// - E. A. Leicht, M. E. J. Newman, "Community structure in directed networks",
    ///   Phys. Rev. Lett. 100:118703, 2008, doi:10.1103/PhysRevLett.100.118703.
    public func modularity(
        partition: [Int],
        resolution: Double = 1,
        weighting: EdgeWeighting = .strength
    ) throws(GraphError) -> Double {
        guard partition.count == nodeCount else {
            throw .lengthMismatch(what: "partition", expected: nodeCount, actual: partition.count)
        }
        try Graph.validateResolution(resolution)
        let w = try modularityWeights(weighting)
        let (labels, k) = Graph.compactLabels(partition)
        return try Graph.modularity(
            sources: edgeSources, targets: edgeTargets, weights: w, labels: labels,
            communityCount: k, resolution: resolution, directed: isDirected)
    }

    /// Per-edge weights for modularity (strengths), validated finite and non-negative.
    func modularityWeights(_ weighting: EdgeWeighting) throws(GraphError) -> [Double] {
        let w = weighting.strengths(of: self)
        for e in 0..<w.count where !(w[e].isFinite && w[e] >= 0) {
            throw .invalidWeight(
                edge: e, value: w[e],
                reason: "modularity needs finite non-negative tie strengths (or read the graph unweighted, ignoring weights)")
        }
        return w
    }

    static func validateResolution(_ resolution: Double) throws(GraphError) {
        guard resolution.isFinite, resolution >= 0 else {
            throw .invalidArgument(name: "resolution", value: "\(resolution)", valid: "a finite number ≥ 0")
        }
    }

    /// Labels renumbered `0..<k` in order of first appearance (so, of smallest node).
    /// The one dictionary here maps arbitrary user labels once, outside any inner loop.
    static func compactLabels(_ partition: [Int]) -> (labels: [Int], count: Int) {
        var map: [Int: Int] = [:]
        var labels = [Int](repeating: 0, count: partition.count)
        for (v, c) in partition.enumerated() {
            if let l = map[c] {
                labels[v] = l
            } else {
                labels[v] = map.count
                map[c] = map.count
            }
        }
        return (labels, map.count)
    }

    /// Modularity from an edge list and compact labels `0..<communityCount`.
    static func modularity(
        sources: [Int32], targets: [Int32], weights w: [Double], labels: [Int],
        communityCount k: Int, resolution: Double, directed: Bool
    ) throws(GraphError) -> Double {
        var m = 0.0
        var inside = [Double](repeating: 0, count: k)
        var kOut = [Double](repeating: 0, count: k)
        var kIn = [Double](repeating: 0, count: k)
        for e in 0..<w.count {
            let cs = labels[Int(sources[e])], ct = labels[Int(targets[e])]
            m += w[e]
            if cs == ct { inside[cs] += w[e] }
            kOut[cs] += w[e]
            kIn[ct] += w[e]
        }
        guard m > 0 else {
            throw .undefined(algorithm: "modularity", reason: "the total edge weight m is 0")
        }
        var q = 0.0
        if directed {
            let norm = 1 / (m * m)
            for c in 0..<k { q += inside[c] / m - resolution * kOut[c] * kIn[c] * norm }
        } else {
            // Undirected degree K_c = out + in contributions (each edge counted at both ends).
            let norm = 1 / (4 * m * m)
            for c in 0..<k {
                let kc = kOut[c] + kIn[c]
                q += inside[c] / m - resolution * kc * kc * norm
            }
        }
        return q
    }
}
