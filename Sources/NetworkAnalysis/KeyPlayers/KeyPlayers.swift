/// What a key-player set is chosen for (Borgatti 2006).
public enum KeyPlayerObjective: Sendable, Equatable {
    /// KPP-Neg: the set whose removal leaves the most pairs unable to reach each other,
    /// fragmentation `F = 1 − Σ_{i ≠ j} r_ij / (n′(n′ − 1))` of the remaining `n′ = n − k` nodes
    /// (`r_ij = 1` when `j` is reachable from `i`).
    case fragmentation
    /// KPP-Neg, distance-weighted: `DF = 1 − Σ_{i ≠ j} (1 / d_ij) / (n′(n′ − 1))` on the
    /// remaining nodes (`1/∞ = 0`, hops).
    case distanceWeightedFragmentation
    /// KPP-Pos: the set that reaches the most other nodes within `steps` steps,
    /// `R = |{ j ∉ S : min_{i ∈ S} d(i, j) ≤ steps }| / (n − k)`.
    case reach(steps: Int)

    /// The name of the objective, for reports.
    public var name: String {
        switch self {
        case .fragmentation: return "fragmentation"
        case .distanceWeightedFragmentation: return "distance_weighted_fragmentation"
        case let .reach(m): return "reach_within_\(m)"
        }
    }
}

/// A key-player set and the exact value of its objective.
public struct KeyPlayerSet: Sendable, Equatable {
    /// The `k` nodes, ascending.
    public let nodes: [Int]
    /// The objective's exact value for this set (higher is better for all three).
    public let value: Double
    /// The value of the greedy start, before the swaps.
    public let greedyValue: Double
    /// How many improving swaps were made after the greedy start.
    public let swaps: Int
}

extension Graph {
    /// The value of a key-player objective for one set of nodes, exactly.
    ///
    /// Ties are read as undirected and unweighted (Borgatti's definitions use hops on an
    /// undirected graph); self-loops and parallel edges do not matter. See
    /// ``KeyPlayerObjective`` for the formulas.
    ///
    /// - Parameters:
    ///   - set: distinct node indices.
    ///   - objective: what the set is for.
    /// - Returns: the value; 0 when fewer than 2 nodes remain (fragmentation) or none remain (reach).
    /// - Complexity: `O(n + m)` for fragmentation and reach, `O(n (n + m))` for DF.
    ///
    /// Reference: S. P. Borgatti (2006), "Identifying sets of key players in a social network",
    /// Comput. Math. Organ. Theory 12(1):21–34, doi:10.1007/s10588-006-7084-x.
    public func keyPlayerValue(_ set: [Int], objective: KeyPlayerObjective) -> Double {
        KeyPlayerSearch(graph: self).value(of: set, objective)
    }

    /// A key-player set of `k` nodes: greedy selection, then swaps, from the greedy start and
    /// from `restarts` random starts (Borgatti 2006's search; his KeyPlayer program starts at
    /// random sets too).
    ///
    /// Greedy: add, one at a time, the node that makes the objective largest (ties to the lower
    /// index). Swaps: for every member and every non-member in index order, exchange them when
    /// that raises the value by more than `1e-12`; repeat until a full pass improves nothing.
    /// Each start ends in a local optimum under single swaps; the best of them is returned
    /// (ties: the first found, the greedy start first). Single swaps alone can stop short: in
    /// Krackhardt's kite the greedy start for fragmentation with k = 2 ends at {Andre, Heather}
    /// (F = 24/56 = 0.4286), which no single swap improves, while {Fernando, Garth} gives
    /// F = 30/56 = 0.5357; the random starts find it.
    /// The tests compare the result with the best of all `C(n, k)` sets on small graphs.
    ///
    /// - Parameters:
    ///   - k: the size of the set, `1…n`.
    ///   - objective: what the set is for.
    ///   - restarts: random starts besides the greedy one (default 20; 0 for greedy + swaps only).
    ///   - seed: seed of the random starts (same seed, same set).
    /// - Returns: the set, its exact value, the greedy value and the number of swaps made from
    ///   the start that gave the set.
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` for `k` outside `1…n`,
    ///   negative restarts or fewer than 1 step.
    /// - Complexity: `O((restarts + 1) · passes · k n · c)` with `c` the cost of one value
    ///   (see ``keyPlayerValue(_:objective:)``).
    ///
    /// Reference: Borgatti (2006), doi:10.1007/s10588-006-7084-x.
    public func keyPlayers(k: Int, objective: KeyPlayerObjective, restarts: Int = 20, seed: UInt64 = 1) throws(GraphError) -> KeyPlayerSet {
        guard k >= 1, k <= nodeCount else {
            throw .invalidArgument(name: "k", value: "\(k)", valid: "a set size in 1…\(nodeCount)")
        }
        guard restarts >= 0 else { throw .invalidArgument(name: "restarts", value: "\(restarts)", valid: "0 or more") }
        if case let .reach(m) = objective, m < 1 {
            throw .invalidArgument(name: "steps", value: "\(m)", valid: "a whole number of steps ≥ 1")
        }
        let search = KeyPlayerSearch(graph: self)
        var greedy: [Int] = []
        var taken = [Bool](repeating: false, count: nodeCount)
        var greedyValue = -Double.infinity
        for _ in 0..<k {
            var best = (-Double.infinity, -1)
            for v in 0..<nodeCount where !taken[v] {
                let x = search.value(of: greedy + [v], objective)
                if x > best.0 + 1e-12 { best = (x, v) }
            }
            greedy.append(best.1); taken[best.1] = true; greedyValue = best.0
        }
        var rng = SplitMix64(seed: seed)
        var result = search.swapped(greedy, value: greedyValue, objective)
        for _ in 0..<restarts {
            var nodes = Array(0..<nodeCount)
            rng.shuffle(&nodes)
            let start = Array(nodes.prefix(k))
            let local = search.swapped(start, value: search.value(of: start, objective), objective)
            if local.value > result.value + 1e-12 { result = local }
        }
        return KeyPlayerSet(nodes: result.set.sorted(), value: result.value, greedyValue: greedyValue, swaps: result.swaps)
    }
}

/// The undirected simple adjacency and the searches that evaluate a set.
struct KeyPlayerSearch {
    let sets: NeighborSets
    let n: Int

    init(graph: Graph) {
        sets = NeighborSets(graph)
        n = graph.nodeCount
    }

    /// Single swaps from `set` until none improves the value by more than 1e-12.
    func swapped(_ start: [Int], value: Double, _ objective: KeyPlayerObjective) -> (set: [Int], value: Double, swaps: Int) {
        var set = start, value = value, swaps = 0
        var inSet = [Bool](repeating: false, count: n)
        for v in set { inSet[v] = true }
        var improved = true
        while improved {
            improved = false
            for i in set.indices {
                for v in 0..<n where !inSet[v] {
                    var trial = set
                    trial[i] = v
                    let x = self.value(of: trial, objective)
                    if x > value + 1e-12 {
                        inSet[set[i]] = false; inSet[v] = true
                        set = trial; value = x; swaps += 1; improved = true
                    }
                }
            }
        }
        return (set, value, swaps)
    }

    func value(of set: [Int], _ objective: KeyPlayerObjective) -> Double {
        var removed = [Bool](repeating: false, count: n)
        for v in set { removed[v] = true }
        switch objective {
        case .fragmentation:
            let left = n - set.count
            guard left >= 2 else { return 0 }
            var seen = removed
            var pairs = 0
            for s in 0..<n where !seen[s] {
                var queue = [s], head = 0
                seen[s] = true
                while head < queue.count {
                    let x = queue[head]; head += 1
                    for y in sets.neighbors[x] where !seen[y] { seen[y] = true; queue.append(y) }
                }
                pairs += queue.count * (queue.count - 1)
            }
            return 1 - Double(pairs) / Double(left * (left - 1))
        case .distanceWeightedFragmentation:
            let left = n - set.count
            guard left >= 2 else { return 0 }
            var total = 0.0
            var dist = [Int](repeating: -1, count: n)
            for s in 0..<n where !removed[s] {
                for i in 0..<n { dist[i] = -1 }
                dist[s] = 0
                var queue = [s], head = 0
                while head < queue.count {
                    let x = queue[head]; head += 1
                    for y in sets.neighbors[x] where !removed[y] && dist[y] < 0 {
                        dist[y] = dist[x] + 1; queue.append(y); total += 1 / Double(dist[y])
                    }
                }
            }
            return 1 - total / Double(left * (left - 1))
        case let .reach(m):
            let others = n - set.count
            guard others >= 1 else { return 0 }
            var dist = [Int](repeating: -1, count: n)
            var queue = set
            for v in set { dist[v] = 0 }
            var head = 0, reached = 0
            while head < queue.count {
                let x = queue[head]; head += 1
                guard dist[x] < m else { continue }
                for y in sets.neighbors[x] where dist[y] < 0 { dist[y] = dist[x] + 1; queue.append(y); reached += 1 }
            }
            return Double(reached) / Double(others)
        }
    }
}
