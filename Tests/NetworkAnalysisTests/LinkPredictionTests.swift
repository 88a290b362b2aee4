import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Link prediction")
struct LinkPredictionTests {
    /// The reference is NetworkX on the loop-free graph (our policy ignores self-loops), every
    /// non-edge u < v; we score the full fixture, so random_undirected checks that policy.
    @Test("scores of all non-adjacent pairs agree with NetworkX", arguments: StructureReference.undirected)
    func matchNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        let lp = try #require(ref["link_prediction"])
        guard case let .array(rawPairs) = try #require(lp["pairs"]) else { Issue.record("pairs"); return }
        let pairs = rawPairs.map { p -> (Int, Int) in
            let d = p.doubles ?? [-1, -1]
            return (Int(d[0]), Int(d[1]))
        }
        for predictor in LinkPredictor.allCases {
            let expected = try StructureReference.numbers(lp, predictor.rawValue)
            let scores = try g.linkPredictionScores(for: pairs, predictor: predictor)
            expectAgree(scores, expected, "\(name) \(predictor.rawValue)")
            // The listing holds exactly the same pairs with bit-identical scores.
            let listed = g.predictedLinks(predictor: predictor)
            #expect(listed.count == pairs.count)
            var byPair: [Int: Double] = [:]
            for link in listed { byPair[link.u * g.nodeCount + link.v] = link.score }
            let fromListing = pairs.map { byPair[$0.0 * g.nodeCount + $0.1] ?? .nan }
            #expect(fromListing == scores, "\(name) \(predictor.rawValue): listing differs from per-pair scores")
        }
    }

    @Test("listing order: score descending, then u, then v; limit keeps the best")
    func ordering() throws {
        // Path 0–1–2–3 plus 1–4: common neighbours 0·2 (1), 0·4 (1), 2·4 (1), 1·3 (1), rest 0.
        let g = try Graph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (1, 4)], directed: false)
        let all = g.predictedLinks(predictor: .commonNeighbors)
        #expect(all.map { [$0.u, $0.v] } == [[0, 2], [0, 4], [1, 3], [2, 4], [0, 3], [3, 4]])
        #expect(all.map(\.score) == [1, 1, 1, 1, 0, 0])
        let top = g.predictedLinks(predictor: .commonNeighbors, limit: 3)
        #expect(top == Array(all.prefix(3)))
        let nonzero = g.predictedLinks(predictor: .commonNeighbors, includeZeroScores: false)
        #expect(nonzero == Array(all.prefix(4)))
        #expect(g.predictedLinks(predictor: .jaccard, limit: 0).isEmpty)
        // Resource allocation: 0·2 via 1 (degree 3) = 1/3; 1·3 via 2 (degree 2) = 1/2.
        let ra = g.predictedLinks(predictor: .resourceAllocation, limit: 1)
        #expect(ra == [PredictedLink(u: 1, v: 3, score: 0.5)])
    }

    @Test("directed graphs, loops and parallel edges use the simple undirected version")
    func policy() throws {
        let d = try Graph(nodeCount: 3, edges: [(0, 1), (1, 0), (2, 1), (2, 2)], directed: true)
        let u = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2)], directed: false)
        for predictor in LinkPredictor.allCases {
            #expect(try d.linkPredictionScores(for: [(0, 2)], predictor: predictor)
                    == u.linkPredictionScores(for: [(0, 2)], predictor: predictor))
        }
        #expect(try u.linkPredictionScores(for: [(0, 2)], predictor: .preferentialAttachment) == [1])
        #expect(try u.linkPredictionScores(for: [(2, 0)], predictor: .jaccard) == [1])
        #expect(throws: GraphError.self) { try u.linkPredictionScores(for: [(1, 1)], predictor: .jaccard) }
        #expect(throws: GraphError.self) { try u.linkPredictionScores(for: [(0, 3)], predictor: .jaccard) }
    }
}
