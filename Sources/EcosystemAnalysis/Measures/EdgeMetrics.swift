/// Edge-level measures: a row per edge of the network (per relation), a column per measure.
public struct EdgeMetrics: Sendable {
    /// Row ids: the relation id (with `>` or `<` appended for the two arcs of a mutual relation
    /// in a directed run).
    public let ids: [String]
    /// Node id where each edge starts.
    public let from: [String]
    /// Node id where each edge ends.
    public let to: [String]
    /// Edge-level measure names.
    public let measures: [String]
    /// `columns[j][e]`: measure `measures[j]` of edge `e`.
    public let columns: [[Double]]

    /// Edge metrics as given (not checked: one id, `from` and `to` per row and one column of
    /// that many values per measure are expected).
    public init(ids: [String], from: [String], to: [String], measures: [String], columns: [[Double]]) {
        self.ids = ids; self.from = from; self.to = to; self.measures = measures; self.columns = columns
    }
}
