/// How ``Graph/simplified(combine:dropSelfLoops:mergeReciprocal:)`` combines the weights of
/// edges that it merges into one (igraph's `combine_edges`).
public enum ParallelEdgeCombination: String, Sendable, CaseIterable, Codable {
    /// The sum of the weights: two ties of strength 2 and 3 become one of strength 5.
    case sum
    /// The largest weight.
    case max
    /// The weight of the edge with the smallest id (the first one given).
    case first
}

/// A simplified graph together with the map from the original edge ids to the new ones.
public struct Simplification: Sendable, Equatable {
    /// The simple graph.
    public let graph: Graph
    /// `edgeMap[e]` is the id in ``graph`` of the edge that original edge `e` was merged
    /// into, or `-1` when `e` was a dropped self-loop. Indexed by original edge id.
    public let edgeMap: [Int]
}

extension Graph {
    /// Whether the graph has no self-loops and no parallel edges (for a directed graph,
    /// reciprocal arcs `u→v`, `v→u` are not parallel). Complexity: `O(n + m)`.
    public var isSimple: Bool {
        for v in 0..<nodeCount {
            var last: Int32 = -1
            for i in outRange(of: v) {
                let t = outNeighbors[i]
                if Int(t) == v || t == last { return false }
                last = t
            }
        }
        return true
    }

    /// The graph with parallel edges merged into one and, optionally, self-loops dropped and
    /// reciprocal arcs merged into undirected edges.
    ///
    /// Definition: edges are grouped by their endpoint pair — the ordered pair `(s, t)` for a
    /// directed graph, the unordered pair `{s, t}` for an undirected one or when
    /// `mergeReciprocal` is set. Each group becomes one edge that keeps the position, the
    /// orientation `(s, t)` and the tag of its first edge (the smallest id); its weight is the
    /// group's weights combined by `combine`. New edges are numbered in the order of their
    /// groups' first edges, so a graph that is already simple comes back with the same edge
    /// ids. This is igraph's `simplify(multiple=True, loops=dropSelfLoops, combine_edges=…)`,
    /// and, with `mergeReciprocal`, `as_undirected(mode="collapse")`.
    ///
    /// The analysis layer uses it to hand simple graphs to measures defined only for them
    /// (clustering, link prediction and NetworkX `Graph`-based references). Combining by
    /// `.sum` reads a doubled tie as one tie of the total strength.
    ///
    /// - Parameters:
    ///   - combine: how to combine the weights of merged edges (default `.sum`).
    ///   - dropSelfLoops: remove every self-loop (default `true`); when `false`, parallel
    ///     self-loops at a node are merged into one like any other group.
    ///   - mergeReciprocal: for a directed graph, return an **undirected** graph in which
    ///     `u→v` and `v→u` (and their parallels) become one edge `{u, v}`. Ignored for
    ///     undirected graphs.
    /// - Returns: the simple graph and the original-to-new edge id map.
    /// - Complexity: `O(n + m log m)`.
    /// - Reference: Csárdi & Nepusz 2006, "The igraph software package for complex network
    ///   research", InterJournal Complex Systems 1695 (`igraph_simplify`).
    public func simplification(
        combine: ParallelEdgeCombination = .sum,
        dropSelfLoops: Bool = true,
        mergeReciprocal: Bool = false
    ) -> Simplification {
        let view = (isDirected && mergeReciprocal) ? undirected() : self
        let unordered = !view.isDirected
        // One entry per group: (first edge id, combined weight); groups found per node.
        var firstIDs: [Int32] = []
        var combined: [Double] = []
        var edgeMap = [Int](repeating: -1, count: edgeCount)
        var groupOf = [Int](repeating: -1, count: edgeCount)  // original edge -> group index
        for u in 0..<nodeCount {
            let range = view.outRange(of: u)
            var i = range.lowerBound
            while i < range.upperBound {
                let t = Int(view.outNeighbors[i])
                var j = i
                while j < range.upperBound && Int(view.outNeighbors[j]) == t { j += 1 }
                defer { i = j }
                if unordered && t < u { continue }  // seen from the other endpoint
                if t == u && dropSelfLoops { continue }
                // Entries i..<j: sorted by edge id; an undirected loop appears twice in a row.
                let group = firstIDs.count
                let first = view.outEdgeIDs[i]
                var w = 0.0
                var lastID: Int32 = -1
                for k in i..<j {
                    let e = view.outEdgeIDs[k]
                    if e == lastID { continue }
                    lastID = e
                    let we = weights[Int(e)]
                    switch combine {
                    case .sum: w += we
                    case .max: w = e == first ? we : Swift.max(w, we)
                    case .first: if e == first { w = we }
                    }
                    groupOf[Int(e)] = group
                }
                firstIDs.append(first)
                combined.append(w)
            }
        }
        // Number groups by their first edge id.
        let order = firstIDs.indices.sorted { firstIDs[$0] < firstIDs[$1] }
        var newIndex = [Int](repeating: 0, count: order.count)
        var edges: [(Int, Int)] = []
        var newWeights: [Double] = []
        var newTags: [Int32] = []
        edges.reserveCapacity(order.count)
        for (k, g) in order.enumerated() {
            newIndex[g] = k
            let e = Int(firstIDs[g])
            edges.append((Int(edgeSources[e]), Int(edgeTargets[e])))
            newWeights.append(combined[g])
            newTags.append(tags[e])
        }
        for e in 0..<edgeCount where groupOf[e] >= 0 { edgeMap[e] = newIndex[groupOf[e]] }
        let graph = try! Graph(
            nodeCount: nodeCount, edges: edges, weights: newWeights, tags: newTags,
            directed: view.isDirected)
        return Simplification(graph: graph, edgeMap: edgeMap)
    }

    /// The simple graph of ``simplification(combine:dropSelfLoops:mergeReciprocal:)``
    /// without the edge map; see there for the definition, options and reference.
    ///
    /// - Returns: the simple graph (directed unless `mergeReciprocal` was set on a directed graph).
    /// - Complexity: `O(n + m log m)`.
    public func simplified(
        combine: ParallelEdgeCombination = .sum,
        dropSelfLoops: Bool = true,
        mergeReciprocal: Bool = false
    ) -> Graph {
        simplification(combine: combine, dropSelfLoops: dropSelfLoops, mergeReciprocal: mergeReciprocal).graph
    }
}
