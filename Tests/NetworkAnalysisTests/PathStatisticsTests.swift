import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Network-level path statistics, fragmentation and Freeman centralization")
struct PathStatisticsTests {
    /// Diameter and average path length follow igraph's unconn=TRUE convention (NetworkX
    /// raises on disconnected graphs); efficiency and fragmentation are computed from
    /// NetworkX's exact distances and components (see reference_paths.py).
    @Test("diameter, average path length, efficiency, fragmentation agree with igraph / NetworkX",
          arguments: PathReference.keys)
    func matchesReference(key: String) throws {
        let c = try PathReference.load(key)
        let s = try c.graph.pathStatistics(weighting: c.weighting)
        #expect(agree(s.diameter, try PathReference.number(c, "diameter"), tolerance: 1e-9), "\(key) diameter")
        #expect(agree(s.averagePathLength, try PathReference.number(c, "average_path_length"), tolerance: 1e-9),
                "\(key) average path length")
        #expect(agree(s.globalEfficiency, try PathReference.number(c, "global_efficiency"), tolerance: 1e-9),
                "\(key) efficiency")
        #expect(Double(s.reachablePairs) == (try PathReference.number(c, "reachable_pairs")), "\(key) pairs")
        #expect(agree(s.fragmentation, try PathReference.number(c, "fragmentation"), tolerance: 1e-12),
                "\(key) fragmentation")
        #expect(agree(s.distanceWeightedFragmentation,
                      try PathReference.number(c, "distance_weighted_fragmentation"), tolerance: 1e-9),
                "\(key) distance-weighted fragmentation")
    }

    @Test("Freeman centralization of betweenness and closeness agrees with the reference",
          arguments: PathReference.keys)
    func centralization(key: String) throws {
        let c = try PathReference.load(key)
        let g = c.graph, w = c.weighting
        #expect(agree(try g.betweennessCentralization(weighting: w),
                      try PathReference.number(c, "betweenness_centralization"), tolerance: 1e-9), "\(key) betweenness")
        #expect(agree(try g.closenessCentralization(weighting: w),
                      try PathReference.number(c, "closeness_centralization"), tolerance: 1e-9), "\(key) closeness")
        #expect(agree(try g.closenessCentralization(weighting: w, direction: .outgoing),
                      try PathReference.number(c, "closeness_centralization_outgoing"), tolerance: 1e-9),
                "\(key) closeness outgoing")
    }

    @Test("a star is maximally centralized; a cycle not at all")
    func starAndCycle() throws {
        let star = SmallGraphs.make(6, (1..<6).map { (0, $0) })
        #expect(abs(try star.betweennessCentralization() - 1) < 1e-12)
        #expect(abs(try star.closenessCentralization() - 1) < 1e-12)
        let cycle = SmallGraphs.make(6, (0..<6).map { ($0, ($0 + 1) % 6) })
        #expect(abs(try cycle.betweennessCentralization()) < 1e-12)
        #expect(abs(try cycle.closenessCentralization()) < 1e-12)
        #expect(try SmallGraphs.make(2, [(0, 1)]).betweennessCentralization().isNaN)
    }

    @Test("two components A–B and C–D–E: F = 1 − (2 + 6)/20, diameter 2, mean length 10/8")
    func twoComponents() throws {
        let s = try SmallGraphs.make(5, [(0, 1), (2, 3), (3, 4)]).pathStatistics()
        #expect(s.reachablePairs == 8)
        #expect(s.fragmentation == 1 - 8.0 / 20)
        #expect(s.diameter == 2)
        #expect(s.averagePathLength == 10.0 / 8)
        // Σ 1/d over ordered pairs: A–B 2, C–D 2, D–E 2, C–E 2·(1/2) = 7 of 20 pairs.
        #expect(abs(s.globalEfficiency - 7.0 / 20) < 1e-15)
        #expect(abs(s.distanceWeightedFragmentation - 13.0 / 20) < 1e-15)
    }

    @Test("empty, single-node and edgeless graphs")
    func degenerate() throws {
        let empty = try SmallGraphs.make(0, []).pathStatistics()
        #expect(empty.diameter.isNaN && empty.averagePathLength.isNaN)
        let one = try SmallGraphs.make(1, [(0, 0)]).pathStatistics()
        #expect(one.diameter == 0 && one.averagePathLength.isNaN && one.fragmentation == 0)
        let edgeless = try SmallGraphs.make(3, []).pathStatistics()
        #expect(edgeless.diameter == 0 && edgeless.fragmentation == 1 && edgeless.globalEfficiency == 0)
        #expect(edgeless.distanceWeightedFragmentation == 1)
    }
}
