extension Graph {
    /// Communities by the Louvain method: greedy modularity optimization by local node moves,
    /// then aggregation of communities into nodes, repeated until no move improves modularity.
    ///
    /// Each level starts with every (aggregate) node in its own community, visits the nodes in
    /// an order shuffled with ``SplitMix64`` and moves each into the neighbouring community with
    /// the largest modularity gain
    ///
    ///     ΔQ(v → C) ∝ w(v, C) − γ · k_v K_C / 2m                       (undirected)
    ///     ΔQ(v → C) ∝ w(v, C) − γ · (k_v^out K_C^in + k_v^in K_C^out) / m  (directed)
    ///
    /// if it beats staying (ties keep the node where it is; among equal candidates the one met
    /// first in the node's sorted adjacency wins), sweeping until a full pass moves nothing.
    /// The communities then become the nodes of a weighted aggregate network and the next
    /// level starts; the method stops when a level moves no node.
    ///
    /// Conventions:
    /// - Objective: ``modularity(partition:resolution:weighting:)`` at resolution `γ`;
    ///   directed graphs use the Leicht–Newman directed modularity, as NetworkX's
    ///   `louvain_communities` does (Dugué & Perez 2015). igraph's multilevel method accepts
    ///   only undirected graphs.
    /// - A move must gain more than `1e-10 · (k_v^out + k_v^in)` (edge-weight units) so that
    ///   rounding cannot make nodes cycle; NetworkX moves on any positive gain.
    /// - Self-loops count toward degrees and internal weight, never toward a move's gain.
    ///   Parallel edges add up. Isolated nodes (and nodes with only zero-weight edges) stay
    ///   in singleton communities.
    /// - Weights are tie strengths (``EdgeWeighting/strengths(of:)``; `.strength` and
    ///   `.distance` both use them as given).
    /// - Deterministic: the same graph, seed and options give the same membership on every
    ///   platform. Different seeds may give different (equally good or slightly worse) results;
    ///   results of other implementations differ partition by partition.
    ///
    /// - Parameters:
    ///   - seed: seed of the ``SplitMix64`` generator that shuffles the node order of each level.
    ///   - resolution: `γ ≥ 0` (default 1); larger values give more, smaller communities.
    ///   - weighting: how edge weights are read (default `.strength`).
    /// - Returns: the membership (communities numbered in order of their smallest node), the
    ///   community count, and the modularity at `γ` (NaN when the total edge weight is 0; then
    ///   every node is a singleton).
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` for a negative or
    ///   non-finite resolution; ``GraphError/invalidWeight(edge:value:reason:)`` for a
    ///   negative or non-finite weight.
    /// - Complexity: each sweep is `O(n + m)`; the number of sweeps and levels is small in
    ///   practice (near-linear overall on sparse graphs). Memory `O(n + m)`.
    ///
    /// References:
    /// - V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of
    ///   communities in large networks", J. Stat. Mech. P10008, 2008,
    ///   doi:10.1088/1742-5468/2008/10/P10008.
    /// - N. Dugué, A. Perez, "Directed Louvain: maximizing modularity in directed networks",
    ///   Research report hal-01231784, Université d'Orléans, 2015.
    public func louvain(
        seed: UInt64,
        resolution: Double = 1,
        weighting: EdgeWeighting = .strength
    ) throws(GraphError) -> CommunityPartition {
        try Graph.validateResolution(resolution)
        let strengths = try modularityWeights(weighting)
        var rng = SplitMix64(seed: seed)
        var net = ModularityNetwork(graph: self, strengths: strengths)
        // level[v]: the current aggregate node of original node v.
        var level = Array(0..<nodeCount)
        while net.nodeCount > 0 {
            var order = Array(0..<net.nodeCount)
            rng.shuffle(&order)
            var community = Array(0..<net.nodeCount)
            guard Louvain.moveNodes(net, &community, order: order, resolution: resolution) else { break }
            let (labels, k) = Graph.renumber(community, bound: net.nodeCount)
            for v in 0..<nodeCount { level[v] = labels[level[v]] }
            net = net.aggregated(by: labels, count: k)
        }
        return communityPartition(level, bound: max(net.nodeCount, 1), strengths: strengths, resolution: resolution)
    }
}

/// The local-moving phase of the Louvain method.
enum Louvain {
    /// Sweeps the nodes in `order`, moving each to its best neighbouring community, until a
    /// full sweep moves nothing. Never creates communities (only joins existing ones).
    /// - Returns: whether any node moved.
    static func moveNodes(
        _ net: ModularityNetwork, _ community: inout [Int], order: [Int], resolution: Double
    ) -> Bool {
        let n = net.nodeCount
        let scale = net.expectedScale(resolution: resolution)
        var totOut = [Double](repeating: 0, count: n)
        var totIn = [Double](repeating: 0, count: n)
        for v in 0..<n {
            totOut[community[v]] += net.kOut[v]
            totIn[community[v]] += net.kIn[v]
        }
        var scratch = NeighborCommunityWeights(capacity: n)
        var movedAny = false
        var moved = true
        while moved {
            moved = false
            for v in order {
                let ko = net.kOut[v], ki = net.kIn[v]
                let own = community[v]
                scratch.collect(v, in: net, community: community)
                totOut[own] -= ko
                totIn[own] -= ki
                let move = scratch.bestMove(own: own, kOut: ko, kIn: ki, scale: scale, totOut: totOut, totIn: totIn)
                let best = move.bestGain > move.ownGain + 1e-10 * (ko + ki) ? move.best : own
                totOut[best] += ko
                totIn[best] += ki
                if best != own {
                    community[v] = best
                    moved = true
                    movedAny = true
                }
            }
        }
        return movedAny
    }
}
