import FixtureSupport
import Foundation
import Testing
@testable import NetworkAnalysis

@Suite("Burt's structural holes")
struct StructuralHolesTests {
    /// NetworkX `constraint` / `effective_size` on every fixture with self-loops removed
    /// (Burt: ego is not its own contact; NetworkX would count a self-loop as one), weighted
    /// and unweighted, directed graphs with mutual weights z_ij + z_ji as NetworkX defines them.
    /// Efficiency (effective size / number of contacts) and hierarchy (Burt / UCINET formula)
    /// are computed by the script from NetworkX's `local_constraint`. Isolates are NaN (null).
    @Test(arguments: SpectralReference.graphs, [false, true])
    func matchesNetworkX(graph name: String, weighted: Bool) throws {
        let g = try Fixtures.graph(name).makeGraph()
        let reference = try #require(SpectralReference.entry(name, "holes_" + SpectralReference.tag(weighted)))
        let ours = try g.structuralHoles(weighting: SpectralReference.weighting(weighted))
        #expect(mismatch(ours.constraint, reference["constraint"]?.doubles, tolerance: 1e-9) == nil)
        #expect(mismatch(ours.effectiveSize, reference["effective_size"]?.doubles, tolerance: 1e-9) == nil)
        #expect(mismatch(ours.efficiency, reference["efficiency"]?.doubles, tolerance: 1e-9) == nil)
        #expect(mismatch(ours.hierarchy, reference["hierarchy"]?.doubles, tolerance: 1e-9) == nil)
    }

    /// The fixtures do contain isolates (random_undirected: nodes 37–39) and self-loop-only
    /// nodes (small_directed: I, J): the reference must have NaNs there, or the NaN path is untested.
    @Test func fixturesExerciseNaN() throws {
        let c = try #require(SpectralReference.entry("random_undirected", "holes_weighted")?["constraint"]?.doubles)
        #expect(c[37].isNaN && c[38].isNaN && c[39].isNaN)
        let g = try Fixtures.graph("small_directed").makeGraph()
        let ours = try g.structuralHoles()
        #expect(ours.constraint[8].isNaN && ours.effectiveSize[8].isNaN)  // I: only a self-loop
    }

    /// Triangle A, B, C: p = 1/2 for both contacts; c_AB = (1/2 + 1/2·1/2)² = 9/16, so
    /// C = 2·9/16 = 1.125; every contact is tied to the other: ES = 2 − 2·(1/2) = 1.
    /// Both contacts constrain equally: hierarchy 0; efficiency 1/2.
    @Test func triangle() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)], directed: false)
        let h = try g.structuralHoles()
        for v in 0..<3 {
            #expect(abs(h.constraint[v] - 1.125) < 1e-12)
            #expect(abs(h.effectiveSize[v] - 1) < 1e-12)
            #expect(abs(h.efficiency[v] - 0.5) < 1e-12)
            #expect(abs(h.hierarchy[v]) < 1e-12)
        }
    }

    /// Star A–B, A–C, A–D plus isolated E: A's contacts share no ties, ES(A) = 3, efficiency 1,
    /// constraint 3·(1/3)² = 1/3, hierarchy 0. A leaf has one contact: ES 1, constraint 1,
    /// hierarchy NaN (N = 1). E has no contacts: everything NaN, not 0.
    @Test func starWithIsolate() throws {
        let g = try Graph(nodeCount: 5, edges: [(0, 1), (0, 2), (0, 3)], directed: false)
        let h = try g.structuralHoles()
        #expect(h.effectiveSize[0] == 3)
        #expect(h.efficiency[0] == 1)
        #expect(abs(h.constraint[0] - 1.0 / 3) < 1e-12)
        #expect(abs(h.hierarchy[0]) < 1e-12)
        #expect(h.effectiveSize[1] == 1 && h.constraint[1] == 1 && h.hierarchy[1].isNaN)
        #expect(h.effectiveSize[4].isNaN && h.efficiency[4].isNaN && h.constraint[4].isNaN && h.hierarchy[4].isNaN)
    }

    /// Borgatti (1997, Connections 20(1):35–38): for unweighted undirected data Burt's effective
    /// size reduces to n − 2t/n (n contacts, t ties among them). Ego 0 with contacts 1..4 and
    /// alter ties 1–2, 3–4 (t = 2): 4 − 4/4 = 3, efficiency 3/4. Alter 5 tied to 1 only (outside
    /// ego's network) does not change ego's value in Borgatti's ego-network formula; Burt's
    /// whole-network m_jq uses 1's strongest tie, still 1 for binary data.
    @Test func borgattiEgoNetwork() throws {
        let g = try Graph(
            nodeCount: 6, edges: [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (3, 4), (1, 5)], directed: false)
        let h = try g.structuralHoles(weighting: .unweighted)
        #expect(abs(h.effectiveSize[0] - 3) < 1e-12)
        #expect(abs(h.efficiency[0] - 0.75) < 1e-12)
    }

    /// Hierarchy with unequal constraint, by hand: A–B strength 3, A–C strength 1, no B–C tie.
    /// p_AB = 3/4, p_AC = 1/4, no indirect paths: c_AB = 9/16, c_AC = 1/16, C = 10/16, C/N = 5/16,
    /// r = (9/5, 1/5): H = (1.8 ln 1.8 + 0.2 ln 0.2)/(2 ln 2) ≈ 0.531.
    @Test func hierarchyByHand() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1), (0, 2)], weights: [3, 1], directed: false)
        let h = try g.structuralHoles()
        let expected = (1.8 * log(1.8) + 0.2 * log(0.2)) / (2 * log(2.0))
        #expect(abs(h.hierarchy[0] - expected) < 1e-12)
        #expect(abs(h.constraint[0] - 10.0 / 16) < 1e-12)
    }

    /// Directed ties count in either direction: 0 → 1 and 2 → 0 make 1 and 2 contacts of 0.
    /// Reciprocal arcs 0 ⇄ 1 give mutual weight 2 against 1 for 0–2: p = (2/3, 1/3).
    @Test func directedMutualWeights() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1), (1, 0), (2, 0)], directed: true)
        let h = try g.structuralHoles()
        #expect(abs(h.constraint[0] - (4.0 / 9 + 1.0 / 9)) < 1e-12)
        #expect(h.effectiveSize[0] == 2)
    }
}
