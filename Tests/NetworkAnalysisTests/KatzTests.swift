import FixtureSupport
import Foundation
import Testing
@testable import NetworkAnalysis

@Suite("Katz centrality")
struct KatzTests {
    /// NetworkX `katz_centrality` (tol 1e-13; cross-checked in the script against the linear
    /// solve (I − αAᵀ)x = 1) with α = 0.5/λmax rounded to 4 digits, as stored in the file.
    @Test(arguments: SpectralReference.graphs, [false, true])
    func matchesNetworkX(graph name: String, weighted: Bool) throws {
        let g = try Fixtures.graph(name).makeGraph()
        let entry = try #require(SpectralReference.entry(name, "katz_" + SpectralReference.tag(weighted)))
        let alpha = try #require(entry["alpha"]?.double)
        let ours = try g.katzCentrality(
            alpha: alpha, weighting: SpectralReference.weighting(weighted), maxIterations: 100_000, tolerance: 1e-13)
        #expect(mismatch(ours, entry["values"]?.doubles, tolerance: 1e-9) == nil)
        // α just above 1/λmax (λmax from numpy, stored) must be refused.
        let lambda = try #require(entry["lambda_max"]?.double)
        #expect(throws: GraphError.self) {
            try g.katzCentrality(alpha: 1.001 / lambda, weighting: SpectralReference.weighting(weighted))
        }
    }

    /// Undirected 5-cycle: λmax = 2, so 1/λmax = 0.5. α = 0.6 and α = 0.5 are refused;
    /// α = 0.4 converges to the uniform vector 1/√5 (the cycle is regular).
    @Test func fiveCycle() throws {
        let g = try Graph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)], directed: false)
        for alpha in [0.6, 0.5] {
            do {
                _ = try g.katzCentrality(alpha: alpha)
                Issue.record("α = \(alpha) should be refused")
            } catch {
                guard case .undefined = error else { Issue.record("wrong error \(error)"); continue }
            }
        }
        let x = try g.katzCentrality(alpha: 0.4, tolerance: 1e-14)
        for v in 0..<5 { #expect(abs(x[v] - 1 / 5.0.squareRoot()) < 1e-10) }
    }

    /// Acyclic path 0 → 1 → 2 has λmax = 0, so any α works. Unnormalized with α = 10, β = 1:
    /// x_0 = 1, x_1 = 1 + 10·1 = 11, x_2 = 1 + 10·11 = 111.
    @Test func acyclicAnyAlpha() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2)], directed: true)
        let x = try g.katzCentrality(alpha: 10, normalized: false)
        #expect(x == [1, 11, 111])
    }

    /// β per node: star centre 0 with leaves 1, 2 (undirected), α = 0.25, β = (0, 1, 1):
    /// x_1 = x_2 = 1 + 0.25·x_0, x_0 = 0.25·(x_1 + x_2) → x_0 = 0.5 + 0.125·x_0 → x_0 = 4/7,
    /// x_1 = x_2 = 1 + 1/7 = 8/7.
    @Test func betaPerNodeByHand() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1), (0, 2)], directed: false)
        let x = try g.katzCentrality(alpha: 0.25, betaPerNode: [0, 1, 1], normalized: false, tolerance: 1e-15)
        #expect(abs(x[0] - 4.0 / 7) < 1e-12)
        #expect(abs(x[1] - 8.0 / 7) < 1e-12 && abs(x[2] - 8.0 / 7) < 1e-12)
    }
}
