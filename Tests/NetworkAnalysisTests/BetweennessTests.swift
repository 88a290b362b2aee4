import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Betweenness (Brandes 2001): nodes, endpoints variant, edges")
struct BetweennessTests {
    /// NetworkX (exact Fraction lengths) on simple graphs; igraph on the graphs with parallel
    /// edges, whose convention (each parallel edge a distinct path) we follow. See
    /// reference_paths.py.
    @Test("node and edge betweenness agree with NetworkX / igraph", arguments: PathReference.keys)
    func matchesReference(key: String) throws {
        let c = try PathReference.load(key)
        let g = c.graph, w = c.weighting
        PathReference.expectClose(try g.betweenness(weighting: w),
                                  try PathReference.numbers(c, "betweenness"), "\(key) normalized")
        PathReference.expectClose(try g.betweenness(weighting: w, normalized: false),
                                  try PathReference.numbers(c, "betweenness_raw"), "\(key) raw")
        PathReference.expectClose(try g.betweenness(weighting: w, endpoints: true),
                                  try PathReference.numbers(c, "betweenness_endpoints"), "\(key) endpoints")
        PathReference.expectClose(try g.betweenness(weighting: w, normalized: false, endpoints: true),
                                  try PathReference.numbers(c, "betweenness_endpoints_raw"), "\(key) endpoints raw")
        PathReference.expectClose(try g.edgeBetweenness(weighting: w),
                                  try PathReference.numbers(c, "edge_betweenness"), "\(key) edge normalized")
        PathReference.expectClose(try g.edgeBetweenness(weighting: w, normalized: false),
                                  try PathReference.numbers(c, "edge_betweenness_raw"), "\(key) edge raw")
    }

    @Test("path A–B–C: normalized betweenness of B is 1; a self-loop on B changes nothing")
    func pathAndSelfLoop() throws {
        let path = SmallGraphs.make(3, [(0, 1), (1, 2)])
        #expect(try path.betweenness() == [0, 1, 0])
        #expect(try path.betweenness(normalized: false) == [0, 1, 0])
        let looped = SmallGraphs.make(3, [(0, 1), (1, 1), (1, 2)])
        #expect(try looped.betweenness() == [0, 1, 0])
        #expect(try looped.betweenness(weighting: .strength, endpoints: true) == path.betweenness(endpoints: true))
        // Edge values: A–B and B–C carry 2 pairs each, the loop none; normalized by 2/(n(n−1)).
        #expect(try looped.edgeBetweenness(normalized: false) == [2, 0, 2])
        #expect(try looped.edgeBetweenness() == [2.0 / 3, 0, 2.0 / 3])
        let directed = SmallGraphs.make(3, [(0, 1), (1, 1), (1, 2)], directed: true)
        #expect(try directed.betweenness() == [0, 0.5, 0])  // 1 ordered pair of (n−1)(n−2) = 2
    }

    @Test("rounding ties: with 1/w lengths both S–V paths count (T and U get half of S–V and S–W)")
    func roundingTies() throws {
        let g = try Fixtures.graph("rounding_ties").makeGraph()  // S T U V W
        let raw = try g.betweenness(weighting: .strength, normalized: false)
        PathReference.expectClose(raw, [0, 2, 3, 3, 0], tolerance: 1e-12, "rounding_ties raw")
        #expect(try g.betweenness(weighting: .unweighted, normalized: false) == [1, 0.5, 1, 3.5, 0])
    }

    @Test("parallel edges are distinct shortest paths (igraph 0.11.8 values)")
    func parallelEdges() throws {
        // 0 = 1 (two edges), 1–2, 0–3, 3–2: two of the three 1…3 / 0…2 paths use the double edge.
        let g = SmallGraphs.make(4, [(0, 1), (0, 1), (1, 2), (0, 3), (3, 2)])
        // python-igraph 0.11.8: Graph([(0,1),(0,1),(1,2),(0,3),(3,2)]).betweenness()
        PathReference.expectClose(try g.betweenness(weighting: .unweighted, normalized: false),
                                  [2.0 / 3, 2.0 / 3, 1.0 / 3, 1.0 / 3], tolerance: 1e-12, "nodes")
        // ... .edge_betweenness()
        PathReference.expectClose(try g.edgeBetweenness(weighting: .unweighted, normalized: false),
                                  [7.0 / 6, 7.0 / 6, 2, 2, 5.0 / 3], tolerance: 1e-12, "edges")
    }

    @Test("tiny graphs: no nodes, one node, two nodes")
    func tiny() throws {
        #expect(try SmallGraphs.make(0, []).betweenness() == [])
        #expect(try SmallGraphs.make(1, [(0, 0)]).betweenness() == [0])
        #expect(try SmallGraphs.make(1, [(0, 0)]).edgeBetweenness() == [0])
        #expect(try SmallGraphs.make(2, [(0, 1)]).betweenness() == [0, 0])
        #expect(try SmallGraphs.make(2, [(0, 1)]).betweenness(endpoints: true) == [1, 1])
        #expect(try SmallGraphs.make(2, [(0, 1)]).edgeBetweenness() == [1])
    }

    @Test("results are bit-identical for 1, 2, 3 threads and the default", arguments: [false, true])
    func threadIndependence(directed: Bool) throws {
        let g = SmallGraphs.random(nodes: 250, edges: 1000, seed: directed ? 7 : 8, directed: directed)
        for w in [EdgeWeighting.unweighted, .strength] {
            let one = try g.betweenness(weighting: w, threads: 1)
            let edgesOne = try g.edgeBetweenness(weighting: w, threads: 1)
            #expect(one.contains { $0 > 0 })
            for t in [2, 3, nil] as [Int?] {
                #expect(try g.betweenness(weighting: w, threads: t) == one, "threads \(String(describing: t))")
                #expect(try g.edgeBetweenness(weighting: w, threads: t) == edgesOne)
            }
        }
    }

    @Test("edge betweenness sums to the total path length over pairs (unweighted identity)")
    func edgeSumIdentity() throws {
        // Σ_e c_B(e) = Σ_{pairs} d(s,t) for unweighted graphs; Σ_v c_B(v) = Σ (d(s,t) − 1).
        let c = try PathReference.load("karate|undirected|none")
        let g = c.graph
        let stats = try g.pathStatistics(weighting: .unweighted)
        let totalLength = stats.averagePathLength * Double(stats.reachablePairs) / 2
        let edgeSum = try g.edgeBetweenness(weighting: .unweighted, normalized: false).reduce(0, +)
        let nodeSum = try g.betweenness(weighting: .unweighted, normalized: false).reduce(0, +)
        #expect(abs(edgeSum - totalLength) < 1e-9)
        #expect(abs(nodeSum - (totalLength - Double(stats.reachablePairs) / 2)) < 1e-9)
    }
}
