import Dispatch

/// Breadth-first searches from 64 sources at once, one bit per source in a machine word per
/// node (multi-source BFS, "MS-BFS"): per level, a node's new bits are the OR of its
/// predecessors' frontier words, less the bits it has seen. Each arc is read once per level
/// for all 64 searches instead of once per search.
///
/// Gives, for every node `u`, the number of nodes its search reaches (u included) and the sum
/// of their distances — exact integers, so the same numbers as 64 separate searches.
///
/// Reference: M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper,
/// T. Neumann & H. T. Vo (2014), "The more the merrier: efficient multi-source graph
/// traversal", Proc. VLDB Endow. 8(4):449–460, doi:10.14778/2735496.2735507.
enum MultiSourceBFS {
    /// `reached[u]` and `distanceSum[u]` of a BFS from every node along `forward`'s arcs.
    /// - Parameters:
    ///   - backward: the same arcs reversed, in the same node numbering (for undirected graphs
    ///     the same object as `forward`); the levels are built bottom-up over them.
    ///   - threads: at most this many threads; results do not depend on it.
    /// - Complexity: `O(L (n + m) n / 64 + n²)` word operations, `L` the largest eccentricity
    ///   plus one; memory `3 n` words per thread.
    static func reachAndDistanceSums(backward: PathArcs, threads: Int?) -> (reached: [Int], distanceSum: [Double]) {
        let n = backward.nodeCount
        guard n > 0 else { return ([], []) }
        let reached = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let sums = UnsafeMutablePointer<Int>.allocate(capacity: n)
        defer { reached.deallocate(); sums.deallocate() }
        let reachedOut = SharedBuffer(pointer: reached), sumsOut = SharedBuffer(pointer: sums)
        let batches = (n + 63) / 64
        let perThread: @Sendable (ChunkCounter) -> Void = { counter in
            let off = backward.offsets, nbr = backward.neighbors
            let seen = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
            var visit = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
            var next = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
            defer { seen.deallocate(); visit.deallocate(); next.deallocate() }
            var count = [Int](repeating: 0, count: 64), total = [Int](repeating: 0, count: 64)
            while let b = counter.take(below: batches) {
                let first = b * 64, width = min(64, n - first)
                let full: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
                seen.update(repeating: 0, count: n)
                visit.update(repeating: 0, count: n)
                for i in 0..<width {
                    seen[first + i] = 1 << UInt64(i); visit[first + i] = 1 << UInt64(i)
                    count[i] = 1; total[i] = 0
                }
                var level = 0
                var active = true
                while active {
                    level += 1
                    active = false
                    for w in 0..<n {
                        let s = seen[w]
                        var x: UInt64 = 0
                        if s != full {
                            var i = off[w]
                            let end = off[w + 1]
                            while i < end { x |= visit[Int(nbr[i])]; i += 1 }
                            x &= ~s
                        }
                        next[w] = x
                        if x != 0 {
                            seen[w] = s | x
                            active = true
                            var bits = x
                            while bits != 0 {
                                let i = bits.trailingZeroBitCount
                                count[i] += 1; total[i] += level
                                bits &= bits - 1
                            }
                        }
                    }
                    swap(&visit, &next)
                }
                for i in 0..<width {
                    reachedOut.pointer[first + i] = count[i]; sumsOut.pointer[first + i] = total[i]
                }
            }
        }
        let counter = ChunkCounter()
        let workers = min(threads.map { max(1, $0) } ?? batches, batches)
        if workers == 1 || n * max(1, backward.arcCount) < 200_000 {
            perThread(counter)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in perThread(counter) }
        }
        var reachedResult = [Int](repeating: 0, count: n), sumResult = [Double](repeating: 0, count: n)
        for v in 0..<n {
            let u = backward.originalNode?[v] ?? v
            reachedResult[u] = reached[v]; sumResult[u] = Double(sums[v])
        }
        return (reachedResult, sumResult)
    }
}
