import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Core numbers (Batagelj–Zaversnik)")
struct CoreNumberTests {
    /// The reference ran on the loop-free graph (NetworkX refuses self-loops); we run on the
    /// full fixture, so random_undirected/random_directed/small_directed check that loops are
    /// ignored. Directed graphs: in+out degree, as NetworkX on a DiGraph.
    @Test("agree with NetworkX (loops ignored)", arguments: StructureReference.all)
    func matchNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        expectAgree(g.coreNumbers(), try StructureReference.numbers(ref, "core_number"), "\(name) core_number")
    }

    @Test("hand-made: clique with a tail, loops, parallel edges")
    func handMade() throws {
        // K4 on 0..3, tail 3–4–5, isolate 6, loop at 5.
        var edges = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 5)]
        let g = try Graph(nodeCount: 7, edges: edges, directed: false)
        #expect(g.coreNumbers() == [3, 3, 3, 3, 1, 1, 0])
        // Doubling 4–5 counts with multiplicity: 4 and 5 become a 2-core pair.
        edges.append((5, 4))
        let doubled = try Graph(nodeCount: 7, edges: edges, directed: false)
        #expect(doubled.coreNumbers() == [3, 3, 3, 3, 2, 2, 0])
        #expect(doubled.simplified().coreNumbers() == [3, 3, 3, 3, 1, 1, 0])
    }
}
