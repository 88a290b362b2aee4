/// The discrete core–periphery partition that best fits Borgatti & Everett's ideal pattern.
public struct CorePeripheryPartition: Sendable, Equatable {
    /// `true` for the core nodes, indexed by node.
    public let isCore: [Bool]
    /// The fit: the Pearson correlation, over unordered pairs of distinct nodes, of the ties
    /// and the ideal pattern of this partition.
    public let fit: Double
    /// Tie density within the core, between core and periphery, and within the periphery
    /// (strength per pair when weighted; NaN for a block without pairs).
    public let coreDensity: Double, coreToPeripheryDensity: Double, peripheryDensity: Double
}

extension Graph {
    /// Borgatti & Everett's discrete core–periphery model: the split of the nodes into a core
    /// and a periphery whose ideal pattern the observed ties fit best.
    ///
    ///     ρ(C) = corr_{i < j}( a_ij , δ_ij ),   δ_ij = 1 if i ∈ C or j ∈ C, else 0
    ///
    /// The ideal: core members are tied to each other and to the periphery, peripheral members
    /// are not tied to each other (Borgatti & Everett 1999, the discrete model with core–
    /// periphery ties expected; `cpnet.BE` in Kojaku & Masuda's package uses the same pattern,
    /// `δ_ij = x_i + x_j − x_i x_j`). `a_ij` is 1 for a tie (or the summed tie strength when
    /// weighted) on the undirected reading; self-loops left out.
    ///
    /// Search: every prefix of the nodes ordered by decreasing degree (ties by index) is tried
    /// as a core; the best, and `restarts` seeded random splits, are then improved by moving
    /// single nodes between core and periphery until no move raises `ρ` by more than 1e-12. The
    /// best local optimum is returned (ties: the first found). The tests compare it with the
    /// best of all `2^n` splits on small graphs.
    ///
    /// - Parameters:
    ///   - weighting: `.unweighted` (default) for 0/1 ties; otherwise tie strengths.
    ///   - restarts: random starts besides the degree-ordered ones (default 20).
    ///   - seed: seed of the random starts.
    /// - Returns: the partition and its fit; the core has between 1 and `n − 1` nodes.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` for fewer than 3 nodes or no tie
    ///   (the correlation is 0/0); ``GraphError/invalidArgument(name:value:valid:)`` for
    ///   negative restarts.
    /// - Complexity: `O(passes · n · n²)` per start.
    ///
    /// Reference: S. P. Borgatti & M. G. Everett (1999), "Models of core/periphery structures",
    /// Social Networks 21(4):375–395, doi:10.1016/S0378-8733(99)00019-2; S. Kojaku & N. Masuda
    /// (2018), "Core-periphery structure requires something else in the network", New J. Phys.
    /// 20:043012, doi:10.1088/1367-2630/aab547 (cpnet).
    public func corePeriphery(weighting: EdgeWeighting = .unweighted, restarts: Int = 20, seed: UInt64 = 1) throws(GraphError) -> CorePeripheryPartition {
        guard restarts >= 0 else { throw .invalidArgument(name: "restarts", value: "\(restarts)", valid: "0 or more") }
        let n = nodeCount
        let a = CoreMatrix(self, weighting: weighting)
        guard n >= 3, a.total > 0 else {
            throw .undefined(algorithm: "core–periphery model", reason: n < 3 ? "it needs at least 3 nodes" : "the graph has no ties")
        }
        let sets = NeighborSets(self)
        let degree: [Int] = sets.neighbors.map(\.count)
        let byDegree: [Int] = (0..<n).sorted { (x: Int, y: Int) -> Bool in degree[x] != degree[y] ? degree[x] > degree[y] : x < y }
        var starts: [[Bool]] = []
        var prefix = [Bool](repeating: false, count: n)
        var bestStart = (fit: -Double.infinity, core: prefix)
        for s in 0..<(n - 1) {
            prefix[byDegree[s]] = true
            let f = a.fit(prefix)
            if f > bestStart.fit + 1e-12 { bestStart = (f, prefix) }
        }
        starts.append(bestStart.core)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<restarts {
            var core = (0..<n).map { _ in rng.nextUnitDouble() < 0.5 }
            if !core.contains(true) { core[rng.nextInt(below: n)] = true }
            if !core.contains(false) { core[rng.nextInt(below: n)] = false }
            starts.append(core)
        }
        var best = (fit: -Double.infinity, core: starts[0])
        for start in starts {
            var core = start
            var fit = a.fit(core)
            var improved = true
            while improved {
                improved = false
                for v in 0..<n {
                    core[v].toggle()
                    let size = core.count { $0 }
                    let f = size >= 1 && size <= n - 1 ? a.fit(core) : -Double.infinity
                    if f > fit + 1e-12 { fit = f; improved = true } else { core[v].toggle() }
                }
            }
            if fit > best.fit + 1e-12 { best = (fit, core) }
        }
        let d = a.blockDensities(best.core)
        return CorePeripheryPartition(isCore: best.core, fit: best.fit, coreDensity: d.0, coreToPeripheryDensity: d.1, peripheryDensity: d.2)
    }

    /// The value of ``corePeriphery(weighting:restarts:seed:)``'s objective for a given split.
    /// - Parameters:
    ///   - isCore: a flag per node.
    ///   - weighting: as there.
    /// - Returns: `ρ`; NaN when the pattern or the ties do not vary.
    /// - Complexity: `O(n²)`.
    public func corePeripheryFit(_ isCore: [Bool], weighting: EdgeWeighting = .unweighted) -> Double {
        CoreMatrix(self, weighting: weighting).fit(isCore)
    }

    /// Borgatti & Everett's continuous core–periphery model: a coreness `c_i ≥ 0` per node whose
    /// products `c_i c_j` fit the ties best in the least-squares sense,
    ///
    ///     minimize  Σ_{i ≠ j} (a_ij − c_i c_j)²
    ///
    /// (the diagonal left out), found by coordinate descent: each `c_i` in turn set to its exact
    /// minimizer given the others, `c_i ← max(0, Σ_{j ≠ i} a_ij c_j / Σ_{j ≠ i} c_j²)`, from
    /// `c = 1`, until no value changes by more than `tolerance`; then scaled to `Σ c_i² = 1`. The fit reported is the Pearson correlation over
    /// pairs `i < j` of `a_ij` and `c_i c_j`, as UCINET reports for its continuous model.
    /// Ties as in ``corePeriphery(weighting:restarts:seed:)`` (undirected reading).
    ///
    /// - Parameters:
    ///   - weighting: `.unweighted` for 0/1 ties; otherwise tie strengths.
    ///   - maxIterations: at most this many passes over the nodes (default 100 000).
    ///   - tolerance: convergence threshold on the unscaled values (default 1e-10).
    /// - Returns: the coreness per node (unit sum of squares) and the fit.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` for fewer than 3 nodes or no tie;
    ///   ``GraphError/notConverged(algorithm:iterations:tolerance:)``.
    /// - Complexity: `O(iterations · (n + m))`.
    ///
    /// Reference: Borgatti & Everett (1999), doi:10.1016/S0378-8733(99)00019-2, §4 (continuous
    /// model); W. H. Comrey (1962), "The minimum residual method of factor analysis", Psychol.
    /// Rep. 11:15–18, doi:10.2466/pr0.1962.11.1.15 (the off-diagonal least squares).
    public func coreness(weighting: EdgeWeighting = .unweighted, maxIterations: Int = 100_000, tolerance: Double = 1e-10) throws(GraphError) -> (coreness: [Double], fit: Double) {
        let n = nodeCount
        let sets = NeighborSets(self, weighting: weighting)
        guard n >= 3, sets.strengths.contains(where: { !$0.isEmpty }) else {
            throw .undefined(algorithm: "continuous core–periphery model", reason: n < 3 ? "it needs at least 3 nodes" : "the graph has no ties")
        }
        var c = [Double](repeating: 1, count: n)
        var squares = Double(n)
        for _ in 0..<maxIterations {
            // Coordinate descent: each c_i in turn set to the exact minimizer given the others
            // (clamped at 0), so the loss never rises.
            var change = 0.0
            for i in 0..<n {
                var s = 0.0
                for (k, j) in sets.neighbors[i].enumerated() { s += sets.strengths[i][k] * c[j] }
                let others = squares - c[i] * c[i]
                let value = others > 0 ? max(0, s / others) : 0
                change = max(change, abs(value - c[i]))
                squares = others + value * value
                c[i] = value
            }
            if change < tolerance {
                let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let unit = c.map { $0 / norm }
                var xs: [Double] = [], ys: [Double] = []
                let a = CoreMatrix(self, weighting: weighting)
                for i in 0..<n { for j in (i + 1)..<n { xs.append(a.value(i, j)); ys.append(unit[i] * unit[j]) } }
                let fit = (try? Statistics.pearson(xs, ys, what: "coreness")) ?? .nan
                return (unit, fit)
            }
        }
        throw .notConverged(algorithm: "continuous core–periphery model", iterations: maxIterations, tolerance: tolerance)
    }
}

/// The symmetric tie values `a_ij` (i < j) of the undirected reading.
struct CoreMatrix {
    let n: Int
    let values: [Double]   // row-major n × n
    let total: Double
    let sumSquares: Double

    init(_ graph: Graph, weighting: EdgeWeighting) {
        n = graph.nodeCount
        let sets = NeighborSets(graph, weighting: weighting)
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for (k, j) in sets.neighbors[i].enumerated() { v[i * n + j] = sets.strengths[i][k] } }
        values = v
        var t = 0.0, q = 0.0
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { t += v[i * n + j]; q += v[i * n + j] * v[i * n + j] } }
        total = t; sumSquares = q
    }

    func value(_ i: Int, _ j: Int) -> Double { values[i * n + j] }

    /// Pearson correlation of `a_ij` and `δ_ij` over `i < j`, from sums (δ is 0/1).
    func fit(_ core: [Bool]) -> Double {
        let pairs = Double(n * (n - 1) / 2)
        var ones = 0.0, sumAD = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n where core[i] || core[j] {
                ones += 1; sumAD += values[i * n + j]
            }
        }
        let meanA = total / pairs, meanD = ones / pairs
        let cov = sumAD / pairs - meanA * meanD
        let varA = sumSquares / pairs - meanA * meanA, varD = meanD - meanD * meanD
        guard varA > 1e-15, varD > 1e-15 else { return .nan }
        return cov / (varA * varD).squareRoot()
    }

    func blockDensities(_ core: [Bool]) -> (Double, Double, Double) {
        var sums = [0.0, 0.0, 0.0], counts = [0.0, 0.0, 0.0]
        for i in 0..<n {
            for j in (i + 1)..<n {
                let b = core[i] && core[j] ? 0 : (core[i] || core[j] ? 1 : 2)
                sums[b] += values[i * n + j]; counts[b] += 1
            }
        }
        return (sums[0] / counts[0], sums[1] / counts[1], sums[2] / counts[2])
    }
}
