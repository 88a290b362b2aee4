import Foundation

/// Agreement between two partitions of the same nodes.
public enum PartitionAgreement {
    /// The contingency table of two labelings: `n_ij` nodes with label `i` in `a` and `j` in `b`.
    static func table(_ a: [Int], _ b: [Int]) -> (cells: [[Double]], rows: [Double], columns: [Double]) {
        let la = Graph.compactLabels(a), lb = Graph.compactLabels(b)
        var cells = [[Double]](repeating: [Double](repeating: 0, count: lb.count), count: la.count)
        for v in a.indices { cells[la.labels[v]][lb.labels[v]] += 1 }
        return (cells, cells.map { $0.reduce(0, +) }, (0..<lb.count).map { j in cells.reduce(0) { $0 + $1[j] } })
    }

    /// The adjusted Rand index: the share of node pairs on which two partitions agree (both
    /// together or both apart), corrected for chance so that 1 is the same partition and 0 is
    /// what independent random partitions with these community sizes give on average.
    ///
    ///     ARI = (Σ_ij C(n_ij, 2) − E) / (½ (Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) − E),
    ///     E = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2)
    ///
    /// (scikit-learn's `adjusted_rand_score`; 1 when both partitions are the same trivial one.)
    /// - Parameters:
    ///   - a: a label per node.
    ///   - b: a label per node, as many.
    /// - Returns: ARI, at most 1 (it can be negative).
    /// - Complexity: `O(n + k_a k_b)`.
    ///
    /// Reference: L. Hubert & P. Arabie (1985), "Comparing partitions", J. Classification
    /// 2:193–218, doi:10.1007/BF01908075.
    public static func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count, "two labelings of the same nodes")
        let (cells, rows, columns) = table(a, b)
        func pairs(_ x: Double) -> Double { x * (x - 1) / 2 }
        let index = cells.reduce(0) { $0 + $1.reduce(0) { $0 + pairs($1) } }
        let sa = rows.reduce(0) { $0 + pairs($1) }, sb = columns.reduce(0) { $0 + pairs($1) }
        let total = pairs(Double(a.count))
        guard total > 0 else { return 1 }
        let expected = sa * sb / total
        let maximum = (sa + sb) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }

    /// The normalized mutual information: how much knowing one partition tells about the other,
    /// from 0 (independent) to 1 (the same partition), `NMI = I(a; b) / ((H(a) + H(b)) / 2)`
    /// with natural logarithms (scikit-learn's `normalized_mutual_info_score`,
    /// `average_method = "arithmetic"`; 1 when both partitions have a single community).
    /// - Parameters:
    ///   - a: a label per node.
    ///   - b: a label per node, as many.
    /// - Returns: NMI in `[0, 1]`.
    /// - Complexity: `O(n + k_a k_b)`.
    ///
    /// Reference: A. Strehl & J. Ghosh (2002), "Cluster ensembles — a knowledge reuse framework
    /// for combining multiple partitions", J. Mach. Learn. Res. 3:583–617; L. Danon,
    /// A. Díaz-Guilera, J. Duch & A. Arenas (2005), "Comparing community structure
    /// identification", J. Stat. Mech. P09008, doi:10.1088/1742-5468/2005/09/P09008.
    public static func normalizedMutualInformation(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count, "two labelings of the same nodes")
        let (cells, rows, columns) = table(a, b)
        let n = Double(a.count)
        guard n > 0 else { return 1 }
        func entropy(_ counts: [Double]) -> Double { counts.reduce(0) { $1 > 0 ? $0 - $1 / n * Foundation.log($1 / n) : $0 } }
        let ha = entropy(rows), hb = entropy(columns)
        if ha == 0 && hb == 0 { return 1 }
        var mi = 0.0
        for i in cells.indices {
            for j in cells[i].indices where cells[i][j] > 0 {
                mi += cells[i][j] / n * Foundation.log(n * cells[i][j] / (rows[i] * columns[j]))
            }
        }
        let denominator = (ha + hb) / 2
        return denominator > 0 ? max(0, min(1, mi / denominator)) : 0
    }
}

/// How stable the communities of a network are over repeated runs (other seeds, or sampled
/// networks): the co-membership of every pair, a consensus partition, each node's share of runs
/// in its consensus community, and the agreement between runs.
public struct CommunityStability: Sendable, Equatable {
    /// The runs' memberships, in run order.
    public let runs: [[Int]]
    /// `coMembership[i][j]`: the share of runs in which `i` and `j` are in one community (1 on
    /// the diagonal).
    public let coMembership: [[Double]]
    /// The consensus partition (communities numbered by smallest node).
    public let consensus: [Int]
    /// Per node, the share of runs in which it is in the run's community that best matches its
    /// consensus community (the run community with the most members of the consensus one; ties
    /// to the smallest label).
    public let modalShare: [Double]
    /// Mean and smallest adjusted Rand index over all pairs of runs (1 for a single run).
    public let meanAdjustedRand: Double, minimumAdjustedRand: Double
    /// Mean and smallest normalized mutual information over all pairs of runs.
    public let meanNMI: Double, minimumNMI: Double

    /// Summarizes `runs` (all of the same nodes), with `consensus` found by the caller from
    /// ``coMembership(of:)``.
    /// - Parameters:
    ///   - runs: one membership per run, at least one.
    ///   - consensus: the consensus partition.
    /// - Complexity: `O(R n² + R² (n + k²))` for `R` runs.
    public init(runs: [[Int]], consensus: [Int]) {
        precondition(!runs.isEmpty, "at least one run")
        self.runs = runs
        coMembership = Self.coMembership(of: runs)
        let labels = Graph.compactLabels(consensus).labels
        self.consensus = labels
        let n = consensus.count
        var stays = [Double](repeating: 0, count: n)
        let groups = Dictionary(grouping: 0..<n, by: { labels[$0] }).sorted { $0.key < $1.key }
        for run in runs {
            for (_, members) in groups {
                var overlap: [Int: Int] = [:]
                for v in members { overlap[run[v], default: 0] += 1 }
                let best = overlap.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
                for v in members where run[v] == best { stays[v] += 1 }
            }
        }
        modalShare = stays.map { $0 / Double(runs.count) }
        var ari: [Double] = [], nmi: [Double] = []
        for r in runs.indices { for s in (r + 1)..<runs.count {
            ari.append(PartitionAgreement.adjustedRandIndex(runs[r], runs[s]))
            nmi.append(PartitionAgreement.normalizedMutualInformation(runs[r], runs[s]))
        } }
        meanAdjustedRand = ari.isEmpty ? 1 : ari.reduce(0, +) / Double(ari.count)
        minimumAdjustedRand = ari.min() ?? 1
        meanNMI = nmi.isEmpty ? 1 : nmi.reduce(0, +) / Double(nmi.count)
        minimumNMI = nmi.min() ?? 1
    }

    /// The co-membership matrix of `runs`: the share of runs with `i` and `j` in one community.
    /// - Complexity: `O(R n²)`.
    public static func coMembership(of runs: [[Int]]) -> [[Double]] {
        let n = runs.first?.count ?? 0
        var m = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for run in runs { for i in 0..<n { for j in 0..<n where run[i] == run[j] { m[i][j] += 1 } } }
        let r = Double(max(1, runs.count))
        return m.map { $0.map { $0 / r } }
    }

    /// The co-membership network for a consensus: an undirected graph with a tie of weight
    /// `coMembership[i][j]` for every pair together in at least `threshold` of the runs (one
    /// round of Lancichinetti & Fortunato's consensus clustering: run the same method on it).
    /// - Parameters:
    ///   - coMembership: the matrix.
    ///   - threshold: the smallest share kept (0.5: together in at least half of the runs).
    /// - Returns: the graph.
    /// - Complexity: `O(n²)`.
    ///
    /// Reference: A. Lancichinetti & S. Fortunato (2012), "Consensus clustering in complex
    /// networks", Sci. Rep. 2:336, doi:10.1038/srep00336.
    public static func consensusGraph(_ coMembership: [[Double]], threshold: Double = 0.5) -> Graph {
        let n = coMembership.count
        var edges: [(Int, Int)] = [], weights: [Double] = []
        for i in 0..<n { for j in (i + 1)..<n where coMembership[i][j] >= threshold { edges.append((i, j)); weights.append(coMembership[i][j]) } }
        return try! Graph(nodeCount: n, edges: edges, weights: weights, directed: false)
    }
}
