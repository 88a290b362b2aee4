import FixtureSupport
import NetworkAnalysis
import Testing

@Suite("Connected and strongly connected components")
struct ComponentsTests {
    @Test("(weakly) connected components agree with NetworkX", arguments: StructureReference.all)
    func componentsMatchNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        let c = g.connectedComponents()
        expectAgree(c.membership, try StructureReference.numbers(ref, "components"), "\(name) components")
        expectAgree(c.sizes, try StructureReference.numbers(ref, "component_sizes"), "\(name) component sizes")
    }

    @Test("Tarjan SCC agrees with NetworkX", arguments: StructureReference.directed)
    func sccMatchesNetworkX(name: String) throws {
        let (g, ref) = try StructureReference.load(name)
        let c = g.stronglyConnectedComponents()
        expectAgree(c.membership, try StructureReference.numbers(ref, "scc"), "\(name) scc")
        expectAgree(c.sizes, try StructureReference.numbers(ref, "scc_sizes"), "\(name) scc sizes")
    }

    /// small_directed: A→B→C→A, C→D, B→D, D⇄E, F→G→H→F, G→F, I→I, J isolated.
    @Test("small_directed by hand: SCCs {A,B,C} {D,E} {F,G,H} {I} {J}")
    func smallDirectedByHand() throws {
        let g = try Fixtures.graph("small_directed").makeGraph()
        let scc = g.stronglyConnectedComponents()
        #expect(scc.membership == [0, 0, 0, 1, 1, 2, 2, 2, 3, 4])
        #expect(scc.sizes == [3, 2, 3, 1, 1])
        let weak = g.connectedComponents()
        #expect(weak.membership == [0, 0, 0, 0, 0, 1, 1, 1, 2, 3])
        #expect(weak.sizes == [5, 3, 1, 1])
        #expect(weak.largest == 0)
        #expect(g.largestComponent() == [0, 1, 2, 3, 4])
        // Largest SCC: {A,B,C} and {F,G,H} tie at 3; the one with the smaller node wins.
        #expect(g.largestComponent(strongly: true) == [0, 1, 2])
        #expect(!g.isConnected)
    }

    @Test("isolates, self-loops and parallel edges")
    func isolatesAndLoops() throws {
        // 0 isolated, 1 with a loop only, 2=3 doubled, 4-5 and a loop at 5.
        let g = try Graph(nodeCount: 6, edges: [(1, 1), (2, 3), (3, 2), (4, 5), (5, 5)], directed: false)
        let c = g.connectedComponents()
        #expect(c.membership == [0, 1, 2, 2, 3, 3])
        #expect(c.sizes == [1, 1, 2, 2])
        #expect(g.largestComponent() == [2, 3])
        #expect(g.stronglyConnectedComponents() == c)
        let empty = try Graph(nodeCount: 0, edges: [], directed: true)
        #expect(empty.connectedComponents().count == 0)
        #expect(empty.largestComponent().isEmpty)
        #expect(!empty.isConnected)
    }

    @Test("a long directed cycle does not overflow the stack (iterative Tarjan)")
    func longCycle() throws {
        let n = 200_000
        let g = try Graph(nodeCount: n, edges: (0..<n).map { ($0, ($0 + 1) % n) }, directed: true)
        #expect(g.stronglyConnectedComponents().sizes == [n])
        let path = try Graph(nodeCount: n, edges: (0..<(n - 1)).map { ($0, $0 + 1) }, directed: true)
        let scc = path.stronglyConnectedComponents()
        #expect(scc.count == n)
        #expect(scc.membership[n - 1] == n - 1)
    }
}
