import FixtureSupport
import NetworkAnalysis
import Testing

/// The one-pass shortest-path measures against the separate functions, bit for bit, on many
/// seeded random graphs: connected and not, unweighted, generic weights and weights 1–3 (whose
/// lengths 1, ½, ⅓ tie often), strength and distance readings, directed (incoming and outgoing
/// closeness) and undirected, with parallel edges and self-loops; on 1 and 2 threads.
@Suite("One pass of single-source searches gives the separate path measures bit for bit")
struct PathMeasurePassTests {
    /// The bit patterns, so that NaN equals NaN and −0 differs from 0.
    static func bits(_ xs: [Double]?) -> [UInt64]? { xs?.map(\.bitPattern) }

    static func bits(_ s: PathStatistics?) -> [UInt64]? {
        s.map { s in
            [UInt64(s.nodeCount), UInt64(s.reachablePairs)] + [
                s.diameter, s.averagePathLength, s.globalEfficiency, s.fragmentation, s.distanceWeightedFragmentation,
            ].map(\.bitPattern)
        }
    }

    /// Every measure of the pass against its separate function.
    static func check(_ g: Graph, _ weighting: EdgeWeighting, _ direction: PathDirection, _ what: String) throws {
        let separate = (
            b: try g.brandesBetweenness(weighting: weighting, normalized: true, endpoints: false),
            raw: try g.brandesBetweenness(weighting: weighting, normalized: false, endpoints: false),
            c: try g.closeness(weighting: weighting, direction: direction),
            h: try g.harmonicCentrality(weighting: weighting, direction: direction),
            s: try g.pathStatistics(weighting: weighting))
        for threads in [1, 2] {
            let all = try g.shortestPathMeasures(.all, weighting: weighting, direction: direction, threads: threads)
            #expect(bits(all.betweenness(normalized: true)) == bits(separate.b), "\(what), \(threads) threads: betweenness")
            #expect(bits(all.betweenness(normalized: false)) == bits(separate.raw), "\(what): raw betweenness")
            #expect(bits(all.closeness) == bits(separate.c), "\(what), \(threads) threads: closeness")
            #expect(bits(all.harmonic) == bits(separate.h), "\(what), \(threads) threads: harmonic")
            #expect(bits(all.statistics) == bits(separate.s), "\(what), \(threads) threads: statistics")
        }
        // Subsets compute only what was asked, with the same values.
        let pair = try g.shortestPathMeasures([.closeness, .statistics], weighting: weighting, direction: direction)
        #expect(pair.dependencySums == nil && pair.harmonic == nil && pair.betweenness(normalized: true) == nil)
        #expect(bits(pair.closeness) == bits(separate.c) && bits(pair.statistics) == bits(separate.s), "\(what): subset")
        let harmonicOnly = try g.shortestPathMeasures(.harmonic, weighting: weighting, direction: direction)
        #expect(bits(harmonicOnly.harmonic) == bits(separate.h) && harmonicOnly.closeness == nil, "\(what): harmonic alone")
    }

    @Test("random small graphs", arguments: IncrementalRemovalTests.cases.indices)
    func randomGraphs(index: Int) throws {
        let c = IncrementalRemovalTests.cases[index]
        let g = IncrementalRemovalTests.randomGraph(seed: c.seed, directed: c.directed, weights: c.weights, islands: c.islands)
        let weighting: EdgeWeighting = c.weights == .none ? .unweighted : (index % 4 == 0 ? .distance : .strength)
        for direction in PathDirection.allCases {
            try Self.check(g, weighting, direction, "seed \(c.seed) \(c.directed ? "directed" : "undirected") \(weighting) \(direction)")
        }
    }

    /// Graphs large enough to run on both threads (the pass goes parallel above 200,000 arc visits).
    @Test("larger sparse graphs on two threads", arguments: 0..<6)
    func largerGraphs(index: Int) throws {
        var rng = SplitMix64(seed: 4242 + UInt64(index))
        let n = 400 + rng.nextInt(below: 200)
        var edges: [(Int, Int)] = []
        var w: [Double] = []
        for v in 1..<n {
            // Preferential-attachment-like: ties to earlier nodes, a quarter of nodes in an island.
            let island = v >= 3 * n / 4
            let low = island ? 3 * n / 4 : 0
            for _ in 0..<(1 + rng.nextInt(below: 2)) where v > low {
                edges.append((v, low + rng.nextInt(below: v - low)))
                w.append(index % 3 == 0 ? 0.25 + rng.nextUnitDouble() : Double(1 + rng.nextInt(below: 3)))
            }
        }
        let g = try Graph(nodeCount: n, edges: edges, weights: w, directed: index % 2 == 1)
        let weighting: EdgeWeighting = index == 4 ? .unweighted : .strength
        try Self.check(g, weighting, .incoming, "larger graph \(index)")
    }

    @Test("empty, one node, two nodes")
    func tinyGraphs() throws {
        for n in 0...2 {
            for directed in [false, true] {
                let g = try Graph(nodeCount: n, edges: n == 2 ? [(0, 1)] : [], directed: directed)
                try Self.check(g, .unweighted, .incoming, "\(n) nodes")
                try Self.check(g, .strength, .outgoing, "\(n) nodes weighted")
            }
        }
    }

    @Test("a weight without a length is refused as by the separate functions")
    func invalidWeight() {
        let g = try! Graph(nodeCount: 3, edges: [(0, 1), (1, 2)], weights: [1, 0], directed: false)
        #expect(throws: GraphError.invalidWeight(edge: 1, value: 0, reason: "path measures need a positive finite weight (or read the graph unweighted, ignoring weights)")) {
            try g.shortestPathMeasures(.all)
        }
    }

    @Test("a path of four nodes, by hand")
    func pathByHand() throws {
        // a – b – c – d: b and c each lie between 2 unordered pairs (raw 2, normalized 2/3);
        // closeness of b = 3/4 (distances 1, 1, 2); efficiency = (2·(3·1 + 2·½ + 1·⅓)) / 12.
        let g = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: false)
        let p = try g.shortestPathMeasures(.all, weighting: .unweighted)
        #expect(p.betweenness(normalized: false) == [0, 2, 2, 0])
        #expect(p.closeness?[1] == 0.75)
        #expect(p.harmonic?[0] == 1 + 0.5 + 1.0 / 3)
        #expect(agree(p.statistics!.globalEfficiency, 2 * (3 + 1 + 1.0 / 3) / 12, tolerance: 1e-15))
        #expect(p.statistics?.diameter == 3)
    }
}
