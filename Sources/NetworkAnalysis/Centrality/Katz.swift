extension Graph {
    /// Katz centrality: every node gets a baseline `β` plus `α` times the scores of the nodes
    /// that tie to it, so walks of every length count, attenuated by `α` per step.
    ///
    /// **Definition.** `x_v = α · Σ_{u → v} a_uv · x_u + β_v`, i.e. `x = (I − αAᵀ)⁻¹ β`
    /// `= Σ_{k ≥ 0} αᵏ (Aᵀ)ᵏ β`. Directed graphs sum over **in**-arcs (as NetworkX). The series
    /// converges, and the scores are positive and meaningful, only when `α < 1/λmax`, `λmax`
    /// the spectral radius of `A`; for `α ≥ 1/λmax` the method **throws** `.undefined` instead of
    /// returning the divergent or sign-alternating numbers an iteration would produce. An acyclic
    /// graph has `λmax = 0`, so every `α` works there.
    ///
    /// **Computation** (as NetworkX 3.6 `katz_centrality`): iterate `x ← αAᵀx + β` from 0 until the
    /// L1 change is below `nodeCount · tolerance`; with `normalized`, divide by the Euclidean norm.
    /// `λmax` is bracketed per strongly connected class by Collatz–Wielandt bounds (see
    /// `PerronFrobenius.swift`); `α · λmax ≥ 1 − 1e-9` is refused.
    ///
    /// - Parameters:
    ///   - alpha: attenuation `α > 0` (NetworkX default 0.1).
    ///   - beta: baseline `β` for every node (default 1), used when `betaPerNode` is nil.
    ///   - betaPerNode: a baseline per node (length `nodeCount`), overriding `beta`.
    ///   - weighting: `.strength` (default) / `.distance` use the weights as given, `.unweighted`
    ///     uses 1 per edge (NetworkX's default `weight=None`). Parallel edges add up; an
    ///     undirected self-loop counts once in `a_vv`.
    ///   - normalized: scale to Euclidean norm 1 (default, as NetworkX).
    ///   - maxIterations: iteration budget (NetworkX default 1000).
    ///   - tolerance: per-node L1 tolerance (NetworkX default 1e-6).
    /// - Returns: `[Double]` of length `nodeCount`.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when `α ≥ 1/λmax`;
    ///   ``GraphError/invalidArgument(name:value:valid:)`` for `α ≤ 0` or non-finite `α`/`β`;
    ///   ``GraphError/lengthMismatch(what:expected:actual:)``;
    ///   ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite strength;
    ///   ``GraphError/notConverged(algorithm:iterations:tolerance:)``.
    /// - Complexity: `O(k · (n + m))` for `k` iterations, plus the `λmax` bracket.
    ///
    /// Reference: Katz, L. (1953). "A new status index derived from sociometric analysis",
    /// Psychometrika 18(1):39–43, doi:10.1007/BF02289026.
    public func katzCentrality(
        alpha: Double = 0.1,
        beta: Double = 1,
        betaPerNode: [Double]? = nil,
        weighting: EdgeWeighting = .strength,
        normalized: Bool = true,
        maxIterations: Int = 1000,
        tolerance: Double = 1e-6
    ) throws(GraphError) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        guard alpha.isFinite, alpha > 0 else {
            throw .invalidArgument(name: "alpha", value: "\(alpha)", valid: "a positive number below 1/λmax")
        }
        let b: [Double]
        if let betaPerNode {
            guard betaPerNode.count == n else {
                throw .lengthMismatch(what: "betaPerNode", expected: n, actual: betaPerNode.count)
            }
            b = betaPerNode
        } else {
            b = [Double](repeating: beta, count: n)
        }
        for value in b where !value.isFinite {
            throw .invalidArgument(name: "beta", value: "\(value)", valid: "finite numbers")
        }
        let matrix = try nonnegativeAdjacency(weighting: weighting, transposed: true)
        let lambda = matrix.perronAnalysis(maxIterations: max(10 * maxIterations, 10_000)).spectralRadius
        if alpha * lambda >= 1 - 1e-9 {
            throw .undefined(
                algorithm: "Katz centrality",
                reason: "alpha = \(alpha) is not below 1/λmax = \(1 / lambda) (λmax = \(lambda)); the walk series diverges")
        }
        var x = [Double](repeating: 0, count: n)
        var y = x
        for _ in 0..<maxIterations {
            matrix.multiply(x, into: &y, shift: 0, mask: nil)
            var change = 0.0
            for v in 0..<n {
                let nv = alpha * y[v] + b[v]
                change += abs(nv - x[v])
                x[v] = nv
            }
            if change < Double(n) * tolerance {
                if normalized {
                    var sq = 0.0
                    for v in 0..<n { sq += x[v] * x[v] }
                    let s = sq > 0 ? 1 / sq.squareRoot() : 1
                    for v in 0..<n { x[v] *= s }
                }
                return x
            }
        }
        throw .notConverged(algorithm: "Katz centrality", iterations: maxIterations, tolerance: tolerance)
    }
}
