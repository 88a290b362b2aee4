import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Graph.simplified")
struct SimplifyTests {
    // 0–1 three times (weights 1, 4, 2; tags 7, 8, 9), loop at 2 twice, 1–2 once.
    static func multigraph(directed: Bool) throws -> Graph {
        try Graph(
            nodeCount: 3, edges: [(0, 1), (2, 2), (1, 0), (1, 2), (0, 1), (2, 2)],
            weights: [1, 5, 4, 3, 2, 6], tags: [7, 1, 8, 2, 9, 3], directed: directed)
    }

    @Test("undirected: parallel edges merged, loops dropped by default")
    func undirectedDefault() throws {
        let s = try Self.multigraph(directed: false).simplification()
        #expect(s.graph.edgeCount == 2)
        #expect(s.graph.edgeSources == [0, 1] && s.graph.edgeTargets == [1, 2])
        #expect(s.graph.weights == [7, 3])  // 1 + 4 + 2
        #expect(s.graph.tags == [7, 2])     // tag of the first edge of each group
        #expect(s.edgeMap == [0, -1, 0, 1, 0, -1])
        #expect(s.graph.isSimple)
        #expect(!(try Self.multigraph(directed: false)).isSimple)
    }

    @Test("combine max / first, keeping loops (merged)")
    func combineAndLoops() throws {
        let g = try Self.multigraph(directed: false)
        let mx = g.simplification(combine: .max, dropSelfLoops: false)
        #expect(mx.graph.weights == [4, 6, 3])  // groups in order of first id: {0,2,4}, {1,5}, {3}
        #expect(mx.edgeMap == [0, 1, 0, 2, 0, 1])
        #expect(g.simplified(combine: .first, dropSelfLoops: false).weights == [1, 5, 3])
        #expect(g.simplified(combine: .sum, dropSelfLoops: false).weights == [7, 11, 3])
    }

    @Test("directed: reciprocal arcs stay apart unless mergeReciprocal")
    func directed() throws {
        let g = try Self.multigraph(directed: true)
        let s = g.simplification()
        #expect(s.graph.isDirected)
        // 0→1 (ids 0, 4), 1→0 (id 2), 1→2 (id 3)
        #expect(s.graph.edgeSources == [0, 1, 1] && s.graph.edgeTargets == [1, 0, 2])
        #expect(s.graph.weights == [3, 4, 3])
        #expect(s.edgeMap == [0, -1, 1, 2, 0, -1])
        let merged = g.simplification(mergeReciprocal: true)
        #expect(!merged.graph.isDirected)
        #expect(merged.graph.weights == [7, 3])
        #expect(merged.edgeMap == [0, -1, 0, 1, 0, -1])
    }

    @Test("a simple graph comes back unchanged", arguments: ["karate", "florentine", "random_sparse", "small_directed"])
    func simpleUnchanged(name: String) throws {
        let g = try Fixtures.graph(name).makeGraph()
        let hasLoops = (0..<g.edgeCount).contains { g.edgeSources[$0] == g.edgeTargets[$0] }
        #expect(g.simplified(dropSelfLoops: false) == g)
        #expect(g.isSimple == !hasLoops)
    }
}
