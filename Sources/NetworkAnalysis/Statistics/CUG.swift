/// What a conditional uniform graph (CUG) test keeps fixed.
public enum CUGCondition: String, Sendable, CaseIterable {
    /// The number of nodes: every graph on `n` nodes equally likely (each possible tie present
    /// with probability 1/2).
    case size
    /// The number of nodes and of ties: every graph with `n` nodes and `m` ties equally likely
    /// (Erdős–Rényi `G(n, m)`).
    case edges
    /// The degree sequence (in- and out-degrees when directed): graphs drawn by degree-preserving
    /// edge swaps (see ``Graph/degreePreservingDraws(count:seed:burnIn:thinning:)``).
    case degrees
}

extension Graph {
    /// A conditional uniform graph test: is the observed statistic unusual among the graphs of
    /// the same size (and number of ties, or degree sequence) drawn uniformly at random? (R sna's
    /// `cug.test`, `cmode = "size"` or `"edges"`; `.degrees` by edge swaps.)
    ///
    /// The simple graph is used (self-loops and parallel edges left out); random graphs have the
    /// same direction and no loops. Draws: `SplitMix64(seed:)`; for `.edges`, `m` distinct pairs
    /// by a partial Fisher–Yates shuffle of all pairs; for `.degrees`, the states of one edge-swap
    /// chain (``degreePreservingDraws(count:seed:burnIn:thinning:)``). p-values as ``PermutationTest`` (shares of
    /// draws at least / at most the observed value, no +1); NaN statistics of a draw are left out.
    ///
    /// - Parameters:
    ///   - condition: what is kept fixed.
    ///   - draws: random graphs, at least 1.
    ///   - seed: their seed.
    ///   - statistic: the statistic of a graph (e.g. density, transitivity, a centralization).
    ///   - monitor: progress (draws done) and stopping.
    /// - Returns: the test (``PermutationTest/permutations`` = draws).
    /// - Throws: ``GraphError/stopped(algorithm:done:total:)`` when the monitor stops it.
    /// - Complexity: `draws · (O(n²) + cost of statistic)`.
    ///
    /// Reference: B. S. Anderson, C. Butts & K. Carley (1999), "The interaction of size and
    /// density with graph-level indices", Social Networks 21(3):239–267,
    /// doi:10.1016/S0378-8733(99)00011-8; C. T. Butts (2008), "Social network analysis with sna",
    /// J. Stat. Softw. 24(6), doi:10.18637/jss.v024.i06.
    public func cugTest(
        condition: CUGCondition, draws: Int, seed: UInt64, monitor: WorkMonitor = .none, statistic: (Graph) -> Double
    ) throws(GraphError) -> PermutationTest {
        let n = nodeCount
        let simple = simplified(combine: .sum, dropSelfLoops: true)
        var pairs: [(Int, Int)] = []
        for u in 0..<n { for v in 0..<n where u != v && (isDirected || u < v) { pairs.append((u, v)) } }
        let m = min(simple.edgeCount, pairs.count)
        var rng = SplitMix64(seed: seed)
        let directed = isDirected
        var chain = condition == .degrees ? EdgeSwapChain(simple, seed: seed) : nil
        chain?.step(100 * simple.edgeCount)
        var stoppedAt: Int?
        let test = NodePermutation.summarize(observed: [statistic(simple)], permutations: draws, seed: seed) { record in
            for d in 0..<draws {
                if d > 0 && monitor.checkpoint(d, of: draws) { stoppedAt = d; return }
                var edges: [(Int, Int)] = []
                switch condition {
                case .degrees:
                    if d > 0 { chain!.step(10 * simple.edgeCount) }
                    edges = chain!.edges
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
            _ = monitor.checkpoint(draws, of: draws)
        }[0]
        if let stoppedAt { throw .stopped(algorithm: "CUG test", done: stoppedAt, total: draws) }
        return test
    }

    /// Random graphs with this graph's degree sequence (in- and out-degrees when directed), by
    /// degree-preserving edge swaps: the states of one chain started at the simple graph.
    ///
    /// A swap picks two distinct ties `(a, b)` and `(c, d)` uniformly (for undirected graphs the
    /// second one's ends in random order) and rewires them to `(a, d)` and `(c, b)`, unless that
    /// makes a self-loop or a tie that already exists (then the chain stays where it is). Every
    /// degree is kept. The proposal is symmetric, so the chain's stationary distribution is
    /// uniform over the simple graphs it can reach — for undirected graphs all the graphs with
    /// this degree sequence; for directed ones swaps cannot reverse a directed triangle, so some
    /// graphs may be out of reach (Rao, Jana & Bandyopadhyay 1996). The first draw comes after
    /// `burnIn` attempted swaps, each next one after `thinning` more. Draws: `SplitMix64(seed:)`.
    ///
    /// - Parameters:
    ///   - count: number of graphs.
    ///   - seed: the chain's seed.
    ///   - burnIn: attempted swaps before the first graph (default `100 m`).
    ///   - thinning: attempted swaps between graphs (default `10 m`).
    /// - Returns: the graphs (no weights, no loops, same direction).
    /// - Complexity: `O((burnIn + count · thinning) + count · m)` expected.
    ///
    /// Reference: S. Maslov & K. Sneppen (2002), "Specificity and stability in topology of
    /// protein networks", Science 296(5569):910–913, doi:10.1126/science.1065103; R. Milo,
    /// N. Kashtan, S. Itzkovitz, M. E. J. Newman & U. Alon (2003), "On the uniform generation of
    /// random graphs with prescribed degree sequences", arXiv:cond-mat/0312028; A. R. Rao,
    /// R. Jana & S. Bandyopadhyay (1996), "A Markov chain Monte Carlo method for generating
    /// random (0, 1)-matrices with given marginals", Sankhyā A 58(2):225–242.
    public func degreePreservingDraws(count: Int, seed: UInt64, burnIn: Int? = nil, thinning: Int? = nil) -> [Graph] {
        let simple = simplified(combine: .sum, dropSelfLoops: true)
        var chain = EdgeSwapChain(simple, seed: seed)
        chain.step(burnIn ?? 100 * simple.edgeCount)
        return (0..<count).map { d in
            if d > 0 { chain.step(thinning ?? 10 * simple.edgeCount) }
            return try! Graph(nodeCount: nodeCount, edges: chain.edges, directed: isDirected)
        }
    }
}

/// The state of a degree-preserving edge-swap chain (``Graph/degreePreservingDraws(count:seed:burnIn:thinning:)``).
struct EdgeSwapChain {
    private(set) var edges: [(Int, Int)]
    private var present: Set<Int>
    private let n: Int
    private let directed: Bool
    private var rng: SplitMix64

    init(_ simple: Graph, seed: UInt64) {
        n = simple.nodeCount
        directed = simple.isDirected
        rng = SplitMix64(seed: seed)
        edges = (0..<simple.edgeCount).map { (Int(simple.edgeSources[$0]), Int(simple.edgeTargets[$0])) }
        present = []
        for (u, v) in edges { present.insert(key(u, v)) }
    }

    private func key(_ u: Int, _ v: Int) -> Int { directed || u < v ? u * n + v : v * n + u }

    /// `attempts` proposed swaps.
    mutating func step(_ attempts: Int) {
        let m = edges.count
        guard m >= 2 else { return }
        for _ in 0..<attempts {
            let i = rng.nextInt(below: m)
            var j = rng.nextInt(below: m - 1)
            if j >= i { j += 1 }
            let (a, b) = edges[i]
            var (c, d) = edges[j]
            if !directed && rng.next() & 1 == 1 { (c, d) = (d, c) }
            guard a != d, c != b, !present.contains(key(a, d)), !present.contains(key(c, b)) else { continue }
            present.remove(key(a, b)); present.remove(key(c, d))
            present.insert(key(a, d)); present.insert(key(c, b))
            edges[i] = (a, d); edges[j] = (c, b)
        }
    }
}
