import FixtureSupport
import NetworkAnalysis
import Testing

/// `Graph.modularity` against `networkx.community.modularity` (NetworkX 3.6.1) on the shared
/// fixture graphs: weighted and unweighted, directed (Leicht–Newman) and undirected, several
/// resolutions, self-loops (random_undirected, small_directed), isolates and arbitrary labels.
@Suite struct ModularityTests {
    @Test func matchesNetworkX() throws {
        guard case let .array(cases)? = try CommunityTestData.reference()["modularity"] else {
            Issue.record("no modularity cases"); return
        }
        #expect(cases.count >= 25)
        for c in cases {
            guard case let .string(name)? = c["graph"], case let .bool(directed)? = c["directed"],
                  case let .bool(weighted)? = c["weighted"], case let .string(label)? = c["partition"],
                  let resolution = c["resolution"]?.double, let expected = c["value"]?.double
            else { Issue.record("malformed case"); continue }
            let graph = try Fixtures.graph(name).makeGraph(directed: directed)
            let q = try graph.modularity(
                partition: CommunityTestData.ints(c["membership"]), resolution: resolution,
                weighting: weighted ? .strength : .unweighted)
            #expect(agree(q, expected, tolerance: 1e-9),
                    "\(name) \(label) directed=\(directed) weighted=\(weighted) γ=\(resolution): \(q) vs \(expected)")
        }
    }

    @Test func barbellFromNetworkXDocstring() throws {
        // nx.community.modularity(nx.barbell_graph(3, 0), [{0,1,2},{3,4,5}]) == 0.35714285714285715
        let g = try Graph(
            nodeCount: 6, edges: [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)], directed: false)
        #expect(abs(try g.modularity(partition: [0, 0, 0, 1, 1, 1]) - 0.35714285714285715) < 1e-15)
        // 5/14: L_c/m = 3/7 each, K_c/2m = 7/14 each → 2(3/7 − 1/4).
        #expect(abs(try g.modularity(partition: [9, 9, 9, -4, -4, -4]) - 5.0 / 14.0) < 1e-15)
    }

    @Test func distanceWeightingReadsWeightsAsGiven() throws {
        let g = try Fixtures.graph("karate").makeGraph()
        let p = (0..<34).map { $0 % 3 }
        #expect(try g.modularity(partition: p, weighting: .distance) == g.modularity(partition: p, weighting: .strength))
        #expect(try g.modularity(partition: p, weighting: .unweighted) != g.modularity(partition: p, weighting: .strength))
    }

    @Test func errors() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1)], weights: [2], directed: false)
        #expect(throws: GraphError.lengthMismatch(what: "partition", expected: 3, actual: 2)) {
            try g.modularity(partition: [0, 1])
        }
        #expect(throws: GraphError.self) { try g.modularity(partition: [0, 0, 1], resolution: -1) }
        #expect(throws: GraphError.self) { try g.modularity(partition: [0, 0, 1], resolution: .nan) }
        let negative = try Graph(nodeCount: 2, edges: [(0, 1)], weights: [-1], directed: false)
        #expect(throws: GraphError.self) { try negative.modularity(partition: [0, 1]) }
        #expect(try negative.modularity(partition: [0, 1], weighting: .unweighted) == -0.5)
        let edgeless = try Graph(nodeCount: 3, edges: [], directed: true)
        #expect(throws: GraphError.undefined(algorithm: "modularity", reason: "the total edge weight m is 0")) {
            try edgeless.modularity(partition: [0, 1, 2])
        }
    }
}
