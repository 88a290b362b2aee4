/// What a measure gives a value for: each node, each edge, each non-adjacent pair, or the
/// whole network.
public enum MeasureLevel: String, Sendable {
    /// One value per node (actor): a column of ``MetricsTable``.
    case node
    /// One value per edge (relation): a column of ``EdgeMetrics``.
    case edge
    /// One value per non-adjacent node pair (link prediction): a column of ``PairMetrics``.
    case pair
    /// One value for the whole network: an entry of ``MetricsTable/network``.
    case network
}
