/// The result of a QAP regression (``QAP/regression(_:predictors:symmetric:permutations:seed:exact:monitor:)``):
/// the ordinary least squares fit of one relation on several others over the off-diagonal cells,
/// with double semi-partialling permutation p-values per predictor.
public struct QAPRegression: Sendable, Equatable {
    /// Number of cells in the regression: `n(n − 1)` ordered pairs, or `n(n − 1)/2` when symmetric.
    public let cells: Int
    /// The OLS intercept.
    public let intercept: Double
    /// The OLS coefficient of each predictor, in the order given.
    public let coefficients: [Double]
    /// The OLS standard error of each coefficient, `sqrt(σ̂² (Z′Z)⁻¹_kk)` with
    /// `σ̂² = SSR / (N − p − 1)` (what statsmodels' `OLS(...).fit().bse` gives; a permutation
    /// test does not rely on it).
    public let standardErrors: [Double]
    /// The t-value of each coefficient (coefficient / standard error): the test statistic.
    public let tValues: [Double]
    /// R² = 1 − SSR / SST.
    public let rSquared: Double
    /// Adjusted R² = 1 − (1 − R²)(N − 1)/(N − p − 1).
    public let adjustedRSquared: Double
    /// Per predictor, the permutation test of its t-value: `pGreaterOrEqual` and `pLessOrEqual`
    /// (one-sided), its `statistic` the observed t.
    public let tests: [PermutationTest]
    /// Per predictor, the two-sided p-value: the share of permutations with `|t*| ≥ |t|`.
    public let pTwoSided: [Double]
}

extension QAP {
    /// Multiple regression QAP with the double semi-partialling (DSP) permutation test of
    /// Dekker, Krackhardt & Snijders (2007): which relations predict a relation, each
    /// controlling for the others?
    ///
    /// The model is ordinary least squares over the off-diagonal cells (all ordered pairs
    /// `i ≠ j`, or `i < j` when `symmetric`), with an intercept:
    ///
    ///     y_ij = b₀ + Σ_k b_k x_k,ij + e_ij
    ///
    /// The test of predictor `k` (DSP): regress `x_k` on the other predictors (and the
    /// intercept); arrange the residuals `ε_k` as a matrix; permute its rows and columns
    /// together; regress `y` on the permuted `ε_k` and the other predictors; the statistic is the
    /// t-value of the permuted residual's coefficient. With the identity permutation it is the
    /// observed t-value of `b_k` (Frisch–Waugh–Lovell). p-values as ``PermutationTest`` (shares
    /// at least / at most the observed, no +1 correction) and two-sided on `|t|`; R sna's
    /// `netlm(nullhyp = "qapspp", test.statistic = "t-value")`. Every predictor is tested on the
    /// same permutations: ``NodePermutation/test(n:permutations:seed:statistic:)`` from `seed`
    /// (same seed, same p-values).
    ///
    /// - Parameters:
    ///   - y: the dependent relation, an `n × n` matrix.
    ///   - predictors: one or more `n × n` matrices.
    ///   - symmetric: read only the upper triangle (undirected relations); the permuted residual
    ///     matrix is symmetric.
    ///   - permutations: random permutations, at least 1 (ignored when `exact`).
    ///   - seed: their seed.
    ///   - exact: enumerate all `n!` permutations (`n ≤ 10`).
    ///   - monitor: progress (permutations done) and stopping, checked about 100 times.
    /// - Returns: the fit and the tests.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when there are fewer cells than
    ///   coefficients plus one, when `y` or a predictor does not vary, or when a predictor is a
    ///   linear combination of the others (its residual is zero);
    ///   ``GraphError/lengthMismatch(what:expected:actual:)`` for matrices of other sizes;
    ///   ``GraphError/stopped(algorithm:done:total:)`` when the monitor stops it.
    /// - Complexity: `O(N p²)` for the fit, then `permutations · p · O(N p + p³)` for `N` cells
    ///   and `p` predictors.
    ///
    /// Reference: D. Dekker, D. Krackhardt & T. A. B. Snijders (2007), "Sensitivity of MRQAP tests
    /// to collinearity and autocorrelation conditions", Psychometrika 72(4):563–581,
    /// doi:10.1007/s11336-007-9016-1; D. Krackhardt (1988), "Predicting with networks:
    /// nonparametric multiple regression analysis of dyadic data", Social Networks
    /// 10(4):359–381, doi:10.1016/0378-8733(88)90004-4.
    public static func regression(
        _ y: [[Double]], predictors: [[[Double]]], symmetric: Bool, permutations: Int = 1000, seed: UInt64 = 1,
        exact: Bool = false, monitor: WorkMonitor = .none
    ) throws(GraphError) -> QAPRegression {
        let n = y.count
        let p = predictors.count
        guard p >= 1 else { throw .undefined(algorithm: "QAP regression", reason: "it needs at least one predictor") }
        for m in [y] + predictors {
            guard m.count == n else { throw .lengthMismatch(what: "matrix rows", expected: n, actual: m.count) }
            for row in m where row.count != n { throw .lengthMismatch(what: "matrix columns", expected: n, actual: row.count) }
        }
        var cells: [(Int, Int)] = []
        for i in 0..<n { for j in (symmetric ? i + 1 : 0)..<n where i != j { cells.append((i, j)) } }
        let count = cells.count
        guard count > p + 1 else {
            throw .undefined(algorithm: "QAP regression", reason: "\(count) cells are too few for \(p + 1) coefficients")
        }
        let yv = cells.map { y[$0.0][$0.1] }
        let xv = predictors.map { m in cells.map { m[$0.0][$0.1] } }
        guard OLS.varies(yv) else { throw .undefined(algorithm: "QAP regression", reason: "the dependent relation does not vary over the cells") }
        for k in 0..<p where !OLS.varies(xv[k]) {
            throw .undefined(algorithm: "QAP regression", reason: "predictor \(k + 1) does not vary over the cells")
        }
        let ones = [Double](repeating: 1, count: count)

        // Per predictor: the residual of x_k on the other columns, as a matrix, and the fixed
        // cross products of the other columns.
        struct Partial { var residual: [[Double]]; var others: [[Double]]; var gram: [[Double]]; var othersY: [Double] }
        var partials: [Partial] = []
        for k in 0..<p {
            let others = [ones] + xv.enumerated().filter { $0.offset != k }.map(\.element)
            guard let fit = OLS.fit(columns: others, y: xv[k]), OLS.varies(fit.residuals, around: 0) else {
                throw .undefined(algorithm: "QAP regression", reason: "predictor \(k + 1) is a linear combination of the others")
            }
            var e = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for (c, (i, j)) in cells.enumerated() { e[i][j] = fit.residuals[c]; if symmetric { e[j][i] = fit.residuals[c] } }
            partials.append(Partial(residual: e, others: others, gram: OLS.gram(others), othersY: others.map { OLS.dot($0, yv) }))
        }
        guard let full = OLS.fit(columns: [ones] + xv, y: yv) else {
            throw .undefined(algorithm: "QAP regression", reason: "the predictors are collinear (one is a linear combination of the others)")
        }
        let yy = OLS.dot(yv, yv)
        let dof = Double(count - p - 1)

        let total = exact ? (1...max(1, n)).reduce(1, *) : permutations
        let statistic = MonitoredStatistic(total: total, width: 2 * p, monitor: monitor) { perm in
            var t = [Double](repeating: .nan, count: p)
            var ep = [Double](repeating: 0, count: count)
            for k in 0..<p {
                let part = partials[k]
                for (c, (i, j)) in cells.enumerated() { ep[c] = part.residual[perm[i]][perm[j]] }
                // Z = [ε*, others]: the Gram matrix from the fixed block and the new row.
                let u = part.others.map { OLS.dot($0, ep) }
                var gram = [[OLS.dot(ep, ep)] + u]
                for r in 0..<u.count { gram.append([u[r]] + part.gram[r]) }
                let rhs = [OLS.dot(ep, yv)] + part.othersY
                guard let solved = OLS.solve(gram, rhs) else { continue }
                let ssr = max(0, yy - zip(solved.x, rhs).reduce(0) { $0 + $1.0 * $1.1 })
                let se = (ssr / dof * solved.inverseDiagonal0).squareRoot()
                t[k] = solved.x[0] / se
            }
            return t + t.map { abs($0) }
        }
        let all = exact ? NodePermutation.exact(n: n, statistic: statistic.callAsFunction)
                        : NodePermutation.test(n: n, permutations: permutations, seed: seed, statistic: statistic.callAsFunction)
        try statistic.check("QAP regression")
        let mean = yv.reduce(0, +) / Double(count)
        let sst = yv.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let r2 = 1 - full.ssr / sst
        let se = (0..<p).map { (full.ssr / dof * full.inverseDiagonal[$0 + 1]).squareRoot() }
        let coefficients = Array(full.coefficients.dropFirst())
        return QAPRegression(
            cells: count, intercept: full.coefficients[0], coefficients: coefficients, standardErrors: se,
            tValues: zip(coefficients, se).map { $0 / $1 }, rSquared: r2,
            adjustedRSquared: 1 - (1 - r2) * Double(count - 1) / dof,
            tests: Array(all[0..<p]), pTwoSided: all[p..<(2 * p)].map(\.pGreaterOrEqual))
    }
}

/// Ordinary least squares through the normal equations (Cholesky), for the few columns of a
/// QAP regression.
enum OLS {
    struct Fit { var coefficients: [Double]; var residuals: [Double]; var ssr: Double; var inverseDiagonal: [Double] }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    static func varies(_ v: [Double], around centre: Double? = nil) -> Bool {
        guard let first = v.first else { return false }
        let scale = max(1, v.map(abs).max() ?? 0)
        if let centre { return v.contains { abs($0 - centre) > 1e-9 * scale } }
        return v.contains { abs($0 - first) > 1e-12 * scale }
    }

    static func gram(_ columns: [[Double]]) -> [[Double]] {
        columns.map { a in columns.map { dot(a, $0) } }
    }

    /// Solves `G x = b` for a symmetric positive definite `G`; also `(G⁻¹)₀₀`. Nil when `G` is
    /// singular (a pivot below 1e-10 of its diagonal entry).
    static func solve(_ g: [[Double]], _ b: [Double]) -> (x: [Double], inverseDiagonal0: Double)? {
        let k = g.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in 0...i {
                var s = g[i][j]
                for m in 0..<j { s -= l[i][m] * l[j][m] }
                if i == j {
                    guard s > 1e-10 * max(g[i][i], 1e-300) else { return nil }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][j] = s / l[j][j]
                }
            }
        }
        func solveWith(_ rhs: [Double]) -> [Double] {
            var z = rhs
            for i in 0..<k { for m in 0..<i { z[i] -= l[i][m] * z[m] }; z[i] /= l[i][i] }
            for i in stride(from: k - 1, through: 0, by: -1) { for m in (i + 1)..<k { z[i] -= l[m][i] * z[m] }; z[i] /= l[i][i] }
            return z
        }
        // (G⁻¹)_ii = ‖L⁻¹ e_i‖²; only the first is needed in the permutation loop.
        func inverseDiagonal(_ i: Int) -> Double {
            var z = [Double](repeating: 0, count: k)
            z[i] = 1
            for r in 0..<k { for m in 0..<r { z[r] -= l[r][m] * z[m] }; z[r] /= l[r][r] }
            return dot(z, z)
        }
        return (solveWith(b), inverseDiagonal(0))
    }

    static func fit(columns: [[Double]], y: [Double]) -> Fit? {
        let g = gram(columns)
        let rhs = columns.map { dot($0, y) }
        guard let solved = solve(g, rhs) else { return nil }
        var residuals = y
        for (c, column) in columns.enumerated() { for i in residuals.indices { residuals[i] -= solved.x[c] * column[i] } }
        let ssr = dot(residuals, residuals)
        // The diagonal of G⁻¹ column by column (k is small).
        let inverseDiagonal = (0..<columns.count).map { i -> Double in
            var permuted = g
            // Move column/row i to the front, so that solve's (G⁻¹)₀₀ is (G⁻¹)_ii.
            permuted.swapAt(0, i)
            for r in permuted.indices { permuted[r].swapAt(0, i) }
            return solve(permuted, rhs)?.inverseDiagonal0 ?? .nan
        }
        return Fit(coefficients: solved.x, residuals: residuals, ssr: ssr, inverseDiagonal: inverseDiagonal)
    }
}
