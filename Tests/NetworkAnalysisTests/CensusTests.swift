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

@Suite("Structural equivalence and positions (numpy, scipy; issue 13, item 5)")
struct StructuralEquivalenceTests {
    static func matrix(_ value: JSONValue?) -> [[Double]]? {
        guard case let .array(rows)? = value else { return nil }
        let m = rows.compactMap(\.doubles)
        return m.count == rows.count ? m : nil
    }

    @Test("Euclidean and correlation distances (numpy, Wasserman & Faust eqs. 9.2–9.3)", arguments: StructureReference.all)
    func fixtures(name: String) throws {
        let (g, r) = try ResearchReference.load(name)
        for (weighting, key) in [(EdgeWeighting.unweighted, "none"), (.strength, "strength")] {
            for distance in EquivalenceDistance.allCases {
                let d = g.structuralEquivalence(distance, weighting: weighting)
                let expected = try #require(Self.matrix(r["se_\(distance.rawValue)_\(key)"]))
                #expect(firstDisagreement(d.flatMap { $0 }, expected.flatMap { $0 }, tolerance: 1e-9) == nil, "\(name) \(distance) \(key)")
            }
        }
    }

    @Test("average linkage: scipy's merge heights and its cuts into 2…5 positions (weighted digraphs without tied distances)")
    func positions() throws {
        let cases = try #require(ResearchReference.document?["position_cases"])
        #expect(cases.keys.count == 2)
        for name in cases.keys {
            let c = try #require(cases[name])
            guard case let .array(rows)? = c["edges"] else { Issue.record("no edges"); continue }
            let triples = rows.compactMap(\.doubles)
            let n = Int(try #require(c["n"]?.double))
            let g = SmallGraphs.make(n, triples.map { (Int($0[0]), Int($0[1])) }, weights: triples.map { $0[2] }, directed: true)
            for distance in EquivalenceDistance.allCases {
                let d = g.structuralEquivalence(distance, weighting: .strength)
                let asDistance = distance == .euclidean ? d : d.map { $0.map { 1 - $0 } }
                let merges = HierarchicalClustering.averageLinkage(asDistance)
                let heights = try #require(c["linkage_heights_\(distance.rawValue)"]?.doubles)
                #expect(firstDisagreement(merges.map(\.height), heights, tolerance: 1e-9) == nil, "\(name) \(distance) heights")
                for k in 2...5 {
                    #expect(HierarchicalClustering.positions(merges, n: n, k: k) == ResearchReference.ints(c["positions\(k)_\(distance.rawValue)"]),
                            "\(name) \(distance) k \(k)")
                }
            }
        }
    }

    @Test("two actors with the same ties to the same others are at distance 0, correlation 1")
    func equivalentPair() {
        // 0 and 1 both tie to 2 and 3 only.
        let arcs: [(Int, Int)] = [(0, 2), (0, 3), (1, 2), (1, 3), (2, 4)]
        let g = SmallGraphs.make(5, arcs)
        #expect(g.structuralEquivalence(.euclidean)[0][1] == 0)
        #expect(abs(g.structuralEquivalence(.correlation)[0][1] - 1) < 1e-12)
        let d04 = g.structuralEquivalence(.euclidean)[0][4]
        // k ∈ {1, 2, 3}: x_0k = (0, 1, 1), x_4k = (0, 1, 0); rows and columns → 2 · 1 = 2.
        #expect(abs(d04 - 2.0.squareRoot()) < 1e-12)
    }
}
