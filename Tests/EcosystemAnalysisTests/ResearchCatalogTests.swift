import Ecosystem
import FixtureSupport
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

/// The research measures of issue 13 through the whole chain (model → graph → catalog), against
/// `Tests/Fixtures/reference/research.json` and the library functions they name.
@Suite("Research measures in the catalog")
struct ResearchCatalogTests {
    static let reference: JSONValue? = try? Fixtures.reference("reference/research.json")

    @Test("karate, end to end: eccentricity, radius, assortativity, local efficiency, Barrat, cliques, connectivity")
    func karate() throws {
        let fixture = try Fixtures.graph("karate")
        let r = try #require(Self.reference?["graphs"]?["karate"])
        let names = ["eccentricity", "center", "average_neighbor_degree", "local_efficiency", "barrat_clustering", "bonacich_power",
                     "cliques", "radius", "degree_assortativity", "average_local_efficiency", "node_connectivity",
                     "edge_connectivity", "maximal_cliques", "clique_number"]
        var options = AnalysisOptions()
        options.powerBeta = 0.05
        let t = try EcosystemAnalyzer.metrics(of: model(from: fixture), measures: names, options: options)
        expectColumn(t, "eccentricity", r["eccentricity_strength"]?.doubles)
        let center = Set((r["center_strength"]?.doubles ?? []).map(Int.init))
        expectColumn(t, "center", (0..<34).map { center.contains($0) ? 1 : 0 })
        expectColumn(t, "average_neighbor_degree", r["average_neighbor_degree_strength"]?.doubles)
        expectColumn(t, "local_efficiency", r["local_efficiency"]?.doubles)
        expectColumn(t, "barrat_clustering", r["barrat_clustering_strength"]?.doubles)
        expectColumn(t, "bonacich_power", r["bonacich_power_0.05"]?.doubles, tolerance: 1e-8)
        expectColumn(t, "cliques", r["cliques"]?.doubles, tolerance: 0)
        #expect(agree(networkValue(t, "radius") ?? .nan, r["radius_strength"]?.double ?? 0, tolerance: 1e-9))
        #expect(agree(networkValue(t, "degree_assortativity") ?? .nan, -0.47561309768461413, tolerance: 1e-9))
        #expect(agree(networkValue(t, "average_local_efficiency") ?? .nan, r["average_local_efficiency"]?.double ?? 0, tolerance: 1e-12))
        #expect(networkValue(t, "node_connectivity") == 1 && networkValue(t, "edge_connectivity") == 1)
        #expect(networkValue(t, "maximal_cliques") == 36 && networkValue(t, "clique_number") == 5)
    }

    @Test("in- and out-strength follow relation direction even in an undirected run")
    func strengthByDirection() throws {
        let m = try EdgeListLoader.load(csv: "source,target,weight\na,b,2\nb,c,3\nc,a,5\na,c,1\n", file: "s.csv", name: "s", directed: true)
        for directed in [false, true] {
            let t = try EcosystemAnalyzer.metrics(of: m, measures: ["in_strength", "out_strength"], options: AnalysisOptions(directed: directed))
            #expect(t.column("in_strength") == [5, 2, 4] && t.column("out_strength") == [3, 3, 5], "directed \(directed)")
        }
    }

    @Test("--resolution reaches modularity, Louvain and Leiden: the run's value is the library's at that γ")
    func resolution() throws {
        let m = model(from: try Fixtures.graph("karate"))
        let g = EcosystemNetwork(model: m).simpleGraph
        var last = Double.nan
        for gamma in [0.5, 1.0, 2.0] {
            var options = AnalysisOptions(seed: 7)
            options.resolution = gamma
            let t = try EcosystemAnalyzer.metrics(of: m, measures: ["leiden", "modularity", "modularity_louvain", "group_modularity"], options: options)
            let leiden = try g.leiden(seed: 7, resolution: gamma)
            #expect(t.column("leiden") == leiden.membership.map(Double.init))
            #expect(networkValue(t, "modularity") == leiden.modularity)
            #expect(networkValue(t, "modularity_louvain") == (try g.louvain(seed: 7, resolution: gamma).modularity))
            #expect(networkValue(t, "modularity") != last)
            last = networkValue(t, "modularity") ?? .nan
        }
    }

    @Test("personalized PageRank takes actor ids; without them it is undefined; an unknown id is refused")
    func personalized() throws {
        let fixture = try Fixtures.graph("karate")
        let m = model(from: fixture)
        var options = AnalysisOptions()
        options.personalization = [fixture.nodes[0]: 1, fixture.nodes[33]: 3]
        let t = try EcosystemAnalyzer.metrics(of: m, measures: ["personalized_pagerank"], options: options)
        var p = [Double](repeating: 0, count: 34)
        p[0] = 1; p[33] = 3
        let expected = try EcosystemNetwork(model: m).simpleGraph.pageRank(personalization: p)
        #expect(t.column("personalized_pagerank") == expected)
        let none = try EcosystemAnalyzer.metrics(of: m, measures: ["personalized_pagerank"])
        #expect(none.undefined.map(\.measure) == ["personalized_pagerank"])
        #expect(none.undefined.first?.reason == "personalized PageRank is undefined here: no actors to restart from were given")
        options.personalization = ["nobody": 1]
        #expect(throws: AnalysisError.self) { try EcosystemAnalyzer.metrics(of: m, measures: ["personalized_pagerank"], options: options) }
    }
}
