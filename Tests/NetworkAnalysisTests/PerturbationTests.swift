import FixtureSupport
import NetworkAnalysis
import Testing

/// Removal and tie-addition effects are computed incrementally (from the all-pairs matrix);
/// these tests recompute every case from scratch — remove the node and renumber, or add the
/// edge, then ``Graph/pathStatistics(weighting:threads:)`` (itself checked against NetworkX
/// and igraph in PathStatisticsTests) — and require agreement to 1e-9.
@Suite("Node removal and tie addition effects agree with recomputation from scratch")
struct PerturbationTests {
    static let cases: [(String, EdgeWeighting)] = [
        ("karate", .strength), ("karate", .unweighted), ("florentine", .unweighted), ("kite", .unweighted),
        ("rounding_ties", .strength), ("random_sparse", .strength), ("random_sparse", .distance),
        ("random_undirected", .strength), ("small_directed", .unweighted), ("random_directed", .strength),
    ]

    /// The graph with node `v` and its edges gone, the other nodes renumbered.
    static func removing(_ v: Int, from g: Graph) -> Graph {
        var edges: [(Int, Int)] = []
        var weights: [Double] = []
        for e in 0..<g.edgeCount {
            let s = Int(g.edgeSources[e]), t = Int(g.edgeTargets[e])
            guard s != v && t != v else { continue }
            edges.append((s > v ? s - 1 : s, t > v ? t - 1 : t)); weights.append(g.weights[e])
        }
        return try! Graph(nodeCount: g.nodeCount - 1, edges: edges, weights: weights, directed: g.isDirected)
    }

    static func adding(_ u: Int, _ v: Int, weight: Double, to g: Graph) -> Graph {
        var edges = (0..<g.edgeCount).map { (Int(g.edgeSources[$0]), Int(g.edgeTargets[$0])) }
        edges.append((u, v))
        return try! Graph(nodeCount: g.nodeCount, edges: edges, weights: g.weights + [weight], directed: g.isDirected)
    }

    @Test("removal effects equal brute-force recomputation", arguments: cases.indices)
    func removal(index: Int) throws {
        let (name, weighting) = Self.cases[index]
        let g = try Fixtures.graph(name).makeGraph()
        let effects = try g.nodeRemovalEffects(weighting: weighting)
        #expect(effects.count == g.nodeCount)
        for v in 0..<g.nodeCount {
            let h = Self.removing(v, from: g)
            let s = try h.pathStatistics(weighting: weighting)
            let e = effects[v]
            #expect(e.node == v)
            #expect(e.reachablePairs == s.reachablePairs, "\(name) without \(v): pairs")
            #expect(agree(e.fragmentation, s.fragmentation, tolerance: 1e-12), "\(name) without \(v): F")
            #expect(agree(e.globalEfficiency, s.globalEfficiency, tolerance: 1e-9), "\(name) without \(v): E")
            #expect(agree(e.distanceWeightedFragmentation, s.distanceWeightedFragmentation, tolerance: 1e-9), "\(name) without \(v): DF")
            #expect(e.componentCount == h.connectedComponents().count, "\(name) without \(v): components")
        }
    }

    @Test("removal effects do not depend on the number of threads")
    func removalThreads() throws {
        let g = try Fixtures.graph("karate").makeGraph()
        #expect(try g.nodeRemovalEffects(threads: 1) == g.nodeRemovalEffects(threads: 4))
    }

    @Test("tie addition effects equal brute-force recomputation", arguments: cases.indices)
    func addition(index: Int) throws {
        let (name, weighting) = Self.cases[index]
        let g = try Fixtures.graph(name).makeGraph()
        let n = g.nodeCount
        var pairs: [(Int, Int)] = []
        // Every ordered pair on small graphs; a fixed stride through them on larger ones.
        let stride = n <= 20 ? 1 : 7
        var k = 0
        for u in 0..<n { for v in 0..<n where u != v { if k % stride == 0 { pairs.append((u, v)) }; k += 1 } }
        let matrix = try g.distanceMatrix(weighting: weighting)
        for weight in [1.0, 2.5] {
            let effects = try g.edgeAdditionEffects(for: pairs, weight: weight, distances: matrix)
            for (i, (u, v)) in pairs.enumerated() {
                let s = try Self.adding(u, v, weight: weight, to: g).pathStatistics(weighting: weighting)
                let e = effects[i]
                #expect(e.u == u && e.v == v)
                #expect(e.reachablePairs == s.reachablePairs, "\(name) + \(u)–\(v): pairs")
                #expect(agree(e.fragmentation, s.fragmentation, tolerance: 1e-12), "\(name) + \(u)–\(v): F")
                #expect(agree(e.globalEfficiency, s.globalEfficiency, tolerance: 1e-9), "\(name) + \(u)–\(v): E")
                #expect(agree(e.distanceWeightedFragmentation, s.distanceWeightedFragmentation, tolerance: 1e-9))
            }
        }
    }

    @Test("the distance matrix holds the single-source distances")
    func matrix() throws {
        for name in ["karate", "random_sparse", "random_directed"] {
            let g = try Fixtures.graph(name).makeGraph()
            let m = try g.distanceMatrix(weighting: .strength)
            for a in 0..<g.nodeCount {
                let row = try g.shortestPathLengths(from: a, weighting: .strength)
                for b in 0..<g.nodeCount { #expect(m[a, b] == row[b] || (m[a, b].isInfinite && row[b].isInfinite)) }
            }
        }
    }

    @Test("a path 0–1–2–3: removing an inner node cuts it, adding 0–3 closes the ring")
    func handMade() throws {
        let path = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: false)
        let removal = try path.nodeRemovalEffects(weighting: .unweighted)
        // Without node 1: nodes 0 | 2–3, 2 of 6 ordered pairs reachable.
        #expect(removal[1].componentCount == 2)
        #expect(removal[1].reachablePairs == 2)
        #expect(abs(removal[1].fragmentation - 4.0 / 6) < 1e-15)
        #expect(abs(removal[1].globalEfficiency - 2.0 / 6) < 1e-15)
        // Without an end: a path of 3, efficiency (4·1 + 2·½) / 6.
        #expect(abs(removal[0].globalEfficiency - 5.0 / 6) < 1e-15)
        let m = try path.distanceMatrix(weighting: .unweighted)
        let added = try path.edgeAdditionEffects(for: [(0, 3)], distances: m)[0]
        // A 4-cycle: 8 pairs at distance 1, 4 at distance 2 → (8 + 2) / 12.
        #expect(abs(added.globalEfficiency - 10.0 / 12) < 1e-15)
        #expect(added.fragmentation == 0)
    }

    @Test("bad pairs and weights are refused")
    func refused() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1)], directed: false)
        #expect(throws: GraphError.self) { try g.edgeAdditionEffects(for: [(0, 0)]) }
        #expect(throws: GraphError.self) { try g.edgeAdditionEffects(for: [(0, 3)]) }
        #expect(throws: GraphError.self) { try g.edgeAdditionEffects(for: [(0, 2)], weight: 0) }
    }
}
