import FixtureSupport
import NetworkAnalysis
import Testing

/// Louvain: partitions cannot match other implementations node for node, so these tests prove
/// determinism, quality against NetworkX's `louvain_communities` (best of seeds 0–9, recorded
/// in community.json), exact recovery of planted structure, and the isolate convention.
@Suite struct LouvainTests {
    @Test func sameSeedSameResult() throws {
        for (name, weighting) in [("karate", EdgeWeighting.strength), ("random_undirected", .strength),
                                  ("random_directed", .strength), ("florentine", .unweighted)] {
            let g = try Fixtures.graph(name).makeGraph()
            for seed: UInt64 in [0, 1, 12345] {
                let a = try g.louvain(seed: seed, weighting: weighting)
                let b = try g.louvain(seed: seed, weighting: weighting)
                #expect(a == b, "\(name) seed \(seed)")
                #expect(CommunityTestData.numberedBySmallestNode(a.membership))
                #expect(a.communityCount == Set(a.membership).count)
                #expect(a.modularity == (try g.modularity(partition: a.membership, weighting: weighting)))
            }
        }
    }

    @Test func differentSeedsVisitDifferently() throws {
        // Guards against the seed being ignored: on random_undirected some seeds disagree.
        let g = try Fixtures.graph("random_undirected").makeGraph()
        let memberships = Set(try (0..<10).map { try g.louvain(seed: UInt64($0)).membership })
        #expect(memberships.count > 1)
    }

    /// Every seed 0–9 must reach NetworkX's best modularity over its seeds 0–9 minus 0.02.
    @Test func qualityAgainstNetworkX() throws {
        let ref = try #require(try CommunityTestData.reference()["louvain"])
        #expect(ref.keys.count == 5)
        for key in ref.keys {
            let entry = try #require(ref[key])
            guard case let .string(name)? = entry["graph"], case let .bool(weighted)? = entry["weighted"],
                  let best = entry["networkx_louvain_best"]?.double else { Issue.record("malformed \(key)"); continue }
            let g = try Fixtures.graph(name).makeGraph()
            for seed: UInt64 in 0..<10 {
                let r = try g.louvain(seed: seed, weighting: weighted ? .strength : .unweighted)
                #expect(r.modularity >= best - 0.02, "\(key) seed \(seed): \(r.modularity) vs NetworkX best \(best)")
            }
        }
    }

    @Test func karateReachesKnownOptimumRegion() throws {
        // NetworkX/igraph best: 0.4198 unweighted, 0.4449 weighted (community.json).
        let g = try Fixtures.graph("karate").makeGraph()
        let unweighted = try (0..<10).map { try g.louvain(seed: UInt64($0), weighting: .unweighted).modularity }
        let weighted = try (0..<10).map { try g.louvain(seed: UInt64($0)).modularity }
        #expect(unweighted.max()! > 0.41)
        #expect(weighted.max()! > 0.43)
    }

    @Test func recoversPlantedStructure() throws {
        for index in 0..<2 {
            let (name, g, planted) = try CommunityTestData.planted(index)
            for seed: UInt64 in 0..<10 {
                #expect(try g.louvain(seed: seed).membership == planted, "\(name) seed \(seed)")
            }
        }
    }

    @Test func isolatesAreSingletons() throws {
        for (name, isolates) in [("random_undirected", [37, 38, 39]), ("random_sparse", [55, 56, 57, 58, 59]),
                                 ("small_directed", [8, 9])] {  // 8 = I has only a self-loop
            let g = try Fixtures.graph(name).makeGraph()
            let m = try g.louvain(seed: 3).membership
            for v in isolates {
                #expect(m.indices.filter { m[$0] == m[v] } == [v], "\(name) node \(v)")
            }
        }
    }

    @Test func zeroResolutionGivesConnectedComponents() throws {
        // With γ = 0 every tie is a gain: each component becomes one community.
        let g = try Fixtures.graph("random_sparse").makeGraph()
        let m = try g.louvain(seed: 5, resolution: 0).membership
        var parent = Array(0..<g.nodeCount)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
        for e in 0..<g.edgeCount { parent[find(Int(g.edgeSources[e]))] = find(Int(g.edgeTargets[e])) }
        for u in 0..<g.nodeCount {
            for v in 0..<g.nodeCount where u < v {
                #expect((m[u] == m[v]) == (find(u) == find(v)), "nodes \(u), \(v)")
            }
        }
    }

    @Test func degenerateGraphs() throws {
        let empty = try Graph(nodeCount: 0, edges: [], directed: false).louvain(seed: 1)
        #expect(empty.membership.isEmpty && empty.communityCount == 0 && empty.modularity.isNaN)
        let edgeless = try Graph(nodeCount: 4, edges: [], directed: false).louvain(seed: 1)
        #expect(edgeless.membership == [0, 1, 2, 3])
        #expect(edgeless.modularity.isNaN)
        let g = try Fixtures.graph("karate").makeGraph()
        #expect(throws: GraphError.self) { try g.louvain(seed: 1, resolution: -0.5) }
    }

    @Test func higherResolutionSplitsMore() throws {
        let g = try Fixtures.graph("karate").makeGraph()
        let coarse = try g.louvain(seed: 2, resolution: 0.5).communityCount
        let fine = try g.louvain(seed: 2, resolution: 2.5).communityCount
        #expect(coarse < fine)
    }
}
