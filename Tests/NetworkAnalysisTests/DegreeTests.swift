import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Degree, strength, density, reciprocity, centralization")
struct DegreeTests {
    @Test("degree, strength and degree centrality agree with NetworkX", arguments: StructureReference.all)
    func degreesMatchNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        expectAgree(g.degrees(), try StructureReference.numbers(ref, "degree"), "\(name) degree")
        expectAgree(g.strengths(), try StructureReference.numbers(ref, "strength"), "\(name) strength")
        expectAgree(g.degreeCentrality(), try StructureReference.numbers(ref, "degree_centrality"),
                    "\(name) degree_centrality")
        if g.isDirected {
            expectAgree(g.degrees(mode: .incoming), try StructureReference.numbers(ref, "in_degree"), "\(name) in_degree")
            expectAgree(g.degrees(mode: .outgoing), try StructureReference.numbers(ref, "out_degree"), "\(name) out_degree")
            expectAgree(g.strengths(mode: .incoming), try StructureReference.numbers(ref, "in_strength"), "\(name) in_strength")
            expectAgree(g.strengths(mode: .outgoing), try StructureReference.numbers(ref, "out_strength"), "\(name) out_strength")
            expectAgree(g.degreeCentrality(mode: .incoming),
                        try StructureReference.numbers(ref, "in_degree_centrality"), "\(name) in_degree_centrality")
            expectAgree(g.degreeCentrality(mode: .outgoing),
                        try StructureReference.numbers(ref, "out_degree_centrality"), "\(name) out_degree_centrality")
        }
    }

    @Test("density agrees with NetworkX (self-loops count as edges)", arguments: StructureReference.all)
    func densityMatchesNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        #expect(agree(g.density(), try StructureReference.number(ref, "density"), tolerance: 1e-12))
    }

    @Test("Freeman degree centralization agrees with the formula on NetworkX degrees", arguments: StructureReference.all)
    func centralization(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        #expect(agree(try g.degreeCentralization(), try StructureReference.number(ref, "degree_centralization"), tolerance: 1e-12))
        if g.isDirected {
            #expect(agree(try g.degreeCentralization(mode: .incoming),
                          try StructureReference.number(ref, "in_degree_centralization"), tolerance: 1e-12))
            #expect(agree(try g.degreeCentralization(mode: .outgoing),
                          try StructureReference.number(ref, "out_degree_centralization"), tolerance: 1e-12))
        }
    }

    /// NetworkX's overall_reciprocity keeps self-loops in the denominator; igraph's default
    /// (ignore_loops) does not. random_directed and small_directed both have loops, so the two
    /// references differ and the test shows which one we follow (NetworkX).
    @Test("reciprocity follows NetworkX, not igraph's ignore_loops", arguments: StructureReference.directed)
    func reciprocityMatchesNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        let ours = try g.reciprocity()
        #expect(agree(ours, try StructureReference.number(ref, "reciprocity"), tolerance: 1e-12))
        #expect(!agree(ours, try StructureReference.number(ref, "igraph_reciprocity_ignore_loops"), tolerance: 1e-6))
    }

    @Test("hand-made cases: loops, parallel arcs, stars, empty graphs")
    func handMade() throws {
        // Undirected: a self-loop counts twice in degree and strength.
        let u = try Graph(nodeCount: 3, edges: [(0, 1), (1, 1), (1, 2)], weights: [2, 5, 1], directed: false)
        #expect(u.degrees() == [1, 4, 1])
        #expect(u.strengths() == [2, 13, 1])  // 2 + 5 + 5 + 1
        #expect(u.strengths(weighting: .unweighted) == [1, 4, 1])
        // Directed: a loop is one in and one out; parallel arcs count each.
        let d = try Graph(nodeCount: 3, edges: [(0, 1), (0, 1), (1, 0), (2, 2)], directed: true)
        #expect(d.degrees(mode: .outgoing) == [2, 1, 1])
        #expect(d.degrees(mode: .incoming) == [1, 2, 1])
        #expect(d.degrees() == [3, 3, 2])
        // Distinct arcs {0→1, 1→0, 2→2}: two reciprocated of three.
        #expect(try d.reciprocity() == 2.0 / 3.0)
        #expect(throws: GraphError.self) { try Graph(nodeCount: 2, edges: [], directed: true).reciprocity() }
        #expect(try u.reciprocity() == 1)
        // Stars are maximally centralized; cycles not at all.
        let star = try Graph(nodeCount: 5, edges: [(0, 1), (0, 2), (0, 3), (0, 4)], directed: false)
        #expect(try star.degreeCentralization() == 1)
        let inStar = try Graph(nodeCount: 5, edges: [(1, 0), (2, 0), (3, 0), (4, 0)], directed: true)
        #expect(try inStar.degreeCentralization(mode: .incoming) == 1)
        let cycle = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3), (3, 0)], directed: false)
        #expect(try cycle.degreeCentralization() == 0)
        #expect(throws: GraphError.self) { try Graph(nodeCount: 2, edges: [(0, 1)], directed: false).degreeCentralization() }
        // Density of tiny graphs; single-node degree centrality is 1 (NetworkX).
        #expect(try Graph(nodeCount: 1, edges: [], directed: false).density() == 0)
        #expect(try Graph(nodeCount: 1, edges: [], directed: false).degreeCentrality() == [1])
        #expect(star.density() == 0.4)
    }
}
