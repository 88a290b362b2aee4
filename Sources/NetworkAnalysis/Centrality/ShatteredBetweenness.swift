import Dispatch
import Foundation

/// Exact node betweenness of an undirected graph by "shattering and compressing": degree-1
/// nodes are folded away (iteratively, with the sizes of the folded subtrees), the rest is cut
/// at its articulation points into biconnected components (blocks), and Brandes' accumulation
/// runs inside each block only, with every node weighted by the number of nodes that reach the
/// block through it. Pairs that a cut point separates are counted in closed form.
///
/// For a connected component of `N` nodes and a cut point `v` whose removal leaves pieces of
/// sizes `p_1 … p_k` (`Σ p_i = N − 1`), the ordered pairs separated by `v` number
/// `Σ_i p_i (N − 1 − p_i)`; each of them has all its shortest paths through `v`. Every other
/// pair `(x, y)` whose shortest paths pass through `v` enters a block `B ∋ v` at some `s ∈ B`
/// and leaves it at some `t ∈ B` (`s, t ≠ v`); all its shortest paths run inside `B` between
/// `s` and `t` (a path that leaves `B` must come back through the same cut point, so it is not
/// shortest when lengths are positive). Hence
///
///     c_B(v) = Σ_i p_i (N − 1 − p_i) + Σ_{B ∋ v} Σ_{s ≠ t ∈ B ∖ {v}} w_B(s) w_B(t) σ_st(v) / σ_st
///
/// where `w_B(s)` is the number of nodes (s included) whose way into `B` is through `s`. The
/// inner sum is Brandes' dependency accumulation with target weights:
/// `δ_s(v) = Σ_{w : v ∈ P_s(w)} σ_sv / σ_sw · (w_B(w) + δ_s(w))`, credited `w_B(s) δ_s(v)`.
///
/// The values are ordered-pair sums, as ``Brandes/accumulate(_:edgeCount:nodes:edges:endpoints:threads:)``
/// returns them (undirected pairs count twice); the work is split into fixed chunks of
/// (block, source) pairs, balanced by cost and summed in chunk order, so the result does not
/// depend on the number of threads. Ties of weighted lengths are decided inside each block,
/// with ``PathLength``'s relative tolerance applied to the within-block distances.
///
/// References: M. Baglioni, F. Geraci, M. Pellegrini & E. Lastres (2012), "Fast exact
/// computation of betweenness centrality in social networks", ASONAM 2012, 450–456,
/// doi:10.1109/ASONAM.2012.65 (folding degree-1 nodes); A. E. Sariyüce, E. Saule, K. Kaya &
/// Ü. V. Çatalyürek (2013), "Shattering and compressing networks for betweenness centrality",
/// SDM 2013, 686–694, doi:10.1137/1.9781611972832.76 (articulation points, blocks);
/// J. Hopcroft & R. Tarjan (1973), "Algorithm 447: efficient algorithms for graph
/// manipulation", Commun. ACM 16(6):372–378, doi:10.1145/362248.362272 (the blocks).
enum ShatteredBetweenness {
    /// Ordered-pair node betweenness (endpoints included when asked) of an undirected graph.
    static func raw(
        _ graph: Graph, weighting: EdgeWeighting, endpoints: Bool, threads: Int?
    ) throws(GraphError) -> [Double] {
        precondition(!graph.isDirected, "the shattered path is for undirected graphs")
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        _ = try weighting.pathLengths(of: graph)  // validates the weights as the plain path does
        let off = graph.outOffsets, nbr = graph.outNeighbors, ids = graph.outEdgeIDs

        // 1. Connected components and their sizes.
        var component = [Int32](repeating: -1, count: n)
        var componentSize: [Int] = []
        var queue = [Int32](repeating: 0, count: n)
        for r in 0..<n where component[r] < 0 {
            let c = Int32(componentSize.count)
            component[r] = c
            queue[0] = Int32(r)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(queue[head]); head += 1
                for i in off[v]..<off[v + 1] {
                    let w = Int(nbr[i])
                    if component[w] < 0 { component[w] = c; queue[tail] = Int32(w); tail += 1 }
                }
            }
            componentSize.append(tail)
        }
        @inline(__always) func size(_ v: Int) -> Double { Double(componentSize[Int(component[v])]) }

        // `separated[v]`: ordered pairs whose every shortest path runs through `v` because `v`
        // separates them, Σ p (N − 1 − p) over the pieces `p` left by removing `v`.
        var separated = [Double](repeating: 0, count: n)
        @inline(__always) func addPiece(_ v: Int, _ p: Double) { separated[v] += p * (size(v) - 1 - p) }

        // 2. Fold degree-1 nodes (self-loops do not count; a node tied to one neighbour by
        // parallel edges is not folded and becomes a two-node block instead).
        var degree = [Int](repeating: 0, count: n)
        for v in 0..<n { for i in off[v]..<off[v + 1] where Int(nbr[i]) != v { degree[v] += 1 } }
        var removed = [Bool](repeating: false, count: n)
        var hanging = [Double](repeating: 1, count: n)  // h(v): v and the subtrees folded into it
        var tail = 0
        for v in 0..<n where degree[v] == 1 { queue[tail] = Int32(v); tail += 1 }
        var head = 0
        while head < tail {
            let x = Int(queue[head]); head += 1
            guard degree[x] == 1 else { continue }
            var parent = -1
            for i in off[x]..<off[x + 1] {
                let w = Int(nbr[i])
                if w != x && !removed[w] { parent = w; break }
            }
            removed[x] = true
            degree[x] = 0
            let folded = hanging[x]
            addPiece(x, size(x) - folded)  // the rest of the component, beyond the parent
            addPiece(parent, folded)
            hanging[parent] += folded
            degree[parent] -= 1
            if degree[parent] == 1 { queue[tail] = Int32(parent); tail += 1 }
        }

        // 3. Blocks of what is left (iterative Hopcroft–Tarjan with a vertex stack). A block's
        // `top` is the node it hangs from in the DFS tree; every other member is "popped" into
        // exactly one block.
        var disc = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var parentEdge = [Int32](repeating: -1, count: n)
        var cursor = [Int](repeating: 0, count: n)
        var popBlock = [Int32](repeating: -1, count: n)
        var localIndex = [Int32](repeating: 0, count: n)
        var subtree = [Double](repeating: 0, count: n)   // Σ S(C) over child blocks C of v
        var blockTop: [Int32] = []
        var blockStart: [Int] = [0]      // members[blockStart[b] ..< blockStart[b+1]], top first
        var members: [Int32] = []
        var memberWeight: [Double] = []  // w_B(member)
        var vstack: [Int32] = []
        var call: [Int32] = []
        var time: Int32 = 0
        for r in 0..<n where !removed[r] && disc[r] < 0 && degree[r] > 0 {
            disc[r] = time; low[r] = time; time += 1
            cursor[r] = off[r]
            call.append(Int32(r)); vstack.append(Int32(r))
            while let top = call.last {
                let v = Int(top)
                var descended = false
                while cursor[v] < off[v + 1] {
                    let i = cursor[v]; cursor[v] += 1
                    let w = Int(nbr[i])
                    if w == v || removed[w] || ids[i] == parentEdge[v] { continue }
                    if disc[w] < 0 {
                        parentEdge[w] = ids[i]
                        disc[w] = time; low[w] = time; time += 1
                        cursor[w] = off[w]
                        call.append(Int32(w)); vstack.append(Int32(w))
                        descended = true
                        break
                    } else if disc[w] < low[v] {
                        low[v] = disc[w]
                    }
                }
                if descended { continue }
                call.removeLast()
                guard let p32 = call.last else { break }
                let p = Int(p32)
                if low[v] < low[p] { low[p] = low[v] }
                if low[v] >= disc[p] {
                    // v's subtree down to the stack top, plus p, is a block.
                    let b = Int32(blockTop.count)
                    blockTop.append(p32)
                    members.append(p32); memberWeight.append(0)
                    var total = 0.0, k: Int32 = 1
                    while true {
                        let x = Int(vstack.removeLast())
                        popBlock[x] = b; localIndex[x] = k; k += 1
                        let sx = hanging[x] + subtree[x]
                        members.append(Int32(x)); memberWeight.append(sx)
                        total += sx
                        if x == v { break }
                    }
                    memberWeight[blockStart[Int(b)]] = size(p) - total
                    subtree[p] += total
                    blockStart.append(members.count)
                }
            }
            vstack.removeAll(keepingCapacity: true)
        }
        let blockCount = blockTop.count
        for b in 0..<blockCount {
            for j in blockStart[b]..<blockStart[b + 1] {
                let u = Int(members[j])
                addPiece(u, size(u) - memberWeight[j])
            }
        }

        // 4. The blocks with a node between two others get their own compact graph.
        var blockEdges = [[(Int, Int)]](repeating: [], count: blockCount)
        var blockWeights = [[Double]](repeating: [], count: blockCount)
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), c = Int(graph.edgeTargets[e])
            if a == c || removed[a] || removed[c] { continue }
            let pa = popBlock[a], pc = popBlock[c]
            let b: Int
            if pa >= 0 && (pa == pc || Int(blockTop[Int(pa)]) == c) { b = Int(pa) } else { b = Int(pc) }
            guard blockStart[b + 1] - blockStart[b] >= 3 else { continue }
            let la = popBlock[a] == Int32(b) ? Int(localIndex[a]) : 0
            let lc = popBlock[c] == Int32(b) ? Int(localIndex[c]) : 0
            blockEdges[b].append((la, lc))
            blockWeights[b].append(graph.weights[e])
        }
        var tasks: [BlockTask] = []
        var base = 0
        for b in 0..<blockCount where blockStart[b + 1] - blockStart[b] >= 3 {
            let count = blockStart[b + 1] - blockStart[b]
            let sub = try Graph(nodeCount: count, edges: blockEdges[b], weights: blockWeights[b], directed: false)
            let arcs = try PathArcs(graph: sub, weighting: weighting, direction: .outgoing, byDegree: true)
            var global = [Int32](repeating: 0, count: count)
            var weight = [Double](repeating: 0, count: count)
            for v in 0..<count {
                let j = blockStart[b] + (arcs.originalNode?[v] ?? v)
                global[v] = members[j]; weight[v] = memberWeight[j]
            }
            tasks.append(BlockTask(arcs: arcs, global: global, weight: weight, base: base))
            base += count
        }

        var result = separated
        if !tasks.isEmpty {
            let partial = accumulate(tasks, localCount: base, threads: threads)
            for t in tasks {
                for v in 0..<t.global.count { result[Int(t.global[v])] += partial[t.base + v] }
            }
        }
        if endpoints {
            for v in 0..<n { result[v] += 2 * (size(v) - 1) }
        }
        return result
    }

    /// One block's compact graph: `global[v]` is the graph's node for internal node `v`,
    /// `weight[v]` its `w_B`, `base` its first slot in the accumulators.
    struct BlockTask: @unchecked Sendable {
        let arcs: PathArcs
        let global: [Int32]
        let weight: [Double]
        let base: Int
        var count: Int { global.count }
        var costPerSource: Int { arcs.arcCount + global.count }
    }

    /// Weighted Brandes over every (block, source) pair, in a fixed number of chunks of
    /// contiguous pairs with about equal cost; chunk sums are added in chunk order.
    static func accumulate(_ tasks: [BlockTask], localCount: Int, threads: Int?) -> [Double] {
        // Flat source index f: task t's sources are tasks[t].base ..< base + count.
        var costBefore = [Int](repeating: 0, count: tasks.count + 1)
        for (t, task) in tasks.enumerated() { costBefore[t + 1] = costBefore[t] + task.count * task.costPerSource }
        let totalCost = costBefore[tasks.count]
        // At most 32 chunks and at most 2^23 partial sums (64 MiB); independent of the cores.
        let chunks = max(1, min(32, localCount, (1 << 23) / max(1, localCount)))
        var starts = [Int](repeating: localCount, count: chunks + 1)
        starts[0] = 0
        var t = 0
        for c in 1..<max(1, chunks) {
            let target = totalCost * c / chunks
            while t < tasks.count && costBefore[t + 1] <= target { t += 1 }
            if t == tasks.count { starts[c] = localCount; continue }
            let within = (target - costBefore[t] + tasks[t].costPerSource - 1) / tasks[t].costPerSource
            starts[c] = max(starts[c - 1], tasks[t].base + min(tasks[t].count, within))
        }
        starts[chunks] = localCount
        let bounds = starts

        let maxBlock = tasks.map(\.count).max() ?? 1
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: chunks * localCount)
        partial.initialize(repeating: 0, count: chunks * localCount)
        defer { partial.deallocate() }
        let shared = SharedBuffer(pointer: partial)
        let taskBases = tasks.map(\.base)

        let body: @Sendable (Int) -> Void = { c in
            let lo = bounds[c], hi = bounds[c + 1]
            guard lo < hi else { return }
            let ws = PathWorkspace(nodeCount: maxBlock)
            let acc = shared.pointer + c * localCount
            // The task holding flat source lo.
            var k = 0
            var a = 0, b = taskBases.count
            while a < b { let mid = (a + b) / 2; if taskBases[mid] <= lo { k = mid; a = mid + 1 } else { b = mid } }
            var f = lo
            while f < hi {
                let task = tasks[k]
                let end = min(hi, task.base + task.count)
                task.weight.withUnsafeBufferPointer { weight in
                    let blockAcc = acc + task.base
                    for s in (f - task.base)..<(end - task.base) {
                        ws.search(task.arcs, from: s)
                        if task.arcs.isWeighted {
                            ws.countWeightedPaths(task.arcs, from: s)
                            dependenciesWeighted(task.arcs, ws, s, weight.baseAddress!, blockAcc)
                        } else {
                            dependenciesUnweighted(task.arcs, ws, s, weight.baseAddress!, blockAcc)
                        }
                    }
                }
                f = end
                k += 1
            }
        }
        let workers = min(threads.map { max(1, $0) } ?? chunks, chunks)
        if workers == 1 || totalCost < 200_000 {
            for c in 0..<chunks { body(c) }
        } else {
            let next = ChunkCounter()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let c = next.take(below: chunks) { body(c) }
            }
        }

        var total = [Double](repeating: 0, count: localCount)
        for c in 0..<chunks {
            let row = partial + c * localCount
            for i in 0..<localCount { total[i] += row[i] }
        }
        return total
    }

    /// Unweighted dependency pass with node weights `W`:
    /// `δ(v) = σ(v) Σ_{w successor} (W(w) + δ(w)) / σ(w)`, credited `W(s) δ(v)` for `v ≠ s`.
    @inline(__always)
    static func dependenciesUnweighted(
        _ arcs: PathArcs, _ ws: PathWorkspace, _ s: Int,
        _ weight: UnsafePointer<Double>, _ acc: UnsafeMutablePointer<Double>
    ) {
        let off = arcs.offsets, nbr = arcs.neighbors
        let slots = ws.slots, order = ws.order
        let ws0 = weight[s]
        var k = ws.reached - 1
        while k > 0 {
            let v = Int(order[k])
            let next = slots[v].level + 1
            let sv = slots[v].value
            var sum = 0.0
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let slot = slots[Int(nbr[i])]
                sum += slot.level == next ? slot.value : 0
                i += 1
            }
            let delta = sv * sum
            slots[v].value = (weight[v] + delta) / sv
            acc[v] += ws0 * delta
            k -= 1
        }
    }

    /// The weighted dependency pass over the shortest-path DAG of
    /// ``PathWorkspace/countWeightedPaths(_:from:)``, with node weights as above.
    @inline(__always)
    static func dependenciesWeighted(
        _ arcs: PathArcs, _ ws: PathWorkspace, _ s: Int,
        _ weight: UnsafePointer<Double>, _ acc: UnsafeMutablePointer<Double>
    ) {
        let off = arcs.offsets, nbr = arcs.neighbors, len = arcs.lengths!
        let dist = ws.dist, settled = ws.settled, sigma = ws.sigma, coeff = ws.coeff
        let order = ws.order
        let ws0 = weight[s]
        var k = ws.reached - 1
        while k > 0 {
            let v = Int(order[k])
            let kk = Int32(k)
            let dv = dist[v], sv = sigma[v]
            var sum = 0.0
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(nbr[i])
                if settled[w] > kk && PathLength.equal(dv + len[i], dist[w]) { sum += coeff[w] }
                i += 1
            }
            let delta = sv * sum
            coeff[v] = (weight[v] + delta) / sv
            acc[v] += ws0 * delta
            k -= 1
        }
    }
}

/// Hands out chunk numbers `0, 1, 2, …` to worker threads, each exactly once.
final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
