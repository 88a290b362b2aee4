/// What a conditional uniform graph (CUG) test keeps fixed.
public enum CUGCondition: String, Sendable, CaseIterable {
    /// The number of nodes: every graph on `n` nodes equally likely (each possible tie present
    /// with probability 1/2).
    case size
    /// The number of nodes and of ties: every graph with `n` nodes and `m` ties equally likely
    /// (Erdős–Rényi `G(n, m)`).
    case edges
}

extension Graph {
    /// A conditional uniform graph test: is the observed statistic unusual among the graphs of
    /// the same size (and number of ties) drawn uniformly at random? (R sna's `cug.test`,
    /// `cmode = "size"` or `"edges"`.)
    ///
    /// The simple graph is used (self-loops and parallel edges left out); random graphs have the
    /// same direction and no loops. Draws: `SplitMix64(seed:)`; for `.edges`, `m` distinct pairs
    /// by a partial Fisher–Yates shuffle of all pairs. p-values as ``PermutationTest`` (shares of
    /// draws at least / at most the observed value, no +1); NaN statistics of a draw are left out.
    ///
    /// - Parameters:
    ///   - condition: what is kept fixed.
    ///   - draws: random graphs, at least 1.
    ///   - seed: their seed.
    ///   - statistic: the statistic of a graph (e.g. density, transitivity, a centralization).
    /// - Returns: the test (``PermutationTest/permutations`` = draws).
    /// - Complexity: `draws · (O(n²) + cost of statistic)`.
    ///
    /// Reference: B. S. Anderson, C. Butts & K. Carley (1999), "The interaction of size and
    /// density with graph-level indices", Social Networks 21(3):239–267,
    /// doi:10.1016/S0378-8733(99)00011-8; C. T. Butts (2008), "Social network analysis with sna",
    /// J. Stat. Softw. 24(6), doi:10.18637/jss.v024.i06.
    public func cugTest(condition: CUGCondition, draws: Int, seed: UInt64, statistic: (Graph) -> Double) -> PermutationTest {
        let n = nodeCount
        let simple = simplified(combine: .sum, dropSelfLoops: true)
        var pairs: [(Int, Int)] = []
        for u in 0..<n { for v in 0..<n where u != v && (isDirected || u < v) { pairs.append((u, v)) } }
        let m = min(simple.edgeCount, pairs.count)
        var rng = SplitMix64(seed: seed)
        let directed = isDirected
        return NodePermutation.summarize(observed: [statistic(simple)], permutations: draws, seed: seed) { record in
            for _ in 0..<draws {
                var edges: [(Int, Int)] = []
                switch condition {
                case .size:
                    for p in pairs where rng.next() & 1 == 1 { edges.append(p) }
                case .edges:
                    var pool = pairs
                    for i in 0..<m {
                        let j = i + rng.nextInt(below: pool.count - i)
                        pool.swapAt(i, j)
                        edges.append(pool[i])
                    }
                }
                record([statistic(try! Graph(nodeCount: n, edges: edges, directed: directed))])
            }
        }[0]
    }
}
