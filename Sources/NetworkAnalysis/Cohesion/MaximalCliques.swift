extension Graph {
    /// Every maximal clique: each largest-possible group of actors in which everyone is tied to
    /// everyone else, that no other actor could join.
    ///
    /// Bron–Kerbosch with Tomita's pivot (the neighbour-richest node of `P ∪ X`), on the
    /// undirected reading of the ties (a directed graph is read as undirected; self-loops left
    /// out; parallel edges once). Isolated nodes are cliques of size 1, as NetworkX
    /// `find_cliques`.
    ///
    /// - Returns: the cliques, each sorted ascending, in ascending lexicographic order.
    /// - Complexity: `O(3^{n/3})` in the worst case (Moon–Moser graphs have that many maximal
    ///   cliques); near-linear on sparse actor networks.
    ///
    /// Reference: C. Bron & J. Kerbosch (1973), "Algorithm 457: finding all cliques of an
    /// undirected graph", Commun. ACM 16(9):575–577, doi:10.1145/362342.362367; E. Tomita,
    /// A. Tanaka & H. Takahashi (2006), "The worst-case time complexity for generating all
    /// maximal cliques", Theor. Comput. Sci. 363(1):28–42, doi:10.1016/j.tcs.2006.06.015.
    public func maximalCliques() -> [[Int]] {
        let sets = NeighborSets(self)
        var cliques: [[Int]] = []
        var r: [Int] = []
        func expand(_ p: Set<Int>, _ x: Set<Int>) {
            if p.isEmpty {
                if x.isEmpty { cliques.append(r.sorted()) }
                return
            }
            let pivot = p.union(x).max { a, b in
                let ca = sets.neighbors[a].count { p.contains($0) }, cb = sets.neighbors[b].count { p.contains($0) }
                return ca != cb ? ca < cb : a > b
            }!
            let pivotNeighbors = Set(sets.neighbors[pivot])
            var p = p, x = x
            for v in p.subtracting(pivotNeighbors).sorted() {
                let hood = Set(sets.neighbors[v])
                r.append(v)
                expand(p.intersection(hood), x.intersection(hood))
                r.removeLast()
                p.remove(v); x.insert(v)
            }
        }
        expand(Set(0..<nodeCount), [])
        return cliques.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
