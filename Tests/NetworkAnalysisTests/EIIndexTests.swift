import Testing
@testable import NetworkAnalysis

@Suite("Krackhardt–Stern E-I index")
struct EIIndexTests {
    /// Nodes 0..6, groups [0, 0, 1, 1, 2, 2, 7]. Edges 0–1 (internal, group 0), 1–2 (external),
    /// 2–3 (internal, group 1), 3–4 (external), 0–4 (external), loop 2–2 (ignored).
    /// Node 5 (group 2) and node 6 (group 7) are isolated.
    /// - network: E = 3, I = 2 → (3 − 2)/5 = 0.2.
    /// - group 0 {0,1}: I = 1, E = 2 (1–2, 0–4) → 1/3; group 1 {2,3}: I = 1, E = 2 → 1/3;
    ///   group 2 {4,5}: I = 0, E = 2 → 1; group 7 {6}: no ties → NaN.
    /// - nodes: 0: E 1 (0–4), I 1 → 0; 1: E 1, I 1 → 0; 2: 0; 3: 0; 4: E 2 → 1; 5, 6: NaN.
    @Test func handExample() throws {
        let g = try Graph(
            nodeCount: 7, edges: [(0, 1), (1, 2), (2, 3), (3, 4), (0, 4), (2, 2)],
            weights: [2, 1, 3, 1, 2, 5], directed: false)
        let groups = [0, 0, 1, 1, 2, 2, 7]
        let r = try g.eiIndex(groups: groups)
        #expect(r.externalTies == 3 && r.internalTies == 2)
        #expect(abs(r.network - 0.2) < 1e-15)
        #expect(r.groupLabels == [0, 1, 2, 7])
        #expect(abs(r.perGroup[0] - 1.0 / 3) < 1e-15 && abs(r.perGroup[1] - 1.0 / 3) < 1e-15)
        #expect(r.perGroup[2] == 1 && r.perGroup[3].isNaN)
        #expect(Array(r.perNode[0..<5]) == [0, 0, 0, 0, 1])
        #expect(r.perNode[5].isNaN && r.perNode[6].isNaN)

        // Weighted: E = 1 + 1 + 2 = 4, I = 2 + 3 = 5 → −1/9. Node 4: E = 1 + 2, I = 0 → 1;
        // node 0: E 2 (0–4), I 2 (0–1) → 0; node 2: E 1, I 3 → −1/2.
        let w = try g.eiIndex(groups: groups, weighting: .strength)
        #expect(abs(w.network + 1.0 / 9) < 1e-15)
        #expect(w.perNode[4] == 1 && w.perNode[0] == 0 && w.perNode[2] == -0.5)
    }

    /// Directed arcs count for both ends, reciprocal arcs twice: 0 → 1, 1 → 0 inside group 0,
    /// 1 → 2 across: E = 1, I = 2 → −1/3; node 1: E 1, I 2 → −1/3; node 2: E 1 → 1.
    @Test func directed() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1), (1, 0), (1, 2)], directed: true)
        let r = try g.eiIndex(groups: [0, 0, 1])
        #expect(abs(r.network + 1.0 / 3) < 1e-15)
        #expect(abs(r.perNode[1] + 1.0 / 3) < 1e-15)
        #expect(r.perNode[2] == 1 && r.perNode[0] == -1)
    }

    @Test func noTiesIsNaN() throws {
        let g = try Graph(nodeCount: 2, edges: [], directed: false)
        let r = try g.eiIndex(groups: [0, 1])
        #expect(r.network.isNaN && r.perGroup.allSatisfy(\.isNaN) && r.perNode.allSatisfy(\.isNaN))
        #expect(throws: GraphError.self) { try g.eiIndex(groups: [0]) }
    }
}
