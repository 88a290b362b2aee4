/// Krackhardt and Stern's E-I index for the whole network, every group and every node.
///
/// Each index is `(E − I) / (E + I)` in `[−1, 1]`: −1 when all ties are internal, +1 when all
/// are external. Computed by ``Graph/eiIndex(groups:weighting:)``; reference: Krackhardt &
/// Stern 1988, Social Psychology Quarterly 51(2):123–140, doi:10.2307/2786835.
public struct EIIndexResult: Sendable {
    /// `(E − I) / (E + I)` over all ties; NaN when there are no ties.
    public var network: Double
    /// Total (weighted) number of ties between different groups, `E`.
    public var externalTies: Double
    /// Total (weighted) number of ties within groups, `I`.
    public var internalTies: Double
    /// The distinct group labels, ascending; `perGroup[k]` belongs to `groupLabels[k]`.
    public var groupLabels: [Int]
    /// E-I index of each group: its members' ties to outsiders against ties among themselves;
    /// NaN for a group without ties.
    public var perGroup: [Double]
    /// E-I index of each node: its ties to other groups against ties to its own group; NaN for
    /// a node without ties.
    public var perNode: [Double]
}

extension Graph {
    /// Krackhardt and Stern's E-I index: the balance of external against internal ties.
    ///
    /// **Definition.** `EI = (E − I) / (E + I)` in `[−1, 1]`, where `E` counts ties between
    /// members of different groups and `I` ties within a group: −1 means all ties stay inside
    /// groups (homophily, closure), +1 that all ties cross group lines.
    /// - network: `E`, `I` over all ties;
    /// - group `g`: `E_g` = ties with exactly one end in `g`, `I_g` = ties with both ends in `g`;
    /// - node `v`: `E_v` = ties of `v` to nodes of other groups, `I_v` = ties to its own group.
    /// Whenever `E + I = 0` the index is NaN (no ties, no balance), never 0.
    ///
    /// **Conventions.** Each edge is one tie; in a directed graph an arc counts for both its
    /// ends regardless of direction (so reciprocal arcs are two ties). Self-loops are ignored.
    /// Parallel edges each count. With `weighting` `.strength` or `.distance` ties count with
    /// their weight instead of 1 (zero-weight ties then count 0).
    ///
    /// - Parameters:
    ///   - groups: group label of every node (length `nodeCount`; any integers).
    ///   - weighting: `.unweighted` (default) counts ties, the others sum weights.
    /// - Returns: ``EIIndexResult``.
    /// - Throws: ``GraphError/lengthMismatch(what:expected:actual:)`` for a wrong `groups`
    ///   length; ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite
    ///   weight when weights are used.
    /// - Complexity: `O(n log n + m)`.
    ///
    /// Reference: Krackhardt, D. & Stern, R. N. (1988). "Informal networks and organizational
    /// crises: an experimental simulation", Social Psychology Quarterly 51(2):123–140,
    /// doi:10.2307/2786835.
    public func eiIndex(groups: [Int], weighting: EdgeWeighting = .unweighted) throws(GraphError) -> EIIndexResult {
        let n = nodeCount
        guard groups.count == n else { throw .lengthMismatch(what: "groups", expected: n, actual: groups.count) }
        let strengths = weighting.strengths(of: self)
        for e in 0..<edgeCount where !(strengths[e].isFinite && strengths[e] >= 0) {
            throw .invalidWeight(edge: e, value: strengths[e], reason: "the E-I index needs nonnegative finite weights")
        }
        let labels = Array(Set(groups)).sorted()
        // Dense group index per node (binary search once per node, not in the edge loop).
        let groupIndex = groups.map { g in
            var lo = 0, hi = labels.count - 1
            while lo < hi { let mid = (lo + hi) / 2; if labels[mid] < g { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        var nodeE = [Double](repeating: 0, count: n), nodeI = nodeE
        var groupE = [Double](repeating: 0, count: labels.count), groupI = groupE
        var e = 0.0, i = 0.0
        for edge in 0..<edgeCount {
            let s = Int(edgeSources[edge]), t = Int(edgeTargets[edge])
            guard s != t else { continue }
            let w = strengths[edge]
            let gs = groupIndex[s], gt = groupIndex[t]
            if gs == gt {
                i += w; groupI[gs] += w; nodeI[s] += w; nodeI[t] += w
            } else {
                e += w; groupE[gs] += w; groupE[gt] += w; nodeE[s] += w; nodeE[t] += w
            }
        }
        func index(_ e: Double, _ i: Double) -> Double { e + i > 0 ? (e - i) / (e + i) : .nan }
        return EIIndexResult(
            network: index(e, i), externalTies: e, internalTies: i,
            groupLabels: labels,
            perGroup: (0..<labels.count).map { index(groupE[$0], groupI[$0]) },
            perNode: (0..<n).map { index(nodeE[$0], nodeI[$0]) })
    }
}
