extension Graph {
    /// Eigenvector centrality: each node's score is proportional to the summed scores of the
    /// nodes that tie to it.
    ///
    /// **Definition.** `x` is the nonnegative eigenvector of the largest eigenvalue `λ` of the
    /// (weighted) adjacency matrix, taken from the left as NetworkX does:
    /// `λ · x_v = Σ_{u → v} a_uv · x_u`, scaled to Euclidean norm 1. For an undirected graph
    /// this is the ordinary (symmetric) eigenvector; for a directed graph it sums over
    /// **in**-arcs, so being pointed at by central nodes makes a node central.
    ///
    /// **Computation.** Power iteration on `Aᵀ + I` from the uniform vector, normalized to
    /// Euclidean norm 1 after every step, stopping when the L1 change is below
    /// `nodeCount · tolerance` — the iteration, start and stopping rule of NetworkX 3.6
    /// `eigenvector_centrality` (the `+ I` shift makes periodic graphs, e.g. bipartite ones,
    /// converge). The iteration runs on the support found by the uniqueness analysis below and
    /// every other node gets exactly 0 (NetworkX's iteration only approaches 0 there).
    ///
    /// **When there is no unique answer** the method throws instead of returning numbers
    /// (NetworkX would return whatever its iteration reached, which then depends on the start
    /// vector, or fail to converge). By the Frobenius–Victory theorem (see
    /// `PerronFrobenius.swift`) the nonnegative eigenvector of `λ` is unique exactly when one
    /// *distinguished* strongly connected class attains `λ`:
    /// - no cycle at all (an acyclic digraph, or a graph without edges): `λ = 0` and the
    ///   "eigenvector" is degenerate → `.undefined`;
    /// - undirected and disconnected: unique when exactly one component has the largest
    ///   spectral radius (the other components, isolates included, score 0); two components
    ///   tying for it (e.g. two disjoint triangles) → `.undefined`;
    /// - directed: unique when exactly one class attaining `λ` cannot reach another class that
    ///   attains `λ`; the score is positive on that class and downstream of it, 0 elsewhere.
    /// Two classes whose Perron roots agree to about `1e-9` (relative) count as tied.
    ///
    /// - Parameters:
    ///   - weighting: how `weights` are read; `.strength` (default) and `.distance` use the
    ///     weights as given (summed tie strength), `.unweighted` uses 1 per edge. Parallel edges
    ///     add their strengths; an undirected self-loop adds its strength once to `a_vv`
    ///     (as in NetworkX's adjacency matrix).
    ///   - maxIterations: power-iteration budget (NetworkX default 100).
    ///   - tolerance: per-node L1 tolerance (NetworkX default 1e-6).
    /// - Returns: `[Double]` of length `nodeCount`, nonnegative, Euclidean norm 1.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` as above (also for an empty graph);
    ///   ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite strength;
    ///   ``GraphError/notConverged(algorithm:iterations:tolerance:)`` when the budget runs out
    ///   both with the shift `+ I` and with the shift `+ λI` (tried when the first does not
    ///   converge; the eigenvector is the same, only the convergence differs).
    /// - Complexity: `O(k · (n + m))` for `k` iterations (plus the same for the class analysis).
    ///
    /// Reference: Bonacich, P. (1972). "Factoring and weighting approaches to status scores and
    /// clique identification", J. Math. Sociol. 2(1):113–120, doi:10.1080/0022250X.1972.9989806;
    /// Newman, M. E. J. (2010), *Networks: An Introduction*, Oxford UP, §7.2.
    public func eigenvectorCentrality(
        weighting: EdgeWeighting = .strength,
        maxIterations: Int = 100,
        tolerance: Double = 1e-6
    ) throws(GraphError) -> [Double] {
        let name = "eigenvector centrality"
        guard nodeCount > 0 else { throw .undefined(algorithm: name, reason: "the graph has no nodes") }
        let matrix = try nonnegativeAdjacency(weighting: weighting, transposed: true)
        let analysis = matrix.perronAnalysis(maxIterations: max(10 * maxIterations, 10_000))
        try Graph.requireUniquePerronVector(analysis, algorithm: name)
        let support = analysis.support
        let supportSize = support.reduce(0) { $0 + ($1 ? 1 : 0) }
        // First NetworkX's iteration with A + I (the same numbers as NetworkX). When the
        // second eigenvalue is close to −λ (a long path of very unequal ties: strengths 2000
        // and 2) that converges too slowly; A + λI has the same eigenvector and moves every
        // other eigenvalue μ ∈ [−λ, λ) to μ + λ ∈ [0, 2λ), away from 2λ, so it converges.
        for shift in [1, analysis.spectralRadius] where shift == 1 || shift > 1 {
            var x = [Double](repeating: 0, count: nodeCount)
            for v in 0..<nodeCount where support[v] { x[v] = 1 / Double(supportSize) }
            var y = x
            for _ in 0..<maxIterations {
                matrix.multiply(x, into: &y, shift: shift, mask: support)
                var sq = 0.0
                for v in 0..<nodeCount { sq += y[v] * y[v] }
                let norm = sq > 0 ? sq.squareRoot() : 1
                var change = 0.0
                for v in 0..<nodeCount {
                    let nv = y[v] / norm
                    change += abs(nv - x[v])
                    x[v] = nv
                }
                if change < Double(nodeCount) * tolerance { return x }
            }
        }
        throw .notConverged(algorithm: name, iterations: maxIterations, tolerance: tolerance)
    }

    /// Throws `.undefined` unless the analysis found exactly one distinguished class with a
    /// positive Perron root.
    /// - Parameter nonUnique: the reason to give when several classes share the root (given
    ///   their number and the root); by default, separate parts of the graph.
    static func requireUniquePerronVector(
        _ analysis: PerronAnalysis, algorithm: String,
        nonUnique: ((Int, Double) -> String)? = nil
    ) throws(GraphError) {
        if analysis.spectralRadius == 0 {
            throw .undefined(
                algorithm: algorithm,
                reason: "the graph has no cycle with positive weight (largest eigenvalue 0), so no eigenvector is meaningful")
        }
        if analysis.distinguishedCount != 1, let nonUnique {
            throw .undefined(algorithm: algorithm, reason: nonUnique(analysis.distinguishedCount, analysis.spectralRadius))
        }
        if analysis.distinguishedCount != 1 {
            throw .undefined(
                algorithm: algorithm,
                reason: "\(analysis.distinguishedCount) separate parts of the graph share the largest eigenvalue \(analysis.spectralRadius); the eigenvector is not unique (analyse the parts separately)")
        }
    }
}
