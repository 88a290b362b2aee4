import Ecosystem
import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

/// The gap analysis and the key-player comparison read their all-source results from one
/// shared pass; these tests hold the shared results to the separate computations.
@Suite("Shared path passes in gaps and key players equal the separate computations")
struct SharedPathsTests {
    static let zoetermeer = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml")

    @Test("gaps: baseline statistics, closeness-based findings and removal effects as from the separate passes")
    func gapsShared() throws {
        let model = try ModelLoader.load(contentsOf: Self.zoetermeer)
        let report = try GapAnalyzer.analyze(model)
        let graph = EcosystemNetwork(model: model, directed: false).simpleGraph
        let stats = try graph.pathStatistics(weighting: .strength)
        let value = { (name: String) in report.baseline.first { $0.measure == name }!.value }
        #expect(value("global_efficiency").bitPattern == stats.globalEfficiency.bitPattern)
        #expect(value("fragmentation").bitPattern == stats.fragmentation.bitPattern)
        let effects = try graph.nodeRemovalEffects(weighting: .strength)
        #expect(report.removal.count == model.actors.count)
        for r in report.removal {
            let e = effects[model.actorIndex(r.actor)!]
            #expect(r.globalEfficiency.bitPattern == e.globalEfficiency.bitPattern)
            #expect(r.globalEfficiencyChange.bitPattern == (e.globalEfficiency - stats.globalEfficiency).bitPattern)
            #expect(r.components == e.componentCount)
        }
        let tables = try graph.pathTables(weighting: .strength, distances: true)
        #expect(tables.closeness == (try graph.closeness(weighting: .strength)))
        // Above maxExactActors the separate passes run: the same baseline, bit for bit.
        let separate = try GapAnalyzer.analyze(model, options: GapOptions(maxExactActors: 0))
        #expect(separate.removal.isEmpty && separate.portfolio == nil && report.portfolio != nil)
        #expect(zip(separate.baseline, report.baseline).allSatisfy { $0.measure == $1.measure && $0.value.bitPattern == $1.value.bitPattern })
        #expect(separate.baseline.count == report.baseline.count)
    }

    @Test("key players: single-actor values from the removal pass equal n separate evaluations")
    func keyPlayerSingles() throws {
        let model = try ModelLoader.load(contentsOf: Self.zoetermeer)
        var graphs = [EcosystemNetwork(model: model).simpleGraph]
        for seed in UInt64(1)...6 {
            var rng = SplitMix64(seed: seed)
            let n = 3 + rng.nextInt(below: 25)
            var edges: [(Int, Int)] = []
            for _ in 0..<(n + rng.nextInt(below: n)) { edges.append((rng.nextInt(below: n), rng.nextInt(below: n))) }
            graphs.append(try Graph(nodeCount: n, edges: edges, directed: seed % 2 == 0))
        }
        for (i, g) in graphs.enumerated() {
            let f = try KeyPlayerSets.singleValues(g, objective: .fragmentation)
            let df = try KeyPlayerSets.singleValues(g, objective: .distanceWeightedFragmentation)
            for v in 0..<g.nodeCount {
                #expect(f[v].bitPattern == g.keyPlayerValue([v], objective: .fragmentation).bitPattern, "graph \(i) node \(v)")
                #expect(abs(df[v] - g.keyPlayerValue([v], objective: .distanceWeightedFragmentation)) <= 1e-12, "graph \(i) node \(v)")
            }
            #expect(df.contains { $0 > 0 } || g.nodeCount < 4, "graph \(i): a real value to compare")
        }
    }
}
