import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("CUG test conditioned on the degree sequence: degree-preserving edge swaps (Maslov & Sneppen 2002)")
struct CUGDegreeTests {
    static let arcs: [(Int, Int)] = [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (1, 4)]

    /// The edge set of a graph, for counting distinct graphs.
    static func key(_ g: Graph) -> [Int] {
        (0..<g.edgeCount).map { e in
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            return g.isDirected ? u * 100 + v : min(u, v) * 100 + max(u, v)
        }.sorted()
    }

    /// Every simple undirected graph on 6 nodes with the degree sequence of `arcs` (brute force
    /// over all 2^15 edge sets).
    static func realizations() -> [Graph] {
        let target = SmallGraphs.make(6, arcs).degrees()
        var pairs: [(Int, Int)] = []
        for u in 0..<6 { for v in (u + 1)..<6 { pairs.append((u, v)) } }
        return (0..<(1 << pairs.count)).compactMap { mask -> Graph? in
            guard mask.nonzeroBitCount == arcs.count else { return nil }
            let g = SmallGraphs.make(6, pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] })
            return g.degrees() == target ? g : nil
        }
    }

    @Test("every draw keeps each degree (in and out when directed), has no loop and no repeated tie")
    func degreesKept() throws {
        let g = SmallGraphs.random(nodes: 30, edges: 80, seed: 3, directed: false)
        let h = SmallGraphs.random(nodes: 30, edges: 80, seed: 4, directed: true)
        for graph in [g, h] {
            let simple = graph.simplified(combine: .sum, dropSelfLoops: true)
            for d in graph.degreePreservingDraws(count: 20, seed: 7) {
                #expect(d.degrees(mode: .outgoing) == simple.degrees(mode: .outgoing) && d.degrees(mode: .incoming) == simple.degrees(mode: .incoming))
                #expect(Set(Self.key(d)).count == d.edgeCount && (0..<d.edgeCount).allSatisfy { d.edgeSources[$0] != d.edgeTargets[$0] })
            }
            #expect(Self.key(graph.degreePreservingDraws(count: 2, seed: 7)[1]) != Self.key(simple))
        }
    }

    @Test("uniform over the graphs with the degree sequence: every one is drawn, and transitivity's p-values are within 3 SE of the enumerated ones")
    func uniform() throws {
        let all = Self.realizations()
        #expect(all.count == 27)   // brute force: 27 graphs on 6 nodes with degrees (2, 3, 3, 2, 3, 1)
        let g = SmallGraphs.make(6, Self.arcs)
        let draws = g.degreePreservingDraws(count: 4000, seed: 11)
        var counts: [[Int]: Int] = [:]
        for d in draws { counts[Self.key(d), default: 0] += 1 }
        #expect(counts.count == all.count)
        // Each graph 1/27 of the time: 148.1 of 4000 (sd 11.9); all within 4.5 sd.
        #expect(counts.values.allSatisfy { abs(Double($0) - 4000.0 / 27) < 4.5 * 11.9 }, "\(counts.values.sorted())")
        let t = try g.cugTest(condition: .degrees, draws: 4000, seed: 11) { $0.transitivity() }
        let observed = g.transitivity()
        let values = all.map { $0.transitivity() }
        let pge = Double(values.filter { $0 >= observed - 1e-12 }.count) / Double(all.count)
        let ple = Double(values.filter { $0 <= observed + 1e-12 }.count) / Double(all.count)
        #expect(abs(t.pGreaterOrEqual - pge) <= 3 * (pge * (1 - pge) / 4000).squareRoot(), "\(t.pGreaterOrEqual) vs \(pge)")
        #expect(abs(t.pLessOrEqual - ple) <= 3 * (ple * (1 - ple) / 4000).squareRoot(), "\(t.pLessOrEqual) vs \(ple)")
        #expect(t == (try g.cugTest(condition: .degrees, draws: 4000, seed: 11) { $0.transitivity() }))
        #expect(t.pGreaterOrEqual == 0.87875)   // seed 11 (regression)
    }

    @Test("conditioned on degrees, density and degree centralization never vary: both p-values are 1")
    func fixedIndices() throws {
        let g = SmallGraphs.random(nodes: 12, edges: 25, seed: 5, directed: false)
        for f: (Graph) -> Double in [{ $0.density() }, { (try? $0.degreeCentralization()) ?? .nan }] {
            let t = try g.cugTest(condition: .degrees, draws: 50, seed: 2, statistic: f)
            #expect(t.pGreaterOrEqual == 1 && t.pLessOrEqual == 1)
        }
    }

    @Test("a monitor sees every draw counted, and stopping it throws .stopped with the draws done")
    func monitor() throws {
        let g = SmallGraphs.make(6, Self.arcs)
        let seen = Counter()
        _ = try g.cugTest(condition: .degrees, draws: 200, seed: 1, monitor: WorkMonitor(progress: { seen.append($0, $1) })) { $0.density() }
        #expect(seen.values.last == 200 && seen.values.count == 100 && seen.totals == [200])
        #expect(throws: GraphError.stopped(algorithm: "CUG test", done: 2, total: 200)) {
            try g.cugTest(condition: .size, draws: 200, seed: 1, monitor: WorkMonitor(shouldStop: { true })) { $0.density() }
        }
    }
}
