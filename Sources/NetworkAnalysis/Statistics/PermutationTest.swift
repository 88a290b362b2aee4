/// The result of a permutation test of one statistic.
///
/// The p-values are the shares of the permutations whose statistic is at least (at most) the
/// observed one — UCINET's and R sna's convention, without a +1 correction — with values equal
/// within a relative 1e-12 counted as equal. An exact test enumerates every permutation (the
/// identity included), so its p-values are exact probabilities under the null hypothesis.
public struct PermutationTest: Sendable, Equatable {
    /// The observed statistic.
    public let statistic: Double
    /// Share of permutations with a statistic `≥` the observed one.
    public let pGreaterOrEqual: Double
    /// Share of permutations with a statistic `≤` the observed one.
    public let pLessOrEqual: Double
    /// Mean of the statistic over the permutations.
    public let permutedMean: Double
    /// Number of permutations (for an exact test, `n!`).
    public let permutations: Int
    /// The seed of the random permutations; nil for an exact test.
    public let seed: UInt64?
}

/// Permutation tests that relabel nodes: the statistic is recomputed with the node order
/// permuted, keeping the network (and the number of nodes with each label) fixed.
public enum NodePermutation {
    /// A Monte Carlo test: `permutations` uniformly random permutations of `0..<n`, drawn by
    /// ``SplitMix64/shuffle(_:)`` from `SplitMix64(seed:)` (same seed, same p-values).
    ///
    /// - Parameters:
    ///   - n: the number of nodes.
    ///   - permutations: how many random permutations, at least 1.
    ///   - seed: their seed.
    ///   - statistic: the statistics (one or several) for a permutation `π` (node `v` takes the
    ///     place of node `π[v]`); called once with the identity for the observed values.
    /// - Returns: one test per statistic. NaN statistics of a permutation count in no p-value
    ///   (the share is over the permutations with a number).
    /// - Complexity: `permutations` calls of `statistic`.
    ///
    /// Reference: D. Krackhardt (1987), "QAP partialling as a test of spuriousness", Social
    /// Networks 9(2):171–186, doi:10.1016/0378-8733(87)90012-8; P. Good (2005), *Permutation,
    /// Parametric, and Bootstrap Tests of Hypotheses*, Springer, doi:10.1007/b138696.
    public static func test(n: Int, permutations: Int, seed: UInt64, statistic: ([Int]) -> [Double]) -> [PermutationTest] {
        var rng = SplitMix64(seed: seed)
        var order = Array(0..<n)
        return summarize(observed: statistic(Array(0..<n)), permutations: permutations, seed: seed) { record in
            for _ in 0..<permutations {
                order = Array(0..<n)
                rng.shuffle(&order)
                record(statistic(order))
            }
        }
    }

    /// The exact test: every one of the `n!` permutations (Heap's algorithm), for `n ≤ 10`.
    /// - Parameters: as ``test(n:permutations:seed:statistic:)``.
    /// - Returns: one test per statistic, with `seed` nil.
    /// - Complexity: `n!` calls of `statistic`.
    public static func exact(n: Int, statistic: ([Int]) -> [Double]) -> [PermutationTest] {
        precondition(n <= 10, "the exact test enumerates n! permutations; n must be at most 10")
        var count = 1
        for k in 1...max(1, n) { count *= k }
        return summarize(observed: statistic(Array(0..<n)), permutations: count, seed: nil) { record in
            var a = Array(0..<n)
            var c = [Int](repeating: 0, count: n)
            record(statistic(a))
            var i = 0
            while i < n {
                if c[i] < i {
                    if i % 2 == 0 { a.swapAt(0, i) } else { a.swapAt(c[i], i) }
                    record(statistic(a))
                    c[i] += 1
                    i = 0
                } else {
                    c[i] = 0
                    i += 1
                }
            }
        }
    }

    static func summarize(observed: [Double], permutations: Int, seed: UInt64?, run: ((([Double]) -> Void)) -> Void) -> [PermutationTest] {
        let k = observed.count
        var ge = [Int](repeating: 0, count: k), le = [Int](repeating: 0, count: k), valid = [Int](repeating: 0, count: k)
        var sum = [Double](repeating: 0, count: k)
        run { values in
            for s in 0..<k where !values[s].isNaN {
                let x = values[s], t = observed[s]
                let tie = abs(x - t) <= 1e-12 * max(1, abs(x), abs(t))
                if x >= t || tie { ge[s] += 1 }
                if x <= t || tie { le[s] += 1 }
                valid[s] += 1; sum[s] += x
            }
        }
        return (0..<k).map { s in
            let v = Double(valid[s])
            return PermutationTest(statistic: observed[s], pGreaterOrEqual: valid[s] > 0 ? Double(ge[s]) / v : .nan,
                                   pLessOrEqual: valid[s] > 0 ? Double(le[s]) / v : .nan,
                                   permutedMean: valid[s] > 0 ? sum[s] / v : .nan, permutations: permutations, seed: seed)
        }
    }
}

extension Graph {
    /// Newman's attribute assortativity of a categorical node attribute: how much more often
    /// ties join nodes of the same group than chance would have them do.
    ///
    ///     r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g)
    ///
    /// with `e_gh` the share of tie ends running from group `g` to group `h` (each undirected
    /// tie counted both ways; a directed arc once, tail to head), `a_g = Σ_h e_gh`,
    /// `b_g = Σ_h e_hg` (NetworkX `attribute_assortativity_coefficient`). Self-loops left out,
    /// parallel edges once; weights ignored.
    ///
    /// - Parameter groups: a group label per node.
    /// - Returns: `r` in `[−1, 1]`.
    /// - Throws: ``GraphError/lengthMismatch(what:expected:actual:)``;
    ///   ``GraphError/undefined(algorithm:reason:)`` without ties or when `Σ a_g b_g = 1` (one group).
    /// - Complexity: `O(n + m log d + g²)`.
    ///
    /// Reference: M. E. J. Newman (2003), "Mixing patterns in networks", Phys. Rev. E
    /// 67:026126, doi:10.1103/PhysRevE.67.026126, eq. 2.
    public func attributeAssortativity(groups: [Int]) throws(GraphError) -> Double {
        guard groups.count == nodeCount else { throw .lengthMismatch(what: "groups", expected: nodeCount, actual: groups.count) }
        return try MixingMatrix(NeighborSets(self, directed: true), groups: groups).assortativity()
    }
}

/// The group-to-group tie shares of a simple graph, for attribute assortativity.
struct MixingMatrix {
    var e: [[Double]]

    init(_ sets: NeighborSets, groups: [Int]) {
        let labels = Array(Set(groups)).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let g = labels.count
        var e = [[Double]](repeating: [Double](repeating: 0, count: g), count: g)
        var total = 0.0
        for u in sets.neighbors.indices { for v in sets.neighbors[u] { e[index[groups[u]]!][index[groups[v]]!] += 1; total += 1 } }
        if total > 0 { e = e.map { $0.map { $0 / total } } }
        self.e = e
    }

    func assortativity() throws(GraphError) -> Double {
        let g = e.count
        guard e.contains(where: { $0.contains { $0 > 0 } }) else {
            throw .undefined(algorithm: "attribute assortativity", reason: "the graph has no ties")
        }
        var trace = 0.0, ab = 0.0
        for i in 0..<g {
            trace += e[i][i]
            var a = 0.0, b = 0.0
            for j in 0..<g { a += e[i][j]; b += e[j][i] }
            ab += a * b
        }
        guard 1 - ab > 1e-15 else { throw .undefined(algorithm: "attribute assortativity", reason: "every tie joins one group (Σ a_g b_g = 1)") }
        return (trace - ab) / (1 - ab)
    }
}
