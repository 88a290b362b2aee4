import FixtureSupport
@testable import NetworkAnalysis
import Testing

/// The shared pass (``Graph/pathTables(weighting:threads:distances:)``) against the four
/// separate passes it replaces, bit for bit, on the seeded random graphs of
/// `IncrementalRemovalTests` (directed and not, weighted and not, connected and not, parallel
/// edges and self-loops), with 1 and 4 threads; and the tie portfolio started from its matrix
/// against the portfolio that computes its own.
@Suite("One all-source pass gives the path statistics, closeness, removal effects and distance matrix of the separate passes, bit for bit")
struct PathTablesTests {
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern }

    @Test("shared == separate on random graphs, every thread count")
    func sharedEqualsSeparate() throws {
        for index in IncrementalRemovalTests.cases.indices {
            let c = IncrementalRemovalTests.cases[index]
            let g = IncrementalRemovalTests.randomGraph(seed: c.seed, directed: c.directed, weights: c.weights, islands: c.islands)
            let weighting: EdgeWeighting = c.weights == .none ? .unweighted : (index % 4 == 0 ? .distance : .strength)
            let n = g.nodeCount
            let stats = try g.pathStatistics(weighting: weighting)
            let closeness = try g.closeness(weighting: weighting, direction: .outgoing)
            let effects = try g.nodeRemovalEffects(weighting: weighting, threads: 1)
            let matrix = try g.distanceMatrix(weighting: weighting).distances
            for threads in [1, 4] {
                let t = try g.pathTables(weighting: weighting, threads: threads, distances: true)
                let s = t.statistics
                #expect(s.nodeCount == stats.nodeCount && s.reachablePairs == stats.reachablePairs, "case \(index)")
                #expect(Self.same(s.diameter, stats.diameter) && Self.same(s.averagePathLength, stats.averagePathLength), "case \(index)")
                #expect(Self.same(s.globalEfficiency, stats.globalEfficiency) && Self.same(s.fragmentation, stats.fragmentation), "case \(index)")
                #expect(Self.same(s.distanceWeightedFragmentation, stats.distanceWeightedFragmentation), "case \(index)")
                #expect(t.closeness.count == n && zip(t.closeness, closeness).allSatisfy { Self.same($0, $1) }, "case \(index)")
                #expect(t.removalEffects == effects, "case \(index) threads \(threads)")
                #expect(t.distances.count == n * n && zip(t.distances, matrix).allSatisfy { Self.same($0, $1) }, "case \(index)")
            }
            #expect(try g.pathTables(weighting: weighting, distances: false).distances.isEmpty)
        }
    }

    @Test("undirected: the shared closeness is the default (incoming) closeness")
    func undirectedCloseness() throws {
        let c = IncrementalRemovalTests.cases[2]
        let g = IncrementalRemovalTests.randomGraph(seed: c.seed, directed: false, weights: .small, islands: true)
        let t = try g.pathTables(weighting: .strength)
        #expect(t.closeness == (try g.closeness(weighting: .strength)))
        #expect(t.closeness.contains { $0 > 0 })
    }

    @Test("the tie portfolio from the shared matrix equals the one that computes its own")
    func portfolioFromTables() throws {
        for index in stride(from: 0, to: 48, by: 3) {
            let c = IncrementalRemovalTests.cases[index]
            let g = IncrementalRemovalTests.randomGraph(seed: c.seed, directed: c.directed, weights: c.weights, islands: c.islands)
            let n = g.nodeCount
            guard n >= 4 else { continue }
            let candidates = IncrementalRemovalTests.untiedPairs(of: g, directed: c.directed)
            guard !candidates.isEmpty else { continue }
            for weighting in [EdgeWeighting.strength, .unweighted] {
                let tables = try g.pathTables(weighting: weighting, distances: true)
                for objective in [EdgeSetObjective.globalEfficiency, .fragmentation, .componentCount] {
                    let own = try g.bestEdgeSet(adding: candidates, count: 3, weight: 2, weighting: weighting, objective: objective)
                    let shared = try g.bestEdgeSet(
                        adding: candidates, count: 3, weight: 2, weighting: weighting, objective: objective, tables: tables)
                    #expect(own == shared, "case \(index) \(objective.name) \(weighting)")
                    #expect(!own.edges.isEmpty)
                }
                // Tables of another weighting are not used: the result is still the right one.
                let other = try g.pathTables(weighting: weighting == .strength ? .unweighted : .strength, distances: true)
                let own = try g.bestEdgeSet(adding: candidates, count: 2, weighting: weighting, objective: .globalEfficiency)
                #expect(own == (try g.bestEdgeSet(adding: candidates, count: 2, weighting: weighting, objective: .globalEfficiency, tables: other)))
            }
        }
    }
}
