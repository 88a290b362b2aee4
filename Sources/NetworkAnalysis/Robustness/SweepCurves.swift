/// The result of a robustness sweep: curves at the evaluation points, per run and summarized.
public struct SweepCurves: Sendable, Equatable {
    /// Number of items removed at each evaluation point (increasing, `0` first).
    public let removed: [Int]
    /// Number of removable items (nodes or edges of the intact graph).
    public let total: Int
    /// `shareRuns[r][p]`: largest-component share of run `r` at point `p`.
    public let shareRuns: [[Double]]
    /// `efficiencyRuns[r][p]`: global efficiency of run `r` at point `p`.
    public let efficiencyRuns: [[Double]]

    /// Curves as given (not checked: every run has one value per entry of `removed`).
    public init(removed: [Int], total: Int, shareRuns: [[Double]], efficiencyRuns: [[Double]]) {
        self.removed = removed; self.total = total; self.shareRuns = shareRuns; self.efficiencyRuns = efficiencyRuns
    }

    /// Share of the items removed at each point, `removed / total` (0 when there is nothing to remove).
    public var fractionRemoved: [Double] { removed.map { total > 0 ? Double($0) / Double(total) : 0 } }
    /// Mean largest-component share over the runs, per point (summed in run order).
    public var share: [Double] { Self.mean(shareRuns) }
    /// Mean global efficiency over the runs, per point.
    public var efficiency: [Double] { Self.mean(efficiencyRuns) }
    /// Smallest and largest share over the runs, per point.
    public var shareRange: (min: [Double], max: [Double]) { Self.range(shareRuns) }
    /// Smallest and largest efficiency over the runs, per point.
    public var efficiencyRange: (min: [Double], max: [Double]) { Self.range(efficiencyRuns) }

    /// The area under the share curve by the trapezoid rule over the fraction removed: the
    /// robustness index `R` of Schneider et al. 2011 (PNAS 108(10):3838–3841,
    /// doi:10.1073/pnas.1009440108) when every step is evaluated.
    public var shareArea: Double { Self.area(x: fractionRemoved, y: share) }
    /// The area under the mean efficiency curve, by the trapezoid rule over the fraction removed.
    public var efficiencyArea: Double { Self.area(x: fractionRemoved, y: efficiency) }

    /// Pointwise mean of the runs, clamped to the runs' range: the rounding of `Σ/k` can put
    /// the mean of k equal values one ulp below them, and a mean outside min…max reads as a bug.
    static func mean(_ runs: [[Double]]) -> [Double] {
        guard let first = runs.first else { return [] }
        var sum = [Double](repeating: 0, count: first.count)
        for run in runs { for p in run.indices { sum[p] += run[p] } }
        let (lo, hi) = range(runs)
        return sum.indices.map { p in min(max(sum[p] / Double(runs.count), lo[p]), hi[p]) }
    }

    static func range(_ runs: [[Double]]) -> (min: [Double], max: [Double]) {
        guard let first = runs.first else { return ([], []) }
        var lo = first, hi = first
        for run in runs.dropFirst() { for p in run.indices { lo[p] = min(lo[p], run[p]); hi[p] = max(hi[p], run[p]) } }
        return (lo, hi)
    }

    static func area(x: [Double], y: [Double]) -> Double {
        var a = 0.0
        for i in 1..<max(1, x.count) { a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2 }
        return a
    }
}
