import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Clustering, triangles, transitivity")
struct ClusteringTests {
    /// Undirected: Watts–Strogatz / Onnela (geometric mean, w / max w); directed: Fagiolo 2007
    /// — all as NetworkX. random_undirected and random_directed have self-loops: NetworkX
    /// ignores them for triangles but includes their weights in max w, as we do.
    @Test("local clustering (unweighted and weighted) agrees with NetworkX", arguments: StructureReference.all)
    func localMatchesNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        expectAgree(try g.clustering(), try StructureReference.numbers(ref, "clustering"), "\(name) clustering")
        expectAgree(try g.clustering(weighting: .strength), try StructureReference.numbers(ref, "clustering_weighted"),
                    "\(name) weighted clustering")
    }

    @Test("average clustering agrees with NetworkX, count_zeros both ways", arguments: StructureReference.all)
    func averageMatchesNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        #expect(agree(try g.averageClustering(), try StructureReference.number(ref, "average_clustering"), tolerance: 1e-9))
        #expect(agree(try g.averageClustering(weighting: .strength),
                      try StructureReference.number(ref, "average_clustering_weighted"), tolerance: 1e-9))
        let nonzero = try StructureReference.number(ref, "average_clustering_nonzero")
        if nonzero.isNaN {
            // No triangle anywhere: NetworkX divides by zero; we throw.
            #expect(throws: GraphError.self) { try g.averageClustering(countZeros: false) }
        } else {
            #expect(agree(try g.averageClustering(countZeros: false), nonzero, tolerance: 1e-9))
        }
    }

    /// NetworkX's count_zeros=False drops every zero coefficient; igraph's mode="nan" drops
    /// only nodes of degree < 2. On karate they differ (0.6063 vs 0.5879); we follow NetworkX.
    @Test("countZeros: false is NetworkX's convention, not igraph's mode=\"nan\"")
    func countZerosConvention() throws {
        let (g, ref) = try StructureReference.load("karate")
        let ours = try g.averageClustering(countZeros: false)
        #expect(agree(ours, try StructureReference.number(ref, "average_clustering_nonzero"), tolerance: 1e-9))
        #expect(!agree(ours, try StructureReference.number(ref, "igraph_average_local_transitivity_nan"), tolerance: 1e-3))
    }

    @Test("triangles and transitivity agree with NetworkX and igraph", arguments: StructureReference.all)
    func transitivityMatches(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        expectAgree(g.triangleCounts(), try StructureReference.numbers(ref, "triangles"), "\(name) triangles")
        let t = g.transitivity()
        #expect(agree(t, try StructureReference.number(ref, "transitivity"), tolerance: 1e-12))
        #expect(agree(t, try StructureReference.number(ref, "igraph_transitivity_undirected"), tolerance: 1e-12))
    }

    @Test("undirected unweighted clustering equals igraph's local transitivity (mode zero)",
          arguments: StructureReference.undirected)
    func matchesIgraph(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        expectAgree(try g.clustering(), try StructureReference.numbers(ref, "igraph_local_transitivity_zero"),
                    "\(name) igraph transitivity_local_undirected")
    }

    @Test("hand-made: triangle with a pendant, parallel edges, bad weights")
    func handMade() throws {
        // Triangle 0-1-2, pendant 3 on 2.
        let g = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (2, 3)], weights: [1, 1, 2, 2], directed: false)
        let c = try g.clustering()
        #expect(c == [1, 1, 1.0 / 3.0, 0])
        #expect(g.triangleCounts() == [1, 1, 1, 0])
        #expect(g.transitivity() == 0.6)  // 3·1 / (1+1+3+0 triples)
        // Weighted: ŵ = w/2; node 0: (1/2 · 1/2 · 1)^{1/3}.
        let cw = try g.clustering(weighting: .strength)
        #expect(agree(cw[0], 0.6299605249474366, tolerance: 1e-12))  // ∛0.25, NetworkX gives the same
        // A doubled 0–1 tie does not change unweighted clustering.
        let doubled = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (2, 3), (1, 0)], directed: false)
        #expect(try doubled.clustering() == c)
        let negative = try Graph(nodeCount: 2, edges: [(0, 1)], weights: [-1], directed: false)
        #expect(throws: GraphError.self) { try negative.clustering(weighting: .strength) }
        #expect(throws: GraphError.self) { try Graph(nodeCount: 0, edges: [], directed: false).averageClustering() }
        // Directed 3-cycle: T = 2 (each ordering once), k_tot = 2, k↔ = 0 → 2 / (2·2) = 1/2.
        let cycle = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)], directed: true)
        #expect(try cycle.clustering() == [0.5, 0.5, 0.5])
    }
}
