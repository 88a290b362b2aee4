extension Graph {
    /// PageRank: the stationary distribution of a random surfer who follows an out-arc with
    /// probability `damping` (choosing arcs in proportion to their strength) and otherwise jumps
    /// to a node drawn from the personalization distribution.
    ///
    /// **Definition.** With `W` the weighted adjacency matrix, `s_u = Σ_v W_uv` the
    /// out-strength, `p` the personalization and `d` the dangling distribution (both normalized
    /// to sum 1), `PR` solves
    /// `PR_v = α · ( Σ_{u: s_u > 0} PR_u · W_uv / s_u  +  d_v · Σ_{u: s_u = 0} PR_u ) + (1 − α) · p_v`.
    ///
    /// **Computation** (identical to NetworkX 3.6 `pagerank`): power iteration from the uniform
    /// vector, stopping when `Σ_v |PR_v − PR'_v| < nodeCount · tolerance`; the last iterate is
    /// returned as is (it sums to 1 up to rounding).
    ///
    /// **Conventions.**
    /// - Undirected graphs: every edge is two arcs `u → v` and `v → u` of the same strength.
    /// - Self-loops: one arc `v → v` (also in undirected graphs), as in NetworkX's adjacency
    ///   matrix: the surfer may stay put.
    /// - Parallel edges add their strengths. Zero-strength arcs are never followed; a node whose
    ///   out-strength is 0 is *dangling*: its score is redistributed by `d`.
    ///
    /// - Parameters:
    ///   - damping: `α` in `[0, 1)`, probability of following an arc (default 0.85).
    ///   - personalization: teleport weights per node (nonnegative, not all 0), or `nil` for
    ///     uniform. Normalized to sum 1.
    ///   - dangling: where dangling nodes send their score (nonnegative weights per node, not
    ///     all 0), or `nil` to use the personalization (NetworkX's default).
    ///   - weighting: `.strength` (default) / `.distance` use the weights as given,
    ///     `.unweighted` counts arcs.
    ///   - maxIterations: iteration budget (NetworkX default 100).
    ///   - tolerance: per-node L1 tolerance (NetworkX default 1e-6).
    /// - Returns: `[Double]` of length `nodeCount`, a probability distribution.
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` for a damping outside
    ///   `[0, 1)` or a personalization/dangling vector that is negative or all zero;
    ///   ``GraphError/lengthMismatch(what:expected:actual:)`` for vectors of the wrong length;
    ///   ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite strength;
    ///   ``GraphError/notConverged(algorithm:iterations:tolerance:)``.
    /// - Complexity: `O(k · (n + m))` for `k` iterations.
    ///
    /// Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). "The PageRank citation
    /// ranking: bringing order to the web", Stanford InfoLab Technical Report 1999-66;
    /// Brin, S. & Page, L. (1998), Computer Networks and ISDN Systems 30(1–7):107–117,
    /// doi:10.1016/S0169-7552(98)00110-X.
    public func pageRank(
        damping: Double = 0.85,
        personalization: [Double]? = nil,
        dangling: [Double]? = nil,
        weighting: EdgeWeighting = .strength,
        maxIterations: Int = 100,
        tolerance: Double = 1e-6
    ) throws(GraphError) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        guard damping >= 0, damping < 1 else {
            throw .invalidArgument(name: "damping", value: "\(damping)", valid: "a number in [0, 1)")
        }
        let p = try Graph.distribution(personalization, count: n, name: "personalization")
        let danglingWeights = try dangling.map { (d) throws(GraphError) in
            try Graph.distribution(d, count: n, name: "dangling")
        } ?? p
        // Row-stochastic transition as in-lists: next[v] += x[u] * W_uv / s_u.
        let matrix = try nonnegativeAdjacency(weighting: weighting, transposed: true)
        var outStrength = [Double](repeating: 0, count: n)
        for v in 0..<n {
            for k in matrix.rowOffsets[v]..<matrix.rowOffsets[v + 1] {
                outStrength[Int(matrix.columns[k])] += matrix.values[k]
            }
        }
        var transition = matrix.values
        for v in 0..<n {
            for k in matrix.rowOffsets[v]..<matrix.rowOffsets[v + 1] {
                transition[k] /= outStrength[Int(matrix.columns[k])]
            }
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        for _ in 0..<maxIterations {
            var danglingMass = 0.0
            for u in 0..<n where outStrength[u] == 0 { danglingMass += x[u] }
            var change = 0.0
            for v in 0..<n {
                var s = 0.0
                for k in matrix.rowOffsets[v]..<matrix.rowOffsets[v + 1] {
                    s += x[Int(matrix.columns[k])] * transition[k]
                }
                let value = damping * (s + danglingMass * danglingWeights[v]) + (1 - damping) * p[v]
                next[v] = value
                change += abs(value - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { return x }
        }
        throw .notConverged(algorithm: "PageRank", iterations: maxIterations, tolerance: tolerance)
    }

    /// A nonnegative weight vector normalized to sum 1 (uniform when `nil`).
    static func distribution(_ weights: [Double]?, count n: Int, name: String) throws(GraphError) -> [Double] {
        guard let weights else { return [Double](repeating: 1 / Double(n), count: n) }
        guard weights.count == n else { throw .lengthMismatch(what: name, expected: n, actual: weights.count) }
        var total = 0.0
        for w in weights {
            guard w.isFinite, w >= 0 else {
                throw .invalidArgument(name: name, value: "\(w)", valid: "nonnegative finite weights per node")
            }
            total += w
        }
        guard total > 0 else {
            throw .invalidArgument(name: name, value: "all zero", valid: "at least one positive weight")
        }
        return weights.map { $0 / total }
    }
}
