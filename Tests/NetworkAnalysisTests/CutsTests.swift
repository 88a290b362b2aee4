import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Articulation points and bridges")
struct CutsTests {
    /// Directed fixtures are compared with NetworkX on the undirected *multigraph* (reciprocal
    /// arcs become parallel edges), loops dropped: our documented convention.
    @Test("agree with NetworkX", arguments: StructureReference.all)
    func matchNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        let cuts = g.cuts()
        expectAgree(cuts.articulationPoints, try StructureReference.numbers(ref, "articulation_points"),
                    "\(name) articulation points")
        expectAgree(cuts.bridges, try StructureReference.numbers(ref, "bridges"), "\(name) bridges")
        #expect(g.articulationPoints() == cuts.articulationPoints)
        #expect(g.bridges() == cuts.bridges)
    }

    @Test("a doubled tie is not a bridge: A=B (two edges) plus B–C")
    func doubledTie() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1), (1, 0), (1, 2)], directed: false)
        #expect(g.bridges() == [2])
        #expect(g.articulationPoints() == [1])
        // As a directed graph, the reciprocal arcs A⇄B are a doubled tie too.
        let d = try Graph(nodeCount: 3, edges: [(0, 1), (1, 0), (1, 2)], directed: true)
        #expect(d.bridges() == [2])
        #expect(d.articulationPoints() == [1])
        // With a single A–B edge both ties are bridges.
        let single = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2)], directed: false)
        #expect(single.bridges() == [0, 1])
    }

    @Test("self-loops are never bridges and never make cut vertices")
    func selfLoops() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 0), (0, 1), (1, 1), (2, 2)], directed: false)
        #expect(g.bridges() == [1])
        #expect(g.articulationPoints().isEmpty)
    }

    @Test("kite by hand: Heather (7) and Ike (8) are cut vertices")
    func kite() throws {
        let g = try Fixtures.graph("kite").makeGraph()
        #expect(g.articulationPoints() == [7, 8])
        // Ike–Jane and Heather–Ike
        let ends = g.bridges().map { Set([Int(g.edgeSources[$0]), Int(g.edgeTargets[$0])]) }
        #expect(Set(ends) == [Set([7, 8]), Set([8, 9])])
    }

    @Test("a long path does not overflow the stack (iterative DFS)")
    func longPath() throws {
        let n = 200_000
        let g = try Graph(nodeCount: n, edges: (0..<(n - 1)).map { ($0, $0 + 1) }, directed: false)
        let cuts = g.cuts()
        #expect(cuts.bridges.count == n - 1)
        #expect(cuts.articulationPoints == Array(1..<(n - 1)))
    }
}
