/// Pair-level measures: a row per non-adjacent pair `(u, v)`, a column per measure.
public struct PairMetrics: Sendable {
    /// Node id of the first end of each pair (the one earlier in node order).
    public let u: [String]
    /// Node id of the second end of each pair.
    public let v: [String]
    /// Pair-level measure names (``LinkPredictor`` raw values).
    public let measures: [String]
    /// `columns[j][p]`: measure `measures[j]` of pair `p`.
    public let columns: [[Double]]

    /// Pair metrics as given (not checked: `u`, `v` and every column the same length).
    public init(u: [String], v: [String], measures: [String], columns: [[Double]]) {
        self.u = u; self.v = v; self.measures = measures; self.columns = columns
    }
}
