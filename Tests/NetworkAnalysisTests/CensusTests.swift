import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Dyad and triad census, ego networks (NetworkX; issue 13, item 5)")
struct CensusTests {
    @Test("triad and dyad census of every fixture graph (NetworkX triadic_census)", arguments: StructureReference.all)
    func fixtures(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        #expect(g.triadCensus().counts == ResearchReference.ints(r["triad_census"]), "\(name)")
        let d = g.dyadCensus()
        #expect([d.mutual, d.asymmetric, d.null] == ResearchReference.ints(r["dyad_census"]), "\(name)")
    }

    @Test("triad census of dense random digraphs, where all 16 types occur (NetworkX)")
    func dense() throws {
        let cases = try #require(ResearchReference.document?["triad_cases"])
        #expect(cases.keys.count == 3)
        var seen = Set<Int>()
        for name in cases.keys {
            let c = try #require(cases[name])
            guard case let .array(rows)? = c["edges"] else { Issue.record("no edges"); continue }
            let g = SmallGraphs.make(12, rows.compactMap { $0.doubles }.map { (Int($0[0]), Int($0[1])) }, directed: true)
            let census = g.triadCensus().counts
            #expect(census == ResearchReference.ints(c["triad_census"]), "\(name)")
            let total: Int = census.reduce(0, +)
            #expect(total == 220)   // 12 · 11 · 10 / 6 triples
            for (i, x) in census.enumerated() where x > 0 { seen.insert(i) }
        }
        #expect(seen.count == 16)
    }

    @Test("the named types of small triads: a cycle is 030C, a transitive triple 030T, a mutual pair 102")
    func namedTypes() {
        func census(_ n: Int, _ arcs: [(Int, Int)]) -> TriadCensus { SmallGraphs.make(n, arcs, directed: true).triadCensus() }
        let cycle: [(Int, Int)] = [(0, 1), (1, 2), (2, 0)], transitive: [(Int, Int)] = [(0, 1), (1, 2), (0, 2)]
        let mutual: [(Int, Int)] = [(0, 1), (1, 0)], out: [(Int, Int)] = [(0, 1), (0, 2)], into: [(Int, Int)] = [(1, 0), (2, 0)]
        #expect(census(3, cycle)["030C"] == 1)
        #expect(census(3, transitive)["030T"] == 1)
        #expect(census(3, mutual)["102"] == 1)
        #expect(census(3, out)["021D"] == 1)
        #expect(census(3, into)["021U"] == 1)
        #expect(census(4, [])["003"] == 4)
        let single: [(Int, Int)] = [(0, 1)]
        #expect(census(2, single).counts == [Int](repeating: 0, count: 16))
    }

    @Test("ego networks of the first node, radius 1 and 2 (NetworkX ego_graph, undirected=True)", arguments: StructureReference.all)
    func ego(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        #expect(g.egoNodes(of: 0, radius: 1) == ResearchReference.ints(r["ego_0_radius_1"]), "\(name)")
        #expect(g.egoNodes(of: 0, radius: 2) == ResearchReference.ints(r["ego_0_radius_2"]), "\(name)")
        #expect(g.egoNodes(of: 0, radius: 0) == [0])
    }
}
