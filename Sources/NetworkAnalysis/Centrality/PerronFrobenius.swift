/// Shared machinery of the spectral measures (eigenvector, Katz, HITS): a nonnegative sparse
/// matrix, its irreducible classes, their Perron roots, and the test whether the nonnegative
/// eigenvector of the largest eigenvalue is unique.
///
/// Background (Frobenius–Victory theorem; Schneider 1986, "The influence of the marked reduced
/// graph of a nonnegative matrix on the Jordan form and on related properties: a survey",
/// Linear Algebra Appl. 84:161–189): order the strongly connected classes of a nonnegative
/// matrix `M` by reachability. A class `C` is *basic* when its Perron root `ρ(M_CC)` equals
/// `ρ(M)`. A nonnegative eigenvector of `ρ(M)` is supported on a set closed under reachability
/// whose source classes are basic and whose other classes are not; the extreme ones correspond
/// one-to-one to the *distinguished* basic classes — those from which no other basic class can be
/// reached. The nonnegative eigenvector is therefore unique up to scale exactly when there is
/// one distinguished class, and then it is positive on that class and on everything reachable
/// from it, and zero elsewhere.

/// A square nonnegative matrix in compressed sparse rows, read as `y_r = Σ_c M[r, c] · x_c`.
/// Duplicate entries are summed; explicit zeros are dropped.
struct NonnegativeMatrix: Sendable {
    let size: Int
    let rowOffsets: [Int]
    let columns: [Int32]
    let values: [Double]

    /// Builds the matrix from `(row, column, value)` triples; values must be finite and ≥ 0.
    init(size: Int, rows: [Int32], columns cols: [Int32], values vals: [Double]) {
        var offsets = [Int](repeating: 0, count: size + 1)
        for (k, r) in rows.enumerated() where vals[k] > 0 { offsets[Int(r) + 1] += 1 }
        for r in 0..<size { offsets[r + 1] += offsets[r] }
        var cursor = offsets
        var c = [Int32](repeating: 0, count: offsets[size])
        var v = [Double](repeating: 0, count: offsets[size])
        for k in rows.indices where vals[k] > 0 {
            let r = Int(rows[k])
            c[cursor[r]] = cols[k]; v[cursor[r]] = vals[k]; cursor[r] += 1
        }
        // Sort each row by column and merge duplicates (parallel edges sum their weights).
        var outOffsets = [Int](repeating: 0, count: size + 1)
        var outC: [Int32] = []; outC.reserveCapacity(c.count)
        var outV: [Double] = []; outV.reserveCapacity(v.count)
        var scratch: [(Int32, Double)] = []
        for r in 0..<size {
            scratch.removeAll(keepingCapacity: true)
            for k in offsets[r]..<offsets[r + 1] { scratch.append((c[k], v[k])) }
            scratch.sort { $0.0 < $1.0 }
            for (col, val) in scratch {
                if let last = outC.last, outC.count > outOffsets[r], last == col {
                    outV[outV.count - 1] += val
                } else {
                    outC.append(col); outV.append(val)
                }
            }
            outOffsets[r + 1] = outC.count
        }
        self.size = size
        self.rowOffsets = outOffsets
        self.columns = outC
        self.values = outV
    }

    /// `y = (M + shift·I) x` restricted to the rows and columns where `mask` is true
    /// (all when `mask` is nil); other entries of `y` are set to 0.
    @inline(__always)
    func multiply(_ x: [Double], into y: inout [Double], shift: Double, mask: [Bool]?) {
        for r in 0..<size {
            if let mask, !mask[r] { y[r] = 0; continue }
            var s = shift * x[r]
            for k in rowOffsets[r]..<rowOffsets[r + 1] {
                let c = Int(columns[k])
                if let mask, !mask[c] { continue }
                s += values[k] * x[c]
            }
            y[r] = s
        }
    }

    /// Strongly connected classes of the influence graph (an arc `c → r` for every entry
    /// `M[r, c] > 0`), by an iterative Tarjan search. Returns the class of every index and the
    /// number of classes; classes are numbered in reverse topological order of reachability
    /// (a class can only reach classes with smaller numbers), as ``Graph/tarjanClasses`` gives them.
    func stronglyConnectedClasses() -> (classOf: [Int], count: Int) {
        // Successors of c in the influence graph are the rows r with M[r, c] > 0: transpose.
        var tOffsets = [Int](repeating: 0, count: size + 1)
        for k in columns.indices { tOffsets[Int(columns[k]) + 1] += 1 }
        for c in 0..<size { tOffsets[c + 1] += tOffsets[c] }
        var cursor = tOffsets
        var succ = [Int32](repeating: 0, count: columns.count)
        for r in 0..<size {
            for k in rowOffsets[r]..<rowOffsets[r + 1] {
                let c = Int(columns[k]); succ[cursor[c]] = Int32(r); cursor[c] += 1
            }
        }
        let (classOf, classes) = Graph.tarjanClasses(nodeCount: size, offsets: tOffsets, successors: succ)
        return (classOf, classes)
    }
}

/// What the Perron–Frobenius analysis of a nonnegative matrix found.
struct PerronAnalysis: Sendable {
    /// Spectral radius `ρ(M)` (largest Perron root of a class; 0 for a nilpotent matrix).
    var spectralRadius: Double
    /// Number of distinguished basic classes (see the file comment).
    var distinguishedCount: Int
    /// When `distinguishedCount == 1`: the indices on which the eigenvector is positive
    /// (the distinguished class and everything reachable from it).
    var support: [Bool]
}

extension NonnegativeMatrix {
    /// Perron roots of every class, the spectral radius, and the distinguished classes.
    ///
    /// Each class's Perron root is bracketed by Collatz–Wielandt bounds
    /// `min_i (Mx)_i/x_i ≤ ρ ≤ max_i (Mx)_i/x_i` (any positive `x`), tightened by power
    /// iteration on the class with a shift (`M_CC + s·I`, `s` = largest row sum of the class, so
    /// periodic classes converge too) until the bracket is narrower than `1e-12·ρ` or
    /// `maxIterations` steps were made. Two classes are taken to tie when their brackets
    /// overlap after a relative slack of `1e-9`: then no unique answer is reported.
    ///
    /// - Complexity: `O(k · (n + nnz))` for `k ≤ maxIterations` iterations.
    func perronAnalysis(maxIterations: Int) -> PerronAnalysis {
        let (classOf, classCount) = stronglyConnectedClasses()
        var members = [[Int]](repeating: [], count: classCount)
        for i in 0..<size { members[classOf[i]].append(i) }
        var lower = [Double](repeating: 0, count: classCount)
        var upper = [Double](repeating: 0, count: classCount)
        var x = [Double](repeating: 0, count: size)
        var y = [Double](repeating: 0, count: size)
        for c in 0..<classCount {
            let nodes = members[c]
            if nodes.count == 1 {
                // A single index: its Perron root is its diagonal entry (a self-loop weight).
                let i = nodes[0]
                var d = 0.0
                for k in rowOffsets[i]..<rowOffsets[i + 1] where Int(columns[k]) == i { d += values[k] }
                lower[c] = d; upper[c] = d
                continue
            }
            var shift = 0.0
            for i in nodes {
                var s = 0.0
                for k in rowOffsets[i]..<rowOffsets[i + 1] where classOf[Int(columns[k])] == c { s += values[k] }
                shift = max(shift, s)
            }
            for i in nodes { x[i] = 1 }
            var lo = 0.0, hi = Double.infinity
            for _ in 0..<max(maxIterations, 1) {
                var norm = 0.0
                var stepLo = Double.infinity, stepHi = 0.0
                for i in nodes {
                    var s = shift * x[i]
                    for k in rowOffsets[i]..<rowOffsets[i + 1] {
                        let j = Int(columns[k])
                        if classOf[j] == c { s += values[k] * x[j] }
                    }
                    y[i] = s
                    let ratio = s / x[i]
                    stepLo = min(stepLo, ratio); stepHi = max(stepHi, ratio)
                    norm = max(norm, s)
                }
                lo = max(lo, stepLo - shift); hi = min(hi, stepHi - shift)
                for i in nodes { x[i] = y[i] / norm }
                if hi - lo <= 1e-12 * hi { break }
            }
            lower[c] = max(lo, 0); upper[c] = hi
        }
        var leaderLower = 0.0, rho = 0.0
        for c in 0..<classCount where lower[c] > leaderLower { leaderLower = lower[c] }
        for c in 0..<classCount { rho = max(rho, (lower[c] + upper[c]) / 2) }
        guard rho > 0 else { return PerronAnalysis(spectralRadius: 0, distinguishedCount: 0, support: []) }
        // Basic classes: those whose bracket reaches the leader's lower bound (with slack).
        var basic = [Bool](repeating: false, count: classCount)
        for c in 0..<classCount where upper[c] >= leaderLower * (1 - 1e-9) { basic[c] = true }
        // A basic class is distinguished when no other basic class is reachable from it.
        // Classes are numbered so that arcs go from higher to lower numbers: one sweep in
        // increasing order computes "reaches a basic class" for every class.
        var reachesBasic = [Bool](repeating: false, count: classCount)  // strictly downstream
        var classSucc = [[Int]](repeating: [], count: classCount)
        for r in 0..<size {
            for k in rowOffsets[r]..<rowOffsets[r + 1] {
                let from = classOf[Int(columns[k])], to = classOf[r]
                if from != to { classSucc[from].append(to) }
            }
        }
        for c in 0..<classCount {
            for d in classSucc[c] where basic[d] || reachesBasic[d] { reachesBasic[c] = true; break }
        }
        var distinguished: [Int] = []
        for c in 0..<classCount where basic[c] && !reachesBasic[c] { distinguished.append(c) }
        var support: [Bool] = []
        if distinguished.count == 1 {
            // Everything reachable from the distinguished class: classes with smaller numbers only.
            var inSupport = [Bool](repeating: false, count: classCount)
            inSupport[distinguished[0]] = true
            for c in stride(from: distinguished[0], through: 0, by: -1) where inSupport[c] {
                for d in classSucc[c] { inSupport[d] = true }
            }
            support = (0..<size).map { inSupport[classOf[$0]] }
        }
        return PerronAnalysis(spectralRadius: rho, distinguishedCount: distinguished.count, support: support)
    }
}

extension Graph {
    /// The weighted adjacency matrix as a ``NonnegativeMatrix``: `A[s, t]` = the summed
    /// strength of the edges `s → t` (undirected edges both ways; a self-loop once, as
    /// NetworkX's `to_scipy_sparse_array` has it). With `transposed`, `A[t, s]` instead, so that
    /// `y = Aᵀx` gathers over in-arcs.
    ///
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite
    ///   strength (the Perron–Frobenius theory needs a nonnegative matrix).
    func nonnegativeAdjacency(weighting: EdgeWeighting, transposed: Bool) throws(GraphError) -> NonnegativeMatrix {
        let strengths = weighting.strengths(of: self)
        var rows: [Int32] = [], cols: [Int32] = [], vals: [Double] = []
        let capacity = isDirected ? edgeCount : 2 * edgeCount
        rows.reserveCapacity(capacity); cols.reserveCapacity(capacity); vals.reserveCapacity(capacity)
        for e in 0..<edgeCount {
            let w = strengths[e]
            guard w.isFinite, w >= 0 else {
                throw .invalidWeight(edge: e, value: w, reason: "spectral measures need nonnegative finite strengths")
            }
            let s = edgeSources[e], t = edgeTargets[e]
            rows.append(transposed ? t : s); cols.append(transposed ? s : t); vals.append(w)
            if !isDirected && s != t {
                rows.append(transposed ? s : t); cols.append(transposed ? t : s); vals.append(w)
            }
        }
        return NonnegativeMatrix(size: nodeCount, rows: rows, columns: cols, values: vals)
    }
}
