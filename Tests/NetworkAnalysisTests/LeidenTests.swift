import FixtureSupport
import NetworkAnalysis
import Testing

/// Leiden: determinism, connected communities (its guarantee), quality against NetworkX's
/// Louvain and igraph's Leiden (best of seeds 0–9, in community.json), planted structure, isolates.
@Suite struct LeidenTests {
    static let graphs = ["karate", "florentine", "kite", "random_undirected", "random_sparse",
                         "random_directed", "small_directed", "rounding_ties"]

    @Test func sameSeedSameResult() throws {
        for name in Self.graphs {
            let g = try Fixtures.graph(name).makeGraph()
            for seed: UInt64 in [0, 7, 99] {
                let a = try g.leiden(seed: seed)
                #expect(a == (try g.leiden(seed: seed)), "\(name) seed \(seed)")
                #expect(CommunityTestData.numberedBySmallestNode(a.membership))
                #expect(a.modularity == (try g.modularity(partition: a.membership)))
            }
        }
    }

    @Test func communitiesAreConnected() throws {
        for name in Self.graphs {
            let g = try Fixtures.graph(name).makeGraph()
            for seed: UInt64 in 0..<20 {
                for (resolution, randomness) in [(1.0, 0.01), (0.5, 1.0), (2.0, 0.0), (1.0, 100.0)] {
                    let r = try g.leiden(seed: seed, resolution: resolution, randomness: randomness)
                    let connected = CommunityTestData.communitiesAreConnected(g, r.membership)
                    #expect(connected, "\(name) seed \(seed) γ \(resolution) θ \(randomness)")
                }
            }
        }
    }

    @Test func qualityAgainstNetworkXAndIgraph() throws {
        let ref = try #require(try CommunityTestData.reference()["louvain"])
        for key in ref.keys {
            let entry = try #require(ref[key])
            guard case let .string(name)? = entry["graph"], case let .bool(weighted)? = entry["weighted"],
                  let best = entry["networkx_louvain_best"]?.double else { Issue.record("malformed \(key)"); continue }
            let igraphBest = entry["igraph_leiden_best"]?.double ?? best
            let g = try Fixtures.graph(name).makeGraph()
            for seed: UInt64 in 0..<10 {
                let q = try g.leiden(seed: seed, weighting: weighted ? .strength : .unweighted).modularity
                #expect(q >= max(best, igraphBest) - 0.02, "\(key) seed \(seed): \(q) vs best \(best)/\(igraphBest)")
            }
        }
    }

    @Test func refinementSplitsDisconnectedStartingCommunities() throws {
        // Two disjoint 4-cliques, started as one community. Local moves alone keep it: each
        // node gains 3 − 3·21/24 = 0.375 > 0 by staying. Only the refinement phase splits it.
        var edges: [(Int, Int)] = []
        for base in [0, 4] {
            for i in 0..<4 { for j in (i + 1)..<4 { edges.append((base + i, base + j)) } }
        }
        let g = try Graph(nodeCount: 8, edges: edges, directed: false)
        for seed: UInt64 in 0..<5 {
            for iterations in [1, 2] {
                let r = try g.leiden(seed: seed, iterations: iterations, initial: [Int](repeating: 7, count: 8))
                #expect(r.membership == [0, 0, 0, 0, 1, 1, 1, 1], "seed \(seed) iterations \(iterations)")
                #expect(abs(r.modularity - 0.5) < 1e-12)
            }
        }
        // Ring of cliques started from two disconnected halves {cliques 0, 2, 4}, {1, 3, 5}.
        let (_, ring, planted) = try CommunityTestData.planted(0)
        let halves = (0..<30).map { ($0 / 5) % 2 }
        let halvesConnected = CommunityTestData.communitiesAreConnected(ring, halves)
        #expect(!halvesConnected)
        for seed: UInt64 in 0..<10 {
            let r = try ring.leiden(seed: seed, iterations: 1, initial: halves)
            let connected = CommunityTestData.communitiesAreConnected(ring, r.membership)
            #expect(connected, "seed \(seed)")
            #expect(r.membership == planted, "seed \(seed)")
        }
        #expect(throws: GraphError.lengthMismatch(what: "initial", expected: 30, actual: 2)) {
            try ring.leiden(seed: 1, initial: [0, 1])
        }
    }

    @Test func recoversPlantedStructure() throws {
        for index in 0..<2 {
            let (name, g, planted) = try CommunityTestData.planted(index)
            for seed: UInt64 in 0..<10 {
                #expect(try g.leiden(seed: seed).membership == planted, "\(name) seed \(seed)")
                #expect(try g.leiden(seed: seed, randomness: 0).membership == planted, "\(name) greedy seed \(seed)")
            }
        }
    }

    @Test func isolatesAreSingletons() throws {
        for (name, isolates) in [("random_undirected", [37, 38, 39]), ("random_sparse", [55, 56, 57, 58, 59]),
                                 ("small_directed", [8, 9])] {
            let g = try Fixtures.graph(name).makeGraph()
            let m = try g.leiden(seed: 4).membership
            for v in isolates {
                #expect(m.indices.filter { m[$0] == m[v] } == [v], "\(name) node \(v)")
            }
        }
    }

    @Test func furtherIterationsNeverLowerModularity() throws {
        // The first iteration consumes the generator identically, so iterations: 1 is the
        // prefix of iterations: 4 for the same seed.
        var improvedSomewhere = false
        for name in ["karate", "random_undirected", "random_directed", "random_sparse"] {
            let g = try Fixtures.graph(name).makeGraph()
            for seed: UInt64 in 0..<10 {
                let one = try g.leiden(seed: seed, iterations: 1).modularity
                let four = try g.leiden(seed: seed, iterations: 4).modularity
                #expect(four >= one - 1e-12, "\(name) seed \(seed)")
                if four > one + 1e-9 { improvedSomewhere = true }
            }
        }
        #expect(improvedSomewhere)
    }

    @Test func degenerateGraphsAndErrors() throws {
        let empty = try Graph(nodeCount: 0, edges: [], directed: false).leiden(seed: 1)
        #expect(empty.membership.isEmpty && empty.modularity.isNaN)
        let edgeless = try Graph(nodeCount: 3, edges: [], directed: true).leiden(seed: 1)
        #expect(edgeless.membership == [0, 1, 2])
        let g = try Fixtures.graph("karate").makeGraph()
        #expect(throws: GraphError.self) { try g.leiden(seed: 1, randomness: -1) }
        #expect(throws: GraphError.self) { try g.leiden(seed: 1, resolution: .infinity) }
        #expect(throws: GraphError.self) { try g.leiden(seed: 1, iterations: 0) }
    }
}
