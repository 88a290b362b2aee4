/// The quadratic assignment procedure (QAP) for two relations on the same nodes: the
/// correlation of their matrices, tested against the correlations obtained when one matrix's
/// rows and columns are permuted together (which keeps its structure and breaks only the
/// alignment of its nodes with the other's).
public enum QAP {
    /// Pearson's correlation of the off-diagonal cells of two `n × n` matrices: all ordered
    /// pairs `i ≠ j`, or the pairs `i < j` when `symmetric`.
    /// - Parameters:
    ///   - x: a matrix (`x[i][j]`).
    ///   - y: a matrix of the same size.
    ///   - symmetric: read only the upper triangle (undirected relations).
    /// - Returns: the correlation; NaN when either does not vary.
    /// - Complexity: `O(n²)`.
    ///
    /// Reference: L. Hubert & J. Schultz (1976), "Quadratic assignment as a general data
    /// analysis strategy", Br. J. Math. Stat. Psychol. 29(2):190–241,
    /// doi:10.1111/j.2044-8317.1976.tb00714.x; D. Krackhardt (1988), "Predicting with networks:
    /// nonparametric multiple regression analysis of dyadic data", Social Networks 10(4):359–381,
    /// doi:10.1016/0378-8733(88)90004-4.
    public static func correlation(_ x: [[Double]], _ y: [[Double]], symmetric: Bool) -> Double {
        correlation(x, y, permutation: Array(0..<x.count), symmetric: symmetric)
    }

    static func correlation(_ x: [[Double]], _ y: [[Double]], permutation p: [Int], symmetric: Bool) -> Double {
        let n = x.count
        var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0, count = 0.0
        for i in 0..<n {
            for j in (symmetric ? i + 1 : 0)..<n where i != j {
                let a = x[i][j], b = y[p[i]][p[j]]
                sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b; count += 1
            }
        }
        guard count > 0 else { return .nan }
        let cov = sxy / count - (sx / count) * (sy / count)
        let vx = sxx / count - (sx / count) * (sx / count), vy = syy / count - (sy / count) * (sy / count)
        guard vx > 1e-15, vy > 1e-15 else { return .nan }
        return cov / (vx * vy).squareRoot()
    }

    /// The QAP correlation test: the observed correlation and the p-values of the permutations
    /// of `y`'s rows and columns (Krackhardt 1987's QAP; UCINET's and R sna's `qaptest` with
    /// `gcor`).
    /// - Parameters:
    ///   - x: the first relation.
    ///   - y: the second, permuted.
    ///   - symmetric: undirected relations (upper triangle).
    ///   - permutations: random permutations (ignored when `exact`).
    ///   - seed: their seed.
    ///   - exact: enumerate all `n!` permutations (`n ≤ 10`).
    ///   - monitor: progress (permutations done) and stopping.
    /// - Returns: the test.
    /// - Throws: ``GraphError/stopped(algorithm:done:total:)`` when the monitor stops it.
    /// - Complexity: `permutations · O(n²)`.
    ///
    /// Reference: D. Krackhardt (1987), "QAP partialling as a test of spuriousness", Social
    /// Networks 9(2):171–186, doi:10.1016/0378-8733(87)90012-8.
    public static func correlationTest(
        _ x: [[Double]], _ y: [[Double]], symmetric: Bool, permutations: Int = 1000, seed: UInt64 = 1, exact: Bool = false,
        monitor: WorkMonitor = .none
    ) throws(GraphError) -> PermutationTest {
        let n = x.count
        let total = exact ? (1...max(1, n)).reduce(1, *) : permutations
        let statistic = MonitoredStatistic(total: total, width: 1, monitor: monitor) { [correlation(x, y, permutation: $0, symmetric: symmetric)] }
        let test = (exact ? NodePermutation.exact(n: n, statistic: statistic.callAsFunction)
                    : NodePermutation.test(n: n, permutations: permutations, seed: seed, statistic: statistic.callAsFunction))[0]
        try statistic.check("the QAP correlation test")
        return test
    }
}
