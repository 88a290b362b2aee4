/// Articulation points and bridges: the single nodes and single ties whose loss splits a
/// component.
public struct Cuts: Sendable, Equatable {
    /// Articulation points (cut vertices), in increasing node order.
    public let articulationPoints: [Int]
    /// Bridges (cut edges), as edge ids of the graph they were computed on, in increasing order.
    public let bridges: [Int]
}

extension Graph {
    /// Articulation points and bridges, found in one depth-first search.
    ///
    /// Definitions: an **articulation point** is a node whose removal (with its edges)
    /// increases the number of connected components; a **bridge** is an edge whose removal
    /// increases it. Conventions:
    /// - **Parallel edges:** a doubled tie is never a bridge — removing one of the two edges
    ///   leaves the other. (Two parallel edges A–B plus B–C: only B–C is a bridge, and B is an
    ///   articulation point.) NetworkX's `bridges` on a `MultiGraph` agrees. The search skips
    ///   only the *edge id* it arrived by, not the parent node, so a parallel edge back to the
    ///   parent counts as a back edge.
    /// - **Self-loops** are ignored: never bridges, and they never make a node a cut vertex.
    /// - **Directed graphs** are analysed on their undirected version (``undirected()``,
    ///   edge ids kept): reciprocal arcs `u→v`, `v→u` are then two parallel edges and neither
    ///   is a bridge. NetworkX refuses directed graphs here.
    ///
    /// Iterative (explicit stack of node, next arc) Hopcroft–Tarjan lowpoint search:
    /// `low(v)` = smallest discovery time reachable from `v`'s DFS subtree by one back edge;
    /// tree edge `(u, v)` is a bridge iff `low(v) > disc(u)`; a non-root `u` is a cut vertex
    /// iff some child has `low(v) ≥ disc(u)`; the root iff it has two or more DFS children.
    ///
    /// - Returns: articulation points (node ids) and bridges (edge ids), both ascending.
    /// - Complexity: `O(n + m)` time, `O(n)` extra memory.
    /// - Reference: Hopcroft & Tarjan 1973, "Algorithm 447: efficient algorithms for graph
    ///   manipulation", Commun. ACM 16(6):372–378, doi:10.1145/362248.362272; Tarjan 1972,
    ///   SIAM J. Comput. 1(2):146–160, doi:10.1137/0201010.
    public func cuts() -> Cuts {
        let g = undirected()
        let n = g.nodeCount
        var disc = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var parentEdge = [Int32](repeating: -1, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var callNode = [Int](repeating: 0, count: n)
        var callPos = [Int](repeating: 0, count: n)
        var bridges: [Int] = []
        var time = 0
        for root in 0..<n where disc[root] < 0 {
            disc[root] = time; low[root] = time; time += 1
            callNode[0] = root; callPos[0] = g.outOffsets[root]
            var depth = 1
            var rootChildren = 0
            while depth > 0 {
                let v = callNode[depth - 1]
                let p = callPos[depth - 1]
                if p < g.outOffsets[v + 1] {
                    callPos[depth - 1] = p + 1
                    let w = Int(g.outNeighbors[p])
                    let e = g.outEdgeIDs[p]
                    if w == v || e == parentEdge[v] { continue }  // self-loop, or the tree edge in
                    if disc[w] < 0 {
                        disc[w] = time; low[w] = time; time += 1
                        parentEdge[w] = e
                        if v == root { rootChildren += 1 }
                        callNode[depth] = w; callPos[depth] = g.outOffsets[w]
                        depth += 1
                    } else if disc[w] < low[v] {
                        low[v] = disc[w]
                    }
                } else {
                    depth -= 1
                    if depth > 0 {
                        let u = callNode[depth - 1]
                        if low[v] < low[u] { low[u] = low[v] }
                        if low[v] > disc[u] { bridges.append(Int(parentEdge[v])) }
                        if u != root && low[v] >= disc[u] { isCut[u] = true }
                    }
                }
            }
            if rootChildren >= 2 { isCut[root] = true }
        }
        bridges.sort()
        var points: [Int] = []
        for v in 0..<n where isCut[v] { points.append(v) }
        return Cuts(articulationPoints: points, bridges: bridges)
    }

    /// Articulation points (cut vertices), ascending; see ``cuts()`` for the definition and
    /// conventions (self-loops ignored, directed graphs taken as undirected).
    /// - Returns: node ids, ascending.
    /// - Complexity: `O(n + m)`.
    /// - Reference: Hopcroft & Tarjan 1973, Commun. ACM 16(6):372–378, doi:10.1145/362248.362272.
    public func articulationPoints() -> [Int] { cuts().articulationPoints }

    /// Bridges (cut edges) as ascending edge ids; see ``cuts()`` for the definition and
    /// conventions (a doubled tie is not a bridge, self-loops never are, directed graphs
    /// taken as undirected).
    /// - Returns: edge ids of this graph, ascending.
    /// - Complexity: `O(n + m)`.
    /// - Reference: Tarjan 1974, "A note on finding the bridges of a graph", Inf. Process.
    ///   Lett. 2(6):160–161, doi:10.1016/0020-0190(74)90003-9.
    public func bridges() -> [Int] { cuts().bridges }
}
