extension Graph {
    /// Degree assortativity (Newman 2002): the Pearson correlation of the degrees at the two
    /// ends of a tie. Positive when well-connected actors tie to each other, negative when
    /// hubs tie to actors with few ties.
    ///
    ///     r = Σ_e (x_e − x̄)(y_e − ȳ) / sqrt(Σ_e (x_e − x̄)² · Σ_e (y_e − ȳ)²)
    ///
    /// - **Undirected**: every edge `{u, v}` is counted both ways, `(x, y) = (k_u, k_v)` and
    ///   `(k_v, k_u)`, with `k` the number of distinct neighbours (NetworkX
    ///   `degree_assortativity_coefficient`).
    /// - **Directed**: every arc `u → v` gives `(x, y) = (k_out(u), k_in(v))`, NetworkX's
    ///   default `x="out", y="in"`.
    /// Weights are ignored. Self-loops are left out; parallel edges and (undirected) reciprocal
    /// arcs count once.
    ///
    /// - Returns: `r` in `[−1, 1]`.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when there is no edge, or when
    ///   the degrees at one end do not vary (a regular graph, a star: the correlation is 0/0).
    /// - Complexity: `O(n + m log d)`.
    ///
    /// Reference: M. E. J. Newman (2002), "Assortative mixing in networks", Phys. Rev. Lett.
    /// 89(20):208701, doi:10.1103/PhysRevLett.89.208701; Newman (2003), "Mixing patterns in
    /// networks", Phys. Rev. E 67:026126, doi:10.1103/PhysRevE.67.026126 (directed form).
    public func degreeAssortativity() throws(GraphError) -> Double {
        var xs: [Double] = [], ys: [Double] = []
        if isDirected {
            let out = NeighborSets(self, directed: true)
            var inDegree = [Int](repeating: 0, count: nodeCount)
            for list in out.neighbors { for v in list { inDegree[v] += 1 } }
            for u in 0..<nodeCount { for v in out.neighbors[u] { xs.append(Double(out.neighbors[u].count)); ys.append(Double(inDegree[v])) } }
        } else {
            let sets = NeighborSets(self)
            for u in 0..<nodeCount { for v in sets.neighbors[u] { xs.append(Double(sets.neighbors[u].count)); ys.append(Double(sets.neighbors[v].count)) } }
        }
        guard !xs.isEmpty else { throw .undefined(algorithm: "degree assortativity", reason: "the graph has no ties") }
        return try Statistics.pearson(xs, ys, what: "degree assortativity")
    }

    /// Average neighbour degree of every node: how many ties an actor's contacts have, on
    /// average.
    ///
    ///     k_nn(i) = (1 / s_i) Σ_{j ∈ N(i)} w_ij k_j
    ///
    /// with `s_i = Σ_j w_ij`; unweighted (`w = 1`) this is the mean degree of the neighbours.
    /// The weighted form is Barrat et al.'s `k^w_nn,i` (NetworkX `average_neighbor_degree`
    /// with `weight=`). Directed: over out-neighbours `j`, with their out-degree `k_j`
    /// (NetworkX's default `source="out", target="out"`). A node without neighbours gets 0.
    /// Self-loops are left out; parallel edges merge with their strengths summed.
    ///
    /// - Parameter weighting: `.unweighted` for the plain mean; otherwise weights are read as
    ///   tie strengths (as given).
    /// - Returns: `n` values indexed by node.
    /// - Complexity: `O(n + m log d)`.
    ///
    /// Reference: R. Pastor-Satorras, A. Vázquez & A. Vespignani (2001), "Dynamical and
    /// correlation properties of the Internet", Phys. Rev. Lett. 87:258701,
    /// doi:10.1103/PhysRevLett.87.258701; A. Barrat, M. Barthélemy, R. Pastor-Satorras &
    /// A. Vespignani (2004), "The architecture of complex weighted networks", PNAS
    /// 101(11):3747–3752, doi:10.1073/pnas.0400087101 (weighted form).
    public func averageNeighborDegree(weighting: EdgeWeighting = .unweighted) -> [Double] {
        let sets = NeighborSets(self, weighting: weighting, directed: true)
        return (0..<nodeCount).map { i in
            var s = 0.0, total = 0.0
            for (k, j) in sets.neighbors[i].enumerated() {
                s += sets.strengths[i][k]
                total += sets.strengths[i][k] * Double(sets.neighbors[j].count)
            }
            return s > 0 ? total / s : 0
        }
    }
}

/// Small statistics shared by the measures.
enum Statistics {
    /// Pearson's correlation of two samples of equal length.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when either sample does not vary.
    static func pearson(_ xs: [Double], _ ys: [Double], what: String) throws(GraphError) -> Double {
        let n = Double(xs.count)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in xs.indices {
            let dx = xs[i] - mx, dy = ys[i] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 1e-12 * n, syy > 1e-12 * n else {
            throw .undefined(algorithm: what, reason: "the values at one end of the ties do not vary (correlation 0/0)")
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
