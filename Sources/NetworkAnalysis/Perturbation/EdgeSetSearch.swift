/// A network-level value of a graph with a set of edges added, and whether a search should
/// raise or lower it: what ``Graph/bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``
/// optimises.
///
/// The value is computed from an ``EdgeSetEvaluation``: the exact all-pairs path lengths of
/// the graph with the edges added, and (for values that need more than lengths) the graph
/// itself. The library's objectives:
///
/// | objective | value | better | source |
/// |---|---|---|---|
/// | ``globalEfficiency`` | `E = Σ_{a ≠ b} 1/d(a, b) / (n(n − 1))` | higher | Latora & Marchiori 2001 |
/// | ``fragmentation`` | `F = 1 − R / (n(n − 1))`, `R` the ordered pairs with a path | lower | Borgatti 2006 |
/// | ``componentCount`` | number of connected (directed: weakly connected) components | lower | — |
/// | ``weakestGroupEfficiency(groups:)`` | `min_g Σ_{a ∈ g, b ≠ a} 1/d(a, b) / (|g|(n − 1))` | higher | — |
/// | ``constraint(of:weighting:)`` | Burt's constraint of one node | lower | Burt 1992 |
///
/// References: V. Latora & M. Marchiori (2001), "Efficient behavior of small-world networks",
/// Phys. Rev. Lett. 87(19):198701, doi:10.1103/PhysRevLett.87.198701; S. P. Borgatti (2006),
/// "Identifying sets of key players in a social network", Comput. Math. Organ. Theory
/// 12:21–34, doi:10.1007/s10588-006-7084-x; R. S. Burt (1992), *Structural Holes*, Harvard
/// University Press.
public struct EdgeSetObjective: Sendable {
    /// The measure's snake_case name (`global_efficiency`, `fragmentation`, ...).
    public let name: String
    /// Whether a larger value is better (the search maximises it) or a smaller one.
    public let higherIsBetter: Bool
    /// The value of one graph-plus-edges.
    public let evaluate: @Sendable (EdgeSetEvaluation) -> Double
    /// For an objective that is a function of `Σ_{a ≠ b} term(d(a, b))` over the finite
    /// lengths (global efficiency, fragmentation): the term and the value of a sum for `n`
    /// nodes. The search then values a set plus one edge from the pairs that edge brings closer
    /// only (``EdgeSetEvaluator/pairSumDelta(_:prefix:form:sources:targets:)``); `nil` for others.
    let pairSum: PairSumForm?

    /// An objective `f(Σ_{a ≠ b} term(d(a, b)), n)` (``pairSum``).
    struct PairSumForm: Sendable {
        let term: @Sendable (Double) -> Double
        let value: @Sendable (_ sum: Double, _ n: Int) -> Double
    }

    /// An objective as given.
    /// - Parameters:
    ///   - name: the measure's snake_case name.
    ///   - higherIsBetter: whether the search raises (`true`) or lowers the value.
    ///   - evaluate: the value of a graph with edges added; it must depend only on the
    ///     evaluation it is given (it is called from several threads).
    public init(name: String, higherIsBetter: Bool, evaluate: @escaping @Sendable (EdgeSetEvaluation) -> Double) {
        self.init(name: name, higherIsBetter: higherIsBetter, pairSum: nil, evaluate: evaluate)
    }

    init(name: String, higherIsBetter: Bool, pairSum: PairSumForm?, evaluate: @escaping @Sendable (EdgeSetEvaluation) -> Double) {
        self.name = name; self.higherIsBetter = higherIsBetter; self.pairSum = pairSum; self.evaluate = evaluate
    }

    /// Global efficiency (Latora & Marchiori 2001), `Σ_{a ≠ b} 1/d(a, b) / (n(n − 1))` over
    /// ordered pairs (`1/∞ = 0`); `0` when `n < 2`. Higher is better. `O(n²)`.
    public static let globalEfficiency = EdgeSetObjective(
        name: "global_efficiency", higherIsBetter: true,
        pairSum: PairSumForm(term: { 1 / $0 }, value: { sum, n in n < 2 ? 0 : sum / (Double(n) * Double(n - 1)) })
    ) { e in
        let n = e.nodeCount
        return n < 2 ? 0 : pairSum(e) { 1 / $0 } / (Double(n) * Double(n - 1))
    }

    /// Borgatti's (2006) fragmentation `F = 1 − R / (n(n − 1))`, `R` the ordered pairs of
    /// distinct nodes with a path; `0` when `n < 2`. Lower is better. `O(n²)`.
    public static let fragmentation = EdgeSetObjective(
        name: "fragmentation", higherIsBetter: false,
        pairSum: PairSumForm(term: { _ in 1 }, value: { sum, n in n < 2 ? 0 : 1 - sum / (Double(n) * Double(n - 1)) })
    ) { e in
        let n = e.nodeCount
        return n < 2 ? 0 : 1 - pairSum(e) { _ in 1 } / (Double(n) * Double(n - 1))
    }

    /// `Σ term(d(a, b))` over ordered pairs `a ≠ b` with a finite length.
    @inline(__always)
    static func pairSum(_ e: EdgeSetEvaluation, _ term: (Double) -> Double) -> Double {
        let n = e.nodeCount
        var sum = 0.0
        e.distances.withUnsafeBufferPointer { d in
            for a in 0..<n {
                let row = a * n
                for b in 0..<n where b != a {
                    let x = d[row + b]
                    if x.isFinite { sum += term(x) }
                }
            }
        }
        return sum
    }

    /// The number of connected components (weakly connected when directed) of the graph with
    /// the edges added. Lower is better. `O(n + m)` per evaluation.
    public static let componentCount = EdgeSetObjective(name: "components", higherIsBetter: false) { e in
        Double(e.graphWithEdges().connectedComponents().count)
    }

    /// The reach of the least-connected group: for each group `g` (nodes with the same label),
    /// the mean efficiency of its members towards every other node,
    /// `E_g = Σ_{a ∈ g} Σ_{b ≠ a} 1/d(a, b) / (|g|(n − 1))`, and the value is `min_g E_g`.
    /// Higher is better: the search lifts the worst-off group. `O(n²)`.
    /// - Parameter groups: one label per node (any integers; a label with no node is ignored).
    ///   Nodes beyond the array's end are in no group.
    /// - Returns: the objective (`weakest_group_efficiency`; `0` when `n < 2` or no group).
    public static func weakestGroupEfficiency(groups: [Int]) -> EdgeSetObjective {
        EdgeSetObjective(name: "weakest_group_efficiency", higherIsBetter: true) { e in
            let n = e.nodeCount
            guard n >= 2 else { return 0 }
            var sums: [Int: (Double, Int)] = [:]
            e.distances.withUnsafeBufferPointer { d in
                for a in 0..<min(n, groups.count) {
                    let row = a * n
                    var s = 0.0
                    for b in 0..<n where b != a {
                        let x = d[row + b]
                        if x.isFinite { s += 1 / x }
                    }
                    let old = sums[groups[a]] ?? (0, 0)
                    sums[groups[a]] = (old.0 + s, old.1 + 1)
                }
            }
            return sums.values.map { $0.0 / (Double($0.1) * Double(n - 1)) }.min() ?? 0
        }
    }

    /// Burt's (1992) constraint of `node` in the graph with the edges added
    /// (``Graph/structuralHoles(weighting:)``). Lower is better (more brokerage). `O(m + d²)`
    /// per evaluation for the node's degree `d`; NaN when the weights cannot be read.
    /// - Parameters:
    ///   - node: the node whose constraint is lowered.
    ///   - weighting: how the weights are read for the tie proportions.
    /// - Returns: the objective (`constraint`).
    public static func constraint(of node: Int, weighting: EdgeWeighting = .strength) -> EdgeSetObjective {
        EdgeSetObjective(name: "constraint", higherIsBetter: false) { e in
            (try? e.graphWithEdges().structuralHoles(weighting: weighting).constraint[node]) ?? .nan
        }
    }
}

/// A graph with a set of edges added, as an ``EdgeSetObjective`` sees it.
public struct EdgeSetEvaluation: @unchecked Sendable {
    /// The graph before the edges are added.
    public let graph: Graph
    /// The added edges `(u, v)` (arcs `u → v` in a directed graph), each of weight ``weight``.
    public let added: [(Int, Int)]
    /// The weight of every added edge (read as the search's weighting).
    public let weight: Double
    /// Exact shortest-path lengths of the graph with the edges added, row-major `n × n`
    /// (`d(a, b)` at `a * n + b`; `0` on the diagonal, `+∞` when unreachable).
    public let distances: [Double]

    /// Number of nodes `n`.
    public var nodeCount: Int { graph.nodeCount }

    /// `d(a, b)` with the edges added. Complexity: `O(1)`.
    public subscript(a: Int, b: Int) -> Double { distances[a * graph.nodeCount + b] }

    /// The graph with the edges appended (edge ids `m, m + 1, ...`, tag 0).
    /// - Complexity: `O(n + m log d)`.
    public func graphWithEdges() -> Graph {
        graph.adding(edges: added, weight: weight)
    }
}

/// The result of ``Graph/bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``.
public struct EdgeSetSelection: Sendable, Equatable {
    /// The chosen edges, as indices into the candidate list, in the order of their marginal
    /// effect: each is the one of the remaining chosen edges that improves the objective most
    /// given the ones before it.
    public let edges: [Int]
    /// The objective's value of the graph without any added edge.
    public let baseValue: Double
    /// The objective's value after adding the first `1, 2, ..., k` chosen edges, in that order;
    /// the last is the value of the whole set (the combined effect is `value − baseValue`).
    public let steps: [Double]
    /// The objective's value with each chosen edge added alone (same order as ``edges``).
    public let aloneValues: [Double]
    /// The value of the greedy set, before the swaps.
    public let greedyValue: Double
    /// How many 1-swaps improved the greedy set.
    public let swaps: Int
    /// How many graphs-plus-edges were evaluated.
    public let evaluations: Int
    /// Whether the swaps stopped because no swap improved (else the round limit ended them).
    public let isSwapOptimal: Bool

    /// The objective's value with the whole set added (``baseValue`` when the set is empty).
    public var value: Double { steps.last ?? baseValue }
    /// Each edge's marginal change of the objective, `steps[i] − steps[i − 1]` (after − before).
    public var marginalChanges: [Double] { steps.indices.map { steps[$0] - ($0 == 0 ? baseValue : steps[$0 - 1]) } }
}

extension Graph {
    /// The best set of `k` new edges from `candidates` for an objective, found greedily and
    /// then improved by 1-swaps, each set evaluated **exactly** (the objective of the graph
    /// with the whole set added, not a sum of single-edge effects).
    ///
    /// **Method.** Greedy: start from the empty set and add, `k` times, the candidate whose
    /// addition gives the best objective value. Swap (local search): while some pair (chosen
    /// edge `s`, unchosen candidate `c`) gives a strictly better value for `S − s + c` (by more
    /// than a relative `1e-12`), make the best such swap; stop when none improves (the set is
    /// then *1-swap optimal*) or after `maxSwapRounds` swaps. Equal values are broken by the
    /// candidate's position in the list (earlier first), so the result is deterministic.
    /// Greedy with swaps is a heuristic: on objectives that are not submodular the optimum may
    /// be missed (the tests compare it with brute force over all `k`-subsets).
    ///
    /// **Evaluation.** Adding one edge `u – v` of length `ℓ` to a graph with exact all-pairs
    /// lengths `d` gives exactly `d'(a, b) = min(d(a, b), d(a, u) + ℓ + d(v, b), d(a, v) + ℓ +
    /// d(u, b))` (directed: only the arc `u → v`), since a shortest path uses the new edge at
    /// most once. The lengths of `G + S` are built from those of `G` one edge at a time,
    /// `O(n²)` per edge, and the objective reads them (``EdgeSetEvaluation``). All candidate
    /// evaluations go through one internal function (`EdgeSetEvaluator.values`), so a faster
    /// incremental path can replace it without touching the search.
    /// ``edgeSetValue(adding:weight:weighting:objective:)`` computes the same value from
    /// scratch (tested to agree).
    ///
    /// - Parameters:
    ///   - candidates: distinct candidate edges `(u, v)`, `u ≠ v`, node indices in `0..<n`,
    ///     in order of preference (the earlier wins a tie).
    ///   - count: `k ≥ 0`, the set size; fewer when there are fewer candidates.
    ///   - weight: the weight of every new edge (`.strength`: length `1 / weight`;
    ///     `.distance`: length `weight`; `.unweighted`: length 1).
    ///   - weighting: how the graph's weights become lengths.
    ///   - objective: what to optimise.
    ///   - maxSwapRounds: at most this many improving swaps (default 100).
    ///   - threads: at most this many threads (over candidates); results do not depend on it.
    /// - Returns: the chosen set, its step values, alone values and counts.
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` for a bad pair, a negative
    ///   count, or a weight that is not positive and finite;
    ///   ``GraphError/invalidWeight(edge:value:reason:)`` when the graph's weights have no length.
    /// - Complexity: `O(n (n + m) log n)` for the lengths of `G`; greedy `O(k c n²)` for `c`
    ///   candidates; each swap round `O(k (k + c) n²)`; plus the objective's own cost per
    ///   evaluation. `O(n²)` memory per thread.
    public func bestEdgeSet(
        adding candidates: [(Int, Int)], count k: Int, weight: Double = 1, weighting: EdgeWeighting = .strength,
        objective: EdgeSetObjective, maxSwapRounds: Int = 100, threads: Int? = nil
    ) throws(GraphError) -> EdgeSetSelection {
        try bestEdgeSet(
            adding: candidates, count: k, weight: weight, weighting: weighting, objective: objective,
            maxSwapRounds: maxSwapRounds, threads: threads, incremental: true)
    }

    /// ``bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)`` starting
    /// from the length matrix of a shared pass (``pathTables(weighting:threads:distances:)``
    /// with `distances: true`) instead of computing it again: the same result, bit for bit,
    /// without the `O(n (n + m) log n)` all-source pass.
    /// - Parameters: as ``bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``;
    ///   `tables`: this graph's tables with the matrix kept (when they were made with another
    ///   weighting or without the matrix, the matrix is computed here as usual).
    /// - Returns: the chosen set, its step values, alone values and counts.
    /// - Throws: as ``bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``.
    /// - Complexity: that of the search without the all-pairs pass.
    public func bestEdgeSet(
        adding candidates: [(Int, Int)], count k: Int, weight: Double = 1, weighting: EdgeWeighting = .strength,
        objective: EdgeSetObjective, maxSwapRounds: Int = 100, threads: Int? = nil, tables: PathTables
    ) throws(GraphError) -> EdgeSetSelection {
        let usable = tables.weighting == weighting && tables.nodeCount == nodeCount && tables.distances.count == nodeCount * nodeCount
        return try bestEdgeSet(
            adding: candidates, count: k, weight: weight, weighting: weighting, objective: objective,
            maxSwapRounds: maxSwapRounds, threads: threads, incremental: true, distances: usable ? tables.distances : nil)
    }

    /// ``bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)`` with the
    /// search's sets valued from the pairs each new edge brings closer (`incremental`, for a
    /// pair-sum objective) or from the whole updated matrix (`false`, the plain path the tests
    /// compare it with). The values reported (steps, alone, base) always come from the whole matrix.
    func bestEdgeSet(
        adding candidates: [(Int, Int)], count k: Int, weight: Double, weighting: EdgeWeighting,
        objective: EdgeSetObjective, maxSwapRounds: Int, threads: Int?, incremental: Bool, distances: [Double]? = nil
    ) throws(GraphError) -> EdgeSetSelection {
        try validateNewEdges(candidates, name: "candidates", weight: weight)
        guard k >= 0 else { throw .invalidArgument(name: "count", value: "\(k)", valid: "a count ≥ 0") }
        let base: [Double]
        if let distances { base = distances } else { base = try distanceMatrix(weighting: weighting, threads: threads).distances }
        let evaluator = EdgeSetEvaluator(
            graph: self, candidates: candidates, weight: weight, objective: objective, base: base,
            length: Self.newEdgeLength(weight, weighting), threads: threads)
        let sign = objective.higherIsBetter ? 1.0 : -1.0
        func better(_ x: Double, than y: Double) -> Bool {
            if x.isNaN { return false }
            if y.isNaN { return true }
            return sign * (x - y) > 1e-12 * max(1, abs(x), abs(y))
        }
        /// The best of `options` (value, candidate) by value, the earliest candidate on ties.
        func best(_ values: [Double], of options: [Int]) -> Int? {
            var pick: Int?
            for i in options.indices where pick == nil || better(values[i], than: values[pick!]) { pick = i }
            return pick
        }
        let baseValue = evaluator.value(of: [])
        var evaluations = 1
        let size = min(k, candidates.count)
        var chosen: [Int] = []
        var value = baseValue
        // Greedy.
        for _ in 0..<size {
            let options = candidates.indices.filter { !chosen.contains($0) }
            let values = evaluator.values(extending: chosen, by: options, incremental: incremental)
            evaluations += options.count
            guard let i = best(values, of: options) else { break }
            chosen.append(options[i]); value = values[i]
        }
        let greedyValue = incremental && objective.pairSum != nil ? evaluator.value(of: chosen) : value
        // 1-swaps, best improvement first.
        var swaps = 0, optimal = false
        while !chosen.isEmpty {
            if swaps == maxSwapRounds { break }
            let options = candidates.indices.filter { !chosen.contains($0) }
            var move: (slot: Int, candidate: Int, value: Double)?
            for slot in chosen.indices {
                var rest = chosen; rest.remove(at: slot)
                let values = evaluator.values(extending: rest, by: options, incremental: incremental)
                evaluations += options.count
                for (i, c) in options.enumerated() where better(values[i], than: move?.value ?? value) {
                    move = (slot, c, values[i])
                }
            }
            guard let move else { optimal = true; break }
            chosen[move.slot] = move.candidate; value = move.value; swaps += 1
        }
        if chosen.isEmpty { optimal = true }
        // Order the set by marginal effect (greedy within the set) and value each edge alone.
        var ordered: [Int] = [], steps: [Double] = []
        var remaining = chosen.sorted()
        while !remaining.isEmpty {
            let values = evaluator.values(extending: ordered, by: remaining)
            evaluations += remaining.count
            let i = best(values, of: remaining)!
            ordered.append(remaining[i]); steps.append(values[i]); remaining.remove(at: i)
        }
        let alone = evaluator.values(extending: [], by: ordered)
        evaluations += ordered.count
        return EdgeSetSelection(
            edges: ordered, baseValue: baseValue, steps: steps, aloneValues: alone, greedyValue: greedyValue,
            swaps: swaps, evaluations: evaluations, isSwapOptimal: optimal)
    }

    /// The objective's value of the graph with `edges` added, computed **from scratch**: the
    /// edges are appended to the graph, all-pairs lengths recomputed by Dijkstra, and the
    /// objective evaluated. The reference against which the search's incremental evaluation
    /// is tested, and the combined effect of any given set.
    ///
    /// - Parameters:
    ///   - edges: the new edges `(u, v)`, `u ≠ v`, node indices in `0..<n`.
    ///   - weight: the weight of every new edge, read by `weighting`.
    ///   - weighting: how weights become lengths.
    ///   - objective: the value wanted.
    /// - Returns: the objective's value.
    /// - Throws: as ``bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``.
    /// - Complexity: `O(n (n + m) log n)` plus the objective's cost.
    public func edgeSetValue(
        adding edges: [(Int, Int)], weight: Double = 1, weighting: EdgeWeighting = .strength, objective: EdgeSetObjective
    ) throws(GraphError) -> Double {
        try validateNewEdges(edges, name: "edges", weight: weight)
        let matrix = try adding(edges: edges, weight: weight).distanceMatrix(weighting: weighting, threads: 1)
        return objective.evaluate(EdgeSetEvaluation(graph: self, added: edges, weight: weight, distances: matrix.distances))
    }

    /// This graph with `edges` appended, each of weight `weight` and tag 0.
    func adding(edges: [(Int, Int)], weight: Double) -> Graph {
        var all = (0..<edgeCount).map { (Int(edgeSources[$0]), Int(edgeTargets[$0])) }
        all += edges
        return try! Graph(
            nodeCount: nodeCount, edges: all, weights: weights + Array(repeating: weight, count: edges.count),
            tags: tags + Array(repeating: 0, count: edges.count), directed: isDirected)
    }

    func validateNewEdges(_ edges: [(Int, Int)], name: String, weight: Double) throws(GraphError) {
        let n = nodeCount
        for (i, (u, v)) in edges.enumerated() where !((0..<n).contains(u) && (0..<n).contains(v) && u != v) {
            throw .invalidArgument(name: "\(name)[\(i)]", value: "(\(u), \(v))", valid: "two different node indices in 0..<\(n)")
        }
        guard weight.isFinite, weight > 0 else {
            throw .invalidArgument(name: "weight", value: "\(weight)", valid: "a positive finite tie strength")
        }
    }

    static func newEdgeLength(_ weight: Double, _ weighting: EdgeWeighting) -> Double {
        switch weighting {
        case .unweighted: return 1
        case .strength: return 1 / weight
        case .distance: return weight
        }
    }
}

/// Exact objective values of the graph plus a set of candidate edges (see
/// ``Graph/bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``).
struct EdgeSetEvaluator: Sendable {
    let graph: Graph
    let candidates: [(Int, Int)]
    let weight: Double
    let objective: EdgeSetObjective
    /// All-pairs lengths of the graph, row-major.
    let base: [Double]
    /// Length of a new edge.
    let length: Double
    let threads: Int?

    /// The objective with the candidates `set` added.
    func value(of set: [Int]) -> Double {
        var d = base
        for c in set { add(c, to: &d) }
        return objective.evaluate(EdgeSetEvaluation(graph: graph, added: set.map { candidates[$0] }, weight: weight, distances: d))
    }

    /// The objective of `set + {c}` for every `c` of `extensions`, in that order: the one
    /// function through which the search evaluates sets. `O(|set| n² + |extensions| n²)`
    /// plus the objective's cost; with `incremental` and a pair-sum objective
    /// (``EdgeSetObjective/pairSum``), `O(|set| n² + |extensions| (n + s_u s_v))` for the
    /// `s_u`, `s_v` nodes the new edge brings closer to its far end.
    func values(extending set: [Int], by extensions: [Int], incremental: Bool = false) -> [Double] {
        let count = extensions.count
        guard count > 0 else { return [] }
        var start = base
        for c in set { add(c, to: &start) }
        let prefix = start
        let n = graph.nodeCount
        if incremental, let form = objective.pairSum {
            let sum = prefix.withUnsafeBufferPointer { p -> Double in
                var s = 0.0
                for a in 0..<n { for b in 0..<n where b != a && p[a * n + b].isFinite { s += form.term(p[a * n + b]) } }
                return s
            }
            // The columns d(·, x) as rows, so the source scans read memory in order (the same
            // numbers: a row of a search from x need not equal the column bit for bit).
            var columns = [Double](repeating: 0, count: n * n)
            columns.withUnsafeMutableBufferPointer { t in
                prefix.withUnsafeBufferPointer { p in
                    let block = 64
                    for a0 in stride(from: 0, to: n, by: block) {
                        for b0 in stride(from: 0, to: n, by: block) {
                            for a in a0..<min(n, a0 + block) {
                                for b in b0..<min(n, b0 + block) { t[b * n + a] = p[a * n + b] }
                            }
                        }
                    }
                }
            }
            let transposed = columns
            let results = UnsafeMutablePointer<Double>.allocate(capacity: count)
            defer { results.deallocate() }
            let shared = SharedBuffer(pointer: results)
            let chunks = SourceChunks.count(count)
            SourceChunks.forEach(count: chunks, threads: threads, work: count * n * 4) { chunk in
                var sources: [Int] = [], targets: [Int] = []
                sources.reserveCapacity(n); targets.reserveCapacity(n)
                prefix.withUnsafeBufferPointer { p in
                    transposed.withUnsafeBufferPointer { t in
                        for i in SourceChunks.range(chunk, of: chunks, n: count) {
                            let delta = pairSumDelta(extensions[i], prefix: p, columns: t, form: form, sources: &sources, targets: &targets)
                            (shared.pointer + i).initialize(to: form.value(sum + delta, n))
                        }
                    }
                }
            }
            return Array(UnsafeBufferPointer(start: results, count: count))
        }
        let results = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { results.deallocate() }
        let shared = SharedBuffer(pointer: results)
        let chunks = SourceChunks.count(count)
        let edges = set.map { candidates[$0] }
        SourceChunks.forEach(count: chunks, threads: threads, work: count * n * n) { chunk in
            var scratch = prefix
            for i in SourceChunks.range(chunk, of: chunks, n: count) {
                let c = extensions[i]
                scratch.withUnsafeMutableBufferPointer { s in
                    prefix.withUnsafeBufferPointer { p in _ = s.update(fromContentsOf: p) }
                }
                add(c, to: &scratch)
                let evaluation = EdgeSetEvaluation(graph: graph, added: edges + [candidates[c]], weight: weight, distances: scratch)
                (shared.pointer + i).initialize(to: objective.evaluate(evaluation))
            }
        }
        return Array(UnsafeBufferPointer(start: results, count: count))
    }

    /// The change of `Σ_{a ≠ b} term(d(a, b))` (finite lengths) when candidate `c = (u, v)`
    /// of length `ℓ` is added to the exact lengths `d`, from the pairs it brings closer only.
    /// A path through the new edge `u → v` shortens `d(a, b)` only if `d(a, u) + ℓ < d(a, v)`
    /// (else `d(a, v) + d(v, b) ≤` the new path) and `ℓ + d(v, b) < d(u, b)` (likewise): so only
    /// the sources closer to `u` by more than `ℓ` and the targets closer to `v` are searched,
    /// and, undirected, the same with `u` and `v` swapped. Each ordered pair is shortened by
    /// at most one of the two directions.
    /// `columns` is `d` transposed (`columns[x * n + a] = d(a, x)`), read for the sources.
    /// - Complexity: `O(n + s_u s_v)` for those sets.
    func pairSumDelta(
        _ c: Int, prefix d: UnsafeBufferPointer<Double>, columns t: UnsafeBufferPointer<Double>,
        form: EdgeSetObjective.PairSumForm, sources: inout [Int], targets: inout [Int]
    ) -> Double {
        let (u, v) = candidates[c]
        let n = graph.nodeCount, l = length
        var delta = 0.0
        func route(_ x: Int, _ y: Int) {
            // Sources a with d(a, x) + ℓ < d(a, y); targets b with ℓ + d(y, b) < d(x, b).
            sources.removeAll(keepingCapacity: true); targets.removeAll(keepingCapacity: true)
            let tx = x * n, ty = y * n
            for a in 0..<n where t[tx + a] + l < t[ty + a] { sources.append(a) }
            guard !sources.isEmpty else { return }
            for b in 0..<n where l + d[y * n + b] < d[x * n + b] { targets.append(b) }
            for a in sources {
                let via = t[tx + a] + l, row = a * n
                for b in targets where b != a {
                    let old = d[row + b], new = via + d[y * n + b]
                    if new < old { delta += form.term(new) - (old.isFinite ? form.term(old) : 0) }
                }
            }
        }
        route(u, v)
        if !graph.isDirected { route(v, u) }
        return delta
    }

    /// Adds candidate `c` to the exact lengths `d` in place: `d'(a, b) = min(d(a, b),
    /// d(a, u) + ℓ + d(v, b), d(a, v) + ℓ + d(u, b))` (directed: the first two).
    func add(_ c: Int, to d: inout [Double]) {
        let (u, v) = candidates[c]
        let n = graph.nodeCount
        let directed = graph.isDirected
        let l = length
        d.withUnsafeMutableBufferPointer { d in
            // The old column of u and v (lengths to them) and the old rows (lengths from them).
            var toU = [Double](repeating: 0, count: n), toV = toU
            for a in 0..<n { toU[a] = d[a * n + u]; toV[a] = d[a * n + v] }
            let fromU = Array(d[(u * n)..<(u * n + n)]), fromV = Array(d[(v * n)..<(v * n + n)])
            for a in 0..<n {
                let viaU = toU[a] + l, viaV = toV[a] + l
                if !viaU.isFinite && (directed || !viaV.isFinite) { continue }
                let row = a * n
                for b in 0..<n {
                    var best = d[row + b]
                    let x = viaU + fromV[b]
                    if x < best { best = x }
                    if !directed {
                        let y = viaV + fromU[b]
                        if y < best { best = y }
                    }
                    d[row + b] = best
                }
            }
        }
    }
}
