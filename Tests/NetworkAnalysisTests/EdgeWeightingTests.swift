import Testing
@testable import NetworkAnalysis

@Suite("Edge weighting and path-length comparison")
struct EdgeWeightingTests {
    func path(_ weights: [Double]) throws -> Graph {
        try Graph(nodeCount: weights.count + 1, edges: weights.indices.map { ($0, $0 + 1) }, weights: weights, directed: false)
    }

    @Test("strength gives length 1/w, distance w, none all 1")
    func lengths() throws {
        let g = try path([2, 4, 0.5])
        #expect(try EdgeWeighting.strength.pathLengths(of: g) == [0.5, 0.25, 2])
        #expect(try EdgeWeighting.distance.pathLengths(of: g) == [2, 4, 0.5])
        #expect(try EdgeWeighting.unweighted.pathLengths(of: g) == nil)
        #expect(EdgeWeighting.unweighted.strengths(of: g) == [1, 1, 1])
        #expect(EdgeWeighting.strength.strengths(of: g) == [2, 4, 0.5])
    }

    @Test("weights without a path length are refused, naming the edge", arguments: [0.0, -1, .nan, .infinity, 1e-320])
    func refused(_ bad: Double) throws {
        let g = try path([1, bad, 3])
        #expect(throws: GraphError.self) { try EdgeWeighting.strength.pathLengths(of: g) }
        do {
            _ = try EdgeWeighting.strength.pathLengths(of: g)
        } catch let GraphError.invalidWeight(edge, _, _) {
            #expect(edge == 1)
        }
    }

    @Test("1/2 + 1/3 + 1/6 ties with 1, although the floating-point sum is not 1")
    func roundingTies() {
        let sum = 1.0 / 2 + 1.0 / 3 + 1.0 / 6
        #expect(sum != 1)  // the reason the tolerance exists
        #expect(PathLength.equal(sum, 1))
        #expect(!PathLength.less(sum, 1))
        #expect(!PathLength.less(1, sum))
        #expect(PathLength.less(1, 1 + 1e-9))
        #expect(!PathLength.equal(1, 1 + 1e-9))
        // Unreachable (infinite) lengths equal only themselves.
        #expect(!PathLength.equal(5, .infinity))
        #expect(PathLength.less(5, .infinity))
        #expect(PathLength.equal(.infinity, .infinity))
    }
}
