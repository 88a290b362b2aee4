import Dispatch

/// Which way paths run relative to the node a per-node path measure is computed for.
///
/// For undirected graphs both cases mean the same.
public enum PathDirection: String, Sendable, CaseIterable, Codable {
    /// Paths that leave the node: distances `d(u, v)` from `u` to every other node.
    case outgoing = "out"
    /// Paths that enter the node: distances `d(v, u)` from every other node to `u`
    /// (NetworkX's convention for `closeness_centrality` and `harmonic_centrality` on digraphs).
    case incoming = "in"
}

extension Graph {
    /// Shortest-path lengths from one node to every node.
    ///
    /// Breadth-first search when `weighting` is `.unweighted` (every edge has length 1),
    /// otherwise Dijkstra's algorithm (Dijkstra 1959, "A note on two problems in connexion with
    /// graphs", Numerische Mathematik 1:269–271, doi:10.1007/BF01386390) on the lengths of
    /// ``EdgeWeighting/pathLengths(of:)`` (`1 / w` for `.strength`).
    ///
    /// - Parameters:
    ///   - source: the node the search starts from, in `0..<nodeCount`.
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - direction: `.outgoing` follows arcs forwards and returns `d(source, v)`;
    ///     `.incoming` follows them backwards and returns `d(v, source)`. Ignored for
    ///     undirected graphs.
    /// - Returns: `n` lengths indexed by node; `0` for `source`, `+∞` for nodes not reachable.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length;
    ///   ``GraphError/invalidArgument(name:value:valid:)`` for a source out of range.
    /// - Complexity: `O(n + m)` unweighted, `O((n + m) log n)` weighted; allocates the result.
    ///   For many sources reuse a ``ShortestPathSearch``.
    /// - Note: self-loops never shorten a path; parallel edges act as one edge of their
    ///   shortest length.
    public func shortestPathLengths(
        from source: Int,
        weighting: EdgeWeighting = .strength,
        direction: PathDirection = .outgoing
    ) throws(GraphError) -> [Double] {
        let search = try ShortestPathSearch(graph: self, weighting: weighting, direction: direction)
        try search.run(from: source)
        return search.distances
    }
}

/// A reusable single-source shortest-path search: distances, numbers of shortest paths and
/// the order in which nodes were settled, for one source at a time, without allocating per
/// source.
///
/// - Unweighted: breadth-first search. Path counts `σ` are exact integer sums (as `Double`).
/// - Weighted: Dijkstra's algorithm with an indexed binary heap (ties broken by node index, so
///   the settling order is deterministic), then a second pass that counts shortest paths over
///   the arcs `(v, w)` with `d(v) + ℓ(v, w) = d(w)` **within a relative tolerance of 1e-10**
///   (``PathLength/equal(_:_:)``, as igraph's `igraph_cmp_epsilon`): with lengths `1 / w`,
///   `1/2 + 1/3 + 1/6` and `1` are both shortest, and `σ` counts both paths.
///
/// Conventions: a self-loop never lies on a shortest path; each of several parallel edges
/// is a distinct shortest path (it adds to `σ` once per edge; igraph's multigraph convention).
///
/// `ShortestPathSearch` is a reference type holding its buffers: use one instance from one
/// thread at a time (make one per thread).
///
/// Complexity per ``run(from:)``: `O(n_s + m_s)` unweighted, `O((n_s + m_s) log n_s)` weighted,
/// where `n_s`, `m_s` count the nodes and arcs reached; memory `O(n + m)` once.
public final class ShortestPathSearch {
    /// Number of nodes of the graph searched.
    public let nodeCount: Int
    /// How weights were turned into lengths.
    public let weighting: EdgeWeighting
    /// Which way arcs are followed.
    public let direction: PathDirection
    let arcs: PathArcs
    let workspace: PathWorkspace
    /// The source of the last ``run(from:)``, or `nil` before the first.
    public private(set) var source: Int?

    /// Prepares a search over `graph`.
    /// - Parameters:
    ///   - graph: the graph; its weights are read once, here.
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - direction: `.outgoing` (distances from the source) or `.incoming` (distances to
    ///     it); ignored for undirected graphs.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a weight without length.
    /// - Complexity: `O(n + m)`.
    public init(
        graph: Graph,
        weighting: EdgeWeighting = .strength,
        direction: PathDirection = .outgoing
    ) throws(GraphError) {
        self.nodeCount = graph.nodeCount
        self.weighting = weighting
        self.direction = direction
        self.arcs = try PathArcs(graph: graph, weighting: weighting, direction: direction)
        self.workspace = PathWorkspace(nodeCount: graph.nodeCount)
    }

    /// Runs the search from `source`, replacing the previous results.
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` when `source` is not a node.
    /// - Complexity: see the type.
    public func run(from source: Int) throws(GraphError) {
        guard (0..<nodeCount).contains(source) else {
            throw .invalidArgument(name: "source", value: "\(source)", valid: "0..<\(nodeCount)")
        }
        workspace.search(arcs, from: source)
        if arcs.isWeighted { workspace.countWeightedPaths(arcs, from: source) }
        self.source = source
    }

    /// Number of nodes reached by the last run, the source included.
    public var reachedCount: Int { workspace.reached }

    /// Length of a shortest path between the source and `v` (in the search's direction);
    /// `+∞` when `v` was not reached. Complexity: `O(1)`.
    public func distance(to v: Int) -> Double { workspace.distance(v, weighted: arcs.isWeighted) }

    /// Number of shortest paths between the source and `v` (`σ`), `0` when not reached, `1`
    /// for the source. Complexity: `O(1)`.
    public func pathCount(to v: Int) -> Double {
        workspace.pathCount(v, weighted: arcs.isWeighted)
    }

    /// All `n` distances of the last run, indexed by node (`+∞` when unreachable).
    /// Complexity: `O(n)`; allocates.
    public var distances: [Double] { (0..<nodeCount).map(distance(to:)) }

    /// All `n` shortest-path counts of the last run, indexed by node. Complexity: `O(n)`.
    public var pathCounts: [Double] { (0..<nodeCount).map(pathCount(to:)) }

    /// The reached nodes in the order they were settled (non-decreasing distance; the source
    /// first). Complexity: `O(reachedCount)`; allocates.
    public var settledNodes: [Int] { (0..<workspace.reached).map { Int(workspace.order[$0]) } }
}

// MARK: - Internal machinery shared by the path measures

/// The arcs a path search follows, in CSR form, with one length per arc position (so the
/// inner loops read lengths contiguously). Immutable after construction.
final class PathArcs: @unchecked Sendable {
    let nodeCount: Int
    let offsets: UnsafeMutablePointer<Int>
    let neighbors: UnsafeMutablePointer<Int32>
    let edgeIDs: UnsafeMutablePointer<Int32>
    /// Per-arc lengths, or `nil` when every length is 1.
    let lengths: UnsafeMutablePointer<Double>?
    let arcCount: Int
    /// When the nodes were renumbered: `originalNode[v]` is the graph's index of internal node
    /// `v`. `nil` when internal and graph indices coincide.
    let originalNode: [Int]?
    var isWeighted: Bool { lengths != nil }

    /// - Parameter byDegree: renumber the nodes by decreasing degree (ties by index) so that
    ///   the busiest nodes' per-node state shares a few cache lines; this speeds up all-pairs
    ///   loops on skewed graphs. Only the internal numbering changes: callers map results
    ///   back through ``originalNode``.
    init(graph: Graph, weighting: EdgeWeighting, direction: PathDirection, byDegree: Bool = false) throws(GraphError) {
        let edgeLengths = try weighting.pathLengths(of: graph)
        let useIn = graph.isDirected && direction == .incoming
        let off = useIn ? graph.inOffsets : graph.outOffsets
        let nbr = useIn ? graph.inNeighbors : graph.outNeighbors
        let ids = useIn ? graph.inEdgeIDs : graph.outEdgeIDs
        let n = graph.nodeCount
        nodeCount = n
        arcCount = nbr.count
        offsets = .allocate(capacity: off.count)
        neighbors = .allocate(capacity: max(1, nbr.count))
        edgeIDs = .allocate(capacity: max(1, ids.count))
        let l: UnsafeMutablePointer<Double>? = edgeLengths == nil ? nil : .allocate(capacity: max(1, ids.count))
        lengths = l
        if byDegree && n > 1 {
            let total = (0..<n).map { graph.outDegree($0) + (graph.isDirected ? graph.inDegree($0) : 0) }
            let old = (0..<n).sorted { total[$0] != total[$1] ? total[$0] > total[$1] : $0 < $1 }
            var new = [Int32](repeating: 0, count: n)
            for (v, o) in old.enumerated() { new[o] = Int32(v) }
            originalNode = old
            var cursor = 0
            offsets[0] = 0
            for v in 0..<n {
                let o = old[v]
                let arcs = (off[o]..<off[o + 1]).map { (new[Int(nbr[$0])], ids[$0]) }
                    .sorted { $0 < $1 }
                for (w, e) in arcs {
                    neighbors[cursor] = w; edgeIDs[cursor] = e
                    if let l, let edgeLengths { l[cursor] = edgeLengths[Int(e)] }
                    cursor += 1
                }
                offsets[v + 1] = cursor
            }
        } else {
            originalNode = nil
            offsets.initialize(from: off, count: off.count)
            neighbors.initialize(from: nbr, count: nbr.count)
            edgeIDs.initialize(from: ids, count: ids.count)
            if let l, let edgeLengths {
                for i in 0..<ids.count { l[i] = edgeLengths[Int(ids[i])] }
            }
        }
    }

    deinit {
        offsets.deallocate(); neighbors.deallocate(); edgeIDs.deallocate(); lengths?.deallocate()
    }
}

/// Per-thread buffers for single-source searches. Every buffer has `n` entries and is reset
/// only at the nodes the previous search reached, so a search costs nothing for the others.
final class PathWorkspace {
    let n: Int
    /// BFS level (−1 when not reached) and σ, side by side so that the inner loops touch one
    /// cache line per arc (unweighted searches). The Brandes pass overwrites σ(w) by its
    /// coefficient `(1 + δ(w)) / σ(w)` once σ(w) is no longer needed.
    let slots: UnsafeMutablePointer<LevelSlot>
    /// Dijkstra distance, +∞ when not reached (weighted searches).
    let dist: UnsafeMutablePointer<Double>
    /// Position in `order` once settled, −1 otherwise (weighted searches).
    let settled: UnsafeMutablePointer<Int32>
    /// Number of shortest paths σ (valid for reached nodes; weighted searches).
    let sigma: UnsafeMutablePointer<Double>
    /// Brandes' `(1 + δ(w)) / σ(w)` (weighted searches, after a dependency pass).
    let coeff: UnsafeMutablePointer<Double>
    /// Reached nodes in settling order (BFS queue / Dijkstra pop order).
    let order: UnsafeMutablePointer<Int32>
    /// Binary heap of node indices keyed by `dist` and `heapSlot[v]` = position in it or −1.
    let heap: UnsafeMutablePointer<Int32>
    let heapSlot: UnsafeMutablePointer<Int32>
    /// Nodes reached by the last search (a prefix of `order`).
    var reached = 0

    init(nodeCount n: Int) {
        self.n = n
        let c = max(1, n)
        slots = .allocate(capacity: c); slots.initialize(repeating: LevelSlot(level: -1, value: 0), count: c)
        dist = .allocate(capacity: c); dist.initialize(repeating: .infinity, count: c)
        settled = .allocate(capacity: c); settled.initialize(repeating: -1, count: c)
        sigma = .allocate(capacity: c); sigma.initialize(repeating: 0, count: c)
        coeff = .allocate(capacity: c); coeff.initialize(repeating: 0, count: c)
        order = .allocate(capacity: c); order.initialize(repeating: 0, count: c)
        heap = .allocate(capacity: c); heap.initialize(repeating: 0, count: c)
        heapSlot = .allocate(capacity: c); heapSlot.initialize(repeating: -1, count: c)
    }

    deinit {
        slots.deallocate(); dist.deallocate(); settled.deallocate(); sigma.deallocate()
        coeff.deallocate(); order.deallocate(); heap.deallocate(); heapSlot.deallocate()
    }

    @inline(__always) func isReached(_ v: Int, weighted: Bool) -> Bool {
        weighted ? settled[v] >= 0 : slots[v].level >= 0
    }

    @inline(__always) func pathCount(_ v: Int, weighted: Bool) -> Double {
        if weighted { return settled[v] >= 0 ? sigma[v] : 0 }
        return slots[v].level >= 0 ? slots[v].value : 0
    }

    @inline(__always) func distance(_ v: Int, weighted: Bool) -> Double {
        if weighted { return settled[v] >= 0 ? dist[v] : .infinity }
        let l = slots[v].level
        return l >= 0 ? Double(l) : .infinity
    }

    /// Clears the marks the previous search left.
    @inline(__always) func reset() {
        for i in 0..<reached {
            let v = Int(order[i])
            slots[v].level = -1; dist[v] = .infinity; settled[v] = -1
        }
        reached = 0
    }

    /// BFS (unweighted; also counts σ) or Dijkstra (weighted; distances and order only).
    @inline(__always) func search(_ arcs: PathArcs, from s: Int) {
        if arcs.isWeighted { dijkstra(arcs, from: s) } else { bfs(arcs, from: s) }
    }

    /// Breadth-first search from `s`: `slots` (level, σ), `order`, `reached`.
    /// σ(w) = Σ σ(v) over arcs (v, w) with level(w) = level(v) + 1, one term per arc, so
    /// parallel edges count as distinct paths; a self-loop never satisfies the test.
    func bfs(_ arcs: PathArcs, from s: Int) {
        reset()
        let off = arcs.offsets, nbr = arcs.neighbors
        let slots = self.slots, order = self.order
        slots[s] = LevelSlot(level: 0, value: 1); order[0] = Int32(s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head]); head += 1
            let next = slots[v].level + 1
            let sv = slots[v].value
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(nbr[i])
                let lw = slots[w].level
                if lw < 0 {
                    slots[w] = LevelSlot(level: next, value: sv); order[tail] = Int32(w); tail += 1
                } else {
                    // Branch-free: the level test is unpredictable, the store is cheap.
                    slots[w].value += lw == next ? sv : 0
                }
                i += 1
            }
        }
        reached = tail
    }

    /// Dijkstra from `s` with an indexed binary heap keyed by (distance, node index):
    /// `dist` (true minima), `settled`, `order`, `reached`.
    func dijkstra(_ arcs: PathArcs, from s: Int) {
        reset()
        let off = arcs.offsets, nbr = arcs.neighbors, len = arcs.lengths!
        let dist = self.dist, settled = self.settled, order = self.order
        let heap = self.heap, slot = self.heapSlot
        var size = 0

        @inline(__always) func before(_ a: Int32, _ b: Int32) -> Bool {
            let da = dist[Int(a)], db = dist[Int(b)]
            return da < db || (da == db && a < b)
        }
        @inline(__always) func siftUp(_ start: Int) {
            var i = start
            let x = heap[i]
            while i > 0 {
                let p = (i - 1) >> 1
                let y = heap[p]
                if !before(x, y) { break }
                heap[i] = y; slot[Int(y)] = Int32(i); i = p
            }
            heap[i] = x; slot[Int(x)] = Int32(i)
        }
        @inline(__always) func siftDown(_ start: Int) {
            var i = start
            let x = heap[i]
            while true {
                var c = 2 * i + 1
                if c >= size { break }
                if c + 1 < size && before(heap[c + 1], heap[c]) { c += 1 }
                let y = heap[c]
                if !before(y, x) { break }
                heap[i] = y; slot[Int(y)] = Int32(i); i = c
            }
            heap[i] = x; slot[Int(x)] = Int32(i)
        }

        dist[s] = 0
        heap[0] = Int32(s); slot[s] = 0; size = 1
        var count = 0
        while size > 0 {
            let v = Int(heap[0])
            slot[v] = -1
            size -= 1
            if size > 0 { heap[0] = heap[size]; siftDown(0) }
            settled[v] = Int32(count); order[count] = Int32(v); count += 1
            let dv = dist[v]
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(nbr[i])
                if settled[w] < 0 {
                    let nd = dv + len[i]
                    if nd < dist[w] {
                        let fresh = dist[w] == .infinity
                        dist[w] = nd
                        if fresh {
                            heap[size] = Int32(w); size += 1; siftUp(size - 1)
                        } else {
                            siftUp(Int(slot[w]))
                        }
                    }
                }
                i += 1
            }
        }
        reached = count
    }

    /// After ``dijkstra(_:from:)``: σ over the shortest-path DAG, whose arcs are `(v, w)` with
    /// `w` settled after `v` and `d(v) + ℓ(v, w)` equal to `d(w)` within ``PathLength``'s
    /// relative tolerance. The Brandes dependency pass uses the very same test.
    func countWeightedPaths(_ arcs: PathArcs, from s: Int) {
        let off = arcs.offsets, nbr = arcs.neighbors, len = arcs.lengths!
        let dist = self.dist, settled = self.settled, order = self.order, sigma = self.sigma
        for k in 0..<reached { sigma[Int(order[k])] = 0 }
        sigma[s] = 1
        for k in 0..<reached {
            let v = Int(order[k])
            let dv = dist[v], sv = sigma[v]
            let kk = Int32(k)
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(nbr[i])
                if settled[w] > kk && PathLength.equal(dv + len[i], dist[w]) { sigma[w] += sv }
                i += 1
            }
        }
    }
}

/// Fixed partition of the sources `0..<n` into contiguous chunks, independent of the number
/// of cores, so that per-chunk partial results summed in chunk order are bit-identical
/// whatever the number of threads that computed them.
enum SourceChunks {
    /// At most this many chunks.
    static let maximumCount = 16

    /// Number of chunks for `n` sources.
    static func count(_ n: Int) -> Int { max(1, min(maximumCount, n)) }

    /// The sources of chunk `c` of `count` chunks over `n` sources.
    static func range(_ c: Int, of count: Int, n: Int) -> Range<Int> { (c * n / count)..<((c + 1) * n / count) }

    /// Runs `body(chunk)` for every chunk in `0..<count`, on up to `threads` threads (`nil`:
    /// as many as Dispatch gives; `1`: on the calling thread, in order). `body` must write
    /// only to storage owned by its chunk. `work` estimates the total cost; small jobs run on
    /// the calling thread.
    static func forEach(count: Int, threads: Int?, work: Int, _ body: @Sendable (Int) -> Void) {
        let t = threads.map { max(1, $0) } ?? count
        if t == 1 || count == 1 || work < 200_000 {
            for c in 0..<count { body(c) }
            return
        }
        let workers = min(t, count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var c = worker
            while c < count { body(c); c += workers }
        }
    }
}

/// A raw pointer handed to the chunk workers of ``SourceChunks/forEach(count:threads:work:_:)``.
/// Sound because every worker writes only to its own chunk's disjoint region, and the caller
/// reads the buffer only after `forEach` has returned.
struct SharedBuffer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
}

/// A node's BFS level and a `Double` (σ, later Brandes' coefficient) in 16 bytes.
struct LevelSlot {
    var level: Int32
    var value: Double
}
