import Testing
@testable import NetworkAnalysis

@Suite("Gould–Fernandez brokerage")
struct BrokerageTests {
    /// Hand-made directed example. Groups: X = {0, 1, 2}, Y = {3, 4}, Z = {5}.
    /// Arcs: 0→1, 1→2, 0→3, 3→2, 2→4, 5→4, 4→3, 3→5, 1→3.
    /// Open two-paths a→v→b (a ≠ b, no arc a→b), role by (group a, v, b):
    /// - v=0: nothing enters 0 → none.
    /// - v=1 (X): in {0}, out {2, 3}. (0,2): X X X → coordinator. (0,3): 0→3 exists → closed.
    /// - v=2 (X): in {1, 3}, out {4}. (1,4): X X Y → representative. (3,4): Y X Y → itinerant.
    /// - v=3 (Y): in {0, 1, 4}, out {2, 5}. (0,2): X Y X → itinerant. (0,5): X Y Z → liaison.
    ///   (1,2): 1→2 exists → closed. (1,5): X Y Z → liaison. (4,2): Y Y X → representative.
    ///   (4,5): Y Y Z → representative.
    /// - v=4 (Y): in {2, 5}, out {3}. (2,3): X Y Y → gatekeeper. (5,3): Z Y Y → gatekeeper.
    /// - v=5 (Z): in {3}, out {4}. (3,4): Y Z Y → itinerant.
    /// Role definitions as Gould & Fernandez (1989, Sociol. Methodol. 19:89–126,
    /// doi:10.2307/270949): coordinator w_I, itinerant (consultant) w_O, representative b_IO,
    /// gatekeeper b_OI, liaison b_O.
    @Test func handExample() throws {
        let g = try Graph(
            nodeCount: 6,
            edges: [(0, 1), (1, 2), (0, 3), (3, 2), (2, 4), (5, 4), (4, 3), (3, 5), (1, 3)],
            directed: true)
        let roles = try g.brokerage(groups: [0, 0, 0, 1, 1, 2])
        #expect(roles[0] == BrokerageRoles())
        #expect(roles[1] == BrokerageRoles(coordinator: 1))
        #expect(roles[2] == BrokerageRoles(itinerant: 1, representative: 1))
        #expect(roles[3] == BrokerageRoles(itinerant: 1, representative: 2, liaison: 2))
        #expect(roles[4] == BrokerageRoles(gatekeeper: 2))
        #expect(roles[5] == BrokerageRoles(itinerant: 1))
        #expect(roles.map(\.total) == [0, 1, 2, 5, 2, 1])
    }

    /// Parallel arcs and self-loops do not add paths: the same example with 0→1 doubled and
    /// a loop on 3 gives the same counts.
    @Test func multiEdgesAndLoopsIgnored() throws {
        let g = try Graph(
            nodeCount: 6,
            edges: [(0, 1), (0, 1), (1, 2), (0, 3), (3, 2), (2, 4), (5, 4), (4, 3), (3, 5), (1, 3), (3, 3)],
            directed: true)
        let roles = try g.brokerage(groups: [0, 0, 0, 1, 1, 2])
        #expect(roles.map(\.total) == [0, 1, 2, 5, 2, 1])
        #expect(roles[3] == BrokerageRoles(itinerant: 1, representative: 2, liaison: 2))
    }

    /// Undirected path a — v — b with a, v in X and b in Y: read as two arcs per edge, v brokers
    /// (a, b) as representative and (b, a) as gatekeeper. A triangle brokers nothing (closed).
    @Test func undirectedCountsBothDirections() throws {
        let path = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2)], directed: false)
        let roles = try path.brokerage(groups: [0, 0, 1])
        #expect(roles[1] == BrokerageRoles(representative: 1, gatekeeper: 1))
        #expect(roles[0].total == 0 && roles[2].total == 0)
        let triangle = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)], directed: false)
        #expect(try triangle.brokerage(groups: [0, 1, 2]).allSatisfy { $0.total == 0 })
    }

    @Test func groupsLengthChecked() throws {
        let g = try Graph(nodeCount: 3, edges: [(0, 1)], directed: true)
        #expect(throws: GraphError.self) { try g.brokerage(groups: [0, 1]) }
    }
}
