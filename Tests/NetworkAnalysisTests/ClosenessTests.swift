import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Closeness (Wasserman–Faust) and harmonic centrality")
struct ClosenessTests {
    @Test("closeness (wf_improved) and harmonic agree with NetworkX in both directions",
          arguments: PathReference.keys)
    func matchesNetworkX(key: String) throws {
        let c = try PathReference.load(key)
        let g = c.graph, w = c.weighting
        // NetworkX's closeness_centrality / harmonic_centrality use incoming distances on
        // digraphs; "outgoing" is NetworkX on G.reverse().
        PathReference.expectClose(try g.closeness(weighting: w),
                                  try PathReference.numbers(c, "closeness_incoming"), "\(key) closeness")
        PathReference.expectClose(try g.closeness(weighting: w, direction: .outgoing),
                                  try PathReference.numbers(c, "closeness_outgoing"), "\(key) closeness out")
        PathReference.expectClose(try g.harmonicCentrality(weighting: w),
                                  try PathReference.numbers(c, "harmonic_incoming"), "\(key) harmonic")
        PathReference.expectClose(try g.harmonicCentrality(weighting: w, direction: .outgoing),
                                  try PathReference.numbers(c, "harmonic_outgoing"), "\(key) harmonic out")
    }

    @Test("two components A–B and C–D–E: WF closeness of D is 0.5, of A 0.25")
    func twoComponents() throws {
        let g = SmallGraphs.make(5, [(0, 1), (2, 3), (3, 4)])  // A B C D E
        let c = try g.closeness()
        // D: r = 3, Σd = 2 → (2/2)·(2/4); A: r = 2, Σd = 1 → (1/1)·(1/4); C: (2/3)·(2/4)
        #expect(c == [0.25, 0.25, 1.0 / 3, 0.5, 1.0 / 3])
        #expect(try g.harmonicCentrality() == [1, 1, 1.5, 2, 1.5])
    }

    @Test("isolated nodes and nodes with only a self-loop get 0; directions differ on digraphs")
    func edgeCases() throws {
        let g = SmallGraphs.make(4, [(0, 1), (2, 2)], directed: true)  // A → B, C loop, D isolated
        #expect(try g.closeness() == [0, 1.0 / 3, 0, 0])  // B is reached from A: (1/1)·(1/3)
        #expect(try g.closeness(direction: .outgoing) == [1.0 / 3, 0, 0, 0])
        #expect(try g.harmonicCentrality() == [0, 1, 0, 0])
        #expect(try g.harmonicCentrality(direction: .outgoing) == [1, 0, 0, 0])
        #expect(try SmallGraphs.make(1, []).closeness() == [0])
        #expect(try SmallGraphs.make(0, []).closeness() == [])
    }

    @Test("weighted closeness uses lengths 1/w by default")
    func weighted() throws {
        let g = SmallGraphs.make(3, [(0, 1), (1, 2)], weights: [2, 4])  // lengths 0.5, 0.25
        let c = try g.closeness()
        #expect(abs(c[1] - 2 / 0.75) < 1e-12)
        #expect(abs(c[0] - 2 / 1.25) < 1e-12)
        #expect(try g.closeness(weighting: .unweighted) == [2.0 / 3, 1, 2.0 / 3])
    }
}
