import FixtureSupport
import Testing
@testable import NetworkAnalysis

/// The sweep's incremental efficiency curves (decremental shortest paths: only the targets
/// that lost every shortest path are searched again) against recomputation from scratch at
/// every point (``RemovalSweep/efficiency(graph:removal:order:removed:weighting:threads:)``:
/// breadth-first searches on the masked graph, or Dijkstra on the graph with the removed
/// edges filtered out), on the seeded random graphs of ``IncrementalRemovalTests`` (2–31
/// nodes, directed and not, unweighted, generic weights and weights 1–3 whose lengths tie
/// often, connected and split into islands, parallel edges and self-loops), for node and edge
/// removal, targeted and random orders, every step and a few coarse points (a third of the
/// items at once: the rows are searched afresh there; single removals mostly repair them).
/// Efficiencies agree to 1e-12; the largest components have the sizes a component search of
/// what is left finds.
@Suite("Incremental sweep curves equal recomputation from scratch")
struct DecrementalSweepTests {
    /// The size of the largest component after removing `order.prefix(k)`, by the graph's own
    /// component search on what is left (removed nodes are not counted).
    static func largest(_ g: Graph, _ removal: RemovalSweep.Target, _ order: [Int], _ k: Int) -> Int {
        var keep = [Bool](repeating: true, count: g.edgeCount)
        var alive = [Bool](repeating: true, count: g.nodeCount)
        switch removal {
        case .nodes:
            for v in order.prefix(k) { alive[v] = false }
            for e in 0..<g.edgeCount where !alive[Int(g.edgeSources[e])] || !alive[Int(g.edgeTargets[e])] { keep[e] = false }
        case .edges:
            for e in order.prefix(k) { keep[e] = false }
        }
        let comps = g.filteringEdges(keep).connectedComponents()
        var size = [Int](repeating: 0, count: comps.count)
        for v in 0..<g.nodeCount where alive[v] { size[comps.membership[v]] += 1 }
        return size.max() ?? 0
    }

    @Test("every random graph, nodes and edges, targeted and random orders", arguments: IncrementalRemovalTests.cases.indices)
    func randomGraphs(index: Int) throws {
        let c = IncrementalRemovalTests.cases[index]
        let g = IncrementalRemovalTests.randomGraph(seed: c.seed, directed: c.directed, weights: c.weights, islands: c.islands)
        let weighting: EdgeWeighting = c.weights == .none ? .unweighted : (index % 4 == 0 ? .distance : .strength)
        for removal in RemovalSweep.Target.allCases {
            let count = removal == .nodes ? g.nodeCount : g.edgeCount
            let degrees = g.degrees().map(Double.init)
            let targeted = RemovalSweep.targetedOrder(scores: removal == .nodes ? degrees : g.weights)
            let orders = [targeted] + RemovalSweep.randomOrders(count: count, runs: 2, seed: c.seed)
            for points in [count + 1, 4] {
                let curves = try RemovalSweep.run(graph: g, removal: removal, orders: orders, points: points, weighting: weighting, threads: 1, incremental: true)
                for (r, order) in orders.enumerated() {
                    for (p, k) in curves.removed.enumerated() {
                        let scratch = try RemovalSweep.efficiency(graph: g, removal: removal, order: order, removed: k, weighting: weighting)
                        #expect(agree(curves.efficiencyRuns[r][p], scratch, tolerance: 1e-12),
                                "seed \(c.seed) \(removal) run \(r) k \(k): \(curves.efficiencyRuns[r][p]) vs \(scratch)")
                        #expect((curves.shareRuns[r][p] * Double(g.nodeCount)).rounded() == Double(Self.largest(g, removal, order, k)),
                                "seed \(c.seed) \(removal) run \(r) k \(k): share")
                    }
                }
            }
        }
    }

    /// A preferential-attachment graph with two ties per new node and strengths 1–3 (the shape
    /// of the benchmark's ecosystem models), 300 nodes.
    static func attachmentGraph(nodes n: Int, seed: UInt64) -> Graph {
        var rng = SplitMix64(seed: seed)
        var edges: [(Int, Int)] = [(0, 1), (1, 2), (0, 2)]
        var ends = [0, 1, 1, 2, 0, 2]
        for v in 3..<n {
            var picked: [Int] = []
            while picked.count < 2 {
                let u = ends[rng.nextInt(below: ends.count)]
                if !picked.contains(u) { picked.append(u) }
            }
            for u in picked { edges.append((u, v)); ends += [u, v] }
        }
        let weights = edges.map { _ in Double(1 + rng.nextInt(below: 3)) }
        return try! Graph(nodeCount: n, edges: edges, weights: weights, directed: false)
    }

    @Test("300 nodes, weighted and not: 1 and 2 threads give the same curves, equal to recomputation")
    func largerGraphAndThreads() throws {
        let g = Self.attachmentGraph(nodes: 300, seed: 5)
        let betweenness = try g.betweenness(weighting: .strength)
        let orders = [RemovalSweep.targetedOrder(scores: betweenness)] + RemovalSweep.randomOrders(count: g.nodeCount, runs: 1, seed: 9)
        for weighting in [EdgeWeighting.strength, .unweighted] {
            let one = try RemovalSweep.run(graph: g, removal: .nodes, orders: orders, points: 16, weighting: weighting, threads: 1, incremental: true)
            let two = try RemovalSweep.run(graph: g, removal: .nodes, orders: orders, points: 16, weighting: weighting, threads: 2, incremental: true)
            #expect(one == two)
            for (r, order) in orders.enumerated() {
                for (p, k) in one.removed.enumerated() {
                    let scratch = try RemovalSweep.efficiency(graph: g, removal: .nodes, order: order, removed: k, weighting: weighting)
                    #expect(agree(one.efficiencyRuns[r][p], scratch, tolerance: 1e-12), "\(weighting) run \(r) k \(k)")
                }
            }
            #expect(one.efficiencyRuns[0][0] > one.efficiencyRuns[0][3])
        }
        // Fewer than decrementalMinimumPoints points: the default is the all-pairs search per
        // point, which agrees with the incremental path.
        let plain = try RemovalSweep.run(graph: g, removal: .nodes, orders: orders, points: 16, weighting: .strength, threads: 2, incremental: false)
        let chosen = try RemovalSweep.run(graph: g, removal: .nodes, orders: orders, points: 16, weighting: .strength, threads: 2)
        let kept = try RemovalSweep.run(graph: g, removal: .nodes, orders: orders, points: 16, weighting: .strength, threads: 2, incremental: true)
        #expect(chosen == plain && RemovalSweep.decrementalMinimumPoints > 16)
        for (a, b) in zip(plain.efficiencyRuns.joined(), kept.efficiencyRuns.joined()) { #expect(agree(a, b, tolerance: 1e-12)) }
        #expect(plain.shareRuns == kept.shareRuns)
        let edges = RemovalSweep.randomOrders(count: g.edgeCount, runs: 1, seed: 3)
        let ties = try RemovalSweep.run(graph: g, removal: .edges, orders: edges, points: 11, weighting: .strength, threads: 2, incremental: true)
        for (p, k) in ties.removed.enumerated() {
            let scratch = try RemovalSweep.efficiency(graph: g, removal: .edges, order: edges[0], removed: k, weighting: .strength)
            #expect(agree(ties.efficiencyRuns[0][p], scratch, tolerance: 1e-12), "edges k \(k)")
        }
    }

    @Test("progress counts every evaluation once, in order, and a stop request stops the sweep")
    func progressAndStop() throws {
        let g = Self.attachmentGraph(nodes: 120, seed: 2)
        let orders = RemovalSweep.randomOrders(count: g.nodeCount, runs: 3, seed: 1)
        nonisolated(unsafe) var calls: [Int] = []
        _ = try RemovalSweep.run(graph: g, removal: .nodes, orders: orders, points: 11, weighting: .strength,
                                 progress: { done, total in calls.append(done); #expect(total == 33) })
        #expect(calls == Array(1...33))
        #expect(throws: GraphError.self) {
            try RemovalSweep.run(graph: g, removal: .nodes, orders: orders, points: 11, weighting: .strength, shouldStop: { true })
        }
    }
}
