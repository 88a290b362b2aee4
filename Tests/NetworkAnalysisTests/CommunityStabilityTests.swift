import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Community stability: ARI and NMI (scikit-learn), co-membership, consensus, modal share")
struct CommunityStabilityTests {
    @Test("adjusted Rand index and NMI of 7 labelings equal scikit-learn's")
    func agreement() throws {
        guard case let .array(cases)? = StatisticsReference.document?["partitions"] else { Issue.record("no partitions"); return }
        #expect(cases.count == 7)
        for c in cases {
            let a = try #require(c["a"]?.doubles).map { Int($0) }, b = try #require(c["b"]?.doubles).map { Int($0) }
            #expect(agree(PartitionAgreement.adjustedRandIndex(a, b), try #require(c["ari"]?.double), tolerance: 1e-12), "\(a) \(b)")
            #expect(agree(PartitionAgreement.normalizedMutualInformation(a, b), try #require(c["nmi"]?.double), tolerance: 1e-12), "\(a) \(b)")
        }
    }

    @Test("co-membership, modal share and the run agreement of three hand-made runs")
    func summary() {
        let runs = [[0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]]
        let s = CommunityStability(runs: runs, consensus: [5, 5, 5, 2, 2, 2])
        #expect(s.consensus == [0, 0, 0, 1, 1, 1])
        #expect(s.coMembership[0][2] == 2.0 / 3 && s.coMembership[2][3] == 1.0 / 3 && s.coMembership[0][1] == 1 && s.coMembership[4][4] == 1)
        // Node 2 leaves {0, 1, 2} in the third run: in its consensus community's best match 2 of 3 times.
        #expect(s.modalShare == [1, 1, 2.0 / 3, 1, 1, 1])
        let ari = PartitionAgreement.adjustedRandIndex(runs[0], runs[2])
        #expect(abs(s.meanAdjustedRand - (1 + 2 * ari) / 3) < 1e-15 && s.minimumAdjustedRand == ari)
        #expect(CommunityStability.consensusGraph(s.coMembership).edgeCount == 6 + 0)   // pairs together in ≥ half the runs: 3 + 3
    }

    @Test("Leiden on two cliques joined by one tie is stable over 20 seeds; on a random graph it is not (mean ARI 0.86, smallest 0.47)")
    func stableAndUnstable() throws {
        var edges: [(Int, Int)] = []
        for u in 0..<5 { for v in (u + 1)..<5 { edges.append((u, v)); edges.append((u + 5, v + 5)) } }
        edges.append((0, 5))
        let cliques = SmallGraphs.make(10, edges)
        let runs = try (0..<20).map { try cliques.leiden(seed: UInt64($0)).membership }
        let s = CommunityStability(runs: runs, consensus: try CommunityStability.consensusGraph(CommunityStability.coMembership(of: runs)).leiden(seed: 1).membership)
        #expect(s.meanAdjustedRand == 1 && s.minimumNMI == 1 && s.modalShare.allSatisfy { $0 == 1 })
        #expect(s.consensus == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        let random = SmallGraphs.random(nodes: 40, edges: 80, seed: 9, directed: false)
        let noisy = try (0..<20).map { try random.leiden(seed: UInt64($0)).membership }
        let t = CommunityStability(runs: noisy, consensus: try CommunityStability.consensusGraph(CommunityStability.coMembership(of: noisy)).leiden(seed: 1).membership)
        #expect(t.meanAdjustedRand < 0.9 && t.minimumAdjustedRand < 0.5 && t.modalShare.contains { $0 < 0.8 }, "\(t.meanAdjustedRand) \(t.minimumAdjustedRand) \(t.modalShare.min()!)")
    }
}
