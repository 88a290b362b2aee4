import Dispatch

/// Robustness curves of a graph under removal of its nodes or edges (Albert, Jeong & Barabási
/// 2000): after each removal, the share of the original nodes in the largest connected
/// component and the global efficiency of what is left.
///
/// Definitions, for a graph with `n` nodes from which `k` items were removed:
/// - **Largest-component share** `S(k) = |LCC_k| / n`: nodes of the largest (weakly) connected
///   component over the *original* number of nodes (Albert, Jeong & Barabási 2000, Nature
///   406:378–382, doi:10.1038/35019019; Callaway et al. 2000, Phys. Rev. Lett. 85:5468,
///   doi:10.1103/PhysRevLett.85.5468). Computed for **every** `k` at once by adding the items
///   back in reverse removal order with a union–find (Newman & Ziff 2000, Phys. Rev. Lett.
///   85:4104–4107, doi:10.1103/PhysRevLett.85.4104): `O(m α(n))` for the whole curve.
/// - **Global efficiency** `E(k) = Σ_{u ≠ v} 1/d(u, v) / (n_k (n_k − 1))` over the `n_k`
///   nodes still present (edge removal: `n_k = n`), `1/∞ = 0`, `0` when `n_k < 2` (Latora &
///   Marchiori 2001, Phys. Rev. Lett. 87:198701, doi:10.1103/PhysRevLett.87.198701; on damaged
///   networks as Crucitti, Latora, Marchiori & Rapisarda 2004, Physica A 340:388–394,
///   doi:10.1016/j.physa.2004.04.031). ``run(graph:removal:orders:points:weighting:threads:progress:shouldStop:)``
///   keeps it up to date instead of searching again at every point: one search per source on
///   the intact graph, shared by all orders, then between consecutive points only the targets
///   that lost every shortest path are searched again (decremental shortest paths, Ramalingam
///   & Reps 1996, doi:10.1006/jagm.1996.0046; see `DecrementalEfficiency`). The distances
///   are those of a search from scratch bit for bit; the sums agree with
///   ``efficiency(graph:removal:order:removed:weighting:threads:)`` (one all-pairs search of
///   the damaged graph) to far below 1e-12. Sources are split over the cores in fixed chunks
///   (results do not depend on the number of threads).
///
/// Orders: **targeted** removes items by decreasing score (a measure computed once on the
/// intact graph: the "initial" attack of Holme, Kim, Yoon & Han 2002, Phys. Rev. E 65:056109,
/// doi:10.1103/PhysRevE.65.056109), equal scores by index, NaN scores last; **random** removes them in
/// uniformly random orders, one per run, from ``SplitMix64`` streams derived from the seed, and
/// reports the mean, minimum and maximum over the runs.
public enum RemovalSweep {
    /// What a sweep removes, one at a time.
    public enum Target: String, Sendable, CaseIterable {
        /// Nodes, each with its edges.
        case nodes
        /// Edges; nodes stay (parallel edges are separate items, so sweep a simple graph to
        /// remove each connection once).
        case edges
    }

    /// The removal order of a targeted sweep: indices by decreasing `scores`, equal scores by index,
    /// NaN last.
    /// - Parameter scores: one score per item (node or edge), any scale.
    /// - Returns: a permutation of `0..<scores.count`, the first item to remove first.
    /// - Complexity: `O(k log k)` for `k` items.
    public static func targetedOrder(scores: [Double]) -> [Int] {
        scores.indices.sorted { a, b in
            let x = scores[a], y = scores[b]
            if x.isNaN != y.isNaN { return y.isNaN }
            if !x.isNaN, x != y { return x > y }
            return a < b
        }
    }

    /// `runs` random removal orders of `count` items: run `r` shuffles `0..<count` with
    /// ``SplitMix64/shuffle(_:)`` from `SplitMix64(seed: s_r)`, where `s_r` is the `r`-th output
    /// of `SplitMix64(seed: seed)`. Same seed, same orders, on every platform.
    /// - Parameters:
    ///   - count: number of items (`n` nodes or `m` edges).
    ///   - runs: number of orders.
    ///   - seed: any 64-bit seed.
    /// - Returns: `runs` permutations of `0..<count`.
    /// - Complexity: `O(runs · count)`.
    public static func randomOrders(count: Int, runs: Int, seed: UInt64) -> [[Int]] {
        var seeds = SplitMix64(seed: seed)
        return (0..<runs).map { _ in
            var rng = SplitMix64(seed: seeds.next())
            var order = Array(0..<count)
            rng.shuffle(&order)
            return order
        }
    }

    /// Evaluation points: `points` numbers of removed items spread evenly over `0...total`
    /// (rounded down, duplicates dropped), always including `0` and `total`; every step when
    /// `points > total` or `points < 2`.
    /// - Parameters:
    ///   - total: number of removable items.
    ///   - points: wanted number of evaluation points.
    /// - Returns: increasing counts of removed items, `0` first and `total` last (`[0]` when
    ///   `total` is 0).
    /// - Complexity: `O(points)`.
    public static func checkpoints(total: Int, points: Int) -> [Int] {
        guard total > 0 else { return [0] }
        guard points >= 2, points <= total else { return Array(0...total) }
        var result: [Int] = []
        for i in 0..<points {
            let k = i * total / (points - 1)
            if result.last != k { result.append(k) }
        }
        return result
    }

    /// Largest-component share `S(k)` for every `k = 0…count` along one removal order, by
    /// adding the items back in reverse order (Newman & Ziff 2000).
    ///
    /// - Parameters:
    ///   - graph: the intact graph; direction is ignored (weak components).
    ///   - removal: nodes or edges.
    ///   - order: a permutation of `0..<n` (nodes) or `0..<m` (edges).
    /// - Returns: `count + 1` shares, `S(0)` first; `S(k) = |LCC| / n` (0 for the empty graph).
    /// - Complexity: `O(n + m α(n))`; one allocation of `O(n + m)`.
    public static func largestComponentCurve(graph: Graph, removal: Target, order: [Int]) -> [Double] {
        let n = graph.nodeCount
        var parent = Array(0..<n)
        var size = [Int](repeating: 1, count: n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var largest = 0
        func union(_ a: Int, _ b: Int) {
            var ra = find(a), rb = find(b)
            guard ra != rb else { return }
            if size[ra] < size[rb] { swap(&ra, &rb) }
            parent[rb] = ra
            size[ra] += size[rb]
            if size[ra] > largest { largest = size[ra] }
        }
        var curve = [Double](repeating: 0, count: order.count + 1)
        let scale = n > 0 ? 1 / Double(n) : 0
        switch removal {
        case .nodes:
            var present = [Bool](repeating: false, count: n)
            for k in stride(from: order.count - 1, through: 0, by: -1) {
                let v = order[k]
                present[v] = true
                if largest == 0 { largest = 1 }
                for i in graph.outRange(of: v) where present[Int(graph.outNeighbors[i])] { union(v, Int(graph.outNeighbors[i])) }
                if graph.isDirected {
                    for i in graph.inRange(of: v) where present[Int(graph.inNeighbors[i])] { union(v, Int(graph.inNeighbors[i])) }
                }
                curve[k] = Double(largest) * scale
            }
        case .edges:
            largest = n > 0 ? 1 : 0
            curve[order.count] = Double(largest) * scale
            for k in stride(from: order.count - 1, through: 0, by: -1) {
                let e = order[k]
                union(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]))
                curve[k] = Double(largest) * scale
            }
        }
        return curve
    }

    /// Global efficiency `E(k)` after removing the first `k` items of `order`, over the nodes
    /// still present (see the type's definition), by one all-pairs search of what is left
    /// (the recomputation the incremental sweep is tested against). Unweighted: a
    /// breadth-first search per live node on the intact graph's CSR index, skipping removed
    /// nodes and edges through masks; weighted: Dijkstra searches
    /// (``Graph/pathStatistics(weighting:threads:)``) on the graph with the removed edges
    /// filtered out (removed nodes stay as isolates and are left out of the normalization).
    ///
    /// - Parameters:
    ///   - graph: the intact graph.
    ///   - removal: nodes or edges.
    ///   - order: the removal order.
    ///   - removed: `k`, in `0...order.count`.
    ///   - weighting: how weights become path lengths.
    ///   - threads: at most this many threads; the result does not depend on it.
    /// - Returns: `E(k)` in `[0, 1]` for unit lengths (dimensionless; in units of 1/length
    ///   otherwise), 0 when fewer than two nodes are left.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: `O(n m)` unweighted, `O(n (n + m) log n)` weighted.
    public static func efficiency(
        graph: Graph, removal: Target, order: [Int], removed k: Int,
        weighting: EdgeWeighting, threads: Int? = nil
    ) throws(GraphError) -> Double {
        if weighting == .unweighted {
            var nodeAlive = [Bool](repeating: true, count: graph.nodeCount)
            var edgeAlive: [Bool]?
            switch removal {
            case .nodes: for v in order.prefix(k) { nodeAlive[v] = false }
            case .edges:
                var alive = [Bool](repeating: true, count: graph.edgeCount)
                for e in order.prefix(k) { alive[e] = false }
                edgeAlive = alive
            }
            let a = Double(removal == .nodes ? graph.nodeCount - k : graph.nodeCount)
            guard a >= 2 else { return 0 }
            return inverseDistanceSum(graph: graph, nodeAlive: nodeAlive, edgeAlive: edgeAlive, threads: threads) / (a * (a - 1))
        }
        var keep = [Bool](repeating: true, count: graph.edgeCount)
        var alive = graph.nodeCount
        switch removal {
        case .nodes:
            var gone = [Bool](repeating: false, count: graph.nodeCount)
            for v in order.prefix(k) { gone[v] = true }
            alive -= k
            for e in 0..<graph.edgeCount where gone[Int(graph.edgeSources[e])] || gone[Int(graph.edgeTargets[e])] {
                keep[e] = false
            }
        case .edges:
            for e in order.prefix(k) { keep[e] = false }
        }
        guard alive >= 2 else { return 0 }
        let stats = try graph.filteringEdges(keep).pathStatistics(weighting: weighting, threads: threads)
        // pathStatistics divides by n(n − 1); removed nodes are isolates that add nothing.
        let n = Double(graph.nodeCount), a = Double(alive)
        return alive == graph.nodeCount ? stats.globalEfficiency : stats.globalEfficiency * (n * (n - 1)) / (a * (a - 1))
    }

    /// `Σ_{u ≠ v} 1 / d(u, v)` over the nodes with `nodeAlive` set, following only arcs
    /// between such nodes (and, when `edgeAlive` is given, only edges with it set).
    ///
    /// The intact graph's CSR index is copied once per call into a compact CSR of the live
    /// arcs (one `O(n + m)` pass with the masks; no sorting, no ``Graph`` rebuilt), then one
    /// breadth-first search runs per live node, counting the nodes first reached at level `ℓ`
    /// and adding `count / ℓ`. Self-loops and parallel edges never shorten a path.
    ///
    /// Sources are split into 64 fixed chunks; per-source sums are added in source order within
    /// a chunk and the chunk sums in chunk order, so the result does not depend on `threads`.
    /// - Complexity: `O(n (n + m))`; per thread two `n`-element buffers.
    static func inverseDistanceSum(graph: Graph, nodeAlive: [Bool], edgeAlive: [Bool]?, threads: Int?) -> Double {
        let n = graph.nodeCount
        guard n > 1 else { return 0 }
        // Compact CSR of the live arcs.
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets = [Int32]()
        targets.reserveCapacity(graph.outNeighbors.count)
        for v in 0..<n {
            if nodeAlive[v] {
                for i in graph.outRange(of: v) {
                    let w = Int(graph.outNeighbors[i])
                    if w != v, nodeAlive[w], edgeAlive?[Int(graph.outEdgeIDs[i])] ?? true { targets.append(Int32(w)) }
                }
            }
            offsets[v + 1] = targets.count
        }
        let (csrOffsets, csrTargets) = (offsets, targets)
        let chunks = min(64, n)
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: chunks)
        partial.initialize(repeating: 0, count: chunks)
        defer { partial.deallocate() }
        let out = ChunkSums(pointer: partial)
        let work: @Sendable (Int, Int) -> Void = { worker, workers in
            csrOffsets.withUnsafeBufferPointer { off in
                csrTargets.withUnsafeBufferPointer { nbr in
                    nodeAlive.withUnsafeBufferPointer { alive in
                        var c = worker
                        while c < chunks {
                            out.pointer[c] = levelSums(off.baseAddress!, nbr.baseAddress, alive.baseAddress!, n: n,
                                                       sources: (c * n / chunks)..<((c + 1) * n / chunks))
                            c += workers
                        }
                    }
                }
            }
        }
        let workers = max(1, min(threads ?? chunks, chunks))
        if workers == 1 || csrTargets.count < 2_000 {
            work(0, 1)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { work($0, workers) }
        }
        var total = 0.0
        for c in 0..<chunks { total += partial[c] }
        return total
    }

    /// `Σ_{s ∈ sources, alive} Σ_{v ≠ s} 1 / d(s, v)` by breadth-first searches over a CSR.
    @inline(never)
    static func levelSums(
        _ off: UnsafePointer<Int>, _ nbr: UnsafePointer<Int32>?, _ alive: UnsafePointer<Bool>, n: Int, sources: Range<Int>
    ) -> Double {
        guard let nbr else { return 0 }
        let stamp = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let queue = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        stamp.initialize(repeating: -1, count: n)
        defer { stamp.deallocate(); queue.deallocate() }
        var total = 0.0
        for s in sources where alive[s] {
            let mark = Int32(s)
            stamp[s] = mark
            queue[0] = mark
            var head = 0, tail = 1, level = 0
            var sum = 0.0
            while head < tail {
                let levelEnd = tail
                level += 1
                while head < levelEnd {
                    let v = Int(queue[head])
                    head += 1
                    var i = off[v]
                    let end = off[v + 1]
                    while i < end {
                        let w = Int(nbr[i])
                        if stamp[w] != mark { stamp[w] = mark; queue[tail] = Int32(w); tail += 1 }
                        i += 1
                    }
                }
                if tail > levelEnd { sum += Double(tail - levelEnd) / Double(level) }
            }
            total += sum
        }
        return total
    }

    /// The fewest evaluation points for which ``run(graph:removal:orders:points:weighting:threads:progress:shouldStop:incremental:)``
    /// keeps the efficiency up to date between points (34: batches of less than 1/32 of the
    /// items, the share above which `DecrementalEfficiency` searches rows afresh).
    public static let decrementalMinimumPoints = 34

    /// Runs a sweep: the curves along one targeted order, or the mean, minimum and maximum over
    /// random orders.
    ///
    /// - Parameters:
    ///   - graph: the intact graph.
    ///   - removal: nodes or edges.
    ///   - orders: one removal order (targeted) or one per run (random); each a permutation of
    ///     the nodes or edges.
    ///   - points: number of evaluation points (see ``checkpoints(total:points:)``).
    ///   - weighting: how weights become path lengths for the efficiency.
    ///   - threads: at most this many threads for the path searches; results do not depend on it.
    ///   - progress: called with (done, total) evaluations, on the calling thread, once for
    ///     each `done` in `1...total` in increasing order; the evaluations share their work, so
    ///     `done` counts the share of the sources finished; the library never prints.
    ///   - shouldStop: asked after each of the (at least two, when there are two sources or more)
    ///     rounds of source chunks while work is left (after each evaluation on the
    ///     all-pairs path); `true` stops the sweep (the caller
    ///     decides, e.g. from its own clock: the library reads none).
    ///   - incremental: `true` keeps the efficiency up to date between points, `false`
    ///     searches all pairs at each point; `nil` (the default) chooses by the number of points.
    /// - Returns: the curves at the evaluation points.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a weight without length;
    ///   ``GraphError/stopped(algorithm:done:total:)`` when `shouldStop` said so (no partial result).
    /// - Complexity: `O(n m log n)` for the searches on the intact graph, plus per source, run
    ///   and evaluation point the arcs of the items removed since the last point and the repair
    ///   of the targets that lost every shortest path (`O(Σ deg · log n)` over them); never more
    ///   than recomputation, `O(runs · points · n m log n)`, and on ecosystem-shaped graphs far
    ///   less. Memory `O(n + m)` per chunk in flight and `O(runs · m)` for the removal steps.
    ///
    /// With few evaluation points (at most ``decrementalMinimumPoints`` − 1), each batch removes
    /// so much that most rows would be searched afresh anyway, and one all-pairs search per
    /// point (``efficiency(graph:removal:order:removed:weighting:threads:)``, breadth-first
    /// levels on masks when unweighted) is faster; `incremental` forces either path (the tests
    /// compare them).
    public static func run(
        graph: Graph, removal: Target, orders: [[Int]], points: Int,
        weighting: EdgeWeighting, threads: Int? = nil,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        shouldStop: (() -> Bool)? = nil,
        incremental: Bool? = nil
    ) throws(GraphError) -> SweepCurves {
        let total = removal == .nodes ? graph.nodeCount : graph.edgeCount
        let steps = checkpoints(total: total, points: points)
        var shares: [[Double]] = []
        for order in orders {
            precondition(order.count == total, "a removal order lists every node (or edge) once")
            let curve = largestComponentCurve(graph: graph, removal: removal, order: order)
            shares.append(steps.map { curve[$0] })
        }
        if !(incremental ?? (steps.count >= decrementalMinimumPoints)) {
            var efficiencies: [[Double]] = []
            var done = 0
            for order in orders {
                var row: [Double] = []
                for k in steps {
                    row.append(try efficiency(graph: graph, removal: removal, order: order, removed: k, weighting: weighting, threads: threads))
                    done += 1
                    progress?(done, orders.count * steps.count)
                    if done < orders.count * steps.count, shouldStop?() == true {
                        throw .stopped(algorithm: "removal sweep", done: done, total: orders.count * steps.count)
                    }
                }
                efficiencies.append(row)
            }
            return SweepCurves(removed: steps, total: total, shareRuns: shares, efficiencyRuns: efficiencies)
        }
        let sums = try DecrementalEfficiency.inverseDistanceSums(
            graph: graph, removal: removal, orders: orders, steps: steps, weighting: weighting, threads: threads,
            progress: progress, shouldStop: shouldStop)
        let efficiencies = sums.map { row in
            zip(steps, row).map { k, sum in
                let a = Double(removal == .nodes ? graph.nodeCount - k : graph.nodeCount)
                return a >= 2 ? sum / (a * (a - 1)) : 0
            }
        }
        return SweepCurves(removed: steps, total: total, shareRuns: shares, efficiencyRuns: efficiencies)
    }
}

/// Per-chunk sums written by the efficiency workers: each chunk index is written by exactly
/// one worker, and the sums are read only after all workers finished.
struct ChunkSums: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
}
