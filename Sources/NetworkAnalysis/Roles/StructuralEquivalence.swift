/// How two actors' tie profiles are compared for structural equivalence.
public enum EquivalenceDistance: String, Sendable, CaseIterable {
    /// Burt's Euclidean distance between the rows and columns (0 for identical profiles).
    case euclidean
    /// Pearson correlation of the rows and columns (1 for identical profiles); as a distance
    /// for clustering, `1 − r`.
    case correlation
}

extension Graph {
    /// Structural equivalence of every pair of nodes: how alike their ties to everyone else
    /// are (two actors are structurally equivalent when they have the same ties to the same
    /// others; Lorrain & White 1971).
    ///
    /// With `x_ik` the tie from `i` to `k` (tie strength, or 0/1 when `.unweighted`; parallel
    /// edges summed; self-loops left out; an undirected graph has `x_ik = x_ki`), the profile
    /// of `i` compared with `j` is its row and its column without the entries of `i` and `j`
    /// (Wasserman & Faust 1994, eqs. 9.2–9.3):
    ///
    ///     euclidean:    d_ij = sqrt( Σ_{k ≠ i,j} (x_ik − x_jk)² + (x_ki − x_kj)² )
    ///     correlation:  r_ij = Pearson correlation of (x_ik, x_ki)_{k ≠ i,j} and (x_jk, x_kj)_{k ≠ i,j}
    ///
    /// For an undirected graph the row and the column are the same, so each difference counts
    /// twice (`d` is √2 times the row-only distance; `r` is unchanged). A correlation whose
    /// profile does not vary (an isolate) is NaN.
    ///
    /// - Parameters:
    ///   - distance: `.euclidean` or `.correlation`.
    ///   - weighting: `.unweighted` for 0/1 ties; otherwise tie strengths as given.
    /// - Returns: an `n × n` symmetric matrix (`[i][j]`), 0 (Euclidean) or 1 (correlation) on
    ///   the diagonal.
    /// - Complexity: `O(n³)` time, `O(n²)` memory.
    ///
    /// Reference: F. Lorrain & H. C. White (1971), "Structural equivalence of individuals in
    /// social networks", J. Math. Sociol. 1(1):49–80, doi:10.1080/0022250X.1971.9989788;
    /// R. S. Burt (1976), "Positions in networks", Social Forces 55(1):93–122,
    /// doi:10.1093/sf/55.1.93; Wasserman & Faust (1994), doi:10.1017/CBO9780511815478, §9.2.
    public func structuralEquivalence(_ distance: EquivalenceDistance, weighting: EdgeWeighting = .unweighted) -> [[Double]] {
        let n = nodeCount
        let sets = NeighborSets(self, weighting: weighting, directed: true)
        var x = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for (k, j) in sets.neighbors[i].enumerated() { x[i][j] = sets.strengths[i][k] } }
        var result = [[Double]](repeating: [Double](repeating: distance == .euclidean ? 0 : 1, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                var a: [Double] = [], b: [Double] = []
                a.reserveCapacity(2 * n); b.reserveCapacity(2 * n)
                for k in 0..<n where k != i && k != j {
                    a.append(x[i][k]); b.append(x[j][k])
                    a.append(x[k][i]); b.append(x[k][j])
                }
                let value: Double
                switch distance {
                case .euclidean:
                    var s = 0.0
                    for t in a.indices { s += (a[t] - b[t]) * (a[t] - b[t]) }
                    value = s.squareRoot()
                case .correlation:
                    value = (try? Statistics.pearson(a, b, what: "structural equivalence")) ?? .nan
                }
                result[i][j] = value; result[j][i] = value
            }
        }
        return result
    }
}

/// One merge of an agglomerative hierarchical clustering: clusters `first` and `second`
/// (numbered as scipy's `linkage`: `0..<n` the single nodes, `n + t` the cluster made at merge
/// `t`) joined at `height`, giving a cluster of `size` nodes.
public struct ClusterMerge: Sendable, Equatable {
    public let first: Int
    public let second: Int
    public let height: Double
    public let size: Int
}

/// Average-linkage (UPGMA) hierarchical clustering of a distance matrix, and its cut into
/// positions.
public enum HierarchicalClustering {
    /// The merges of average-linkage clustering: repeatedly join the two clusters whose mean
    /// pairwise distance is smallest,
    ///
    ///     D(A, B) = Σ_{a ∈ A, b ∈ B} d(a, b) / (|A| |B|)
    ///
    /// Ties are broken by the smaller cluster numbers (first the smaller of the pair's lower
    /// number, then the higher). NaN distances count as `nanDistance`.
    ///
    /// - Parameters:
    ///   - distances: an `n × n` symmetric matrix.
    ///   - nanDistance: the distance used for NaN entries (default 1, i.e. correlation 0).
    /// - Returns: `n − 1` merges in order, with non-decreasing heights (UPGMA is monotone).
    /// - Complexity: `O(n³)`.
    ///
    /// Reference: R. R. Sokal & C. D. Michener (1958), "A statistical method for evaluating
    /// systematic relationships", Univ. Kansas Sci. Bull. 38:1409–1438; scipy
    /// `cluster.hierarchy.linkage(method="average")`.
    public static func averageLinkage(_ distances: [[Double]], nanDistance: Double = 1) -> [ClusterMerge] {
        let n = distances.count
        guard n > 1 else { return [] }
        var d = distances.map { $0.map { $0.isNaN ? nanDistance : $0 } }
        var label = Array(0..<n)        // cluster number of each active row
        var size = [Int](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        var merges: [ClusterMerge] = []
        for t in 0..<(n - 1) {
            var best = (Double.infinity, Int.max, Int.max, 0, 0)
            for i in 0..<n where active[i] {
                for j in (i + 1)..<n where active[j] {
                    let lo = min(label[i], label[j]), hi = max(label[i], label[j])
                    if d[i][j] < best.0 || (d[i][j] == best.0 && (lo, hi) < (best.1, best.2)) { best = (d[i][j], lo, hi, i, j) }
                }
            }
            let (h, lo, hi, i, j) = best
            for k in 0..<n where active[k] && k != i && k != j {
                let merged = (d[i][k] * Double(size[i]) + d[j][k] * Double(size[j])) / Double(size[i] + size[j])
                d[i][k] = merged; d[k][i] = merged
            }
            size[i] += size[j]; active[j] = false
            label[i] = n + t
            merges.append(ClusterMerge(first: lo, second: hi, height: h, size: size[i]))
        }
        return merges
    }

    /// The positions: the clusters left when the merges stop at `k` clusters, numbered by
    /// their smallest member (scipy `fcluster(criterion="maxclust")` up to numbering).
    ///
    /// - Parameters:
    ///   - merges: from ``averageLinkage(_:nanDistance:)`` on `n` nodes.
    ///   - n: the number of nodes.
    ///   - k: positions wanted, in `1...n`.
    /// - Returns: a position index per node, `0..<k`.
    /// - Complexity: `O(n α(n))`.
    public static func positions(_ merges: [ClusterMerge], n: Int, k: Int) -> [Int] {
        precondition(k >= 1 && k <= max(n, 1), "k must be in 1...n")
        var parent = Array(0..<(2 * n))
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for (t, m) in merges.prefix(n - k).enumerated() {
            parent[find(m.first)] = n + t
            parent[find(m.second)] = n + t
        }
        var number: [Int: Int] = [:]
        return (0..<n).map { v in
            let root = find(v)
            if let p = number[root] { return p }
            number[root] = number.count
            return number.count - 1
        }
    }
}
