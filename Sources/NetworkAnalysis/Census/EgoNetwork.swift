extension Graph {
    /// The nodes of `center`'s ego network: every node within `radius` steps of it, ties read
    /// in either direction, `center` included (NetworkX `ego_graph(G, center, radius,
    /// undirected=True)`). Weights are ignored (steps, not lengths).
    ///
    /// - Parameters:
    ///   - center: the ego, in `0..<nodeCount` (traps otherwise).
    ///   - radius: the number of steps, at least 0 (0 gives the ego alone).
    /// - Returns: the node indices, ascending.
    /// - Complexity: `O(n + m)`.
    ///
    /// Reference: R. S. Burt (1992), *Structural Holes*, Harvard University Press,
    /// doi:10.4159/9780674029095 (ego networks); Wasserman & Faust (1994),
    /// doi:10.1017/CBO9780511815478, §2.3.
    public func egoNodes(of center: Int, radius: Int) -> [Int] {
        precondition(radius >= 0, "radius must not be negative")
        let sets = NeighborSets(self)
        var dist = [Int](repeating: -1, count: nodeCount)
        dist[center] = 0
        var queue = [center], head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            guard dist[v] < radius else { continue }
            for u in sets.neighbors[v] where dist[u] < 0 { dist[u] = dist[v] + 1; queue.append(u) }
        }
        return queue.sorted()
    }
}
