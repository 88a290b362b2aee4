import NetworkAnalysis
import Testing

/// Closeness from 64-at-once breadth-first searches against one search per node.
@Suite("Closeness: multi-source BFS equals one search per node")
struct MultiSourceClosenessTests {
    /// The Wasserman–Faust closeness from `ShortestPathSearch`, one search per node.
    static func reference(_ g: Graph, _ w: EdgeWeighting, _ direction: PathDirection) throws -> [Double] {
        let n = g.nodeCount
        let search = try ShortestPathSearch(graph: g, weighting: w, direction: direction == .incoming ? .incoming : .outgoing)
        return try (0..<n).map { u in
            try search.run(from: u)
            let d = search.distances.filter { $0.isFinite }
            let others = Double(d.count - 1), total = d.reduce(0, +)
            return total > 0 ? (others / total) * (others / Double(n - 1)) : 0
        }
    }

    @Test("bit-identical to one search per node: directed and undirected, both directions, disconnected, loops and parallel edges, 1 / 2 / all threads",
          arguments: [false, true])
    func matchesSearches(directed: Bool) throws {
        for seed in UInt64(1)...6 {
            var rng = SplitMix64(seed: seed)
            let n = [1, 2, 63, 64, 65, 200][Int(seed - 1)]
            var edges: [(Int, Int)] = []
            for _ in 0..<(n * 3 / 2) { edges.append((rng.nextInt(below: n), rng.nextInt(below: n))) }
            if n > 2 { edges.append(edges[0]); edges.append((1, 1)) }
            let g = try Graph(nodeCount: n + 3, edges: edges, directed: directed)  // 3 isolated nodes
            for w in [EdgeWeighting.unweighted, .strength] {
                for direction in [PathDirection.incoming, .outgoing] {
                    let expected = try Self.reference(g, w, direction)
                    if n >= 63 { #expect(expected.contains { $0 > 0 }) }
                    for t in [1, 2, nil] as [Int?] {
                        #expect(try g.closeness(weighting: w, direction: direction, threads: t) == expected,
                                "n \(n) \(w) \(direction) threads \(String(describing: t))")
                    }
                }
            }
        }
    }
}
