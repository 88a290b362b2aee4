/// What one all-source shortest-path pass gives a gap analysis at once: the path statistics,
/// closeness, the removal effect of every node and (optionally) the all-pairs length matrix.
/// See ``Graph/pathTables(weighting:threads:distances:)``.
public struct PathTables: Sendable {
    /// Number of nodes `n`.
    public let nodeCount: Int
    /// How weights were turned into lengths.
    public let weighting: EdgeWeighting
    /// Equal, bit for bit, to ``Graph/pathStatistics(weighting:threads:)``.
    public let statistics: PathStatistics
    /// Wasserman–Faust closeness from the distances **from** each node (`.outgoing`); bit for
    /// bit ``Graph/closeness(weighting:direction:threads:)`` with `.outgoing`, and so, on an
    /// undirected graph, with the default `.incoming` as well.
    public let closeness: [Double]
    /// Equal, bit for bit, to ``Graph/nodeRemovalEffects(weighting:threads:)``.
    public let removalEffects: [NodeRemovalEffect]
    /// `d(a, b)` at `a * n + b` (`0` on the diagonal, `+∞` when unreachable): the
    /// ``DistanceMatrix/distances`` of ``Graph/distanceMatrix(weighting:threads:)``, bit for
    /// bit; empty unless asked for.
    public let distances: [Double]
}

/// Raw per-source outputs of the removal pass when it also fills ``PathTables`` (each chunk
/// writes only its own sources' entries and rows).
struct PathTableBuffers: @unchecked Sendable {
    /// Nodes reached from each source, the source included.
    let reached: UnsafeMutablePointer<Int>
    /// `Σ d` at `a`, `Σ 1/d` at `n + a`, the largest `d` at `2n + a`, in settling order.
    let sums: UnsafeMutablePointer<Double>
    /// The all-pairs matrix, rows filled by the pass (pre-filled with `+∞`), or nil.
    let distances: UnsafeMutablePointer<Double>?
}

extension Graph {
    /// Path statistics, closeness, every node's removal effect and (optionally) the all-pairs
    /// length matrix from **one** shortest-path search per source, instead of the four
    /// separate all-source passes of ``pathStatistics(weighting:threads:)``,
    /// ``closeness(weighting:direction:threads:)``, ``nodeRemovalEffects(weighting:threads:)``
    /// and ``distanceMatrix(weighting:threads:)``.
    ///
    /// **Definition.** Each part is defined as by the function it replaces. The removal pass
    /// (``nodeRemovalEffects(weighting:threads:)``, after Holme et al. 2002 and Ramalingam &
    /// Reps 1996) runs the same single-source search from each node `a` that the others run;
    /// its settling order gives `reach_a`, `Σ_b d(a, b)`, `Σ_b 1/d(a, b)` and `max_b d(a, b)`
    /// summed in the same order with the same expressions, so the statistics, the closeness
    /// and the matrix rows are **bit for bit** those of the separate functions (tested), and
    /// the removal effects are those of ``nodeRemovalEffects(weighting:threads:)`` exactly.
    /// Results do not depend on `threads` (fixed chunks of sources, combined in order).
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - threads: at most this many threads (over sources); `nil`: all cores.
    ///   - distances: whether to keep the `n × n` length matrix (`8 n²` bytes: 8 MB at 1,000
    ///     nodes), e.g. for ``bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:tables:)``.
    /// - Returns: the tables.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: that of ``nodeRemovalEffects(weighting:threads:)`` (one search per source
    ///   plus the dominator-tree repairs), plus `O(n²)` to write the matrix; memory `O(n)` per
    ///   thread plus the matrix.
    ///
    /// References: P. Holme, B. J. Kim, C. N. Yoon & S. K. Han (2002), Phys. Rev. E 65:056109,
    /// doi:10.1103/PhysRevE.65.056109; G. Ramalingam & T. Reps (1996), J. Algorithms
    /// 21(2):267–305, doi:10.1006/jagm.1996.0046; S. Wasserman & K. Faust (1994), *Social
    /// Network Analysis*, Cambridge University Press, doi:10.1017/CBO9780511815478 (closeness);
    /// V. Latora & M. Marchiori (2001), Phys. Rev. Lett. 87:198701,
    /// doi:10.1103/PhysRevLett.87.198701 (efficiency).
    public func pathTables(weighting: EdgeWeighting = .strength, threads: Int? = nil, distances keep: Bool = false) throws(GraphError) -> PathTables {
        let n = nodeCount
        let c = max(1, n)
        let reached = UnsafeMutablePointer<Int>.allocate(capacity: c)
        reached.initialize(repeating: 1, count: c)
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: 3 * c)
        sums.initialize(repeating: 0, count: 3 * c)
        defer { reached.deallocate(); sums.deallocate() }
        var matrix = keep ? [Double](repeating: .infinity, count: n * n) : []
        let effects = try matrix.withUnsafeMutableBufferPointer { m throws(GraphError) -> [NodeRemovalEffect] in
            let buffers = PathTableBuffers(reached: reached, sums: sums, distances: keep ? m.baseAddress : nil)
            return try nodeRemovalEffects(weighting: weighting, threads: threads, tables: buffers)
        }
        // As `pathStatistics`, from the same per-source sums in node order.
        var pairs = 0
        var total = 0.0, inverse = 0.0
        var diameter = n == 0 ? Double.nan : 0
        for u in 0..<n {
            pairs += reached[u] - 1
            total += sums[u]
            inverse += sums[n + u]
            if sums[2 * n + u] > diameter { diameter = sums[2 * n + u] }
        }
        let allPairs = Double(n) * Double(n - 1)
        let efficiency = n < 2 ? 0 : inverse / allPairs
        let statistics = PathStatistics(
            nodeCount: n, reachablePairs: pairs, diameter: diameter,
            averagePathLength: pairs == 0 ? .nan : total / Double(pairs), globalEfficiency: efficiency,
            fragmentation: n < 2 ? 0 : 1 - Double(pairs) / allPairs,
            distanceWeightedFragmentation: n < 2 ? 0 : 1 - efficiency)
        // As `closeness`.
        var closeness = [Double](repeating: 0, count: n)
        if n > 1 {
            for u in 0..<n {
                let others = Double(reached[u] - 1)
                let t = sums[u]
                if t > 0 { closeness[u] = (others / t) * (others / Double(n - 1)) }
            }
        }
        return PathTables(
            nodeCount: n, weighting: weighting, statistics: statistics, closeness: closeness,
            removalEffects: effects, distances: matrix)
    }
}
