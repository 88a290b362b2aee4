import NetworkAnalysis

/// Network-level measures: one value for the whole network, entries of ``MetricsTable/network``.
extension MeasureCatalog {
    static let networkMeasures: [MeasureDefinition] = [
        .network("nodes", "number of nodes (actors) n") { Double($0.graph.nodeCount) },
        .network("edges", "number of ties m after merging parallel ties (directed: arcs)") { Double($0.graph.edgeCount) },
        .network("density", "m / (n(n−1)/2), directed m / (n(n−1)), as NetworkX") { $0.graph.density() },
        .network("reciprocity", "share of arcs whose reverse arc exists (NetworkX overall reciprocity); directed runs") {
            try $0.graph.reciprocity()
        },
        .network("components", "number of (weakly) connected components") {
            Double($0.graph.connectedComponents().count)
        },
        .network("largest_component", "nodes in the largest (weakly) connected component") {
            Double($0.graph.largestComponent().count)
        },
        .network("articulation_points", "number of articulation points") { Double($0.graph.articulationPoints().count) },
        .network("bridges", "number of relations that are bridges; a doubled tie is not a bridge") {
            Double($0.network.graph.bridges().count)
        },
        .network("transitivity", "3 × triangles / connected triples (global clustering), on the undirected reading of the ties in every run (NetworkX's transitivity of a DiGraph counts out-neighbour triangles only; we do not follow it)") { $0.graph.transitivity() },
        .network("average_clustering", "mean local clustering over all nodes, nodes of degree < 2 counted as 0 (NetworkX)") {
            try $0.graph.averageClustering(
                weighting: $0.options.weighting, countZeros: true)
        },
        .network("ei_index_network", "Krackhardt & Stern 1988 E-I index of the whole network over the groups of the grouping attribute") {
            try $0.graph.eiIndex(groups: $0.groups, weighting: .unweighted).network
        },
        .network("modularity", "Newman 2006 modularity (directed: Leicht & Newman 2008) of the Leiden partition, seeded; at the resolution γ of the options (Reichardt & Bornholdt 2006; 1 by default)") {
            try $0.leiden().modularity
        },
        .network("modularity_louvain", "modularity of the Louvain partition, seeded, at the resolution γ") {
            try $0.louvain().modularity
        },
        .network("group_modularity", "modularity of the partition by the grouping attribute (e.g. actor types) at the resolution γ: how much ties stay within groups") {
            try $0.graph.modularity(partition: $0.groups, resolution: $0.options.resolution, weighting: $0.options.weighting)
        },
        .network("diameter", "longest finite shortest path (igraph unconn=TRUE: largest over components)") {
            try $0.pathStatistics().diameter
        },
        .network("average_path_length", "mean shortest-path length over reachable ordered pairs (igraph unconn=TRUE)") {
            try $0.pathStatistics().averagePathLength
        },
        .network("global_efficiency", "Latora & Marchiori 2001: Σ 1/d over ordered pairs / (n(n−1))") {
            try $0.pathStatistics().globalEfficiency
        },
        .network("fragmentation", "Borgatti 2006 F: share of ordered pairs that cannot reach each other") {
            try $0.pathStatistics().fragmentation
        },
        .network("distance_weighted_fragmentation", "Borgatti 2006 DF = 1 − global efficiency (negative when weighted path lengths fall below 1)") {
            try $0.pathStatistics().distanceWeightedFragmentation
        },
        .network("betweenness_centralization", "Freeman 1979 centralization of normalized betweenness: Σ(max − c_i)/(n−1)") {
            try $0.betweennessCentralization()
        },
        .network("closeness_centralization", "Freeman 1979: Σ(max − c_i) / M on closeness; M = (n−1)(n−2)/(2n−3) undirected (the star), n−1 directed (the in-star, or the out-star for outgoing distances); at most 1 unweighted") {
            try $0.closenessCentralization()
        },
        .network("degree_centralization", "Freeman 1979: Σ(d_max − d_i) / ((n−1)(n−2)) on degree; directed (in + out degree) / (2(n−1)(n−2)), the most centralized simple digraph (igraph tmax)") {
            try $0.graph.degreeCentralization(mode: .all)
        },
    ]
}
