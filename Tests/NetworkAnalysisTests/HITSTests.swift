import FixtureSupport
import Foundation
import Testing
@testable import NetworkAnalysis

@Suite("HITS hubs and authorities")
struct HITSTests {
    /// NetworkX `hits` (ARPACK SVD, tol 1e-13, cross-checked with its numpy eigen-solver);
    /// `null` in the file where the leading singular value is not simple (rounding_ties is an
    /// undirected bipartite graph, so hubs may sit on either side): we must throw there.
    @Test(arguments: SpectralReference.graphs, [false, true])
    func matchesNetworkX(graph name: String, weighted: Bool) throws {
        let g = try Fixtures.graph(name).makeGraph()
        let reference = SpectralReference.entry(name, "hits_" + SpectralReference.tag(weighted))
        if SpectralReference.isNull(reference) {
            #expect(throws: GraphError.self) { try g.hits(weighting: SpectralReference.weighting(weighted)) }
            return
        }
        let ours = try g.hits(weighting: SpectralReference.weighting(weighted), maxIterations: 1_000_000, tolerance: 1e-14)
        #expect(mismatch(ours.hubs, reference?["hubs"]?.doubles, tolerance: 1e-9) == nil)
        #expect(mismatch(ours.authorities, reference?["authorities"]?.doubles, tolerance: 1e-9) == nil)
    }

    /// 0 → 1, 0 → 2, 3 → 1: AᵀA on {1, 2}: [[2, 1], [1, 1]], σ² = (3 + √5)/2, authority
    /// ∝ (1, (√5 − 1)/2) = (1, 1/φ); hubs h = A a ∝ (1 + 1/φ, 0, 0, 1) = (φ, 0, 0, 1).
    @Test func smallDirectedByHand() throws {
        let g = try Graph(nodeCount: 4, edges: [(0, 1), (0, 2), (3, 1)], directed: true)
        let s = try g.hits(tolerance: 1e-15)
        let phi = (1 + 5.0.squareRoot()) / 2
        let a1 = 1 / (1 + 1 / phi)
        #expect(abs(s.authorities[1] - a1) < 1e-12)
        #expect(abs(s.authorities[2] - (1 - a1)) < 1e-12)
        #expect(s.authorities[0] == 0 && s.authorities[3] == 0)
        #expect(abs(s.hubs[0] - phi / (phi + 1)) < 1e-12)
        #expect(abs(s.hubs[3] - 1 / (phi + 1)) < 1e-12)
    }

    @Test func noEdgesAndBipartiteAreUndefined() throws {
        let empty = try Graph(nodeCount: 3, edges: [], directed: true)
        #expect(throws: GraphError.self) { try empty.hits() }
        // Undirected star: centre and leaves can both be "the hubs".
        let star = try Graph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)], directed: false)
        #expect(throws: GraphError.self) { try star.hits() }
    }

    /// A connected graph of one tie: A·Aᵀ = I, so hub scores are not unique; the reason must
    /// not speak of separate parts of the graph (issue 16).
    @Test func singleTieSaysScoresAreNotUniqueNotSeparateParts() throws {
        let pair = try Graph(nodeCount: 2, edges: [(0, 1)], directed: false)
        do {
            _ = try pair.hits()
            Issue.record("HITS of a single tie has an answer")
        } catch {
            guard case let .undefined(_, reason) = error else { Issue.record("\(error)"); return }
            #expect(!reason.contains("separate parts"))
            #expect(reason.contains("not unique"))
            #expect(reason.contains("2 groups"))
        }
    }
}
