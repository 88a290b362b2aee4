import FixtureSupport
import Foundation
import Testing
@testable import NetworkAnalysis

/// Reference: Tests/Fixtures/reference_sweep.py (NetworkX, brute force per step: components
/// and efficiency recomputed on the remaining graph after every removal).
@Suite("Removal sweeps")
struct RemovalSweepTests {
    static let graphs = ["karate", "florentine", "random_sparse", "random_undirected"]

    func simple(_ name: String) throws -> Graph {
        try Fixtures.graph(name).makeGraph().simplification(combine: .sum, dropSelfLoops: true).graph
    }

    @Test(arguments: graphs)
    func targetedActorRemovalMatchesNetworkX(_ name: String) throws {
        let graph = try simple(name)
        let ref = try #require(try Fixtures.reference("reference/sweep.json")[name]?["actors"])
        let order = RemovalSweep.targetedOrder(scores: graph.degrees().map(Double.init))
        #expect(order.map(Double.init) == ref["order"]?.doubles)
        let lcc = RemovalSweep.largestComponentCurve(graph: graph, removal: .nodes, order: order)
        #expect(firstDisagreement(lcc, try #require(ref["lcc"]?.doubles), tolerance: 1e-12) == nil)
        let curves = try RemovalSweep.run(graph: graph, removal: .nodes, orders: [order], points: graph.nodeCount + 1, weighting: .unweighted)
        #expect(curves.removed == Array(0...graph.nodeCount))
        #expect(firstDisagreement(curves.efficiency, try #require(ref["eff"]?.doubles), tolerance: 1e-9) == nil)
        let weighted = try RemovalSweep.run(graph: graph, removal: .nodes, orders: [order], points: graph.nodeCount + 1, weighting: .strength)
        #expect(firstDisagreement(weighted.efficiency, try #require(ref["eff_strength"]?.doubles), tolerance: 1e-9) == nil)
        #expect(weighted.share == lcc)
    }

    @Test(arguments: graphs)
    func relationRemovalMatchesNetworkX(_ name: String) throws {
        let graph = try simple(name)
        let ref = try #require(try Fixtures.reference("reference/sweep.json")[name]?["relations"])
        guard case let .array(pairs) = try #require(ref["order"]) else { Issue.record("no order"); return }
        var edgeOf: [Int: Int] = [:]
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
            edgeOf[min(a, b) * graph.nodeCount + max(a, b)] = e
        }
        let order = try pairs.map { p -> Int in
            let uv = try #require(p.doubles).map(Int.init)
            return try #require(edgeOf[uv[0] * graph.nodeCount + uv[1]])
        }
        let curves = try RemovalSweep.run(graph: graph, removal: .edges, orders: [order], points: graph.edgeCount + 1, weighting: .unweighted)
        #expect(firstDisagreement(curves.share, try #require(ref["lcc"]?.doubles), tolerance: 1e-12) == nil)
        #expect(firstDisagreement(curves.efficiency, try #require(ref["eff"]?.doubles), tolerance: 1e-9) == nil)
    }

    @Test func randomSweepsReproduceWithTheSeedAndNotWithout() throws {
        let graph = try simple("karate")
        let a = RemovalSweep.randomOrders(count: graph.nodeCount, runs: 5, seed: 42)
        #expect(a == RemovalSweep.randomOrders(count: graph.nodeCount, runs: 5, seed: 42))
        #expect(a != RemovalSweep.randomOrders(count: graph.nodeCount, runs: 5, seed: 43))
        #expect(a.allSatisfy { $0.sorted() == Array(0..<graph.nodeCount) })
        #expect(Set(a).count == 5)
        let one = try RemovalSweep.run(graph: graph, removal: .nodes, orders: a, points: 12, weighting: .strength, threads: 1)
        let two = try RemovalSweep.run(graph: graph, removal: .nodes, orders: a, points: 12, weighting: .strength, threads: 2)
        #expect(one == two)
        for p in one.removed.indices {
            #expect(one.shareRange.min[p] <= one.share[p] && one.share[p] <= one.shareRange.max[p])
        }
        #expect(one.share.first == 1 && one.share.last == 0)
    }

    @Test func targetedOrderPutsNaNLastAndBreaksTiesByIndex() {
        #expect(RemovalSweep.targetedOrder(scores: [1, .nan, 3, 3, 0]) == [2, 3, 0, 4, 1])
    }

    @Test func checkpointsSpreadEvenlyAndIncludeBothEnds() {
        #expect(RemovalSweep.checkpoints(total: 10, points: 3) == [0, 5, 10])
        #expect(RemovalSweep.checkpoints(total: 10, points: 4) == [0, 3, 6, 10])
        #expect(RemovalSweep.checkpoints(total: 3, points: 101) == [0, 1, 2, 3])
        #expect(RemovalSweep.checkpoints(total: 0, points: 5) == [0])
    }

    @Test func areaUnderTheCurve() {
        let c = SweepCurves(removed: [0, 1, 2], total: 2, shareRuns: [[1, 0.5, 0]], efficiencyRuns: [[1, 1, 1]])
        #expect(c.shareArea == 0.5)
        #expect(c.efficiencyArea == 1)
        #expect(c.fractionRemoved == [0, 0.5, 1])
    }
}

@Suite("Sweep summaries")
struct SweepSummaryTests {
    @Test("the mean of equal runs is that value, never an ulp outside the runs' range")
    func meanWithinRange() {
        // (x + x + x) / 3 rounds to one ulp below x for this x, so an unclamped mean of three
        // equal runs would fall below their minimum.
        let x = 0.9560342718892494
        #expect((x + x + x) / 3 < x)
        let runs = [[x, 1], [x, 1], [x, 1]]
        let mean = SweepCurves.mean(runs)
        #expect(mean == [x, 1])
        let (lo, hi) = SweepCurves.range([[0.2, 1], [0.4, 3]])
        #expect(lo == [0.2, 1] && hi == [0.4, 3])
        #expect(SweepCurves.mean([[0.2, 1], [0.4, 3]]) == [0.30000000000000004, 2])
    }
}
