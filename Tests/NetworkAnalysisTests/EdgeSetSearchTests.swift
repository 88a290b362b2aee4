import FixtureSupport
import Testing
@testable import NetworkAnalysis

/// Reference: Tests/Fixtures/reference_portfolio.py (NetworkX), and brute force over every
/// k-subset computed here from scratch.
@Suite("Edge-set search: greedy + 1-swaps, exact combined effect")
struct EdgeSetSearchTests {
    struct Case {
        let name: String, kind: String, k: Int
        let graph: Graph
        let candidates: [(Int, Int)]
        let reference: JSONValue
    }

    static func cases() throws -> [Case] {
        let file = try Fixtures.reference("reference/portfolio.json")
        guard case let .array(graphs)? = file["graphs"] else { throw FixtureError() }
        return try graphs.map { g in
            guard case let .array(edges)? = g["edges"], case let .array(cands)? = g["candidates"],
                  let n = g["n"]?.double, let k = g["k"]?.double, case let .string(name)? = g["name"],
                  case let .string(kind)? = g["kind"] else { throw FixtureError() }
            let triples = edges.compactMap(\.doubles)
            let graph = try Graph(
                nodeCount: Int(n), edges: triples.map { (Int($0[0]), Int($0[1])) }, weights: triples.map { $0[2] }, directed: false)
            let pairs = cands.compactMap(\.doubles).map { (Int($0[0]), Int($0[1])) }
            return Case(name: name, kind: kind, k: Int(k), graph: graph, candidates: pairs, reference: g)
        }
    }
    struct FixtureError: Error {}

    /// Every k-subset of `0..<c`, in lexicographic order.
    static func subsets(_ c: Int, _ k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard c >= k else { return [] }
        var out: [[Int]] = []
        var s = Array(0..<k)
        while true {
            out.append(s)
            var i = k - 1
            while i >= 0 && s[i] == c - k + i { i -= 1 }
            if i < 0 { return out }
            s[i] += 1
            for j in (i + 1)..<k { s[j] = s[j - 1] + 1 }
        }
    }

    /// The best value over every k-subset, each recomputed from scratch, and the first best set.
    static func bruteForce(_ graph: Graph, _ candidates: [(Int, Int)], k: Int, objective: EdgeSetObjective) throws -> (Double, [Int]) {
        var best: (Double, [Int])?
        let sign = objective.higherIsBetter ? 1.0 : -1.0
        for s in subsets(candidates.count, k) {
            let x = try graph.edgeSetValue(adding: s.map { candidates[$0] }, objective: objective)
            if best == nil || sign * (x - best!.0) > 1e-12 * max(1, abs(x)) { best = (x, s) }
        }
        return best!
    }

    @Test("global efficiency of each fixture graph equals NetworkX's (Dijkstra, length 1/strength)")
    func baseEfficiency() throws {
        let cases = try Self.cases()
        #expect(cases.count == 10)
        for c in cases {
            let value = try c.graph.edgeSetValue(adding: [], objective: .globalEfficiency)
            #expect(agree(value, c.reference["global_efficiency"]!.double!, tolerance: 1e-12), "\(c.name)")
            #expect(agree(value, try c.graph.pathStatistics().globalEfficiency, tolerance: 1e-12), "\(c.name)")
        }
    }

    @Test("brute force over all k-subsets (k = 2, 3; n = 8–12) gives NetworkX's optimum, value and set")
    func bruteForceOptimum() throws {
        for c in try Self.cases() {
            let (value, set) = try Self.bruteForce(c.graph, c.candidates, k: c.k, objective: .globalEfficiency)
            #expect(agree(value, c.reference["optimum_value"]!.double!, tolerance: 1e-12), "\(c.name)")
            #expect(set == c.reference["optimum_set"]!.doubles!.map { Int($0) }, "\(c.name)")
        }
    }

    @Test("greedy + swaps: the greedy value, the final value and the swaps agree with the Python search; the optimum is reached where it should be")
    func search() throws {
        var kinds: [String: Int] = [:]
        for c in try Self.cases() {
            let s = try c.graph.bestEdgeSet(adding: c.candidates, count: c.k, objective: .globalEfficiency, threads: 1)
            let r = c.reference
            #expect(agree(s.greedyValue, r["greedy_value"]!.double!, tolerance: 1e-12), "\(c.name)")
            #expect(agree(s.value, r["final_value"]!.double!, tolerance: 1e-12), "\(c.name)")
            #expect(s.swaps == Int(r["swaps"]!.double!), "\(c.name)")
            #expect(s.isSwapOptimal)
            #expect(s.edges == r["ordered"]!.doubles!.map { Int($0) }, "\(c.name)")
            #expect(firstDisagreement(s.steps, r["steps"]!.doubles!, tolerance: 1e-12) == nil, "\(c.name)")
            let optimum = r["optimum_value"]!.double!
            switch c.kind {
            case "plain":  // greedy alone is optimal
                #expect(agree(s.greedyValue, optimum, tolerance: 1e-12) && s.swaps == 0, "\(c.name)")
            case "swap_fixes":  // greedy misses, the swaps reach the optimum
                #expect(s.greedyValue < optimum - 1e-9 && agree(s.value, optimum, tolerance: 1e-12), "\(c.name)")
            default:  // "misses": a 1-swap local optimum below the optimum (documented heuristic)
                #expect(s.value < optimum - 1e-9, "\(c.name)")
            }
            kinds[c.kind, default: 0] += 1
        }
        #expect(kinds == ["plain": 6, "swap_fixes": 3, "misses": 1])
    }

    @Test("the combined effect and each prefix equal recomputation from scratch with the ties added")
    func combinedEffect() throws {
        for c in try Self.cases() {
            let s = try c.graph.bestEdgeSet(adding: c.candidates, count: c.k, objective: .globalEfficiency)
            for i in s.edges.indices {
                let prefix = s.edges.prefix(i + 1).map { c.candidates[$0] }
                var edges = (0..<c.graph.edgeCount).map { (Int(c.graph.edgeSources[$0]), Int(c.graph.edgeTargets[$0])) }
                edges += prefix
                let extended = try Graph(nodeCount: c.graph.nodeCount, edges: edges,
                                         weights: c.graph.weights + prefix.map { _ in 1 }, directed: false)
                #expect(agree(s.steps[i], try extended.pathStatistics().globalEfficiency, tolerance: 1e-12), "\(c.name)")
                let alone = try c.graph.edgeSetValue(adding: [c.candidates[s.edges[i]]], objective: .globalEfficiency)
                #expect(agree(s.aloneValues[i], alone, tolerance: 1e-12))
            }
            #expect(agree(s.marginalChanges.reduce(0, +), s.value - s.baseValue, tolerance: 1e-12))
        }
    }

    /// A seeded random graph: `n` nodes, a forest of `pieces` trees (rooted at `0..<pieces`)
    /// plus `n / 3` random edges, which may join the trees; strengths 1–4.
    static func random(_ n: Int, pieces: Int, seed: UInt64) throws -> Graph {
        var rng = SplitMix64(seed: seed)
        var edges: [(Int, Int)] = []
        for v in pieces..<n { edges.append((v, rng.nextInt(below: v))) }
        for _ in 0..<(n / 3) {
            let a = rng.nextInt(below: n), b = rng.nextInt(below: n)
            if a != b { edges.append((a, b)) }
        }
        return try Graph(nodeCount: n, edges: edges, weights: edges.map { _ in 1 + Double(rng.nextInt(below: 4)) }, directed: false)
    }

    @Test("every objective: the result is 1-swap optimal (checked from scratch) and no better than brute force")
    func objectives() throws {
        for seed in UInt64(1)...3 {
            let g = try Self.random(9, pieces: 3, seed: seed)
            var tied = Set<Int>()
            for e in 0..<g.edgeCount { let a = Int(g.edgeSources[e]), b = Int(g.edgeTargets[e]); tied.insert(min(a, b) * 9 + max(a, b)) }
            let candidates = (0..<9).flatMap { u in ((u + 1)..<9).map { (u, $0) } }.filter { !tied.contains($0.0 * 9 + $0.1) }
            let objectives: [EdgeSetObjective] = [
                .globalEfficiency, .fragmentation, .componentCount,
                .weakestGroupEfficiency(groups: [0, 0, 0, 1, 1, 1, 2, 2, 2]), .constraint(of: 0),
            ]
            for objective in objectives {
                let s = try g.bestEdgeSet(adding: candidates, count: 2, objective: objective)
                let sign = objective.higherIsBetter ? 1.0 : -1.0
                let exact = try g.edgeSetValue(adding: s.edges.map { candidates[$0] }, objective: objective)
                #expect(agree(s.value, exact, tolerance: 1e-12), "\(objective.name) seed \(seed)")
                let (optimum, _) = try Self.bruteForce(g, candidates, k: 2, objective: objective)
                #expect(sign * (s.value - optimum) <= 1e-12, "\(objective.name) seed \(seed)")
                // No single swap improves, recomputed from scratch.
                for slot in 0..<2 {
                    for c in candidates.indices where !s.edges.contains(c) {
                        var set = s.edges; set[slot] = c
                        let x = try g.edgeSetValue(adding: set.map { candidates[$0] }, objective: objective)
                        #expect(sign * (x - s.value) <= 1e-12 * max(1, abs(x)), "\(objective.name) seed \(seed)")
                    }
                }
            }
        }
    }

    @Test("components: two ties join three pieces into one; fragmentation then 0")
    func components() throws {
        // Three paths 0-1-2, 3-4-5, 6-7-8.
        let g = try Graph(nodeCount: 9, edges: [(0, 1), (1, 2), (3, 4), (4, 5), (6, 7), (7, 8)], directed: false)
        let candidates = [(0, 2), (2, 3), (5, 6), (1, 4)]
        let s = try g.bestEdgeSet(adding: candidates, count: 2, objective: .componentCount)
        #expect(s.baseValue == 3 && s.value == 1)
        #expect(s.marginalChanges == [-1, -1])
        #expect(Set(s.edges).contains(2))  // 5-6 is needed to reach the third piece
        let f = try g.bestEdgeSet(adding: candidates, count: 2, objective: .fragmentation)
        #expect(f.value == 0 && agree(f.baseValue, 1 - 18.0 / 72, tolerance: 1e-15))
    }

    @Test("the weakest group: lifts the group that is worst off, not the network's average")
    func weakestGroup() throws {
        // A dense group {0, 1, 2, 3} and a pendant pair {4, 5} hanging from 3 by a path 3-4-5.
        let g = try Graph(nodeCount: 6, edges: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5)], directed: false)
        let groups = [0, 0, 0, 0, 1, 1]
        let s = try g.bestEdgeSet(adding: [(0, 4), (1, 2), (3, 5), (0, 5)], count: 1, objective: .weakestGroupEfficiency(groups: groups))
        let (optimum, set) = try Self.bruteForce(g, [(0, 4), (1, 2), (3, 5), (0, 5)], k: 1, objective: .weakestGroupEfficiency(groups: groups))
        #expect(agree(s.value, optimum, tolerance: 1e-15) && s.edges == set)
        // By hand, the pendant group {4, 5} is worst off: from 4, 1 + 1 + 3 · 1/2 = 3.5; from 5,
        // 1 + 1/2 + 3 · 1/3 = 2.5; E = 6 / (2 · 5) = 0.6 (the dense group's is higher).
        #expect(agree(s.baseValue, 0.6, tolerance: 1e-15))
    }

    @Test("bad input is refused; k larger than the candidates takes them all; k = 0 is the empty set")
    func edges() throws {
        let g = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2)], directed: false)
        #expect(throws: GraphError.self) { try g.bestEdgeSet(adding: [(0, 0)], count: 1, objective: .globalEfficiency) }
        #expect(throws: GraphError.self) { try g.bestEdgeSet(adding: [(0, 9)], count: 1, objective: .globalEfficiency) }
        #expect(throws: GraphError.self) { try g.bestEdgeSet(adding: [(0, 2)], count: -1, objective: .globalEfficiency) }
        #expect(throws: GraphError.self) { try g.bestEdgeSet(adding: [(0, 2)], count: 1, weight: 0, objective: .globalEfficiency) }
        let all = try g.bestEdgeSet(adding: [(0, 2), (2, 3)], count: 5, weighting: .unweighted, objective: .globalEfficiency)
        #expect(all.edges.count == 2)
        // 0-1-2-3 with 0-2 and 2-3 added: d = 1 for 01, 02, 12, 23; 2 for 03, 13. E = (4 + 2·½)·2 / 12.
        #expect(agree(all.value, 10.0 / 12, tolerance: 1e-15))
        let none = try g.bestEdgeSet(adding: [(0, 2)], count: 0, objective: .globalEfficiency)
        #expect(none.edges.isEmpty && none.value == none.baseValue && none.isSwapOptimal)
    }

    @Test("directed graphs: the new edge is the arc u → v only; thread count does not change the result")
    func directed() throws {
        let g = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: true)
        let one = try g.bestEdgeSet(adding: [(3, 0), (0, 3)], count: 1, weighting: .unweighted, objective: .globalEfficiency)
        #expect(one.edges == [0])  // 3 → 0 closes the cycle
        #expect(agree(one.value, try g.edgeSetValue(adding: [(3, 0)], weighting: .unweighted, objective: .globalEfficiency), tolerance: 1e-15))
        let big = try Self.random(40, pieces: 2, seed: 9)
        let pairs = (0..<40).flatMap { u in [(u, (u + 7) % 40), (u, (u + 13) % 40)] }
        let a = try big.bestEdgeSet(adding: pairs, count: 3, objective: .globalEfficiency, threads: 1)
        let b = try big.bestEdgeSet(adding: pairs, count: 3, objective: .globalEfficiency, threads: 4)
        #expect(a == b)
    }
}

extension EdgeSetSearchTests {
    @Test("the incremental search (only the pairs a new edge brings closer) equals the plain one: same set, same values, same counts")
    func incrementalEqualsPlain() throws {
        for index in 0..<48 {
            let c = IncrementalRemovalTests.cases[index]
            let g = IncrementalRemovalTests.randomGraph(seed: c.seed, directed: c.directed, weights: c.weights, islands: c.islands)
            let n = g.nodeCount
            guard n >= 4 else { continue }
            let candidates = IncrementalRemovalTests.untiedPairs(of: g, directed: c.directed)
            guard !candidates.isEmpty else { continue }
            for objective in [EdgeSetObjective.globalEfficiency, .fragmentation] {
                for weighting in [EdgeWeighting.strength, .unweighted] {
                    let fast = try g.bestEdgeSet(
                        adding: candidates, count: 3, weight: 2, weighting: weighting, objective: objective,
                        maxSwapRounds: 100, threads: 2, incremental: true)
                    let plain = try g.bestEdgeSet(
                        adding: candidates, count: 3, weight: 2, weighting: weighting, objective: objective,
                        maxSwapRounds: 100, threads: 1, incremental: false)
                    #expect(fast == plain, "case \(index) \(objective.name) \(weighting)")
                }
            }
        }
    }
}
