/// Which measures ``Graph/shortestPathMeasures(_:weighting:direction:threads:)`` computes from
/// its one shortest-path search per source.
public struct PathMeasureSet: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Shortest-path betweenness (Brandes' dependency accumulation), as
    /// ``Graph/brandesBetweenness(weighting:normalized:endpoints:threads:)`` without endpoints
    /// (the plain algorithm; ``Graph/betweenness(weighting:normalized:endpoints:threads:)``
    /// shatters undirected graphs and agrees with it within 1e-12, not bit for bit).
    public static let betweenness = PathMeasureSet(rawValue: 1)
    /// Wasserman–Faust closeness, as ``Graph/closeness(weighting:direction:threads:)``.
    public static let closeness = PathMeasureSet(rawValue: 2)
    /// Harmonic centrality, as ``Graph/harmonicCentrality(weighting:direction:threads:)``.
    public static let harmonic = PathMeasureSet(rawValue: 4)
    /// Diameter, average path length, global efficiency and fragmentation, as
    /// ``Graph/pathStatistics(weighting:threads:)``.
    public static let statistics = PathMeasureSet(rawValue: 8)
    /// All four.
    public static let all: PathMeasureSet = [.betweenness, .closeness, .harmonic, .statistics]
}

/// The shortest-path measures of one graph from a single pass of single-source searches; see
/// ``Graph/shortestPathMeasures(_:weighting:direction:threads:)``. A measure not asked for is
/// `nil`.
public struct ShortestPathMeasures: Sendable {
    /// Number of nodes `n`.
    public let nodeCount: Int
    /// Whether the graph was directed.
    public let isDirected: Bool
    /// Brandes' dependency sums over ordered pairs `(s, t)` (undirected pairs counted twice),
    /// indexed by node; `nil` unless betweenness was asked for.
    public let dependencySums: [Double]?
    /// Wasserman–Faust closeness per node (in the pass's direction).
    public let closeness: [Double]?
    /// Harmonic centrality per node (in the pass's direction).
    public let harmonic: [Double]?
    /// Network-level path statistics (paths along arc directions).
    public let statistics: PathStatistics?

    /// Betweenness from the dependency sums, scaled exactly as
    /// ``Graph/betweenness(weighting:normalized:endpoints:threads:)`` with `endpoints: false`:
    /// `2 / ((n−1)(n−2))` undirected and `1 / ((n−1)(n−2))` directed when normalized, else
    /// halved for undirected graphs; unscaled for `n ≤ 2`.
    /// - Parameter normalized: rescale (NetworkX's default).
    /// - Returns: `n` values indexed by node, or `nil` when betweenness was not computed.
    /// - Complexity: `O(n)`.
    public func betweenness(normalized: Bool) -> [Double]? {
        guard let values = dependencySums else { return nil }
        return Graph.rescaledBetweenness(values, pairs: nodeCount - 1, normalized: normalized, directed: isDirected)
    }
}

extension Graph {
    /// Betweenness, closeness, harmonic centrality and the network-level path statistics
    /// (diameter, average path length, global efficiency, fragmentation) from **one**
    /// shortest-path search per source: breadth-first search unweighted, Dijkstra's algorithm
    /// weighted, the same searches as the separate functions.
    ///
    /// From the search of source `s` the pass takes, at once:
    /// - Brandes' dependency `δ_s(v) = Σ_{w: v ∈ P_s(w)} σ_sv / σ_sw · (1 + δ_s(w))`, summed
    ///   over sources into `c_B(v) = Σ_s δ_s(v)` (betweenness);
    /// - the number of nodes reached `r_s`, `Σ_t d(s, t)`, `Σ_t 1 / d(s, t)` and
    ///   `max_t d(s, t)`, from which closeness `C(s) = ((r_s − 1)/(n − 1)) · ((r_s − 1)/Σ d)`,
    ///   harmonic centrality `H(s) = Σ 1/d` and global efficiency
    ///   `E = Σ_s Σ_t 1/d(s, t) / (n(n − 1))` follow.
    ///
    /// The values are **bit-identical** to ``betweenness(weighting:normalized:endpoints:threads:)``
    /// (`endpoints: false`), ``closeness(weighting:direction:threads:)``,
    /// ``harmonicCentrality(weighting:direction:threads:)`` and ``pathStatistics(weighting:threads:)``:
    /// the betweenness uses the same node numbering, source chunks and summation order; the
    /// per-source sums add the same distances in the same order (a search settles nodes by
    /// non-decreasing distance, and the distances themselves do not depend on how ties between
    /// equally distant nodes are broken, so the sequence of summed terms is the same in any
    /// numbering). Conventions (self-loops, parallel edges, the 1e-10 tie tolerance of weighted
    /// path lengths) are those of the separate functions.
    ///
    /// Directed graphs: betweenness and the statistics follow arcs forwards. Closeness and
    /// harmonic centrality with `direction: .outgoing` come from the same searches; with
    /// `.incoming` (distances *to* the node) each source also gets a search along reversed
    /// arcs, in the same pass.
    ///
    /// Sources are split into the fixed chunks of the separate functions and partial sums are
    /// added in chunk order, so the results do not depend on the number of threads.
    ///
    /// - Parameters:
    ///   - measures: which measures to compute; the others are `nil` in the result.
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - direction: closeness and harmonic centrality of digraphs: `.incoming` (default) or
    ///     `.outgoing`; ignored for undirected graphs.
    ///   - threads: at most this many threads; `nil` lets Dispatch use every core, `1` runs on
    ///     the calling thread.
    /// - Returns: the measures.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: one search per source, `O(n m)` unweighted and `O(n (n + m) log n)`
    ///   weighted, instead of one all-source pass per measure (two per source for incoming
    ///   closeness or harmonic centrality of a digraph); memory `O(n + m)` per thread plus `16 n`
    ///   doubles of partial betweenness sums.
    ///
    /// References: U. Brandes (2001), "A faster algorithm for betweenness centrality", J. Math.
    /// Sociol. 25(2):163–177, doi:10.1080/0022250X.2001.9990249 (the dependency accumulation,
    /// whose single-source searches also give the distances); S. Wasserman & K. Faust (1994),
    /// doi:10.1017/CBO9780511815478, p. 201 (corrected closeness); M. Marchiori & V. Latora
    /// (2000), Physica A 285(3–4):539–546, doi:10.1016/S0378-4371(00)00311-3 (harmonic);
    /// V. Latora & M. Marchiori (2001), Phys. Rev. Lett. 87(19):198701,
    /// doi:10.1103/PhysRevLett.87.198701 (global efficiency).
    public func shortestPathMeasures(
        _ measures: PathMeasureSet,
        weighting: EdgeWeighting = .strength,
        direction: PathDirection = .incoming,
        threads: Int? = nil
    ) throws(GraphError) -> ShortestPathMeasures {
        let n = nodeCount
        let wantBetweenness = measures.contains(.betweenness)
        let wantCentrality = measures.contains(.closeness) || measures.contains(.harmonic)
        let wantStatistics = measures.contains(.statistics)
        // Incoming closeness of a digraph needs distances to each node: a reversed search.
        let reversed = isDirected && direction == .incoming && wantCentrality
        let forwardSums = wantStatistics || (wantCentrality && !reversed)
        let arcs = try PathArcs(graph: self, weighting: weighting, direction: .outgoing, byDegree: true)
        let inArcs = reversed ? try PathArcs(graph: self, weighting: weighting, direction: .incoming, byDegree: true) : nil

        let forward = SourceSums(count: forwardSums ? n : 0)
        let backward = SourceSums(count: reversed ? n : 0)
        defer { forward.deallocate(); backward.deallocate() }
        let chunks = SourceChunks.count(n)
        let stride = wantBetweenness ? n : 0
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: max(1, chunks * stride))
        partial.initialize(repeating: 0, count: max(1, chunks * stride))
        defer { partial.deallocate() }
        let shared = SharedBuffer(pointer: partial)
        if n > 0 {
            let work = n * max(1, arcs.arcCount) * (reversed ? 2 : 1)
            SourceChunks.forEach(count: chunks, threads: threads, work: work) { c in
                let ws = PathWorkspace(nodeCount: n)
                let wsIn = reversed ? PathWorkspace(nodeCount: n) : nil
                let heap = SettlingQueue(capacity: arcs.arcCount + 1)
                let acc: UnsafeMutablePointer<Double>? = wantBetweenness ? shared.pointer + c * stride : nil
                for s in SourceChunks.range(c, of: chunks, n: n) {
                    heap.search(arcs, ws, from: s)
                    if forwardSums { forward.record(ws, weighted: arcs.isWeighted, at: arcs.originalNode?[s] ?? s) }
                    if wantBetweenness {
                        if arcs.isWeighted {
                            ws.countWeightedPaths(arcs, from: s)
                            Brandes.dependenciesWeighted(arcs, ws, s, acc, nil, false)
                        } else {
                            Brandes.dependenciesUnweighted(arcs, ws, s, acc, nil, false)
                        }
                    }
                    if let wsIn, let inArcs {
                        heap.search(inArcs, wsIn, from: s)
                        backward.record(wsIn, weighted: inArcs.isWeighted, at: inArcs.originalNode?[s] ?? s)
                    }
                }
            }
        }

        var dependencySums: [Double]?
        if wantBetweenness {
            var total = [Double](repeating: 0, count: n)
            for c in 0..<chunks {
                if let original = arcs.originalNode {
                    for v in 0..<n { total[original[v]] += partial[c * stride + v] }
                } else {
                    for v in 0..<n { total[v] += partial[c * stride + v] }
                }
            }
            dependencySums = total
        }
        let centralitySums = reversed ? backward : forward
        var closeness: [Double]?
        if measures.contains(.closeness) {
            var result = [Double](repeating: 0, count: n)
            if n > 1 {
                for u in 0..<n {
                    let others = Double(centralitySums.reached[u] - 1)
                    let total = centralitySums.distanceSum[u]
                    if total > 0 { result[u] = (others / total) * (others / Double(n - 1)) }
                }
            }
            closeness = result
        }
        let harmonic = measures.contains(.harmonic)
            ? Array(UnsafeBufferPointer(start: centralitySums.inverseSum, count: n)) : nil
        let statistics = wantStatistics ? forward.statistics(nodeCount: n) : nil
        return ShortestPathMeasures(
            nodeCount: n, isDirected: isDirected, dependencySums: dependencySums,
            closeness: closeness, harmonic: harmonic, statistics: statistics)
    }
}

/// Per-source sums of one search per source, written by the chunk workers at the source's
/// graph index (each index by one worker, read after all finished).
private struct SourceSums: @unchecked Sendable {
    let reached: UnsafeMutablePointer<Int>
    let distanceSum: UnsafeMutablePointer<Double>
    let inverseSum: UnsafeMutablePointer<Double>
    let eccentricity: UnsafeMutablePointer<Double>

    init(count: Int) {
        let c = max(1, count)
        reached = .allocate(capacity: c); reached.initialize(repeating: 0, count: c)
        distanceSum = .allocate(capacity: c); distanceSum.initialize(repeating: 0, count: c)
        inverseSum = .allocate(capacity: c); inverseSum.initialize(repeating: 0, count: c)
        eccentricity = .allocate(capacity: c); eccentricity.initialize(repeating: 0, count: c)
    }

    func deallocate() {
        reached.deallocate(); distanceSum.deallocate(); inverseSum.deallocate(); eccentricity.deallocate()
    }

    /// The sums of the search in `ws`, in settling order, exactly as ``SourceSummaries`` adds them.
    @inline(__always)
    func record(_ ws: PathWorkspace, weighted: Bool, at u: Int) {
        var total = 0.0, inverse = 0.0, far = 0.0
        for k in 1..<max(1, ws.reached) {
            let d = ws.distance(Int(ws.order[k]), weighted: weighted)
            total += d
            inverse += 1 / d
            if d > far { far = d }
        }
        reached[u] = ws.reached
        distanceSum[u] = total; inverseSum[u] = inverse; eccentricity[u] = far
    }

    /// ``PathStatistics`` from the sums, combined in node order as ``Graph/pathStatistics(weighting:threads:)``.
    func statistics(nodeCount n: Int) -> PathStatistics {
        PathStatistics(
            nodeCount: n, reached: { reached[$0] }, distanceSums: { distanceSum[$0] }, inverseDistanceSums: { inverseSum[$0] },
            eccentricities: { eccentricity[$0] })
    }
}

/// Dijkstra's algorithm with a binary heap of `(distance, node)` entries held inline (lazy
/// deletion: a node is pushed again when its distance drops, and stale entries are skipped
/// when popped), for the one-pass measures. It settles nodes in exactly the order of
/// ``PathWorkspace/dijkstra(_:from:)``'s indexed heap, by `(distance, node index)` (the key
/// is a total order and a node's live entry carries its final distance), and computes the
/// same distances (each the minimum of the same sums `d(v) + ℓ(v, w)`), into the same
/// workspace fields, so path counting and the dependency pass run on it unchanged; the
/// comparisons read the keys without an indirection through the distance array.
/// Unweighted searches use the breadth-first search of ``PathWorkspace``.
///
/// Complexity per search: `O((n_s + m_s) log m_s)` for the `n_s` nodes and `m_s` arcs
/// reached; memory: one entry per arc, allocated once.
private final class SettlingQueue {
    struct Entry {
        var distance: Double
        var node: Int32
    }

    let entries: UnsafeMutablePointer<Entry>

    init(capacity: Int) {
        entries = .allocate(capacity: max(1, capacity))
    }

    deinit { entries.deallocate() }

    /// The search from `s` into `ws`: BFS unweighted, this queue's Dijkstra weighted.
    @inline(__always)
    func search(_ arcs: PathArcs, _ ws: PathWorkspace, from s: Int) {
        if arcs.isWeighted { dijkstra(arcs, ws, from: s) } else { ws.bfs(arcs, from: s) }
    }

    func dijkstra(_ arcs: PathArcs, _ ws: PathWorkspace, from s: Int) {
        ws.reset()
        let off = arcs.offsets, nbr = arcs.neighbors, len = arcs.lengths!
        let dist = ws.dist, settled = ws.settled, order = ws.order
        let heap = entries
        var size = 0

        @inline(__always) func before(_ a: Entry, _ b: Entry) -> Bool {
            a.distance < b.distance || (a.distance == b.distance && a.node < b.node)
        }

        dist[s] = 0
        heap[0] = Entry(distance: 0, node: Int32(s)); size = 1
        var count = 0
        while size > 0 {
            let top = heap[0]
            size -= 1
            if size > 0 {
                // Sift the last entry down from the root.
                let x = heap[size]
                var i = 0
                while true {
                    var c = 2 * i + 1
                    if c >= size { break }
                    if c + 1 < size && before(heap[c + 1], heap[c]) { c += 1 }
                    let y = heap[c]
                    if !before(y, x) { break }
                    heap[i] = y; i = c
                }
                heap[i] = x
            }
            let v = Int(top.node)
            if settled[v] >= 0 { continue }  // a stale entry: v was settled at a shorter distance
            settled[v] = Int32(count); order[count] = Int32(v); count += 1
            let dv = top.distance
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(nbr[i])
                if settled[w] < 0 {
                    let nd = dv + len[i]
                    if nd < dist[w] {
                        dist[w] = nd
                        // Sift the new entry up.
                        let x = Entry(distance: nd, node: Int32(w))
                        var j = size
                        size += 1
                        while j > 0 {
                            let p = (j - 1) >> 1
                            let y = heap[p]
                            if !before(x, y) { break }
                            heap[j] = y; j = p
                        }
                        heap[j] = x
                    }
                }
                i += 1
            }
        }
        ws.reached = count
    }
}
