/// Node removal effects from one search per source, after the dominator tree of each source's
/// shortest-path DAG. See ``Graph/nodeRemovalEffects(weighting:threads:)`` for the definition.
///
/// **Which distances change.** Fix a source `a` and its shortest-path DAG (the arcs `x → b`
/// with `d(a, x) + ℓ(x, b) = d(a, b)`, `x` settled before `b`). A node `v` *dominates* `b`
/// when every DAG path from `a` to `b` passes through `v`. Removing `v` leaves `d(a, b)`
/// unchanged for every `b` that `v` does not dominate (a shortest path avoids `v`) and makes it
/// longer, or infinite, for the nodes `v` strictly dominates — the subtree of `v` in the
/// dominator tree of the DAG, minus `v`. Only those are searched again, by a Dijkstra
/// restricted to the subtree that starts from the unchanged distances of the nodes around it
/// (the repair step of Ramalingam & Reps 1996). Every other pair keeps its distance, so
///
///     Σ_{b ≠ a, v} 1/d'(a, b) = S_a − 1/d(a, v) − Σ_{b ∈ D(v)} (1/d(a, b) − 1/d'(a, b))
///
/// with `S_a = Σ_{b ≠ a} 1/d(a, b)`. The totals are kept in double-double (compensated)
/// accumulators, so their value does not depend on the order of the terms beyond the last
/// bit; a graph without reachable pairs has efficiency exactly 0.
///
/// **Exactness.** The DAG uses exact floating-point equality, and Dijkstra's floating-point
/// distances are minima over paths of left-to-right sums (rounding is monotone), so the
/// distances `d'` equal those of a search of `G − v` from scratch bit for bit — weighted or
/// not, directed or not. Only the order of the final sums differs (tests: within 1e-12).
///
/// **Dominators.** The DAG is acyclic and its nodes are visited in settling order, a
/// topological order, so `idom(b)` is the nearest common ancestor, in the dominator tree built
/// so far, of `b`'s DAG predecessors (Cooper, Harvey & Kennedy 2001, one pass).
///
/// Complexity: per source `O(m)` for the search plus `O(Σ_b indeg(b) · depth)` for the
/// dominator tree plus `O(Σ_b (dom-depth(b) − 1) · deg(b) log n)` for the repairs; on
/// ecosystem-shaped graphs the dominator trees are shallow and this is close to `O(n m)` in all,
/// against `O(n² m)` for recomputation from scratch. Memory `O(n)` per thread.
///
/// References: P. Holme, B. J. Kim, C. N. Yoon & S. K. Han (2002), "Attack vulnerability of
/// complex networks", Phys. Rev. E 65:056109, doi:10.1103/PhysRevE.65.056109; G. Ramalingam &
/// T. Reps (1996), "An incremental algorithm for a generalization of the shortest-path
/// problem", J. Algorithms 21(2):267–305, doi:10.1006/jagm.1996.0046; K. D. Cooper,
/// T. J. Harvey & K. Kennedy (2001), "A simple, fast dominance algorithm", Rice University
/// TR-06-33870.
struct RemovalAccumulator {
    /// Σ over sources in this chunk of `S_a` (compensated).
    var base = CompensatedSum()
    /// Σ over sources of `reach_a − 1`.
    var basePairs = 0
    /// Per removed node: the loss `Σ_a (1/d(a, v) + Σ_{D(v)} (1/d − 1/d'))`.
    var loss: [CompensatedSum]
    /// Per removed node: pairs `(a, b)` with `b = v` or `b` no longer reachable from `a`.
    var lostPairs: [Int]
    /// Per node as a source: `S_a`, and `reach_a − 1` (only this chunk's sources are set).
    var rowSum: [CompensatedSum]
    var rowPairs: [Int]

    init(nodeCount n: Int) {
        loss = .init(repeating: CompensatedSum(), count: n)
        lostPairs = .init(repeating: 0, count: n)
        rowSum = .init(repeating: CompensatedSum(), count: n)
        rowPairs = .init(repeating: 0, count: n)
    }
}

/// A sum kept as an unevaluated pair `high + low` (Knuth's TwoSum on every addition), so that
/// adding and subtracting many terms loses only about `n ε²` of their magnitude.
///
/// Reference: D. E. Knuth (1969), TAOCP vol. 2, §4.2.2 (Theorem B); A. Neumaier (1974),
/// ZAMM 54:39–51, doi:10.1002/zamm.19740540106.
struct CompensatedSum: Sendable {
    var high = 0.0
    var low = 0.0

    @inline(__always) mutating func add(_ x: Double) {
        let s = high + x
        let bb = s - high
        low += (high - (s - bb)) + (x - bb)
        high = s
    }

    @inline(__always) mutating func add(_ other: CompensatedSum) {
        add(other.high)
        add(other.low)
    }

    var value: Double { high + low }
}

/// Per-thread buffers of the removal pass (indexed by node or by settling position), raw
/// pointers so that the inner loops carry no exclusivity or bounds checks.
final class RemovalWorkspace {
    let n: Int
    let search: PathWorkspace
    /// By settling position: position of the immediate dominator, depth in the dominator tree,
    /// subtree size, preorder index, first child slot (`n + 1`).
    let idom, depth, size, pre, childStart: UnsafeMutablePointer<Int32>
    /// Children lists (positions), the preorder (positions), a DFS stack.
    let children, preorder, stack: UnsafeMutablePointer<Int32>
    /// By node: the stamp of the subtree being repaired, the stamp of the nodes the repair has
    /// settled, the repair's tentative distance, and the settling position in the current search
    /// (−1 when not reached; unweighted runs, weighted ones read the search's own `settled`).
    let member, done: UnsafeMutablePointer<Int>
    let tentative: UnsafeMutablePointer<Double>
    let position: UnsafeMutablePointer<Int32>
    /// The repair's binary heap of (tentative distance, node), lazy deletion: at most one entry
    /// per seed and per relaxation, so `n + arcs` entries.
    let heapKey: UnsafeMutablePointer<Double>
    let heapNode: UnsafeMutablePointer<Int32>
    var stamp = 0

    init(nodeCount n: Int, arcCount: Int) {
        self.n = n
        search = PathWorkspace(nodeCount: n)
        let c = max(1, n)
        func ints(_ k: Int, _ v: Int32) -> UnsafeMutablePointer<Int32> {
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: k); p.initialize(repeating: v, count: k); return p
        }
        idom = ints(c, 0); depth = ints(c, 0); size = ints(c, 0); pre = ints(c, 0); childStart = ints(c + 1, 0)
        children = ints(c, 0); preorder = ints(c, 0); stack = ints(c, 0); position = ints(c, -1)
        member = .allocate(capacity: c); member.initialize(repeating: 0, count: c)
        done = .allocate(capacity: c); done.initialize(repeating: 0, count: c)
        tentative = .allocate(capacity: c); tentative.initialize(repeating: .infinity, count: c)
        let h = c + arcCount + 1
        heapKey = .allocate(capacity: h); heapNode = .allocate(capacity: h)
    }

    deinit {
        for p in [idom, depth, size, pre, childStart, children, preorder, stack, position] { p.deallocate() }
        member.deallocate(); done.deallocate(); tentative.deallocate(); heapKey.deallocate(); heapNode.deallocate()
    }
}

extension Graph {
    /// The removal pass over the sources of one chunk; see ``RemovalAccumulator``.
    ///
    /// With `tables`, the same searches also give what the other all-source passes of a gap
    /// analysis would compute (``Graph/pathTables(weighting:threads:distances:)``): per source,
    /// the number reached, `Σ d`, `Σ 1/d` and the largest `d`, summed in settling order with
    /// the very expressions of `SourceSummaries` (so bit for bit the same values), and, when
    /// `tables.distances` is set, the row `d(a, ·)` of the all-pairs matrix.
    static func removalPass(
        out: PathArcs, into: PathArcs, sources: Range<Int>, workspace w: RemovalWorkspace, accumulator acc: inout RemovalAccumulator,
        tables: PathTableBuffers? = nil
    ) {
        let ws = w.search
        let weighted = out.isWeighted
        let inOff = into.offsets, inNbr = into.neighbors, inLen = into.lengths
        let outOff = out.offsets, outNbr = out.neighbors, outLen = out.lengths
        @inline(__always) func dist(_ x: Int) -> Double { ws.distance(x, weighted: weighted) }
        for a in sources {
            ws.search(out, from: a)
            let reached = ws.reached
            // Row sum S_a and the column terms 1/d(a, v) (lost when v goes).
            var row = CompensatedSum()
            if let tables {
                // As `SourceSummaries`: plain sums in settling order.
                var total = 0.0, inverse = 0.0, far = 0.0
                for k in 1..<max(1, reached) {
                    let b = Int(ws.order[k])
                    let d = dist(b)
                    let inv = 1 / d
                    row.add(inv)
                    acc.loss[b].add(inv)
                    acc.lostPairs[b] += 1
                    total += d
                    inverse += inv
                    if d > far { far = d }
                }
                tables.reached[a] = reached
                tables.sums[a] = total; tables.sums[w.n + a] = inverse; tables.sums[2 * w.n + a] = far
                if let matrix = tables.distances {
                    let r = matrix + a * w.n
                    for k in 0..<reached { let b = Int(ws.order[k]); r[b] = dist(b) }
                }
            } else {
                for k in 1..<max(1, reached) {
                    let b = Int(ws.order[k])
                    let inv = 1 / dist(b)
                    row.add(inv)
                    acc.loss[b].add(inv)
                    acc.lostPairs[b] += 1
                }
            }
            acc.rowSum[a] = row
            acc.rowPairs[a] = reached - 1
            acc.base.add(row)
            acc.basePairs += reached - 1
            guard reached > 2 else { continue }

            if !weighted {
                for k in 0..<reached { w.position[Int(ws.order[k])] = Int32(k) }
            }
            @inline(__always) func pos(_ x: Int) -> Int { Int(weighted ? ws.settled[x] : w.position[x]) }

            // Dominator tree over settling positions.
            w.idom[0] = 0; w.depth[0] = 0
            for k in 1..<reached {
                let b = Int(ws.order[k])
                let db = dist(b)
                var best: Int32 = -1
                var i = inOff[b]
                let end = inOff[b + 1]
                while i < end {
                    let x = Int(inNbr[i])
                    let px = pos(x)
                    if px >= 0 && px < k {
                        let isDAG = weighted ? (dist(x) + inLen![i] == db) : (dist(x) + 1 == db)
                        if isDAG {
                            if best < 0 {
                                best = Int32(px)
                            } else {
                                var p = Int(best), q = px
                                while p != q {
                                    while w.depth[p] > w.depth[q] { p = Int(w.idom[p]) }
                                    while w.depth[q] > w.depth[p] { q = Int(w.idom[q]) }
                                    if p != q { p = Int(w.idom[p]); q = Int(w.idom[q]) }
                                }
                                best = Int32(p)
                            }
                        }
                    }
                    i += 1
                }
                if best < 0 { best = 0 }  // unreachable: the search settled b through some DAG arc
                w.idom[k] = best
                w.depth[k] = w.depth[Int(best)] + 1
            }
            // Subtree sizes (dominators settle first), children lists, preorder.
            for k in 0..<reached { w.size[k] = 1; w.childStart[k] = 0 }
            w.childStart[reached] = 0
            for k in stride(from: reached - 1, through: 1, by: -1) {
                let p = Int(w.idom[k]); w.size[p] += w.size[k]; w.childStart[p] += 1
            }
            var total: Int32 = 0
            for k in 0..<reached { let c = w.childStart[k]; w.childStart[k] = total; total += c }
            w.childStart[reached] = total
            for k in 1..<reached {
                let p = Int(w.idom[k])
                w.children[Int(w.childStart[p])] = Int32(k); w.childStart[p] += 1
            }
            for k in stride(from: reached - 1, through: 1, by: -1) { w.childStart[k] = w.childStart[k - 1] }
            w.childStart[0] = 0
            var top = 0, next: Int32 = 0
            w.stack[0] = 0; top = 1
            while top > 0 {
                top -= 1
                let k = Int(w.stack[top])
                w.pre[k] = next; w.preorder[Int(next)] = Int32(k); next += 1
                for c in Int(w.childStart[k])..<Int(w.childStart[k + 1]) { w.stack[top] = w.children[c]; top += 1 }
            }

            // Repairs: every v (not the source) that strictly dominates some node.
            for k in 1..<reached where w.size[k] > 1 {
                let v = Int(ws.order[k])
                let first = Int(w.pre[k]) + 1, last = Int(w.pre[k]) + Int(w.size[k])
                var lossV = CompensatedSum()
                var lost = 0
                // Distances before, and membership (positions are no longer needed).
                w.stamp += 1
                let s = w.stamp
                for j in first..<last {
                    let b = Int(ws.order[Int(w.preorder[j])])
                    w.member[b] = s
                    lossV.add(1 / dist(b))
                    lost += 1
                }
                // Seeds: the best way in from an unchanged node.
                var heap = RepairHeap(key: w.heapKey, node: w.heapNode)
                for j in first..<last {
                    let b = Int(ws.order[Int(w.preorder[j])])
                    var best = Double.infinity
                    var i = inOff[b]
                    let end = inOff[b + 1]
                    while i < end {
                        let x = Int(inNbr[i])
                        if x != v && w.member[x] != s && ws.isReached(x, weighted: weighted) {
                            let c = dist(x) + (weighted ? inLen![i] : 1)
                            if c < best { best = c }
                        }
                        i += 1
                    }
                    w.tentative[b] = best
                    if best < .infinity { heap.push(best, Int32(b)) }
                }
                // Dijkstra inside the subtree.
                while heap.count > 0 {
                    let (d, b32) = heap.pop()
                    let b = Int(b32)
                    if w.done[b] == s || d > w.tentative[b] { continue }
                    w.done[b] = s
                    lossV.add(-1 / d)
                    lost -= 1
                    var i = outOff[b]
                    let end = outOff[b + 1]
                    while i < end {
                        let y = Int(outNbr[i])
                        if w.member[y] == s && w.done[y] != s {
                            let nd = d + (weighted ? outLen![i] : 1)
                            if nd < w.tentative[y] { w.tentative[y] = nd; heap.push(nd, Int32(y)) }
                        }
                        i += 1
                    }
                }
                acc.loss[v].add(lossV)
                acc.lostPairs[v] += lost
            }
            if !weighted {
                for k in 0..<reached { w.position[Int(ws.order[k])] = -1 }
            }
        }
    }

    /// Number of (weak) components each node's removal leaves, from one lowpoint DFS.
    ///
    /// Removing `v` from a graph with `c` components leaves `c − 1` when `v` is isolated and
    /// `c − 1 + p(v)` otherwise, where `p(v)` is the number of pieces `v`'s component falls
    /// into: the DFS root's number of children, or `1 +` the number of children `w` with
    /// `low(w) ≥ disc(v)` (Hopcroft & Tarjan 1973, doi:10.1145/362248.362272). Self-loops are
    /// ignored; a parallel edge back to the parent is a back edge (as ``cuts()``).
    /// - Complexity: `O(n + m)`.
    func componentCountsWithoutEachNode() -> [Int] {
        let g = isDirected ? undirected() : self
        let n = g.nodeCount
        var disc = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var parentEdge = [Int32](repeating: -1, count: n)
        var pieces = [Int](repeating: 0, count: n)
        var callNode = [Int](repeating: 0, count: n), callPos = [Int](repeating: 0, count: n)
        var time = 0, components = 0
        for root in 0..<n where disc[root] < 0 {
            components += 1
            disc[root] = time; low[root] = time; time += 1
            callNode[0] = root; callPos[0] = g.outOffsets[root]
            var depth = 1
            var rootChildren = 0
            while depth > 0 {
                let v = callNode[depth - 1]
                let p = callPos[depth - 1]
                if p < g.outOffsets[v + 1] {
                    callPos[depth - 1] = p + 1
                    let x = Int(g.outNeighbors[p])
                    let e = g.outEdgeIDs[p]
                    if x == v || e == parentEdge[v] { continue }
                    if disc[x] < 0 {
                        disc[x] = time; low[x] = time; time += 1
                        parentEdge[x] = e
                        callNode[depth] = x; callPos[depth] = g.outOffsets[x]; depth += 1
                        if v == root { rootChildren += 1 }
                    } else if disc[x] < low[v] {
                        low[v] = disc[x]
                    }
                } else {
                    depth -= 1
                    if depth > 0 {
                        let u = callNode[depth - 1]
                        if low[v] < low[u] { low[u] = low[v] }
                        if u != root && low[v] >= disc[u] { pieces[u] += 1 }
                    }
                }
            }
            pieces[root] = rootChildren - 1  // non-roots: 1 + pieces[v] pieces, roots: rootChildren
        }
        // components − 1 (v's own goes) + the pieces it leaves (0 for an isolated root).
        return pieces.map { components + $0 }
    }
}

/// A binary min-heap of (distance, node) pairs over caller-owned buffers, ordered by distance
/// and then node index (so the repair is deterministic).
struct RepairHeap {
    let key: UnsafeMutablePointer<Double>
    let node: UnsafeMutablePointer<Int32>
    var count = 0

    @inline(__always) func before(_ i: Int, _ j: Int) -> Bool {
        key[i] < key[j] || (key[i] == key[j] && node[i] < node[j])
    }

    @inline(__always) func swapAt(_ i: Int, _ j: Int) {
        let k = key[i]; key[i] = key[j]; key[j] = k
        let v = node[i]; node[i] = node[j]; node[j] = v
    }

    @inline(__always) mutating func push(_ k: Double, _ v: Int32) {
        var i = count
        key[i] = k; node[i] = v; count += 1
        while i > 0 {
            let p = (i - 1) >> 1
            if !before(i, p) { break }
            swapAt(i, p); i = p
        }
    }

    @inline(__always) mutating func pop() -> (Double, Int32) {
        let top = (key[0], node[0])
        count -= 1
        if count > 0 {
            key[0] = key[count]; node[0] = node[count]
            var i = 0
            while true {
                var c = 2 * i + 1
                if c >= count { break }
                if c + 1 < count && before(c + 1, c) { c += 1 }
                if !before(c, i) { break }
                swapAt(i, c); i = c
            }
        }
        return top
    }
}
