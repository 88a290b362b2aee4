/// Hub and authority scores of every node (Kleinberg's HITS), each summing to 1.
///
/// Computed by ``Graph/hits(weighting:maxIterations:tolerance:)``; reference: Kleinberg 1999,
/// J. ACM 46(5):604–632, doi:10.1145/324133.324140.
public struct HITSScores: Sendable, Equatable {
    /// Hub score per node: large when the node points to good authorities.
    public var hubs: [Double]
    /// Authority score per node: large when good hubs point to the node.
    public var authorities: [Double]
}

extension Graph {
    /// Hubs and authorities (HITS): a good hub points to good authorities, a good authority is
    /// pointed to by good hubs.
    ///
    /// **Definition.** With `A` the weighted adjacency matrix (`A_uv` = strength of `u → v`),
    /// hubs `h` and authorities `a` are the leading left and right singular vectors of `A`:
    /// `σ h = A a`, `σ a = Aᵀ h`, i.e. the principal eigenvectors of `AAᵀ` and `AᵀA`, each scaled
    /// to sum 1 (NetworkX 3.6 `hits`, `normalized=True`). For an undirected graph `A` is
    /// symmetric (self-loop once) and hubs equal authorities.
    ///
    /// **Computation.** Kleinberg's iteration `a ← Aᵀh`, `h ← Aa` (both from the previous
    /// step), each side rescaled to sum 1, from uniform vectors, until the summed L1 change of
    /// both is below `nodeCount · tolerance`. NetworkX computes the same vectors with an ARPACK
    /// SVD.
    ///
    /// **Uniqueness.** The singular vectors are the Perron vector of the bipartite matrix
    /// `B = [[0, A], [Aᵀ, 0]]` (node `v` appears as a hub copy and an authority copy). They are
    /// unique exactly when one connected component of `B` has the largest singular value `σ`;
    /// otherwise the method throws `.undefined` (NetworkX's ARPACK answer is then arbitrary).
    /// Typical cases: no edges (`σ = 0`); an undirected **bipartite** graph (its two sides can
    /// each be the hubs: `σ` is double); two disconnected parts with equal `σ`. Nodes outside
    /// the leading component score 0.
    ///
    /// - Parameters:
    ///   - weighting: `.strength` (default) / `.distance` use the weights as given (NetworkX
    ///     always reads `weight`), `.unweighted` counts arcs. Parallel edges add up.
    ///   - maxIterations: iteration budget (default 10 000: each round costs `O(n + m)`, and
    ///     nearly bipartite graphs have `σ₂ ≈ σ₁`, where power iteration is slow; NetworkX uses
    ///     ARPACK instead).
    ///   - tolerance: per-node L1 tolerance (NetworkX default 1e-8).
    /// - Returns: ``HITSScores`` with two arrays of length `nodeCount`, each summing to 1.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` (also for an empty graph);
    ///   ``GraphError/invalidWeight(edge:value:reason:)``;
    ///   ``GraphError/notConverged(algorithm:iterations:tolerance:)``.
    /// - Complexity: `O(k · (n + m))` for `k` iterations; convergence rate `(σ₂/σ₁)²` per round.
    ///
    /// Reference: Kleinberg, J. M. (1999). "Authoritative sources in a hyperlinked environment",
    /// J. ACM 46(5):604–632, doi:10.1145/324133.324140.
    public func hits(
        weighting: EdgeWeighting = .strength,
        maxIterations: Int = 10_000,
        tolerance: Double = 1e-8
    ) throws(GraphError) -> HITSScores {
        let name = "HITS"
        let n = nodeCount
        guard n > 0 else { throw .undefined(algorithm: name, reason: "the graph has no nodes") }
        let a = try nonnegativeAdjacency(weighting: weighting, transposed: false)
        // B: hub copy u (row u) gathers authority copies n+v with A_uv; authority copy n+v
        // gathers hub copies u with A_uv.
        var rows: [Int32] = [], cols: [Int32] = [], vals: [Double] = []
        for u in 0..<n {
            for k in a.rowOffsets[u]..<a.rowOffsets[u + 1] {
                let v = Int(a.columns[k]), w = a.values[k]
                rows.append(Int32(u)); cols.append(Int32(n + v)); vals.append(w)
                rows.append(Int32(n + v)); cols.append(Int32(u)); vals.append(w)
            }
        }
        let b = NonnegativeMatrix(size: 2 * n, rows: rows, columns: cols, values: vals)
        let analysis = b.perronAnalysis(maxIterations: max(10 * maxIterations, 10_000))
        // B's classes are hub–authority groups, not parts of the graph: a connected graph
        // whose hub matrix A·Aᵀ has a repeated largest eigenvalue (a single tie, a symmetric
        // pattern) gives several of them.
        try Graph.requireUniquePerronVector(analysis, algorithm: name) { count, rho in
            "the hub and authority scores are not unique: \(count) groups of hubs and authorities are equally strong "
                + "(the largest eigenvalue \(rho * rho) of the hub matrix A·Aᵀ is repeated, as with a single tie or a symmetric pattern of ties), so HITS gives no single ranking"
        }
        let support = analysis.support
        var hubCount = 0, authorityCount = 0
        for i in 0..<n where support[i] { hubCount += 1 }
        for i in n..<(2 * n) where support[i] { authorityCount += 1 }
        var x = [Double](repeating: 0, count: 2 * n)
        for i in 0..<n where support[i] { x[i] = 1 / Double(hubCount) }
        for i in n..<(2 * n) where support[i] { x[i] = 1 / Double(authorityCount) }
        var y = x
        for _ in 0..<maxIterations {
            b.multiply(x, into: &y, shift: 0, mask: support)
            var hubSum = 0.0, authoritySum = 0.0
            for i in 0..<n { hubSum += y[i] }
            for i in n..<(2 * n) { authoritySum += y[i] }
            var change = 0.0
            for i in 0..<(2 * n) {
                let nv = y[i] / (i < n ? hubSum : authoritySum)
                change += abs(nv - x[i])
                x[i] = nv
            }
            if change < Double(n) * tolerance {
                return HITSScores(hubs: Array(x[0..<n]), authorities: Array(x[n..<(2 * n)]))
            }
        }
        throw .notConverged(algorithm: name, iterations: maxIterations, tolerance: tolerance)
    }
}
