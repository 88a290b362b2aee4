extension Graph {
    /// Bonacich's power centrality `c(β)`: an actor is central when tied to actors who are
    /// central (`β > 0`), or powerful when tied to actors with few other options (`β < 0`,
    /// bargaining power).
    ///
    ///     c(α, β) = α (I − β A)⁻¹ A 1
    ///
    /// i.e. `c_i = α Σ_j A_ij (1 + β c_j / α)`: the ties of `i`, each counted with `β` times the
    /// value of the actor at the other end. `A` is the 0/1 adjacency matrix (`A_ij = 1` when
    /// `i → j`; symmetric when undirected): weights are ignored, as in R igraph's
    /// `power_centrality` and UCINET. `α` scales the result so that `Σ_i c_i² = n` (R igraph's
    /// `rescale = FALSE`, Bonacich's normalisation). `β = 0` gives degree (out-degree), scaled.
    /// Self-loops are left out; parallel edges count once.
    ///
    /// `|β| < 1 / λ_max` makes `(I − βA)⁻¹ = Σ_k β^k A^k` a convergent sum over walks; other
    /// values are computed from the linear system as R igraph does, and are hard to read.
    ///
    /// - Parameter beta: the attenuation `β` (any finite number; negative for bargaining power).
    /// - Returns: `n` values indexed by node.
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` for a non-finite `β`;
    ///   ``GraphError/undefined(algorithm:reason:)`` when `I − βA` is singular (`1/β` is an
    ///   eigenvalue of `A`) or every value is 0 (no ties).
    /// - Complexity: `O(n³)` time (Gaussian elimination with partial pivoting), `O(n²)` memory.
    ///
    /// Reference: P. Bonacich (1987), "Power and centrality: a family of measures", American
    /// Journal of Sociology 92(5):1170–1182, doi:10.1086/228631.
    public func bonacichPower(beta: Double) throws(GraphError) -> [Double] {
        guard beta.isFinite else { throw .invalidArgument(name: "beta", value: "\(beta)", valid: "a finite number") }
        let n = nodeCount
        guard n > 0 else { return [] }
        let sets = NeighborSets(self, directed: true)
        // Solve (I − βA) x = A 1, then scale.
        var m = [Double](repeating: 0, count: n * n)
        var rhs = [Double](repeating: 0, count: n)
        for i in 0..<n {
            m[i * n + i] = 1
            for j in sets.neighbors[i] { m[i * n + j] -= beta }
            rhs[i] = Double(sets.neighbors[i].count)
        }
        guard let x = LinearSystem.solve(&m, &rhs, n: n) else {
            throw .undefined(algorithm: "Bonacich power", reason: "I − βA is singular for β = \(beta) (1/β is an eigenvalue of the adjacency matrix)")
        }
        let squares = x.reduce(0) { $0 + $1 * $1 }
        guard squares > 0 else { throw .undefined(algorithm: "Bonacich power", reason: "every value is 0 (the graph has no ties)") }
        let scale = (Double(n) / squares).squareRoot()
        return x.map { $0 * scale }
    }
}

/// Dense linear systems, for the small matrices of actor networks.
enum LinearSystem {
    /// Solves `A x = b` (`A` row-major `n × n`, overwritten) by Gaussian elimination with partial
    /// pivoting; nil when a pivot is below `1e-12` times the largest entry (singular).
    /// Complexity: `O(n³)`.
    static func solve(_ a: inout [Double], _ b: inout [Double], n: Int) -> [Double]? {
        let scale = a.map(abs).max() ?? 0
        guard scale > 0 else { return nil }
        for c in 0..<n {
            var p = c
            for r in (c + 1)..<max(c + 1, n) where abs(a[r * n + c]) > abs(a[p * n + c]) { p = r }
            guard abs(a[p * n + c]) > 1e-12 * scale else { return nil }
            if p != c {
                for k in 0..<n { a.swapAt(c * n + k, p * n + k) }
                b.swapAt(c, p)
            }
            let pivot = a[c * n + c]
            for r in (c + 1)..<max(c + 1, n) {
                let f = a[r * n + c] / pivot
                guard f != 0 else { continue }
                for k in c..<n { a[r * n + k] -= f * a[c * n + k] }
                b[r] -= f * b[c]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = b[r]
            for k in (r + 1)..<max(r + 1, n) { s -= a[r * n + k] * x[k] }
            x[r] = s / a[r * n + r]
        }
        return x
    }
}
