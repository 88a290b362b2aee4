import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Single-source shortest paths (BFS, Dijkstra with tolerant ties)")
struct ShortestPathsTests {
    @Test("rounding ties: S–T–U–V (1/2 + 1/3 + 1/6) and S–V (1) are both shortest, σ_SV = 2")
    func roundingTies() throws {
        let g = try Fixtures.graph("rounding_ties").makeGraph()  // S T U V W
        let search = try ShortestPathSearch(graph: g, weighting: .strength)
        try search.run(from: 0)
        #expect(search.pathCount(to: 3) == 2)
        #expect(search.pathCount(to: 4) == 2)  // S..V–W inherits both
        #expect(search.pathCount(to: 2) == 1)  // S–T–U only
        #expect(abs(search.distance(to: 3) - 1) < 1e-15)
        #expect(abs(search.distance(to: 2) - 5.0 / 6) < 1e-15)
        // Unweighted, S–V is the only shortest path.
        let hops = try ShortestPathSearch(graph: g, weighting: .unweighted)
        try hops.run(from: 0)
        #expect(hops.pathCount(to: 3) == 1)
        #expect(hops.distances == [0, 1, 2, 1, 2])
    }

    @Test("unreachable nodes get +∞ and σ = 0; directions follow arcs forwards or backwards")
    func directions() throws {
        // 0 → 1 → 2, 3 isolated
        let g = SmallGraphs.make(4, [(0, 1), (1, 2)], directed: true)
        #expect(try g.shortestPathLengths(from: 0, weighting: .unweighted) == [0, 1, 2, .infinity])
        #expect(try g.shortestPathLengths(from: 2, weighting: .unweighted, direction: .incoming)
                == [2, 1, 0, .infinity])
        #expect(try g.shortestPathLengths(from: 2, weighting: .unweighted) == [.infinity, .infinity, 0, .infinity])
        let search = try ShortestPathSearch(graph: g, weighting: .unweighted)
        try search.run(from: 0)
        #expect(search.pathCounts == [1, 1, 1, 0])
        #expect(search.settledNodes == [0, 1, 2])
        #expect(search.reachedCount == 3)
    }

    @Test("weighted lengths: Dijkstra picks the lighter detour; .distance uses weights as lengths")
    func dijkstra() throws {
        // 0–1 (strength 1, length 1), 0–2 (strength 4), 2–1 (strength 4): detour length 0.5
        let g = SmallGraphs.make(3, [(0, 1), (0, 2), (2, 1)], weights: [1, 4, 4])
        #expect(try g.shortestPathLengths(from: 0, weighting: .strength) == [0, 0.5, 0.25])
        #expect(try g.shortestPathLengths(from: 0, weighting: .distance) == [0, 1, 4])
        #expect(try g.shortestPathLengths(from: 0, weighting: .unweighted) == [0, 1, 1])
    }

    @Test("parallel edges are distinct shortest paths; self-loops never are")
    func multigraph() throws {
        // 0 = 1 (two edges) – 2, and a self-loop at 1
        let g = SmallGraphs.make(3, [(0, 1), (0, 1), (1, 2), (1, 1)])
        for weighting in [EdgeWeighting.unweighted, .strength] {
            let search = try ShortestPathSearch(graph: g, weighting: weighting)
            try search.run(from: 0)
            #expect(search.pathCounts == [1, 2, 2], "\(weighting)")
            #expect(search.distances == [0, 1, 2], "\(weighting)")
        }
    }

    @Test("a reused search gives the same results as a fresh one", arguments: PathReference.keys)
    func reuse(key: String) throws {
        let c = try PathReference.load(key)
        let g = c.graph
        let reused = try ShortestPathSearch(graph: g, weighting: c.weighting)
        for s in stride(from: g.nodeCount - 1, through: 0, by: -1) {
            try reused.run(from: s)
            let fresh = try ShortestPathSearch(graph: g, weighting: c.weighting)
            try fresh.run(from: s)
            #expect(reused.distances == fresh.distances)
            #expect(reused.pathCounts == fresh.pathCounts)
        }
    }

    @Test("harmonic centrality from single-source distances matches the NetworkX reference",
          arguments: PathReference.keys)
    func distancesAgreeWithReference(key: String) throws {
        let c = try PathReference.load(key)
        let n = c.graph.nodeCount
        var incoming = [Double](repeating: 0, count: n)
        let search = try ShortestPathSearch(graph: c.graph, weighting: c.weighting)
        for s in 0..<n {
            try search.run(from: s)
            for v in 0..<n where v != s { incoming[v] += 1 / search.distance(to: v) }
        }
        PathReference.expectClose(incoming, try PathReference.numbers(c, "harmonic_incoming"), "\(key) harmonic")
    }

    @Test("bad input: non-positive weights and out-of-range sources throw")
    func errors() throws {
        let g = SmallGraphs.make(2, [(0, 1)], weights: [0])
        #expect(throws: GraphError.self) { try g.shortestPathLengths(from: 0, weighting: .strength) }
        #expect(throws: GraphError.self) { try g.betweenness(weighting: .distance) }
        let ok = SmallGraphs.make(2, [(0, 1)])
        #expect(throws: GraphError.self) { try ok.shortestPathLengths(from: 2) }
        #expect(try g.shortestPathLengths(from: 0, weighting: .unweighted) == [0, 1])
    }
}
