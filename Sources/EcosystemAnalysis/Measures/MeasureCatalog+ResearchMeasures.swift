import Ecosystem
import NetworkAnalysis

// The measures that researchers used to take to UCINET, R (sna, igraph) or NetworkX (issue 13):
// kept in their own list so that the main catalog only concatenates it. Formulas, conventions
// and references are in the doc comments of the NetworkAnalysis functions each entry calls.

extension MeasureInput {
    func maximalCliques() throws -> [[Int]] {
        try shared.value("maximalCliques") { graph.maximalCliques() }
    }
    func triadCensus() throws -> TriadCensus {
        try shared.value("triadCensus") { graph.triadCensus() }
    }
    func corePeriphery() throws -> CorePeripheryPartition {
        try shared.value("corePeriphery") { try graph.corePeriphery(weighting: options.weighting == .unweighted ? .unweighted : .strength, seed: options.seed) }
    }
    func eccentricities() throws -> [Double] {
        try shared.value("eccentricities") { try graph.eccentricities(weighting: options.weighting) }
    }

    /// Restart weights per node from ``AnalysisOptions/personalization``.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when none were given;
    ///   ``GraphError/invalidArgument(name:value:valid:)`` for an unknown actor id.
    func personalizationVector() throws -> [Double] {
        guard !options.personalization.isEmpty else {
            throw GraphError.undefined(algorithm: "personalized PageRank", reason: "no actors to restart from were given")
        }
        var vector = [Double](repeating: 0, count: graph.nodeCount)
        for (id, weight) in options.personalization.sorted(by: { $0.key < $1.key }) {
            guard let v = network.node(id) else {
                let ids = network.model.actors.map(\.id)
                let close = Suggestions.closest(to: id, in: ids)
                throw GraphError.invalidArgument(name: "personalization", value: id,
                                                 valid: "actor ids of the model, such as \(close.map { "'\($0)'" }.joined(separator: ", "))")
            }
            vector[v] = weight
        }
        return vector
    }
}

extension MeasureCatalog {
    /// The research measures (issue 13): strength by direction, distances, mixing, cohesion,
    /// connectivity, cliques, Bonacich power, personalized PageRank.
    static let researchMeasures: [MeasureDefinition] = [
        .node("in_strength", "sum of the strengths of ties received; relation direction is used even in an undirected run (NetworkX in_degree(weight=))") {
            try $0.directedSimpleGraph().strengths(mode: .incoming, weighting: $0.options.weighting)
        },
        .node("out_strength", "sum of the strengths of ties sent; relation direction is used even in an undirected run (NetworkX out_degree(weight=))") {
            try $0.directedSimpleGraph().strengths(mode: .outgoing, weighting: $0.options.weighting)
        },
        .node("eccentricity", "longest shortest path to a node it reaches (directed: along arcs out of it); unreachable nodes left out (igraph), path length 1/strength") {
            try $0.eccentricities()
        },
        .node("center", "1 when the node's eccentricity equals the radius (the centre of the graph), else 0") {
            let ecc = try $0.eccentricities()
            guard let r = ecc.min() else { return [] }
            return ecc.map { PathLength.equal($0, r) ? 1 : 0 }
        },
        .node("average_neighbor_degree", "mean degree of the node's neighbours, weighted by tie strength: Σ w_ij k_j / s_i (Barrat et al. 2004; NetworkX average_neighbor_degree; directed: out-neighbours, out-degree); 0 without neighbours") {
            $0.graph.averageNeighborDegree(weighting: $0.options.weighting)
        },
        .node("local_efficiency", "Latora & Marchiori 2001: efficiency of the node's neighbourhood without it, Σ 1/d over neighbour pairs / (k(k−1)); undirected, unweighted; 0 below degree 2") {
            $0.graph.localEfficiency()
        },
        .node("barrat_clustering", "Barrat et al. 2004 weighted clustering: Σ (w_ij + w_ih)/2 over tied neighbour pairs / (s_i (k_i − 1)); undirected reading; 0 below degree 2 (igraph transitivity_local_undirected weights=, mode=zero)") {
            try $0.graph.barratClustering(weighting: $0.options.weighting)
        },
        .node("bonacich_power", "Bonacich 1987 power c = α(I − βA)⁻¹A1 with β the attenuation of the options (negative: bargaining power), scaled to Σc² = n (R igraph power_centrality); 0/1 ties, weights ignored") {
            try $0.graph.bonacichPower(beta: $0.options.powerBeta)
        },
        .node("personalized_pagerank", "PageRank whose random surfer restarts only at the actors given as its personalization, in proportion to their weights (Haveliwala 2002; NetworkX pagerank(personalization=)); the damping factor as for pagerank") {
            try $0.graph.pageRank(damping: $0.options.damping, personalization: $0.personalizationVector(), weighting: $0.options.weighting)
        },
        .node("cliques", "number of maximal cliques the node belongs to (Bron & Kerbosch 1973 with Tomita's pivot; NetworkX number_of_cliques); undirected reading") {
            let cliques = try $0.maximalCliques()
            var count = [Double](repeating: 0, count: $0.graph.nodeCount)
            for clique in cliques { for v in clique { count[v] += 1 } }
            return count
        },
        .node("core_periphery", "1 for the core of Borgatti & Everett's 1999 discrete core–periphery model (the split whose ideal pattern, core tied to all, periphery not to each other, the ties fit best; seeded search), else 0") {
            try $0.corePeriphery().isCore.map { $0 ? 1 : 0 }
        },
        .node("coreness", "Borgatti & Everett 1999 continuous coreness: c minimizing Σ_{i≠j} (a_ij − c_i c_j)², unit length; undirected reading") {
            try $0.graph.coreness(weighting: $0.options.weighting == .unweighted ? .unweighted : .strength).coreness
        },
        .network("core_periphery_fit", "correlation of the ties with the ideal pattern of the core_periphery split (Borgatti & Everett 1999)") {
            try $0.corePeriphery().fit
        },
        .network("radius", "smallest eccentricity (0 when a node reaches nobody, as igraph)") {
            try $0.eccentricities().min() ?? .nan
        },
        .network("degree_assortativity", "Newman 2002 degree assortativity: Pearson correlation of the degrees at the two ends of a tie (directed: out-degree of the tail, in-degree of the head); weights ignored") {
            try $0.graph.degreeAssortativity()
        },
        .network("average_local_efficiency", "mean local efficiency over all nodes (NetworkX local_efficiency)") {
            $0.graph.averageLocalEfficiency()
        },
        .network("node_connectivity", "fewest actors whose removal disconnects the network (directed: strongly); Menger / Even & Tarjan 1975 max flow; NetworkX node_connectivity") {
            Double($0.graph.nodeConnectivity())
        },
        .network("edge_connectivity", "fewest ties whose removal disconnects the network (directed: strongly); Ford & Fulkerson max flow; NetworkX edge_connectivity") {
            Double($0.graph.edgeConnectivity())
        },
        .network("maximal_cliques", "number of maximal cliques, isolated nodes counted as cliques of one (NetworkX find_cliques)") {
            Double(try $0.maximalCliques().count)
        },
        .network("clique_number", "size of the largest clique") {
            Double(try $0.maximalCliques().map(\.count).max() ?? 0)
        },
        .network("mutual_dyads", "dyad census M: pairs tied both ways (Holland & Leinhardt 1970); an undirected run has only M and N") {
            Double($0.graph.dyadCensus().mutual)
        },
        .network("asymmetric_dyads", "dyad census A: pairs tied one way only (directed runs)") { Double($0.graph.dyadCensus().asymmetric) },
        .network("null_dyads", "dyad census N: untied pairs") { Double($0.graph.dyadCensus().null) },
    ] + TriadCensus.names.map { type in
        .network("triad_\(type.lowercased())", "triad census: triples of MAN type \(type) (Holland & Leinhardt 1976; Batagelj & Mrvar 2001; NetworkX triadic_census); directed runs") {
            Double(try $0.triadCensus()[type] ?? 0)
        }
    }
}
