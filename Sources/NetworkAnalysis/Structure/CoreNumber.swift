extension Graph {
    /// Core number (coreness, shell index) of every node.
    ///
    /// Definition: the `k`-core is the largest subgraph in which every node has degree at
    /// least `k`; the core number of `v` is the largest `k` such that `v` is in the `k`-core
    /// (Seidman 1983, "Network structure and minimum degree", Social Networks 5(3):269–287,
    /// doi:10.1016/0378-8733(83)90028-X).
    ///
    /// Conventions:
    /// - **Self-loops are ignored** (they do not add to a node's degree here). NetworkX refuses
    ///   graphs with self-loops; on loop-free graphs the results agree.
    /// - **Parallel edges count with their multiplicity**, so a doubled tie adds 2 to the degree.
    /// - **Directed graphs**: direction is ignored and the degree is in-degree + out-degree,
    ///   so reciprocal arcs `u→v`, `v→u` count twice — exactly NetworkX's `core_number` on a
    ///   `DiGraph` and igraph's `coreness(mode="all")`.
    ///   This is a statement, not an accident: a directed run's core number is the core number
    ///   of the in + out degree, so a mutual pair adds 2 to each end (an undirected run of the
    ///   same ties gives 1); call it on ``undirected()`` of a ``simplified(combine:dropSelfLoops:mergeReciprocal:)``
    ///   graph with `mergeReciprocal` to count each mutual tie once.
    /// Hand a ``simplified(combine:dropSelfLoops:mergeReciprocal:)`` graph to get the core
    /// numbers of the simple undirected graph.
    ///
    /// Batagelj–Zaversnik peeling: nodes are bucket-sorted by degree and removed in order of
    /// current degree, each removal lowering its remaining neighbours' degrees by moving them
    /// one bucket down in `O(1)`. Ties are processed in node order, so the run is deterministic.
    ///
    /// - Returns: `n` core numbers, indexed by node (isolated nodes have 0).
    /// - Complexity: `O(n + m)` time and memory.
    /// - Reference: Batagelj & Zaversnik 2003, "An O(m) algorithm for cores decomposition of
    ///   networks", arXiv:cs/0310049, doi:10.48550/arXiv.cs/0310049 (also Adv. Data Anal.
    ///   Classif. 5(2):129–145, 2011, doi:10.1007/s11634-010-0079-y).
    public func coreNumbers() -> [Int] {
        let g = undirected()
        let n = g.nodeCount
        var deg = [Int](repeating: 0, count: n)
        var maxDeg = 0
        for v in 0..<n {
            var d = 0
            for i in g.outRange(of: v) where Int(g.outNeighbors[i]) != v { d += 1 }
            deg[v] = d
            if d > maxDeg { maxDeg = d }
        }
        // bin[d] = first position in `vert` of the nodes of current degree d.
        var bin = [Int](repeating: 0, count: maxDeg + 1)
        for v in 0..<n { bin[deg[v]] += 1 }
        var start = 0
        for d in 0...maxDeg {
            let count = bin[d]
            bin[d] = start
            start += count
        }
        var pos = [Int](repeating: 0, count: n)
        var vert = [Int](repeating: 0, count: n)
        for v in 0..<n {
            pos[v] = bin[deg[v]]
            vert[pos[v]] = v
            bin[deg[v]] += 1
        }
        for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
        bin[0] = 0

        for i in 0..<n {
            let v = vert[i]
            for k in g.outRange(of: v) {
                let u = Int(g.outNeighbors[k])
                if u == v || deg[u] <= deg[v] { continue }
                // Move u to the front of its bucket, then shrink the bucket by one.
                let du = deg[u], pu = pos[u]
                let pw = bin[du], w = vert[pw]
                if u != w {
                    pos[u] = pw; vert[pu] = w
                    pos[w] = pu; vert[pw] = u
                }
                bin[du] += 1
                deg[u] -= 1
            }
        }
        return deg
    }
}
