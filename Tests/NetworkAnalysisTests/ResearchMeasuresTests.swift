import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing

/// `Tests/Fixtures/reference/research.json`, written by `Tests/Fixtures/reference_research.py`
/// (NetworkX, python-igraph, numpy; versions in the file and in requirements.txt).
enum ResearchReference {
    static let document: JSONValue? = try? Fixtures.reference("reference/research.json")

    static func load(_ name: String) throws -> (graph: Graph, values: JSONValue) {
        let graph = try Fixtures.graph(name).makeGraph()
        let values = try #require(document?["graphs"]?[name], "no research reference values for \(name)")
        return (graph, values)
    }

    static func expectClose(_ actual: [Double], _ values: JSONValue, _ key: String, _ context: String,
                            tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try #require(values[key]?.doubles, "no \(key)", sourceLocation: sourceLocation)
        let bad = firstDisagreement(actual, expected, tolerance: tolerance)
        #expect(bad == nil, "\(context) \(key): first disagreement \(String(describing: bad))", sourceLocation: sourceLocation)
    }

    static func ints(_ value: JSONValue?) -> [Int]? { value?.doubles?.map { Int($0) } }
}

@Suite("Research measures against NetworkX, igraph and numpy (issue 13, item 7)")
struct ResearchMeasuresTests {
    @Test("eccentricity, radius and centre (igraph; NetworkX on connected graphs)", arguments: StructureReference.all)
    func eccentricity(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        for (weighting, key) in [(EdgeWeighting.unweighted, "none"), (.strength, "strength")] {
            try ResearchReference.expectClose(try g.eccentricities(weighting: weighting), r, "eccentricity_\(key)", name)
            let (radius, center) = try g.radiusAndCenter(weighting: weighting)
            #expect(agree(radius, try #require(r["radius_\(key)"]?.double), tolerance: 1e-9), "\(name) radius \(key)")
            #expect(center == ResearchReference.ints(r["center_\(key)"]), "\(name) centre \(key)")
        }
    }

    @Test("degree assortativity and average neighbour degree (NetworkX)", arguments: StructureReference.all)
    func mixing(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        #expect(agree(try g.degreeAssortativity(), try #require(r["degree_assortativity"]?.double), tolerance: 1e-9), "\(name)")
        try ResearchReference.expectClose(g.averageNeighborDegree(weighting: .unweighted), r, "average_neighbor_degree_none", name)
        try ResearchReference.expectClose(g.averageNeighborDegree(weighting: .strength), r, "average_neighbor_degree_strength", name)
    }

    @Test("assortativity is undefined when the degrees at one end do not vary")
    func assortativityUndefined() throws {
        // A star is perfectly disassortative; a cycle (every degree 2) has no variance.
        let star = SmallGraphs.make(5, (1..<5).map { (0, $0) })
        #expect(abs(try star.degreeAssortativity() + 1) < 1e-12)
        let cycle = SmallGraphs.make(5, (0..<5).map { ($0, ($0 + 1) % 5) })
        #expect(throws: GraphError.self) { try cycle.degreeAssortativity() }
        #expect(throws: GraphError.self) { try SmallGraphs.make(3, []).degreeAssortativity() }
    }

    @Test("local efficiency (NetworkX) and Barrat's weighted clustering (igraph)", arguments: StructureReference.all)
    func cohesion(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        try ResearchReference.expectClose(g.localEfficiency(), r, "local_efficiency", name)
        #expect(agree(g.averageLocalEfficiency(), try #require(r["average_local_efficiency"]?.double), tolerance: 1e-12))
        try ResearchReference.expectClose(try g.barratClustering(weighting: .strength), r, "barrat_clustering_strength", name)
        try ResearchReference.expectClose(try g.barratClustering(weighting: .unweighted), r, "barrat_clustering_none", name)
    }

    @Test("Bonacich power (numpy solve of R igraph's formula)", arguments: StructureReference.all)
    func bonacich(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        for beta in [0.05, -0.2] {
            try ResearchReference.expectClose(try g.bonacichPower(beta: beta), r, "bonacich_power_\(beta)", "\(name) β \(beta)", tolerance: 1e-8)
        }
    }

    @Test("Bonacich power: β = 0 is degree scaled to Σc² = n; a singular I − βA is undefined")
    func bonacichEdges() throws {
        // Path 0–1–2: degrees 1, 2, 1; Σd² = 6, n = 3, so c = d · sqrt(3/6).
        let path = SmallGraphs.make(3, [(0, 1), (1, 2)])
        let c = try path.bonacichPower(beta: 0)
        #expect(zip(c, [1.0, 2, 1]).allSatisfy { abs($0 - $1 * (0.5).squareRoot()) < 1e-12 })
        // K2 has eigenvalues ±1: β = 1 makes I − A singular.
        #expect(throws: GraphError.self) { try SmallGraphs.make(2, [(0, 1)]).bonacichPower(beta: 1) }
        #expect(throws: GraphError.self) { try path.bonacichPower(beta: .nan) }
    }

    @Test("node and edge connectivity (NetworkX), fixture graphs and graphs with κ, λ above 1")
    func connectivity() throws {
        for name in StructureReference.all {
            let (g, r) = try ResearchReference.load(name)
            #expect(Double(g.nodeConnectivity()) == r["node_connectivity"]?.double, "\(name) κ")
            #expect(Double(g.edgeConnectivity()) == r["edge_connectivity"]?.double, "\(name) λ")
        }
        let cases = try #require(ResearchReference.document?["connectivity_cases"])
        #expect(cases.keys.count == 7)
        for name in cases.keys {
            let c = try #require(cases[name])
            guard case let .array(rows)? = c["edges"] else { Issue.record("no edges"); continue }
            let edges = rows.compactMap { $0.doubles }.map { (Int($0[0]), Int($0[1])) }
            let g = SmallGraphs.make(Int(try #require(c["n"]?.double)), edges, directed: c["directed"].map { if case .bool(true) = $0 { true } else { false } } ?? false)
            #expect(Double(g.nodeConnectivity()) == c["node_connectivity"]?.double, "\(name) κ")
            #expect(Double(g.edgeConnectivity()) == c["edge_connectivity"]?.double, "\(name) λ")
        }
    }

    @Test("maximal cliques and cliques per node (NetworkX find_cliques)", arguments: StructureReference.all)
    func cliques(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        guard case let .array(rows)? = r["maximal_cliques"] else { Issue.record("no cliques"); return }
        let expected = rows.compactMap { $0.doubles?.map { Int($0) } }
        #expect(g.maximalCliques() == expected, "\(name)")
        var count = [Double](repeating: 0, count: g.nodeCount)
        for c in g.maximalCliques() { for v in c { count[v] += 1 } }
        try ResearchReference.expectClose(count, r, "cliques", name, tolerance: 0)
    }

    @Test("personalized PageRank restarting at the first and last node (NetworkX)", arguments: StructureReference.all)
    func personalizedPageRank(name: String) throws {
        let (full, r) = try ResearchReference.load(name)
        let g = full.simplified(combine: .sum, dropSelfLoops: true)   // the fixture leaves loops out
        var p = [Double](repeating: 0, count: g.nodeCount)
        p[0] = 1; p[g.nodeCount - 1] = 3
        try ResearchReference.expectClose(try g.pageRank(personalization: p, maxIterations: 1000, tolerance: 1e-13), r, "personalized_pagerank", name, tolerance: 1e-9)
    }
}
