/// How an algorithm reads `Graph.weights`.
///
/// Ecosystem weights are **tie strengths** (bigger = stronger tie). Path-based measures need
/// **distances** (bigger = farther); the default mapping is `distance = 1 / strength`
/// (Opsahl, Agneessens & Skvoretz 2010, "Node centrality in weighted networks: generalizing
/// degree and shortest paths", Social Networks 32(3):245–251, doi:10.1016/j.socnet.2010.03.006).
///
/// | case          | path length of edge `e` | strength of edge `e` |
/// |---------------|-------------------------|----------------------|
/// | `.unweighted` | 1                       | 1                    |
/// | `.strength`   | 1 / w(e)                | w(e)                 |
/// | `.distance`   | w(e)                    | w(e)                 |
///
/// Measures that sum weights (strength, PageRank, eigenvector) use the "strength" column: with
/// `.distance` they use the weights as given, as NetworkX's `weight=` does.
public enum EdgeWeighting: String, Sendable, CaseIterable, Codable {
    /// Every edge has length 1 and strength 1.
    case unweighted = "none"
    /// Weights are tie strengths; path length is `1 / w`.
    case strength
    /// Weights are lengths (costs, distances); used as given.
    case distance

    /// Per-edge path lengths, indexed by edge id, or `nil` when every length is 1.
    ///
    /// Definition: `.unweighted` → `nil` (every length 1); `.strength` → `1 / w(e)`;
    /// `.distance` → `w(e)` (see the table on ``EdgeWeighting``).
    ///
    /// - Parameter graph: the graph whose `weights` are read.
    /// - Returns: `edgeCount` positive finite lengths (in the unit of `1 / weight` or of the
    ///   weight), or `nil` for `.unweighted`.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a weight that is not a
    ///   positive finite number (a zero, negative, infinite or NaN weight has no length), or
    ///   whose length is not (a strength so small that `1/w` overflows to infinity).
    /// - Complexity: `O(m)`.
    public func pathLengths(of graph: Graph) throws(GraphError) -> [Double]? {
        if self == .unweighted { return nil }
        var lengths = [Double](repeating: 0, count: graph.edgeCount)
        for e in 0..<graph.edgeCount {
            let w = graph.weights[e]
            guard w.isFinite, w > 0 else {
                throw .invalidWeight(
                    edge: e, value: w,
                    reason: "path measures need a positive finite weight (or read the graph unweighted, ignoring weights)")
            }
            let length = self == .strength ? 1 / w : w
            // 1/w overflows to +∞ for w below ~5.6e-309 (subnormal): no usable length either.
            guard length.isFinite, length > 0 else {
                throw .invalidWeight(
                    edge: e, value: w,
                    reason: "its path length \(self == .strength ? "1/w" : "w") = \(length) is not a positive finite number (rescale the weights)")
            }
            lengths[e] = length
        }
        return lengths
    }

    /// Per-edge strengths for measures that sum weights, indexed by edge id (all 1 when unweighted).
    ///
    /// - Parameter graph: the graph whose `weights` are read.
    /// - Returns: `edgeCount` values: `graph.weights` unchanged for `.strength` and `.distance`
    ///   (not validated: zero, negative or NaN weights pass through), all 1 for `.unweighted`.
    /// - Complexity: `O(m)`.
    public func strengths(of graph: Graph) -> [Double] {
        self == .unweighted ? [Double](repeating: 1, count: graph.edgeCount) : graph.weights
    }
}

/// Comparison of path lengths with a relative tolerance, so that sums that are equal but for
/// floating-point rounding count as ties.
///
/// `1/2 + 1/3 + 1/6` is `0.9999999999999999` in binary floating point, not `1`; an exact
/// comparison (as NetworkX makes) would call the one-edge path of length 1 longer and miscount
/// shortest paths. Like igraph (`igraph_cmp_epsilon`, igraph 0.10), two lengths `a` and `b`
/// are equal when `|a − b| ≤ ε · max(|a|, |b|)` with `ε = 1e-10`.
public enum PathLength {
    /// Relative tolerance for length comparisons.
    public static let relativeTolerance = 1e-10

    /// `a` and `b` are equal within the relative tolerance:
    /// `a == b`, or both finite and `|a − b| ≤ 1e-10 · max(|a|, |b|)`. An infinite length
    /// (unreachable) equals only itself; NaN equals nothing.
    ///
    /// - Parameters:
    ///   - a: a path length (same unit as `b`).
    ///   - b: a path length.
    /// - Returns: whether they count as the same length.
    /// - Complexity: `O(1)`.
    /// - Reference: igraph 0.10 `igraph_cmp_epsilon` (Csárdi & Nepusz 2006, InterJournal
    ///   Complex Systems 1695).
    @inlinable public static func equal(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        // An infinite length (unreachable) equals only itself: without this guard the relative
        // bound would be ∞ and every finite length would "equal" infinity.
        guard a.isFinite, b.isFinite else { return false }
        return abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
    }

    /// `a` is shorter than `b` by more than the tolerance: `a < b` and not ``equal(_:_:)``.
    /// Like ``equal(_:_:)`` meant for finite lengths (`less(x, +∞)` is `false`).
    ///
    /// - Parameters:
    ///   - a: a path length (same unit as `b`).
    ///   - b: a path length.
    /// - Returns: whether `a` is strictly shorter once rounding ties are discounted.
    /// - Complexity: `O(1)`.
    @inlinable public static func less(_ a: Double, _ b: Double) -> Bool {
        a < b && !equal(a, b)
    }
}
