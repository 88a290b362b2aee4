/// Node-level and network-level measures of one network, ready for the report writers.
///
/// Rows are nodes in graph order (for a model: actors in file order); columns are measures in
/// the order they were asked for. Undefined values (for example the effective size of an
/// isolate) are NaN here and `null`/empty in the written forms.
public struct MetricsTable: Sendable {
    /// Stable node ids (actor ids, or the strings of an edge list), one per row.
    public let nodeIDs: [String]
    /// Display names, one per row (the id when the input has no names).
    public let nodeNames: [String]
    /// Further per-node text columns written before the measures (e.g. `type`, `place`).
    public let labels: [(name: String, values: [String])]
    /// Node-level measure names (snake_case, as in `ecomap analyze --measures`).
    public let measures: [String]
    /// `columns[j][i]`: measure `measures[j]` of node `i`.
    public let columns: [[Double]]
    /// Network-level measures, in the order asked for.
    public let network: [(name: String, value: Double)]
    /// Measures that have no answer on this network (e.g. eigenvector centrality when it is
    /// not unique), with the reason; their values are NaN.
    public let undefined: [(measure: String, reason: String)]
    /// Edge-level measures (one row per relation; two in a directed run for a mutual relation),
    /// or `nil` when none was asked for.
    public let edges: EdgeMetrics?
    /// Pair-level measures (link prediction over non-adjacent pairs), or `nil`.
    public let pairs: PairMetrics?

    /// A table as given.
    ///
    /// - Parameters: as the properties; `labels`, `undefined`, `edges` and `pairs` are optional.
    /// - Precondition: one column per measure and `nodeIDs.count` values in every column
    ///   (a mismatch traps; nothing is thrown).
    public init(
        nodeIDs: [String], nodeNames: [String], labels: [(name: String, values: [String])] = [],
        measures: [String], columns: [[Double]], network: [(name: String, value: Double)],
        undefined: [(measure: String, reason: String)] = [],
        edges: EdgeMetrics? = nil, pairs: PairMetrics? = nil
    ) {
        self.edges = edges
        self.pairs = pairs
        self.undefined = undefined
        precondition(measures.count == columns.count, "one column per measure")
        precondition(columns.allSatisfy { $0.count == nodeIDs.count }, "one value per node in every column")
        self.nodeIDs = nodeIDs; self.nodeNames = nodeNames; self.labels = labels
        self.measures = measures; self.columns = columns; self.network = network
    }

    /// The column of `measure`, if computed.
    /// - Parameter measure: a node-level measure name.
    /// - Returns: its values indexed by row, or `nil` when the table has no such column.
    /// - Complexity: `O(measures)`.
    public func column(_ measure: String) -> [Double]? {
        measures.firstIndex(of: measure).map { columns[$0] }
    }

    /// The `k` nodes with the largest finite values of `measure`, largest first; ties are
    /// broken by row order so the ranking is deterministic.
    /// - Parameters:
    ///   - k: how many rows at most.
    ///   - measure: a node-level measure name.
    /// - Returns: up to `k` (row, value) pairs, NaN and infinite values left out; empty when the
    ///   measure was not computed.
    /// - Complexity: `O(n log n)`.
    public func top(_ k: Int, by measure: String) -> [(row: Int, value: Double)] {
        guard let column = column(measure) else { return [] }
        return column.indices
            .filter { column[$0].isFinite }
            .sorted { column[$0] != column[$1] ? column[$0] > column[$1] : $0 < $1 }
            .prefix(k)
            .map { ($0, column[$0]) }
    }
}
