import FixtureSupport
import NetworkAnalysis
import Testing

/// Shared inputs of the community tests: `Tests/Fixtures/reference/community.json`, written by
/// `Tests/Fixtures/reference_community.py` (NetworkX 3.6.1, python-igraph 0.11.8).
enum CommunityTestData {
    static func reference() throws -> JSONValue {
        try Fixtures.reference("reference/community.json")
    }

    static func ints(_ value: JSONValue?) -> [Int] {
        (value?.doubles ?? []).map { Int($0) }
    }

    /// A planted-structure case: its graph and its planted membership.
    static func planted(_ index: Int) throws -> (name: String, graph: Graph, membership: [Int]) {
        guard case let .array(cases)? = try reference()["planted"] else { throw FixtureError.missing("planted") }
        let c = cases[index]
        guard case let .string(name)? = c["name"], case let .array(edges)? = c["edges"],
              let n = c["nodeCount"]?.double else { throw FixtureError.missing("planted[\(index)]") }
        let pairs = edges.map { e -> (Int, Int) in
            let p = ints(e)
            return (p[0], p[1])
        }
        return (name, try Graph(nodeCount: Int(n), edges: pairs, directed: false), ints(c["membership"]))
    }

    /// Whether every community induces a (weakly) connected subgraph.
    static func communitiesAreConnected(_ graph: Graph, _ membership: [Int]) -> Bool {
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        var rootsPerCommunity = [Int](repeating: 0, count: (membership.max() ?? -1) + 1)
        for root in 0..<graph.nodeCount where !seen[root] {
            rootsPerCommunity[membership[root]] += 1
            seen[root] = true
            var stack = [root]
            while let v = stack.popLast() {
                for p in graph.outRange(of: v) {
                    let u = Int(graph.outNeighbors[p])
                    if !seen[u] && membership[u] == membership[v] { seen[u] = true; stack.append(u) }
                }
                for p in graph.inRange(of: v) {
                    let u = Int(graph.inNeighbors[p])
                    if !seen[u] && membership[u] == membership[v] { seen[u] = true; stack.append(u) }
                }
            }
        }
        return rootsPerCommunity.allSatisfy { $0 == 1 }
    }

    /// Communities numbered 0, 1, 2, ... in order of their smallest node.
    static func numberedBySmallestNode(_ membership: [Int]) -> Bool {
        var next = 0
        for c in membership {
            if c == next { next += 1 } else if c > next { return false }
        }
        return true
    }

    enum FixtureError: Error { case missing(String) }
}

@Suite struct CommunitiesTests {
    @Test func communitiesListsNodesInOrder() throws {
        let result = try Graph(nodeCount: 5, edges: [(0, 2), (1, 3), (3, 4)], directed: false)
            .louvain(seed: 1)
        #expect(result.membership == [0, 1, 0, 1, 1])
        #expect(result.communities == [[0, 2], [1, 3, 4]])
        #expect(result.communityCount == 2)
    }

    @Test func connectivityCheckerDetectsSplitCommunity() throws {
        // The helper itself must be able to fail: {0, 2} is not connected in the path 0-1-2.
        let path = try Graph(nodeCount: 3, edges: [(0, 1), (1, 2)], directed: false)
        #expect(!CommunityTestData.communitiesAreConnected(path, [0, 1, 0]))
        #expect(CommunityTestData.communitiesAreConnected(path, [0, 0, 1]))
    }
}
