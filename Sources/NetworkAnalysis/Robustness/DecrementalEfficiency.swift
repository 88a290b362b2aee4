import Dispatch

/// The global-efficiency curves of a removal sweep kept up to date as the items go, instead of
/// one all-pairs search per evaluation point (decremental single-source shortest paths).
///
/// **Idea.** Fix a source `s` and its distances `d(s, ·)` in the graph `G` left after the
/// first `k₀` removals. Its shortest-path DAG has the arcs `x → b` with `d(x) < d(b)` and
/// `d(x) + ℓ(x, b) = d(b)` (exact floating-point equality). Removing the next items (nodes,
/// with their arcs, or edges) up to `k₁` can lengthen `d(s, b)` only for the nodes `b` that
/// lose *every* DAG arc into them, directly or because the tail lost all of its own. These
/// *affected* nodes are found by counting, per node touched, its DAG arcs still standing
/// (phase 1 of Ramalingam & Reps 1996); every other node keeps its distance. The affected
/// nodes are then searched again by a Dijkstra restricted to them, seeded with the best way
/// in from an unaffected node (phase 2). The row sum `Σ_b 1/d(s, b)` is updated by the
/// changed terms only, in a compensated (double-double) sum. Sources whose DAG contains none
/// of the removed items do no work beyond looking at the removed items' arcs. When more than
/// half of the nodes `s` reaches are affected (a hub removed early in a targeted sweep), or the
/// items removed since the last point hold more than 1/32 of the arcs (few evaluation
/// points), the row is searched from scratch on what is left instead, which is cheaper.
///
/// **Exactness.** Dijkstra's floating-point distances are the minima over paths of the
/// left-to-right sums of the lengths (rounding is monotone), so the repaired distances equal
/// those of a search of the damaged graph bit for bit; only the order of the row sums differs
/// (compensated, so the curves agree with recomputation to far below 1e-12).
///
/// **Schedule.** One search per source on the intact graph, shared by every order; then per
/// source, per order, the batches of removals between consecutive evaluation points. Sources
/// are split into 64 fixed chunks; each chunk adds its sources' row sums in source order and
/// the chunk sums are added in chunk order, so the curves do not depend on the number of
/// threads. Memory `O(n + m)` per chunk in flight, plus `O(m)` removal positions per order.
///
/// **Complexity.** `O(n (m + n) log n)` for the first searches plus, per source and batch,
/// `O(Σ_{removed r} deg(r))` to look at the removed arcs and `O(Σ_{affected b} deg(b) log n)`
/// to repair; at worst (everything affected at every point) the cost of recomputation.
///
/// References: G. Ramalingam & T. Reps (1996), "An incremental algorithm for a generalization
/// of the shortest-path problem", J. Algorithms 21(2):267–305, doi:10.1006/jagm.1996.0046;
/// P. Holme, B. J. Kim, C. N. Yoon & S. K. Han (2002), "Attack vulnerability of complex
/// networks", Phys. Rev. E 65:056109, doi:10.1103/PhysRevE.65.056109.
enum DecrementalEfficiency {
    /// Number of fixed source chunks.
    static let chunkCount = 64

    /// `Σ_{s alive} Σ_{b ≠ s} 1/d(s, b)` for every order and evaluation point:
    /// `result[o][p]` after removing the first `steps[p]` items of `orders[o]`.
    ///
    /// - Parameters:
    ///   - graph: the intact graph.
    ///   - removal: nodes or edges.
    ///   - orders: permutations of the nodes (or edges).
    ///   - steps: increasing numbers of removed items, `0` first.
    ///   - weighting: how weights become lengths.
    ///   - threads: at most this many threads; the sums do not depend on it.
    ///   - progress: called on the calling thread with (done, total) evaluations, each done
    ///     count once, in increasing order (the work is shared, so `done` counts the share of
    ///     sources finished as evaluations).
    ///   - shouldStop: asked after each round of chunks while work is left.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)``, ``GraphError/stopped(algorithm:done:total:)``.
    static func inverseDistanceSums(
        graph: Graph, removal: RemovalSweep.Target, orders: [[Int]], steps: [Int],
        weighting: EdgeWeighting, threads: Int?,
        progress: ((Int, Int) -> Void)?, shouldStop: (() -> Bool)?
    ) throws(GraphError) -> [[Double]] {
        let n = graph.nodeCount
        let totalEvaluations = orders.count * steps.count
        guard n > 1, !orders.isEmpty else {
            for d in stride(from: 1, through: totalEvaluations, by: 1) { progress?(d, totalEvaluations) }
            return orders.map { _ in steps.map { _ in 0 } }
        }
        let out = try PathArcs(graph: graph, weighting: weighting, direction: .outgoing)
        let into = try PathArcs(graph: graph, weighting: weighting, direction: .incoming)
        let edgeLength = try weighting.pathLengths(of: graph) ?? [Double](repeating: 1, count: graph.edgeCount)
        let setup = SweepSetup(graph: graph, removal: removal, orders: orders, steps: steps, out: out, into: into, edgeLength: edgeLength)

        let chunks = min(chunkCount, n)
        let perChunk = orders.count * steps.count
        let partial = UnsafeMutablePointer<CompensatedSum>.allocate(capacity: chunks * perChunk)
        partial.initialize(repeating: CompensatedSum(), count: chunks * perChunk)
        defer { partial.deallocate() }
        let shared = SharedBuffer(pointer: partial)
        let roundSize = max(1, chunks / 8)
        let workers = max(1, threads ?? chunks)
        var reported = 0
        var chunk = 0
        while chunk < chunks {
            let first = chunk, last = min(chunks, chunk + roundSize)
            let body: @Sendable (Int) -> Void = { c in
                let w = SweepWorkspace(nodeCount: n, arcCount: out.arcCount)
                setup.run(sources: SourceChunks.range(c, of: chunks, n: n), workspace: w, into: shared.pointer + c * perChunk)
            }
            if workers == 1 || last - first == 1 || out.arcCount < 2_000 {
                for c in first..<last { body(c) }
            } else {
                DispatchQueue.concurrentPerform(iterations: last - first) { body(first + $0) }
            }
            chunk = last
            let done = totalEvaluations * chunk / chunks
            while reported < done { reported += 1; progress?(reported, totalEvaluations) }
            if chunk < chunks, shouldStop?() == true {
                throw .stopped(algorithm: "removal sweep", done: done, total: totalEvaluations)
            }
        }
        return (0..<orders.count).map { o in
            (0..<steps.count).map { p in
                var total = CompensatedSum()
                for c in 0..<chunks { total.add(partial[c * perChunk + o * steps.count + p]) }
                return total.value
            }
        }
    }
}

/// What every chunk reads: the arcs with their lengths, and per order the step at which each
/// node and each arc goes. Immutable once built.
final class SweepSetup: @unchecked Sendable {
    let n: Int
    let isDirected: Bool
    let removal: RemovalSweep.Target
    let orders: [[Int]]
    let steps: [Int]
    let out: PathArcs, into: PathArcs
    /// Per arc position, its length (1 when unweighted).
    let outLength: [Double], inLength: [Double]
    let edgeLength: [Double]
    let edgeSources: [Int32], edgeTargets: [Int32]
    /// Per order: the number of removals after which each node is gone (`n` or more: never,
    /// within a node sweep; `Int32.max` in an edge sweep), and the same per arc position (the
    /// earliest of its edge and its two ends).
    let nodeGone: [[Int32]]
    let outGone: [[Int32]], inGone: [[Int32]]
    /// Per order and evaluation point: search the rows afresh instead of repairing them.
    let freshBatch: [[Bool]]
    /// `Int32.max` per out-arc position: the intact graph.
    let neverGone: [Int32]

    init(graph: Graph, removal: RemovalSweep.Target, orders: [[Int]], steps: [Int], out: PathArcs, into: PathArcs, edgeLength: [Double]) {
        n = graph.nodeCount
        isDirected = graph.isDirected
        self.removal = removal; self.orders = orders; self.steps = steps
        self.out = out; self.into = into; self.edgeLength = edgeLength
        edgeSources = graph.edgeSources; edgeTargets = graph.edgeTargets
        outLength = (0..<out.arcCount).map { out.lengths?[$0] ?? 1 }
        inLength = (0..<into.arcCount).map { into.lengths?[$0] ?? 1 }
        var nodes: [[Int32]] = [], outs: [[Int32]] = [], ins: [[Int32]] = []
        let n = graph.nodeCount
        for order in orders {
            var node = [Int32](repeating: .max, count: n)
            var edge = [Int32](repeating: .max, count: graph.edgeCount)
            switch removal {
            case .nodes: for (k, v) in order.enumerated() { node[v] = Int32(k) }
            case .edges: for (k, e) in order.enumerated() { edge[e] = Int32(k) }
            }
            func arcs(_ a: PathArcs) -> [Int32] {
                var gone = [Int32](repeating: 0, count: a.arcCount)
                for v in 0..<n {
                    for i in a.offsets[v]..<a.offsets[v + 1] {
                        gone[i] = min(node[v], node[Int(a.neighbors[i])], edge[Int(a.edgeIDs[i])])
                    }
                }
                return gone
            }
            nodes.append(node); outs.append(arcs(out)); ins.append(arcs(into))
        }
        nodeGone = nodes; outGone = outs; inGone = ins
        // A batch whose removed items hold more than 1/32 of the arcs is searched afresh.
        freshBatch = orders.map { order in
            steps.indices.map { q in
                guard q > 0 else { return false }
                var arcs = 0
                for item in order[steps[q - 1]..<steps[q]] {
                    arcs += removal == .nodes ? out.offsets[item + 1] - out.offsets[item] + into.offsets[item + 1] - into.offsets[item] : 2
                }
                return 32 * arcs > out.arcCount + into.arcCount
            }
        }
        neverGone = [Int32](repeating: .max, count: max(1, out.arcCount))
    }

    /// Runs every order for the given sources, adding each source's row sum at every point
    /// into `sums[o * steps.count + p]` (in source order).
    func run(sources: Range<Int>, workspace w: SweepWorkspace, into sums: UnsafeMutablePointer<CompensatedSum>) {
        let p = steps.count
        outLength.withUnsafeBufferPointer { outLen in
            inLength.withUnsafeBufferPointer { inLen in
                for s in sources {
                    // The intact graph's row, shared by every order.
                    var baseSum = CompensatedSum()
                    let baseReach = neverGone.withUnsafeBufferPointer { never in
                        w.search(s, out: out, length: outLen.baseAddress!, gone: never.baseAddress!, after: 0, row: w.base, sum: &baseSum)
                    }
                    for o in 0..<orders.count {
                        w.row.update(from: w.base, count: n)
                        var sum = baseSum, reach = baseReach
                        sums[o * p].add(sum)
                        nodeGone[o].withUnsafeBufferPointer { nodeGone in
                            outGone[o].withUnsafeBufferPointer { outGone in
                                inGone[o].withUnsafeBufferPointer { inGone in
                                    let state = BatchArcs(
                                        out: out, into: into, outLength: outLen.baseAddress!, inLength: inLen.baseAddress!,
                                        nodeGone: nodeGone.baseAddress!, outGone: outGone.baseAddress!, inGone: inGone.baseAddress!)
                                    for q in 1..<max(1, p) {
                                        let k0 = steps[q - 1], k1 = steps[q]
                                        if Int(nodeGone[s]) < k1 { break }  // the source is gone: its row counts 0 from here
                                        if reach > 0 {
                                            removeBatch(s, orders[o][k0..<k1], k0: k0, k1: k1, fresh: freshBatch[o][q],
                                                        arcs: state, workspace: w, sum: &sum, reach: &reach)
                                        }
                                        sums[o * p + q].add(sum)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Updates source `s`'s row, sum and reach for the removal of `items` (removals `k0..<k1`).
    func removeBatch(
        _ s: Int, _ items: ArraySlice<Int>, k0: Int, k1: Int, fresh: Bool, arcs a: BatchArcs, workspace w: SweepWorkspace,
        sum: inout CompensatedSum, reach: inout Int
    ) {
        let row = w.row
        let k0 = Int32(k0), k1 = Int32(k1)
        let outOff = a.out.offsets, outNbr = a.out.neighbors, inOff = a.into.offsets, inNbr = a.into.neighbors
        let outLen = a.outLength, inLen = a.inLength, outGone = a.outGone, inGone = a.inGone, nodeGone = a.nodeGone
        w.stamp += 1
        let stamp = w.stamp
        var affected = 0
        @inline(__always) func isDAG(_ dx: Double, _ l: Double, _ db: Double) -> Bool { dx < db && dx + l == db }
        // One DAG arc into b stops counting; b is affected when none is left.
        @inline(__always) func lose(_ b: Int) {
            if w.counted[b] != stamp {
                w.counted[b] = stamp
                var c: Int32 = 0
                let db = row[b]
                for j in inOff[b]..<inOff[b + 1] where inGone[j] >= k0 && isDAG(row[Int(inNbr[j])], inLen[j], db) { c += 1 }
                w.support[b] = c
            }
            w.support[b] -= 1
            if w.support[b] == 0 { w.affectedMark[b] = stamp; w.affected[affected] = Int32(b); affected += 1 }
        }
        if fresh {
            // The removed items carry a large share of the arcs: every row changes a lot, and a
            // search of what is left is cheaper than finding out what changed.
            var total = CompensatedSum()
            reach = w.search(s, out: a.out, length: outLen, gone: outGone, after: k1, row: row, sum: &total)
            sum = reach > 0 ? total : CompensatedSum()
            return
        }
        // Removed targets leave the row; the arcs that went seed phase 1.
        switch removal {
        case .nodes:
            for r in items {
                let dr = row[r]
                guard dr < .infinity else { continue }
                sum.add(-1 / dr); reach -= 1
                for i in outOff[r]..<outOff[r + 1] {
                    let b = Int(outNbr[i])
                    if outGone[i] >= k0 && nodeGone[b] >= k1 && isDAG(dr, outLen[i], row[b]) { lose(b) }
                }
            }
        case .edges:
            for e in items {
                let u = Int(edgeSources[e]), v = Int(edgeTargets[e]), l = edgeLength[e]
                guard u != v else { continue }
                if isDAG(row[u], l, row[v]) { lose(v) }
                if !isDirected && isDAG(row[v], l, row[u]) { lose(u) }
            }
        }
        guard affected > 0 else {
            if reach == 0 { sum = CompensatedSum() }
            return
        }
        // Phase 1: propagate along the DAG arcs still standing.
        var head = 0
        while head < affected {
            if 2 * affected > reach { break }
            let b = Int(w.affected[head]); head += 1
            let db = row[b]
            for i in outOff[b]..<outOff[b + 1] {
                let y = Int(outNbr[i])
                if outGone[i] >= k1 && isDAG(db, outLen[i], row[y]) { lose(y) }
            }
        }
        if 2 * affected > reach {
            // Most of the row changes: search what is left from scratch.
            var fresh = CompensatedSum()
            reach = w.search(s, out: a.out, length: outLen, gone: outGone, after: k1, row: row, sum: &fresh)
            sum = reach > 0 ? fresh : CompensatedSum()
            return
        }
        // Phase 2: Dijkstra over the affected nodes, from their best unaffected way in.
        var heap = RepairHeap(key: w.heapKey, node: w.heapNode)
        for h in 0..<affected {
            let b = Int(w.affected[h])
            sum.add(-1 / row[b])
            var best = Double.infinity
            for j in inOff[b]..<inOff[b + 1] where inGone[j] >= k1 {
                let x = Int(inNbr[j])
                if w.affectedMark[x] != stamp {
                    let c = row[x] + inLen[j]
                    if c < best { best = c }
                }
            }
            w.tentative[b] = best
            if best < .infinity { heap.push(best, Int32(b)) }
        }
        while heap.count > 0 {
            let (d, b32) = heap.pop()
            let b = Int(b32)
            if w.settled[b] == stamp || d > w.tentative[b] { continue }
            w.settled[b] = stamp
            row[b] = d
            sum.add(1 / d)
            for i in outOff[b]..<outOff[b + 1] where outGone[i] >= k1 {
                let y = Int(outNbr[i])
                if w.affectedMark[y] == stamp && w.settled[y] != stamp {
                    let nd = d + outLen[i]
                    if nd < w.tentative[y] { w.tentative[y] = nd; heap.push(nd, Int32(y)) }
                }
            }
        }
        for h in 0..<affected {
            let b = Int(w.affected[h])
            if w.settled[b] != stamp { row[b] = .infinity; reach -= 1 }
        }
        if reach == 0 { sum = CompensatedSum() }
    }
}

/// The arcs of one order, as raw pointers for the inner loops.
struct BatchArcs {
    let out: PathArcs, into: PathArcs
    let outLength: UnsafePointer<Double>, inLength: UnsafePointer<Double>
    let nodeGone: UnsafePointer<Int32>, outGone: UnsafePointer<Int32>, inGone: UnsafePointer<Int32>
}

/// Buffers of one chunk of sources (all `n` entries unless said otherwise).
final class SweepWorkspace {
    let n: Int
    /// The source's distances now, and on the intact graph.
    let row, base: UnsafeMutablePointer<Double>
    /// Phase 1: DAG arcs still standing, and the stamp of the batch that counted them.
    let support: UnsafeMutablePointer<Int32>
    let counted, affectedMark, settled: UnsafeMutablePointer<Int>
    /// The affected nodes (a queue for phase 1), and phase 2's tentative distances.
    let affected: UnsafeMutablePointer<Int32>
    let tentative: UnsafeMutablePointer<Double>
    /// Lazy-deletion heap (`n + arcs + 1` entries) and a BFS queue.
    let heapKey: UnsafeMutablePointer<Double>
    let heapNode, queue: UnsafeMutablePointer<Int32>
    var stamp = 0

    init(nodeCount n: Int, arcCount: Int) {
        self.n = n
        let c = max(1, n)
        row = .allocate(capacity: c); row.initialize(repeating: .infinity, count: c)
        base = .allocate(capacity: c); base.initialize(repeating: .infinity, count: c)
        support = .allocate(capacity: c); support.initialize(repeating: 0, count: c)
        counted = .allocate(capacity: c); counted.initialize(repeating: 0, count: c)
        affectedMark = .allocate(capacity: c); affectedMark.initialize(repeating: 0, count: c)
        settled = .allocate(capacity: c); settled.initialize(repeating: 0, count: c)
        affected = .allocate(capacity: c); affected.initialize(repeating: 0, count: c)
        tentative = .allocate(capacity: c); tentative.initialize(repeating: .infinity, count: c)
        heapKey = .allocate(capacity: c + arcCount + 1)
        heapNode = .allocate(capacity: c + arcCount + 1)
        queue = .allocate(capacity: c)
    }

    deinit {
        row.deallocate(); base.deallocate(); support.deallocate(); counted.deallocate(); affectedMark.deallocate()
        settled.deallocate(); affected.deallocate(); tentative.deallocate(); heapKey.deallocate(); heapNode.deallocate()
        queue.deallocate()
    }

    /// A search from `s` over the arcs with `gone[i] >= after`:
    /// breadth-first when `out` is unweighted, Dijkstra otherwise. Writes every node's distance
    /// into `row` (+∞ when not reached) and adds `1/d` of the reached nodes to `sum` in settling
    /// order.
    /// - Returns: the number of nodes reached, the source excluded.
    func search(
        _ s: Int, out: PathArcs, length: UnsafePointer<Double>, gone: UnsafePointer<Int32>, after: Int32,
        row: UnsafeMutablePointer<Double>, sum: inout CompensatedSum
    ) -> Int {
        row.update(repeating: .infinity, count: n)
        let off = out.offsets, nbr = out.neighbors
        row[s] = 0
        var reached = 0
        if !out.isWeighted {
            queue[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(queue[head]); head += 1
                let next = row[v] + 1
                for i in off[v]..<off[v + 1] where gone[i] >= after {
                    let y = Int(nbr[i])
                    if row[y] == .infinity { row[y] = next; queue[tail] = Int32(y); tail += 1; sum.add(1 / next) }
                }
            }
            return tail - 1
        }
        stamp += 1
        let mark = stamp
        var heap = RepairHeap(key: heapKey, node: heapNode)
        heap.push(0, Int32(s))
        while heap.count > 0 {
            let (d, v32) = heap.pop()
            let v = Int(v32)
            if settled[v] == mark || d > row[v] { continue }
            settled[v] = mark
            if v != s { sum.add(1 / d); reached += 1 }
            for i in off[v]..<off[v + 1] where gone[i] >= after {
                let y = Int(nbr[i])
                if settled[y] != mark {
                    let nd = d + length[i]
                    if nd < row[y] { row[y] = nd; heap.push(nd, Int32(y)) }
                }
            }
        }
        return reached
    }
}
