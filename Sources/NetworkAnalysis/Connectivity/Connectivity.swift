extension Graph {
    /// Node connectivity `κ(G)`: the fewest actors whose removal disconnects the network (for a
    /// directed graph: leaves some actor unable to reach another).
    ///
    ///     κ(G) = min_{u, v not adjacent} κ(u, v),   κ(K_n) = n − 1
    ///
    /// where the local connectivity `κ(u, v)` is the largest number of paths from `u` to `v`
    /// that share no node but their ends (Menger's theorem), found as a maximum flow with unit
    /// node capacities. Directed graphs use ordered pairs without an arc `u → v` (NetworkX
    /// `node_connectivity` of a `DiGraph`); 0 when the graph is not (strongly) connected.
    /// Self-loops are left out and parallel edges count once; weights are ignored.
    ///
    /// - Returns: `κ(G)`; 0 for `n < 2`.
    /// - Complexity: `O(n² · κ · m)` (a flow of at most `δ` augmenting paths per pair).
    ///
    /// Reference: K. Menger (1927), "Zur allgemeinen Kurventheorie", Fund. Math. 10:96–115,
    /// doi:10.4064/fm-10-1-96-115; S. Even & R. E. Tarjan (1975), "Network flow and testing
    /// graph connectivity", SIAM J. Comput. 4(4):507–518, doi:10.1137/0204043.
    public func nodeConnectivity() -> Int {
        let n = nodeCount
        guard n >= 2 else { return 0 }
        let sets = NeighborSets(self, directed: true)
        var best = n - 1
        for list in sets.neighbors { best = min(best, list.count) }
        if isDirected {
            var inDegree = [Int](repeating: 0, count: n)
            for list in sets.neighbors { for v in list { inDegree[v] += 1 } }
            best = min(best, inDegree.min() ?? 0)
        }
        guard best > 0 else { return 0 }
        // Split every node x into x_in = 2x and x_out = 2x + 1, joined by an arc of capacity 1.
        var flow = UnitFlow(nodeCount: 2 * n)
        for x in 0..<n { flow.addArc(2 * x, 2 * x + 1) }
        for x in 0..<n { for y in sets.neighbors[x] where isDirected || x < y {
            flow.addArc(2 * x + 1, 2 * y)
            if !isDirected { flow.addArc(2 * y + 1, 2 * x) }
        } }
        for u in 0..<n {
            for v in 0..<n where u != v && (isDirected || u < v) && !sets.adjacent(u, v) {
                best = min(best, flow.maxFlow(from: 2 * u + 1, to: 2 * v, limit: best))
                if best == 0 { return 0 }
            }
        }
        return best
    }

    /// Edge connectivity `λ(G)`: the fewest ties whose removal disconnects the network (for a
    /// directed graph: leaves some actor unable to reach another).
    ///
    ///     λ(G) = min_{v ≠ s} λ(s, v)                      (undirected)
    ///     λ(G) = min_{v ≠ s} min(λ(s, v), λ(v, s))        (directed)
    ///
    /// for any fixed node `s` (node 0), where `λ(u, v)`, the largest number of edge-disjoint
    /// paths, is a maximum flow with unit edge capacities (NetworkX `edge_connectivity`).
    /// Self-loops are left out and parallel edges count once (the simple graph); weights are
    /// ignored. 0 when not (strongly) connected.
    ///
    /// - Returns: `λ(G)`; 0 for `n < 2`.
    /// - Complexity: `O(n · λ · m)`.
    ///
    /// Reference: L. R. Ford & D. R. Fulkerson (1956), "Maximal flow through a network", Can.
    /// J. Math. 8:399–404, doi:10.4153/CJM-1956-045-5; Even & Tarjan (1975),
    /// doi:10.1137/0204043.
    public func edgeConnectivity() -> Int {
        let n = nodeCount
        guard n >= 2 else { return 0 }
        let sets = NeighborSets(self, directed: true)
        var best = Int.max
        for list in sets.neighbors { best = min(best, list.count) }
        guard best > 0 else { return 0 }
        var flow = UnitFlow(nodeCount: n)
        for x in 0..<n { for y in sets.neighbors[x] where isDirected || x < y {
            flow.addArc(x, y)
            if !isDirected { flow.addArc(y, x) }
        } }
        for v in 1..<n {
            best = min(best, flow.maxFlow(from: 0, to: v, limit: best))
            if isDirected { best = min(best, flow.maxFlow(from: v, to: 0, limit: best)) }
            if best == 0 { return 0 }
        }
        return best
    }
}

/// A flow network of unit-capacity arcs, reused for many source–sink pairs.
struct UnitFlow {
    private var head: [Int] = []      // arc → head node
    private var capacity: [Int] = []  // arc → capacity; arc ^ 1 is its residual twin
    private var adjacency: [[Int]]

    init(nodeCount: Int) { adjacency = [[Int]](repeating: [], count: nodeCount) }

    mutating func addArc(_ from: Int, _ to: Int) {
        adjacency[from].append(head.count); head.append(to); capacity.append(1)
        adjacency[to].append(head.count); head.append(from); capacity.append(0)
    }

    /// The maximum flow from `s` to `t`, stopping at `limit` (BFS augmenting paths, Edmonds–Karp);
    /// the capacities are restored afterwards.
    mutating func maxFlow(from s: Int, to t: Int, limit: Int) -> Int {
        let saved = capacity
        defer { capacity = saved }
        var total = 0
        var parentArc = [Int](repeating: -1, count: adjacency.count)
        while total < limit {
            for i in parentArc.indices { parentArc[i] = -1 }
            var queue = [s], head0 = 0
            var seen = [Bool](repeating: false, count: adjacency.count)
            seen[s] = true
            while head0 < queue.count, !seen[t] {
                let x = queue[head0]; head0 += 1
                for a in adjacency[x] where capacity[a] > 0 && !seen[head[a]] {
                    seen[head[a]] = true; parentArc[head[a]] = a; queue.append(head[a])
                }
            }
            guard seen[t] else { break }
            var x = t
            while x != s { let a = parentArc[x]; capacity[a] -= 1; capacity[a ^ 1] += 1; x = head[a ^ 1] }
            total += 1
        }
        return total
    }
}
