import NetworkAnalysis

/// Node-level measures: one value per actor, a column of ``MetricsTable``.
extension MeasureCatalog {
    static let nodeMeasures: [MeasureDefinition] = [
        .node("degree", "number of ties (in + out when directed); parallel ties merged, self-loops left out") {
            doubles($0.graph.degrees(mode: .all))
        },
        .node("in_degree", "ties received; relation direction is used even in an undirected run (mutual types count both ways)") {
            try doubles($0.directedSimpleGraph().degrees(mode: .incoming))
        },
        .node("out_degree", "ties sent; relation direction is used even in an undirected run (mutual types count both ways)") {
            try doubles($0.directedSimpleGraph().degrees(mode: .outgoing))
        },
        .node("strength", "weighted degree: sum of tie strengths (Barrat et al. 2004; Opsahl et al. 2010)") {
            $0.graph.strengths(mode: .all, weighting: $0.options.weighting)
        },
        .node("degree_centrality", "degree / (n−1), as NetworkX (directed: (in+out)/(n−1))") {
            $0.graph.degreeCentrality(mode: .all)
        },
        .node("core_number", "k-core index: largest k with the node in the k-core (Batagelj & Zaversnik 2003); directed runs use in + out degree, so a mutual pair counts twice (NetworkX core_number of a DiGraph, igraph mode=all)") {
            doubles($0.graph.coreNumbers())
        },
        .node("clustering", "local clustering; weighted: geometric mean of normalized weights (Onnela 2005); directed: Fagiolo 2007; 0 below degree 2") {
            try $0.graph.clustering(weighting: $0.options.weighting)
        },
        .node("betweenness", "Brandes 2001 shortest-path betweenness; normalized as NetworkX (undirected 2/((n−1)(n−2)), directed 1/((n−1)(n−2))); ties within 1e-10 count as equal paths") {
            try $0.betweenness(normalized: $0.options.normalized)
        },
        .node("betweenness_endpoints", "betweenness counting the path's endpoints too (Brandes 2008; NetworkX endpoints=True)") {
            try $0.graph.betweenness(weighting: $0.options.weighting, normalized: $0.options.normalized, endpoints: true, threads: $0.options.threads)
        },
        .node("closeness", "closeness with the Wasserman–Faust correction for disconnected graphs: ((r−1)/(n−1))·((r−1)/Σd) over the r nodes reached (NetworkX wf_improved); digraphs: distances to the node (incoming, the default) or from it (outgoing)") {
            try $0.closeness()
        },
        .node("harmonic", "harmonic centrality Σ 1/d (Marchiori & Latora 2000; NetworkX, unnormalized); digraphs: distances to the node (incoming, the default) or from it (outgoing)") {
            try $0.harmonic()
        },
        .node("eigenvector", "eigenvector centrality, Euclidean norm 1, weights as strengths, in-ties when directed (NetworkX); refused when not unique") {
            try $0.graph.eigenvectorCentrality(weighting: $0.options.weighting, maxIterations: 10_000, tolerance: 1e-12)
        },
        .node("pagerank", "PageRank, damping factor 0.85 by default, uniform teleport and dangling distribution, weights as strengths (Brin & Page 1998; NetworkX)") {
            try $0.graph.pageRank(damping: $0.options.damping, weighting: $0.options.weighting, maxIterations: 1000, tolerance: 1e-10)
        },
        .node("katz", "Katz centrality, attenuation factor alpha 0.1 by default, beta 1, Euclidean norm 1 (Katz 1953; NetworkX); refused when alpha ≥ 1/λmax") {
            try $0.graph.katzCentrality(alpha: $0.options.katzAlpha, beta: 1, weighting: $0.options.weighting, normalized: true, maxIterations: 10_000, tolerance: 1e-10)
        },
        .node("hub", "HITS hub score, sum 1 (Kleinberg 1999); refused when not unique") {
            try $0.hits().hubs
        },
        .node("authority", "HITS authority score, sum 1 (Kleinberg 1999); refused when not unique") {
            try $0.hits().authorities
        },
        .node("constraint", "Burt 1992 constraint Σ_j (p_ij + Σ_q p_iq p_qj)²; ties either way, mutual weights (NetworkX); null for isolates") {
            try $0.structuralHoles().constraint
        },
        .node("effective_size", "Burt 1992 effective size: contacts minus redundancy (NetworkX per-node definition); null for isolates") {
            try $0.structuralHoles().effectiveSize
        },
        .node("efficiency", "Burt 1992 efficiency: effective size / number of contacts; null for isolates") {
            try $0.structuralHoles().efficiency
        },
        .node("hierarchy", "Burt 1992 hierarchy (Coleman–Theil concentration of constraint, as UCINET); null below 2 contacts") {
            try $0.structuralHoles().hierarchy
        },
        .node("brokerage", "Gould & Fernandez 1989: open two-paths a→v→b (no a→b) through the node, all roles; groups from the grouping attribute") {
            try $0.brokerage().map { Double($0.total) }
        },
        .node("brokerage_coordinator", "Gould & Fernandez 1989 coordinator role: a, v, b in one group") {
            try $0.brokerage().map { Double($0.coordinator) }
        },
        .node("brokerage_itinerant", "Gould & Fernandez 1989 itinerant (consultant) role: a, b in one group, v in another") {
            try $0.brokerage().map { Double($0.itinerant) }
        },
        .node("brokerage_representative", "Gould & Fernandez 1989 representative role: v with a, b elsewhere") {
            try $0.brokerage().map { Double($0.representative) }
        },
        .node("brokerage_gatekeeper", "Gould & Fernandez 1989 gatekeeper role: v with b, a elsewhere") {
            try $0.brokerage().map { Double($0.gatekeeper) }
        },
        .node("brokerage_liaison", "Gould & Fernandez 1989 liaison role: a, v, b in three groups") {
            try $0.brokerage().map { Double($0.liaison) }
        },
        .node("ei_index", "Krackhardt & Stern 1988 E-I index of the node: (external − internal)/(external + internal) ties; groups from the grouping attribute; null without ties") {
            try $0.graph.eiIndex(groups: $0.groups, weighting: .unweighted).perNode
        },
        .node("louvain", "community by Louvain (Blondel et al. 2008), seeded with the run's seed, numbered by smallest member") {
            try doubles($0.louvain().membership)
        },
        .node("leiden", "community by Leiden (Traag et al. 2019), seeded with the run's seed, numbered by smallest member") {
            try doubles($0.leiden().membership)
        },
        .node("component", "index of the (weakly) connected component, numbered by smallest member") {
            doubles($0.graph.connectedComponents().membership)
        },
        .node("strong_component", "index of the strongly connected component (Tarjan 1972); directed runs") {
            doubles($0.graph.stronglyConnectedComponents().membership)
        },
        .node("articulation_point", "1 when removing the node disconnects its component (Hopcroft & Tarjan 1973), else 0") {
            let points = Set($0.network.graph.articulationPoints())
            return (0..<$0.graph.nodeCount).map { points.contains($0) ? 1 : 0 }
        },
    ]
}
