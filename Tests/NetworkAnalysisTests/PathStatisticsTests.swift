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

    @Test("closeness centralization: the 6-node in-star scores 1 (not 2.25); directed maximum n − 1")
    func directedClosenessMaximum() throws {
        let inStar = SmallGraphs.make(6, (1..<6).map { ($0, 0) }, directed: true)
        #expect(abs(try inStar.closenessCentralization(direction: .incoming) - 1) < 1e-12)
        let outStar = SmallGraphs.make(6, (1..<6).map { (0, $0) }, directed: true)
        #expect(abs(try outStar.closenessCentralization(direction: .outgoing) - 1) < 1e-12)
        // Read the other way, the out-star's centre is reached by nobody (0) and each leaf by the
        // centre alone ((1/5) · (1/1) = 0.2): Σ (0.2 − c) = 0.2, over n − 1 = 5.
        #expect(abs(try outStar.closenessCentralization(direction: .incoming) - 0.2 / 5) < 1e-12)
    }

    @Test("closeness centralization is at most 1 over every graph on 5 nodes and every digraph on 4, and reaches 1")
    func closenessMaximumByEnumeration() throws {
        func largest(_ n: Int, directed: Bool) throws -> Double {
            var pairs: [(Int, Int)] = []
            for u in 0..<n { for v in 0..<n where u != v && (directed || u < v) { pairs.append((u, v)) } }
            var top = -Double.infinity
            for mask in 0..<(1 << pairs.count) {
                let edges = pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] }
                let g = SmallGraphs.make(n, edges, directed: directed)
                for direction in directed ? [PathDirection.incoming, .outgoing] : [.incoming] {
                    top = max(top, try g.closenessCentralization(weighting: .unweighted, direction: direction))
                }
            }
            return top
        }
        #expect(abs(try largest(5, directed: false) - 1) < 1e-12)
        #expect(abs(try largest(4, directed: true) - 1) < 1e-12)
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
