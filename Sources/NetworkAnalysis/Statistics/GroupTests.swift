/// Permutation tests of the E-I index and of attribute assortativity.
public struct GroupMixingTests: Sendable, Equatable {
    /// The E-I index of the whole network (Krackhardt & Stern 1988).
    public let eiNetwork: PermutationTest
    /// The E-I index of each group, in the order of ``EIIndexResult/groupLabels``.
    public let eiPerGroup: [PermutationTest]
    /// The group labels, ascending.
    public let groupLabels: [Int]
    /// Newman's attribute assortativity (NaN tests when it is undefined, e.g. one group).
    public let assortativity: PermutationTest
}

extension Graph {
    /// Are ties more (or less) often within groups than chance would have them? Permutation tests
    /// of the E-I index (network and per group; UCINET's E-I permutation test) and of Newman's
    /// attribute assortativity, relabelling the nodes at random with the group sizes kept: each
    /// permutation `π` gives node `v` the group of node `π[v]`, and the statistics are recomputed
    /// on the unchanged network.
    ///
    /// A low `pLessOrEqual` of the E-I index (or a low `pGreaterOrEqual` of assortativity) says
    /// ties stay within groups more than chance; the opposite tails say they cross group lines
    /// more than chance. E-I conventions as ``eiIndex(groups:weighting:)`` (unweighted),
    /// assortativity as ``attributeAssortativity(groups:)``.
    ///
    /// - Parameters:
    ///   - groups: a group label per node.
    ///   - permutations: random permutations (at least 1); ignored when `exact`.
    ///   - seed: their seed.
    ///   - exact: enumerate all `n!` permutations instead (`n ≤ 10`): exact p-values.
    /// - Returns: the tests.
    ///   - monitor: progress (permutations done) and stopping.
    /// - Throws: ``GraphError/stopped(algorithm:done:total:)`` when the monitor stops it;
    ///   ``GraphError/lengthMismatch(what:expected:actual:)``;
    ///   ``GraphError/invalidArgument(name:value:valid:)`` for fewer than 1 permutation or an
    ///   exact test of more than 10 nodes.
    /// - Complexity: `permutations · O(n + m)` (exact: `n! · O(n + m)`).
    ///
    /// Reference: D. Krackhardt & R. N. Stern (1988), "Informal networks and organizational
    /// crises: an experimental simulation", Soc. Psychol. Q. 51(2):123–140, doi:10.2307/2786835;
    /// S. P. Borgatti, M. G. Everett & L. C. Freeman (2002), UCINET for Windows, Analytic
    /// Technologies (the E-I permutation test); Newman (2003), doi:10.1103/PhysRevE.67.026126.
    public func groupMixingTests(
        groups: [Int], permutations: Int = 1000, seed: UInt64 = 1, exact: Bool = false, monitor: WorkMonitor = .none
    ) throws(GraphError) -> GroupMixingTests {
        guard groups.count == nodeCount else { throw .lengthMismatch(what: "groups", expected: nodeCount, actual: groups.count) }
        guard exact || permutations >= 1 else { throw .invalidArgument(name: "permutations", value: "\(permutations)", valid: "at least 1") }
        guard !exact || nodeCount <= 10 else { throw .invalidArgument(name: "exact", value: "\(nodeCount) nodes", valid: "at most 10 nodes (n! permutations)") }
        let observed = try eiIndex(groups: groups, weighting: .unweighted)
        let labels = observed.groupLabels
        let sets = NeighborSets(self, directed: true)
        let total = exact ? (1...max(1, nodeCount)).reduce(1, *) : permutations
        let statistic = MonitoredStatistic(total: total, width: labels.count + 2, monitor: monitor) { pi in
            let g = pi.map { groups[$0] }
            let ei = (try? self.eiIndex(groups: g, weighting: .unweighted))
            let assortativity = (try? MixingMatrix(sets, groups: g).assortativity()) ?? .nan
            return [ei?.network ?? .nan] + (ei?.perGroup ?? labels.map { _ in .nan }) + [assortativity]
        }
        let tests = exact ? NodePermutation.exact(n: nodeCount, statistic: statistic.callAsFunction)
            : NodePermutation.test(n: nodeCount, permutations: permutations, seed: seed, statistic: statistic.callAsFunction)
        try statistic.check("the group mixing test")
        return GroupMixingTests(eiNetwork: tests[0], eiPerGroup: Array(tests[1..<(1 + labels.count)]), groupLabels: labels,
                                assortativity: tests[1 + labels.count])
    }
}
