import FixtureSupport
import NetworkAnalysis
import Testing

/// The incremental removal effects (dominator trees of each source's shortest-path DAG, repair
/// of the dominated subtrees) against recomputation from scratch on many seeded random graphs:
/// connected and not, weighted (generic weights, and weights 1–3 whose lengths 1, ½, ⅓ tie
/// often) and not, directed and not, with parallel edges and self-loops. Pair counts and
/// component counts must be equal; efficiencies agree to 1e-12 (the distances are the same bit
/// for bit; only the order of the sums differs).
@Suite("Incremental node removal effects equal recomputation from scratch on random graphs")
struct IncrementalRemovalTests {
    enum Weights: CaseIterable, Sendable { case none, generic, small }

    /// Every ordered pair (directed) or unordered pair `u < v` (undirected) of distinct nodes
    /// without an edge `u → v`: the candidate ties of the portfolio tests.
    static func untiedPairs(of g: Graph, directed: Bool) -> [(Int, Int)] {
        let n = g.nodeCount
        var tied = Set<Int>()
        for e in 0..<g.edgeCount { tied.insert(Int(g.edgeSources[e]) * n + Int(g.edgeTargets[e])) }
        var pairs: [(Int, Int)] = []
        for u in 0..<n {
            for v in 0..<n where u != v && (directed || u < v) && !tied.contains(u * n + v) { pairs.append((u, v)) }
        }
        return pairs
    }

    /// A random graph: `n` nodes, about `n · density` edges, a few parallel edges and loops;
    /// with `islands`, the last third of the nodes only among themselves (disconnected).
    static func randomGraph(seed: UInt64, directed: Bool, weights: Weights, islands: Bool) -> Graph {
        var rng = SplitMix64(seed: seed)
        let n = 2 + rng.nextInt(below: 30)
        let m = n + rng.nextInt(below: 2 * n)
        var edges: [(Int, Int)] = []
        var w: [Double] = []
        let cut = islands ? max(1, 2 * n / 3) : n
        for _ in 0..<m {
            var u = rng.nextInt(below: n), v = rng.nextInt(below: n)
            if islands && (u < cut) != (v < cut) { v = u < cut ? rng.nextInt(below: cut) : cut + rng.nextInt(below: n - cut) }
            if u == v && rng.nextInt(below: 4) != 0 { u = (u + 1) % n }
            edges.append((u, v))
            switch weights {
            case .none: w.append(1)
            case .generic: w.append(0.1 + 3 * rng.nextUnitDouble())
            case .small: w.append(Double(1 + rng.nextInt(below: 3)))
            }
            if rng.nextInt(below: 10) == 0 { edges.append((u, v)); w.append(w.last!) }  // a parallel edge
        }
        return try! Graph(nodeCount: n, edges: edges, weights: w, directed: directed)
    }

    struct Case: Sendable {
        let seed: UInt64
        let directed: Bool
        let weights: Weights
        let islands: Bool
    }

    static let cases: [Case] = (0..<96).map { (i: Int) -> Case in
        let weights: Weights = Weights.allCases[(i / 2) % 3]
        return Case(seed: UInt64(1000 + i), directed: i % 2 == 1, weights: weights, islands: (i / 6) % 2 == 1)
    }

    @Test("every removal of every random graph", arguments: cases.indices)
    func randomGraphs(index: Int) throws {
        let c = Self.cases[index]
        let g = Self.randomGraph(seed: c.seed, directed: c.directed, weights: c.weights, islands: c.islands)
        let weighting: EdgeWeighting = c.weights == .none ? .unweighted : (index % 4 == 0 ? .distance : .strength)
        let effects = try g.nodeRemovalEffects(weighting: weighting, threads: 1)
        for v in 0..<g.nodeCount {
            let h = PerturbationTests.removing(v, from: g)
            let s = try h.pathStatistics(weighting: weighting)
            let e = effects[v]
            #expect(e.reachablePairs == s.reachablePairs, "seed \(c.seed) without \(v): pairs")
            #expect(e.componentCount == h.connectedComponents().count, "seed \(c.seed) without \(v): components")
            #expect(agree(e.globalEfficiency, s.globalEfficiency, tolerance: 1e-12), "seed \(c.seed) without \(v): E \(e.globalEfficiency) vs \(s.globalEfficiency)")
            #expect(agree(e.fragmentation, s.fragmentation, tolerance: 1e-12), "seed \(c.seed) without \(v): F")
            #expect(agree(e.distanceWeightedFragmentation, s.distanceWeightedFragmentation, tolerance: 1e-12))
        }
    }

    @Test("a larger sparse graph, threads do not change a bit")
    func largerAndThreads() throws {
        var rng = SplitMix64(seed: 77)
        // A tree-like graph with leaves and cut points (preferential attachment, one tie each),
        // plus a few extra ties.
        let n = 300
        var edges: [(Int, Int)] = [(0, 1)]
        var ends = [0, 1]
        for v in 2..<n {
            let u = ends[rng.nextInt(below: ends.count)]
            edges.append((u, v)); ends += [u, v]
        }
        for _ in 0..<40 { edges.append((rng.nextInt(below: n), rng.nextInt(below: n))) }
        let weights = edges.map { _ in 0.5 + rng.nextUnitDouble() }
        let g = try Graph(nodeCount: n, edges: edges, weights: weights, directed: false)
        let one = try g.nodeRemovalEffects(threads: 1)
        #expect(one == (try g.nodeRemovalEffects(threads: 4)))
        for v in stride(from: 0, to: n, by: 13) {
            let s = try PerturbationTests.removing(v, from: g).pathStatistics()
            #expect(one[v].reachablePairs == s.reachablePairs)
            #expect(agree(one[v].globalEfficiency, s.globalEfficiency, tolerance: 1e-12), "without \(v)")
        }
    }

    @Test("a star without its centre has efficiency exactly 0")
    func starCentre() throws {
        let g = try Graph(nodeCount: 6, edges: (1..<6).map { (0, $0) }, directed: false)
        let e = try g.nodeRemovalEffects(weighting: .unweighted)
        #expect(e[0].globalEfficiency == 0)
        #expect(e[0].reachablePairs == 0)
        #expect(e[0].componentCount == 5)
        #expect(e[1].componentCount == 1)
        // Without a leaf: a star of 5, 8 pairs at 1 and 12 at 2 over 20 → (8 + 6) / 20.
        #expect(abs(e[1].globalEfficiency - 14.0 / 20) < 1e-15)
    }
}
