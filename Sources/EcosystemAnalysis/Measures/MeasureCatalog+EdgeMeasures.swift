import NetworkAnalysis

/// Edge-level measures: one value per relation, a column of ``EdgeMetrics``.
extension MeasureCatalog {
    static let edgeMeasures: [MeasureDefinition] = [
        .edge("edge_betweenness", "Brandes 2001 edge betweenness on the simple graph; normalized as NetworkX (undirected 2/(n(n−1)), directed 1/(n(n−1)))") {
            try $0.perRelationEdge($0.graph.edgeBetweenness(weighting: $0.options.weighting, normalized: $0.options.normalized))
        },
        .edge("bridge", "1 when removing the relation disconnects its component, else 0; computed on the relations themselves, so a doubled tie is not a bridge") {
            let graph = $0.network.graph
            let bridges = Set(graph.bridges())
            return (0..<graph.edgeCount).map { bridges.contains($0) ? 1 : 0 }
        },
    ]
}
