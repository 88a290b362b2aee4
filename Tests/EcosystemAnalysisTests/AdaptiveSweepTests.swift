import Ecosystem
import FixtureSupport
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

@Suite("Adaptive sweep order: the measure recomputed after each removal (Holme et al. 2002)")
struct AdaptiveSweepTests {
    /// The highest-scoring alive item (ties to the lower index).
    static func argmax(_ scores: [Double], alive: [Bool]) -> Int {
        var best = -1
        for i in scores.indices where alive[i] && (best < 0 || scores[i] > scores[best]) { best = i }
        return best
    }

    @Test("karate, actors by betweenness: each step removes the top node of the graph left, which the static order does not")
    func actors() throws {
        let fixture = try Fixtures.graph("karate")
        let m = model(from: fixture)
        let options = AnalysisOptions(weighting: .unweighted, normalized: false)
        let network = EcosystemNetwork(model: m)
        let adaptive = try EcosystemSweep.adaptiveOrder(model: m, network: network, removal: .actors, measure: "betweenness", options: options)
        // By hand on the graph core: removed nodes become isolates (raw betweenness of the others is unchanged by that).
        let g = network.simpleGraph
        var alive = [Bool](repeating: true, count: g.nodeCount)
        var expected: [Int] = []
        for _ in 0..<g.nodeCount {
            let keep = (0..<g.edgeCount).map { alive[Int(g.edgeSources[$0])] && alive[Int(g.edgeTargets[$0])] }
            let b = try g.filteringEdges(keep).betweenness(weighting: .unweighted, normalized: false)
            let v = Self.argmax(b, alive: alive)
            expected.append(v); alive[v] = false
        }
        #expect(adaptive == expected)
        let targeted = RemovalSweep.targetedOrder(scores: try g.betweenness(weighting: .unweighted, normalized: false))
        #expect(adaptive.first == targeted.first && adaptive != targeted)
    }

    @Test("karate, relations by edge betweenness: recomputed after each removal")
    func relations() throws {
        let m = model(from: try Fixtures.graph("karate"))
        let options = AnalysisOptions(weighting: .unweighted)
        let network = EcosystemNetwork(model: m)
        let adaptive = try EcosystemSweep.adaptiveOrder(model: m, network: network, removal: .relations, measure: "edge_betweenness", options: options)
        let g = network.simpleGraph
        var alive = [Bool](repeating: true, count: g.edgeCount)
        var expected: [Int] = []
        for _ in 0..<g.edgeCount {
            let ids = (0..<g.edgeCount).filter { alive[$0] }
            let b = try g.filteringEdges(alive).edgeBetweenness(weighting: .unweighted)
            var full = [Double](repeating: -1, count: g.edgeCount)
            for (k, e) in ids.enumerated() { full[e] = b[k] }
            let e = Self.argmax(full, alive: alive)
            expected.append(e); alive[e] = false
        }
        #expect(adaptive == expected)
        let sweep = try EcosystemSweep.run(model: m, removal: .relations, order: .adaptive(measure: "edge_betweenness"), points: 3, options: options)
        #expect(sweep.removedItems.count == g.edgeCount)
    }
}
