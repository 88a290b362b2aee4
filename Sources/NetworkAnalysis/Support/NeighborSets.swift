/// The distinct neighbours of every node other than itself, sorted, with the summed strength of
/// the edges between them: the simple graph that the cohesion measures read.
///
/// - `directed == false` (or an undirected graph): the undirected reading; parallel edges and
///   reciprocal arcs merge into one neighbour whose strength is the sum of their strengths.
/// - `directed == true` on a directed graph: out-neighbours only.
/// Self-loops are left out. With `.unweighted` every merged tie has strength 1.
/// Complexity: `O(n + m log d)`.
struct NeighborSets {
    let neighbors: [[Int]]
    let strengths: [[Double]]

    init(_ graph: Graph, weighting: EdgeWeighting = .unweighted, directed: Bool = false) {
        let w = weighting.strengths(of: graph)
        let n = graph.nodeCount
        var lists = [[(Int, Double)]](repeating: [], count: n)
        for e in 0..<graph.edgeCount {
            let s = Int(graph.edgeSources[e]), t = Int(graph.edgeTargets[e])
            guard s != t else { continue }
            lists[s].append((t, w[e]))
            if !(directed && graph.isDirected) { lists[t].append((s, w[e])) }
        }
        var neighbors = [[Int]](repeating: [], count: n)
        var strengths = [[Double]](repeating: [], count: n)
        for v in 0..<n {
            for (u, x) in lists[v].sorted(by: { $0.0 < $1.0 }) {
                if neighbors[v].last == u { strengths[v][strengths[v].count - 1] += x } else {
                    neighbors[v].append(u); strengths[v].append(x)
                }
            }
        }
        self.neighbors = neighbors
        // Unweighted, a merged tie is one tie of strength 1, however many edges it merges.
        self.strengths = weighting == .unweighted ? neighbors.map { [Double](repeating: 1, count: $0.count) } : strengths
    }

    /// The position of `u` in `v`'s list, or nil. Complexity: `O(log d)`.
    func index(of u: Int, in v: Int) -> Int? {
        let list = neighbors[v]
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count && list[lo] == u ? lo : nil
    }

    func adjacent(_ v: Int, _ u: Int) -> Bool { index(of: u, in: v) != nil }
}
