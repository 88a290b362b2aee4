/// A graph in compressed sparse row (CSR) form: dense node indices `0..<nodeCount`, each edge
/// stored once with a stable id, and parallel per-edge arrays for weight and an integer tag.
///
/// The layout follows igraph's `igraph_t` (Csárdi & Nepusz 2006, InterJournal Complex Systems
/// 1695): edges are kept in the order given (their index is their id); two CSR indices give
/// for every node the arcs that leave it (`out…`) and the arcs that enter it (`in…`).
///
/// - For a **directed** graph, edge `e = (s, t)` appears once in `s`'s out-list (neighbour `t`)
///   and once in `t`'s in-list (neighbour `s`).
/// - For an **undirected** graph, edge `e = {s, t}` appears in the out-list of both endpoints,
///   and the in-lists are the out-lists. A self-loop `{v, v}` appears **twice** in `v`'s list,
///   so `degree(v)` counts it twice, as NetworkX and igraph do.
/// - Parallel edges (multi-edges) and self-loops are representable; every algorithm states
///   what it does with them.
///
/// Within one node's list, neighbours are sorted by (neighbour index, edge id), so
/// iteration order, and every result derived from it, is deterministic.
///
/// Memory: `O(n + m)`; construction is `O(n + m)` plus sorting each adjacency list.
public struct Graph: Sendable, Equatable {
    /// Number of nodes `n`; node ids are `0..<nodeCount`.
    public let nodeCount: Int
    /// Whether edges are ordered pairs (arcs).
    public let isDirected: Bool
    /// Source (tail) of each edge, indexed by edge id. For undirected graphs, the first endpoint.
    public let edgeSources: [Int32]
    /// Target (head) of each edge, indexed by edge id. For undirected graphs, the second endpoint.
    public let edgeTargets: [Int32]
    /// Weight of each edge, indexed by edge id (1 when none was given). Its meaning
    /// (tie strength or distance) is chosen per algorithm with ``EdgeWeighting``.
    public let weights: [Double]
    /// An integer tag per edge, indexed by edge id, that callers map to their own edge types.
    public let tags: [Int32]

    /// `outOffsets[v] ..< outOffsets[v + 1]` indexes `outNeighbors` / `outEdgeIDs` for node `v`.
    public let outOffsets: [Int]
    /// Head of each arc leaving a node (for undirected graphs: the other endpoint).
    public let outNeighbors: [Int32]
    /// Edge id of each entry of `outNeighbors`.
    public let outEdgeIDs: [Int32]
    /// `inOffsets[v] ..< inOffsets[v + 1]` indexes `inNeighbors` / `inEdgeIDs` for node `v`.
    public let inOffsets: [Int]
    /// Tail of each arc entering a node (for undirected graphs, identical to `outNeighbors`).
    public let inNeighbors: [Int32]
    /// Edge id of each entry of `inNeighbors`.
    public let inEdgeIDs: [Int32]

    /// Number of edges `m` (each undirected edge counted once).
    @inlinable public var edgeCount: Int { edgeSources.count }

    /// Builds a graph from an edge list.
    ///
    /// - Parameters:
    ///   - nodeCount: number of nodes `n`; every index in `0..<n` is a node, isolated or not.
    ///   - edges: `(source, target)` pairs of node indices; the pair's position is its edge id.
    ///   - weights: one weight per edge, or `nil` for all 1. Not validated here: path measures
    ///     validate what they need (see ``EdgeWeighting``).
    ///   - tags: one tag per edge, or `nil` for all 0.
    ///   - directed: whether `(s, t)` is an arc from `s` to `t`.
    /// - Throws: ``GraphError/nodeOutOfRange(edge:node:nodeCount:)`` for an endpoint outside
    ///   `0..<n`; ``GraphError/lengthMismatch(what:expected:actual:)`` when `weights` or `tags`
    ///   do not have one entry per edge.
    /// - Complexity: `O(n + m log d)` where `d` is the largest degree.
    public init(
        nodeCount: Int,
        edges: [(Int, Int)],
        weights: [Double]? = nil,
        tags: [Int32]? = nil,
        directed: Bool
    ) throws(GraphError) {
        precondition(nodeCount >= 0, "nodeCount must not be negative")
        let m = edges.count
        if let weights, weights.count != m {
            throw .lengthMismatch(what: "weights", expected: m, actual: weights.count)
        }
        if let tags, tags.count != m {
            throw .lengthMismatch(what: "tags", expected: m, actual: tags.count)
        }
        var sources = [Int32](repeating: 0, count: m)
        var targets = [Int32](repeating: 0, count: m)
        for (e, (s, t)) in edges.enumerated() {
            guard (0..<nodeCount).contains(s) else { throw .nodeOutOfRange(edge: e, node: s, nodeCount: nodeCount) }
            guard (0..<nodeCount).contains(t) else { throw .nodeOutOfRange(edge: e, node: t, nodeCount: nodeCount) }
            sources[e] = Int32(s)
            targets[e] = Int32(t)
        }
        self.nodeCount = nodeCount
        self.isDirected = directed
        self.edgeSources = sources
        self.edgeTargets = targets
        self.weights = weights ?? [Double](repeating: 1, count: m)
        self.tags = tags ?? [Int32](repeating: 0, count: m)

        if directed {
            (outOffsets, outNeighbors, outEdgeIDs) = Graph.buildIndex(
                nodeCount: nodeCount, from: sources, to: targets, alsoReversed: false)
            (inOffsets, inNeighbors, inEdgeIDs) = Graph.buildIndex(
                nodeCount: nodeCount, from: targets, to: sources, alsoReversed: false)
        } else {
            (outOffsets, outNeighbors, outEdgeIDs) = Graph.buildIndex(
                nodeCount: nodeCount, from: sources, to: targets, alsoReversed: true)
            (inOffsets, inNeighbors, inEdgeIDs) = (outOffsets, outNeighbors, outEdgeIDs)
        }
    }

    /// Counting sort of arcs by tail, then each list sorted by (head, edge id).
    private static func buildIndex(
        nodeCount n: Int, from: [Int32], to: [Int32], alsoReversed: Bool
    ) -> ([Int], [Int32], [Int32]) {
        var offsets = [Int](repeating: 0, count: n + 1)
        for s in from { offsets[Int(s) + 1] += 1 }
        if alsoReversed { for t in to { offsets[Int(t) + 1] += 1 } }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let total = offsets[n]
        var cursor = offsets
        var neighbors = [Int32](repeating: 0, count: total)
        var edgeIDs = [Int32](repeating: 0, count: total)
        for e in 0..<from.count {
            let s = Int(from[e]), t = Int(to[e])
            neighbors[cursor[s]] = Int32(t); edgeIDs[cursor[s]] = Int32(e); cursor[s] += 1
            if alsoReversed {
                neighbors[cursor[t]] = Int32(s); edgeIDs[cursor[t]] = Int32(e); cursor[t] += 1
            }
        }
        for v in 0..<n where offsets[v + 1] - offsets[v] > 1 {
            let range = offsets[v]..<offsets[v + 1]
            let sorted = range.map { (neighbors[$0], edgeIDs[$0]) }.sorted { $0 < $1 }
            for (i, pair) in zip(range, sorted) { neighbors[i] = pair.0; edgeIDs[i] = pair.1 }
        }
        return (offsets, neighbors, edgeIDs)
    }

    /// The positions in `outNeighbors`/`outEdgeIDs` of the arcs leaving `v` (undirected: all
    /// incident edges, a self-loop twice). `v` must be in `0..<nodeCount` (traps otherwise).
    /// Complexity: `O(1)`.
    @inlinable public func outRange(of v: Int) -> Range<Int> { outOffsets[v]..<outOffsets[v + 1] }
    /// The positions in `inNeighbors`/`inEdgeIDs` of the arcs entering `v` (undirected: the
    /// same as ``outRange(of:)``). `v` must be in `0..<nodeCount` (traps otherwise).
    /// Complexity: `O(1)`.
    @inlinable public func inRange(of v: Int) -> Range<Int> { inOffsets[v]..<inOffsets[v + 1] }

    /// Out-degree of `v` (undirected: degree, self-loops counted twice). Complexity: `O(1)`.
    @inlinable public func outDegree(_ v: Int) -> Int { outOffsets[v + 1] - outOffsets[v] }
    /// In-degree of `v` (undirected: degree, self-loops counted twice). Complexity: `O(1)`.
    @inlinable public func inDegree(_ v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }

    /// The endpoint of edge `e` other than `v` (for a self-loop, `v` itself).
    ///
    /// - Parameters:
    ///   - e: an edge id in `0..<edgeCount` (traps otherwise).
    ///   - v: one endpoint of `e`; for any other node the source of `e` is returned.
    /// - Returns: the node index at the other end.
    /// - Complexity: `O(1)`.
    @inlinable public func otherEndpoint(of e: Int, from v: Int) -> Int {
        let s = Int(edgeSources[e])
        return s == v ? Int(edgeTargets[e]) : s
    }

    /// The same nodes and edges (ids, weights and tags kept) with the direction of every
    /// arc ignored. Returns `self` when already undirected.
    ///
    /// Reciprocal arcs `u→v` and `v→u` become two parallel undirected edges; algorithms that
    /// need simple graphs say how they treat them. Complexity: `O(n + m log d)`.
    public func undirected() -> Graph {
        guard isDirected else { return self }
        return try! Graph(
            nodeCount: nodeCount,
            edges: (0..<edgeCount).map { (Int(edgeSources[$0]), Int(edgeTargets[$0])) },
            weights: weights, tags: tags, directed: false)
    }

    /// The graph with the given edges left out; node indices are unchanged and the kept edges
    /// are renumbered `0..<(m − removed)` in their original order.
    ///
    /// - Parameter keep: `keep[e]` tells whether edge `e` stays; must have `edgeCount` entries
    ///   (a precondition: another length traps; nothing is thrown).
    /// - Returns: a graph with the same `nodeCount` and direction; weights and tags of the kept
    ///   edges carried over.
    /// - Complexity: `O(n + m log d)`.
    public func filteringEdges(_ keep: [Bool]) -> Graph {
        precondition(keep.count == edgeCount, "keep must have one entry per edge")
        var edges: [(Int, Int)] = []
        var w: [Double] = []
        var tg: [Int32] = []
        for e in 0..<edgeCount where keep[e] {
            edges.append((Int(edgeSources[e]), Int(edgeTargets[e])))
            w.append(weights[e]); tg.append(tags[e])
        }
        return try! Graph(nodeCount: nodeCount, edges: edges, weights: w, tags: tg, directed: isDirected)
    }

    /// Two graphs are equal when they have the same node count, direction, and the same edges
    /// in the same order (endpoints, weights and tags compared edge by edge; the CSR arrays
    /// follow from these). Edge order matters: the same edge set listed differently is unequal.
    /// Complexity: `O(m)`.
    public static func == (a: Graph, b: Graph) -> Bool {
        a.nodeCount == b.nodeCount && a.isDirected == b.isDirected && a.edgeSources == b.edgeSources
            && a.edgeTargets == b.edgeTargets && a.weights == b.weights && a.tags == b.tags
    }
}

/// Errors raised when a graph is built or an algorithm's input does not fit it.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An edge names a node index outside `0..<nodeCount`.
    case nodeOutOfRange(edge: Int, node: Int, nodeCount: Int)
    /// A per-edge or per-node array does not have the expected length.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// A weight that the chosen measure cannot use (path measures need positive finite lengths).
    case invalidWeight(edge: Int, value: Double, reason: String)
    /// An iterative method did not converge within its iteration budget.
    case notConverged(algorithm: String, iterations: Int, tolerance: Double)
    /// The measure has no unique or finite answer on this graph (e.g. Katz with α ≥ 1/λmax).
    case undefined(algorithm: String, reason: String)
    /// An option value outside its valid range.
    case invalidArgument(name: String, value: String, valid: String)
    /// The caller stopped the computation (``WorkMonitor/shouldStop``) after `done` of `total`
    /// units of work; nothing of it is returned.
    case stopped(algorithm: String, done: Int, total: Int)

    /// A one-line English message naming the offending edge, node, option or algorithm.
    public var description: String {
        switch self {
        case let .nodeOutOfRange(edge, node, n):
            return "edge \(edge) names node \(node), but valid node indices are 0..<\(n)"
        case let .lengthMismatch(what, expected, actual):
            return "\(what) has \(actual) entries; expected \(expected)"
        case let .invalidWeight(edge, value, reason):
            return "edge \(edge) has weight \(value): \(reason)"
        case let .notConverged(algorithm, iterations, tolerance):
            return "\(algorithm) did not converge within \(iterations) iterations (tolerance \(tolerance))"
        case let .undefined(algorithm, reason):
            return "\(algorithm) is undefined here: \(reason)"
        case let .invalidArgument(name, value, valid):
            return "\(name) = \(value) is not valid; expected \(valid)"
        case let .stopped(algorithm, done, total):
            return "\(algorithm) was stopped after \(done) of \(total) steps"
        }
    }
}
