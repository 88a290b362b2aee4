import FixtureSupport
import Foundation
import Testing
@testable import NetworkAnalysis

@Suite("PageRank")
struct PageRankTests {
    /// NetworkX `pagerank` (same power iteration) run to tol 1e-13 on every fixture, weighted
    /// and unweighted, undirected graphs as two arcs per edge, self-loops as one arc.
    @Test(arguments: SpectralReference.graphs, [false, true])
    func matchesNetworkX(graph name: String, weighted: Bool) throws {
        let g = try Fixtures.graph(name).makeGraph()
        let ours = try g.pageRank(
            weighting: SpectralReference.weighting(weighted), maxIterations: 100_000, tolerance: 1e-13)
        let reference = SpectralReference.entry(name, "pagerank_" + SpectralReference.tag(weighted))?.doubles
        #expect(mismatch(ours, reference, tolerance: 1e-9) == nil)
        #expect(abs(ours.reduce(0, +) - 1) < 1e-12)
    }

    /// Personalization {0: 1, 1: 2, 2: 3} (normalized by the method) with α = 0.7; and the
    /// same personalization with α = 0.85 and all dangling mass sent to the last node.
    @Test(arguments: SpectralReference.graphs)
    func personalizationAndDangling(graph name: String) throws {
        let g = try Fixtures.graph(name).makeGraph()
        var pers = [Double](repeating: 0, count: g.nodeCount)
        pers[0] = 1; pers[1] = 2; pers[2] = 3
        var dangling = [Double](repeating: 0, count: g.nodeCount)
        dangling[g.nodeCount - 1] = 1
        let a = try g.pageRank(damping: 0.7, personalization: pers, maxIterations: 100_000, tolerance: 1e-13)
        #expect(mismatch(a, SpectralReference.entry(name, "pagerank_personalized_alpha07")?.doubles, tolerance: 1e-9) == nil)
        let b = try g.pageRank(personalization: pers, dangling: dangling, maxIterations: 100_000, tolerance: 1e-13)
        #expect(mismatch(b, SpectralReference.entry(name, "pagerank_personalized_dangling")?.doubles, tolerance: 1e-9) == nil)
    }

    /// Two nodes, one arc 0 → 1: node 1 dangles and teleports uniformly.
    /// PR_0 = 0.15/2 + 0.85·PR_1/2, PR_1 = 0.15/2 + 0.85·(PR_0 + PR_1/2); with PR_0 + PR_1 = 1:
    /// PR_0 = 0.075 + 0.425·PR_1 → PR_1 = 0.925/1.425, PR_0 = 0.5/1.425.
    @Test func danglingByHand() throws {
        let g = try Graph(nodeCount: 2, edges: [(0, 1)], directed: true)
        let pr = try g.pageRank(maxIterations: 10_000, tolerance: 1e-15)
        #expect(abs(pr[0] - 0.5 / 1.425) < 1e-12)
        #expect(abs(pr[1] - 0.925 / 1.425) < 1e-12)
    }

    @Test func invalidOptionsThrow() throws {
        let g = try Graph(nodeCount: 2, edges: [(0, 1)], directed: true)
        #expect(throws: GraphError.self) { try g.pageRank(damping: 1) }
        #expect(throws: GraphError.self) { try g.pageRank(personalization: [0, 0]) }
        #expect(throws: GraphError.self) { try g.pageRank(personalization: [1]) }
        #expect(throws: GraphError.self) { try g.pageRank(maxIterations: 1, tolerance: 1e-15) }
    }
}
