import EcosystemAnalysis

extension MetricsTable {
    /// The table with only the node measures in `measures` (in the table's order), and the
    /// undefined-measure notes of those and of the network measures; rows, labels, network,
    /// edge and pair measures unchanged. Lets one analysis serve a map (which may need more
    /// columns) and a table that shows fewer.
    /// - Parameter measures: node measures to keep.
    /// - Returns: the narrower table.
    /// - Complexity: `O(measures · rows)`.
    func keeping(nodeMeasures measures: [String]) -> MetricsTable {
        let kept = self.measures.indices.filter { measures.contains(self.measures[$0]) }
        let dropped = Set(self.measures).subtracting(measures)
        return MetricsTable(
            nodeIDs: nodeIDs, nodeNames: nodeNames, labels: labels,
            measures: kept.map { self.measures[$0] }, columns: kept.map { columns[$0] }, network: network,
            undefined: undefined.filter { !dropped.contains($0.measure) }, edges: edges, pairs: pairs)
    }
}
