import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Permutation tests of group mixing: E-I index and attribute assortativity (issue 13, item 1)")
struct GroupMixingPermutationTests {
    static func small() throws -> (Graph, [Int], JSONValue) {
        let c = try #require(ResearchReference.document?["permutation_cases"]?["small"])
        guard case let .array(rows)? = c["edges"] else { throw GraphError.undefined(algorithm: "fixture", reason: "no edges") }
        let edges = rows.compactMap(\.doubles).map { (Int($0[0]), Int($0[1])) }
        let groups = try #require(ResearchReference.ints(c["groups"]))
        return (try Graph(nodeCount: 8, edges: edges, directed: false), groups, c)
    }

    @Test("attribute assortativity of every fixture with groups = index mod 3 (NetworkX)", arguments: StructureReference.all)
    func assortativity(name: String) throws {
        let (g, _) = try ResearchReference.load(name)
        let expected = try #require(ResearchReference.document?["permutation_cases"]?["assortativity_mod3"]?[name]?.double)
        #expect(agree(try g.attributeAssortativity(groups: (0..<g.nodeCount).map { $0 % 3 }), expected, tolerance: 1e-12), "\(name)")
    }

    @Test("exact test: the p-values of all 8! relabellings, as enumerated in Python")
    func exact() throws {
        let (g, groups, c) = try Self.small()
        let t = try g.groupMixingTests(groups: groups, exact: true)
        let all = [t.eiNetwork] + t.eiPerGroup + [t.assortativity]
        #expect(all.map(\.permutations) == [Int](repeating: 40320, count: 5) && all.allSatisfy { $0.seed == nil })
        #expect(firstDisagreement(all.map(\.statistic), try #require(c["observed"]?.doubles), tolerance: 1e-12) == nil)
        #expect(firstDisagreement(all.map(\.pGreaterOrEqual), try #require(c["p_greater_or_equal"]?.doubles), tolerance: 1e-12) == nil)
        #expect(firstDisagreement(all.map(\.pLessOrEqual), try #require(c["p_less_or_equal"]?.doubles), tolerance: 1e-12) == nil)
        // Ties stay within the three groups: E-I −0.4 with P(EI ≤ −0.4) = 144/40320.
        #expect(t.eiNetwork.pLessOrEqual == 144.0 / 40320)
    }

    @Test("Monte Carlo test, seeded: the same p-values for the same seed, close to the exact ones")
    func monteCarlo() throws {
        let (g, groups, c) = try Self.small()
        let a = try g.groupMixingTests(groups: groups, permutations: 5000, seed: 42)
        let b = try g.groupMixingTests(groups: groups, permutations: 5000, seed: 42)
        #expect(a == b && a.eiNetwork.seed == 42 && a.eiNetwork.permutations == 5000)
        // The values of seed 42 (regression; their correctness is the exact test above and the
        // three-standard-error check below).
        #expect(a.eiNetwork.pLessOrEqual == 0.004)
        #expect(a.assortativity.pGreaterOrEqual == 0.004)
        #expect(a.eiPerGroup.map(\.pLessOrEqual) == [0.0362, 0.0362, 0.035])
        // Within three standard errors of the exact p-values.
        let exact = try #require(c["p_less_or_equal"]?.doubles)
        for (test, p) in zip([a.eiNetwork] + a.eiPerGroup, exact) {
            #expect(abs(test.pLessOrEqual - p) <= 3 * (p * (1 - p) / 5000).squareRoot() + 1e-12)
        }
        let other = try g.groupMixingTests(groups: groups, permutations: 5000, seed: 43)
        #expect(other.eiPerGroup.map(\.pLessOrEqual) != a.eiPerGroup.map(\.pLessOrEqual))
    }
}

@Suite("QAP correlation (Krackhardt 1987): exact enumeration and seeded Monte Carlo")
struct QAPTests {
    static func matrices(_ kind: String) throws -> ([[Double]], [[Double]], JSONValue) {
        let c = try #require(ResearchReference.document?["qap_cases"]?[kind])
        return (try #require(StructuralEquivalenceTests.matrix(c["x"])), try #require(StructuralEquivalenceTests.matrix(c["y"])), c)
    }

    @Test("the observed correlation and the exact p-values of all 7! permutations (numpy, itertools)", arguments: ["directed", "symmetric"])
    func exact(kind: String) throws {
        let (x, y, c) = try Self.matrices(kind)
        let t = try QAP.correlationTest(x, y, symmetric: kind == "symmetric", exact: true)
        #expect(abs(t.statistic - (c["correlation"]?.double ?? 0)) < 1e-12)
        #expect(abs(t.pGreaterOrEqual - (c["p_greater_or_equal"]?.double ?? -1)) < 1e-12, "\(kind) \(t.pGreaterOrEqual)")
        #expect(abs(t.pLessOrEqual - (c["p_less_or_equal"]?.double ?? -1)) < 1e-12)
        #expect(t.permutations == 5040 && t.seed == nil)
    }

    @Test("seeded Monte Carlo: reproducible, and within three standard errors of the exact p-value")
    func monteCarlo() throws {
        let (x, y, c) = try Self.matrices("symmetric")
        let a = try QAP.correlationTest(x, y, symmetric: true, permutations: 4000, seed: 5)
        #expect(a == (try QAP.correlationTest(x, y, symmetric: true, permutations: 4000, seed: 5)))
        #expect(a.seed == 5 && a.permutations == 4000)
        #expect(a.pGreaterOrEqual == 0.01875)   // seed 5 (regression; the exact value is 0.0226)
        let p = try #require(c["p_greater_or_equal"]?.double)
        #expect(abs(a.pGreaterOrEqual - p) <= 3 * (p * (1 - p) / 4000).squareRoot())
    }
}

@Suite("Conditional uniform graph tests (Anderson, Butts & Carley 1999) against the enumerated distribution")
struct CUGTests {
    /// Exact P(T ≥ t) and P(T ≤ t) over every graph on 5 nodes (size) or with 5 ties (edges).
    static func exact(_ observed: Double, condition: CUGCondition, statistic: (Graph) -> Double) -> (Double, Double) {
        var pairs: [(Int, Int)] = []
        for u in 0..<5 { for v in (u + 1)..<5 { pairs.append((u, v)) } }
        var ge = 0.0, le = 0.0, total = 0.0
        for mask in 0..<(1 << pairs.count) where condition == .size || mask.nonzeroBitCount == 5 {
            let g = SmallGraphs.make(5, pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] })
            let x = statistic(g)
            guard !x.isNaN else { continue }
            total += 1
            if x >= observed - 1e-12 { ge += 1 }
            if x <= observed + 1e-12 { le += 1 }
        }
        return (ge / total, le / total)
    }

    @Test("transitivity of a 5-node graph with 5 ties, conditioned on size and on ties: seeded draws within 3 SE of the exact p (enumerated)")
    func transitivity() throws {
        let arcs: [(Int, Int)] = [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4)]
        let g = SmallGraphs.make(5, arcs)
        for condition in [CUGCondition.size, .edges] {
            let t = try g.cugTest(condition: condition, draws: 5000, seed: 9) { $0.transitivity() }
            #expect(abs(t.statistic - 0.5) < 1e-12)   // 1 triangle, 6 connected triples: 3/6
            let (pge, ple) = Self.exact(t.statistic, condition: condition) { $0.transitivity() }
            #expect(abs(t.pGreaterOrEqual - pge) <= 3 * (pge * (1 - pge) / 5000).squareRoot(), "\(condition) \(t.pGreaterOrEqual) vs \(pge)")
            #expect(abs(t.pLessOrEqual - ple) <= 3 * (ple * (1 - ple) / 5000).squareRoot(), "\(condition)")
            #expect(t == (try g.cugTest(condition: condition, draws: 5000, seed: 9) { $0.transitivity() }))
            #expect(t.permutations == 5000 && t.seed == 9)
        }
        // The values of seed 9 (regression).
        #expect(try g.cugTest(condition: .edges, draws: 5000, seed: 9) { $0.transitivity() }.pGreaterOrEqual == 0.3606)
        // Conditioned on ties, density never varies: both p-values are 1.
        let d = try g.cugTest(condition: .edges, draws: 100, seed: 1) { $0.density() }
        #expect(d.pGreaterOrEqual == 1 && d.pLessOrEqual == 1)
    }
}
