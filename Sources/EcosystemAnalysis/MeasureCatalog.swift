import Ecosystem
import Foundation
import NetworkAnalysis

/// Options shared by every measure of an analysis run.
public struct AnalysisOptions: Sendable {
    /// Keep relation direction (see ``EcosystemNetwork``); otherwise ties are mutual.
    public var directed: Bool
    /// How weights are read: tie strength (path length 1/w), distance, or ignored.
    public var weighting: EdgeWeighting
    /// Normalized values (as NetworkX) or raw ones, for measures that have both.
    public var normalized: Bool
    /// Actor attribute whose values form the groups for brokerage and the E-I index:
    /// `type` (default), `place`, or any free attribute.
    public var groupAttribute: String
    /// Seed for the seeded community algorithms (Louvain, Leiden).
    public var seed: UInt64
    /// Closeness and harmonic centrality of directed runs: distances to the node (`.incoming`,
    /// NetworkX's default) or from it (`.outgoing`). Undirected runs are unaffected.
    public var pathDirection: PathDirection
    /// PageRank damping factor α (probability of following a tie), in (0, 1); NetworkX's 0.85.
    public var damping: Double
    /// Katz attenuation factor α; must be below 1/λmax (refused otherwise); NetworkX's 0.1.
    public var katzAlpha: Double
    /// Resolution γ of modularity, Louvain and Leiden (Reichardt & Bornholdt 2006); 1 is
    /// Newman's modularity. See ``MeasureCatalog`` (research measures) for the others below.
    public var resolution: Double = 1
    /// Restart weights of personalized PageRank, by actor id (empty: none given).
    public var personalization: [String: Double] = [:]
    /// Attenuation β of Bonacich power (negative for bargaining power).
    public var powerBeta: Double = 0.1

    /// Options as given; the defaults are those of `ecomap analyze`.
    /// - Parameters: as the properties. Not checked here: `pagerank` refuses a `damping`
    ///   outside `[0, 1)` and `katz` a non-positive `katzAlpha`
    ///   (``GraphError/invalidArgument(name:value:valid:)``, thrown by
    ///   ``EcosystemAnalyzer/metrics(of:measures:options:)`` as ``AnalysisError/measureFailed(_:_:)``);
    ///   `katz` with `katzAlpha ≥ 1/λmax` is ``GraphError/undefined(algorithm:reason:)`` (NaN values).
    public init(
        directed: Bool = false, weighting: EdgeWeighting = .strength, normalized: Bool = true,
        groupAttribute: String = "type", seed: UInt64 = 1, pathDirection: PathDirection = .incoming,
        damping: Double = 0.85, katzAlpha: Double = 0.1
    ) {
        self.damping = damping
        self.katzAlpha = katzAlpha
        self.pathDirection = pathDirection
        self.directed = directed; self.weighting = weighting; self.normalized = normalized
        self.groupAttribute = groupAttribute; self.seed = seed
    }
}

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

/// What a measure is computed from.
public struct MeasureInput: Sendable {
    /// The network; measures use ``EcosystemNetwork/simpleGraph`` unless they say otherwise.
    public let network: EcosystemNetwork
    /// The options of the run.
    public let options: AnalysisOptions
    /// Group index per node, from ``AnalysisOptions/groupAttribute`` (groups numbered in order
    /// of first appearance).
    public let groups: [Int]
    /// The graph measures are computed on (simple: parallel ties merged, self-loops left out).
    public var graph: Graph { network.simpleGraph }
    /// Results that several measures read (one all-pairs pass serves diameter, efficiency and
    /// both fragmentations), computed at most once per run.
    let shared = SharedResults()

    func pathStatistics() throws -> PathStatistics {
        try shared.value("pathStatistics") { try graph.pathStatistics(weighting: options.weighting) }
    }
    /// The directed reading of the model (for in- and out-degree in any run), built once.
    func directedSimpleGraph() throws -> Graph {
        try shared.value("directedSimpleGraph") { network.directedSimpleGraph }
    }
    func structuralHoles() throws -> StructuralHoleMeasures {
        try shared.value("structuralHoles") { try graph.structuralHoles(weighting: options.weighting) }
    }
    func brokerage() throws -> [BrokerageRoles] {
        try shared.value("brokerage") { try graph.brokerage(groups: groups) }
    }
    func hits() throws -> HITSScores {
        try shared.value("hits") { try graph.hits(weighting: options.weighting) }
    }
    func leiden() throws -> CommunityPartition {
        try shared.value("leiden") { try graph.leiden(seed: options.seed, resolution: options.resolution, weighting: options.weighting) }
    }
    func louvain() throws -> CommunityPartition {
        try shared.value("louvain") { try graph.louvain(seed: options.seed, resolution: options.resolution, weighting: options.weighting) }
    }

    /// Values per ``EcosystemNetwork/simpleGraph`` edge spread onto the edges of
    /// ``EcosystemNetwork/graph`` (one per relation, or two for a mutual relation in a directed
    /// run): parallel relations share the value of their merged tie.
    func perRelationEdge(_ simpleValues: [Double]) -> [Double] {
        network.simpleEdge.map { $0 >= 0 ? simpleValues[$0] : .nan }
    }
}

/// A per-run memo of intermediate results, keyed by name. Measures of one run are computed one
/// after another; the lock only keeps the memo safe if a caller computes them concurrently.
final class SharedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]

    func value<T>(_ key: String, _ make: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let cached = values[key] as? T { return cached }
        let made = try make()
        values[key] = made
        return made
    }
}

/// One entry of the catalog: a snake_case name (as in the CLI and JSON), its level, a
/// one-line convention for `--help`, and how to compute it.
public struct MeasureDefinition: Sendable {
    /// The snake_case name (`betweenness`, `global_efficiency`, ...), as `--measures` takes it.
    public let name: String
    /// What the measure gives a value for.
    public let level: MeasureLevel
    /// The convention in one line: formula, normalization, weights, reference.
    public let convention: String
    let node: (@Sendable (MeasureInput) throws -> [Double])?
    let network: (@Sendable (MeasureInput) throws -> Double)?
    let edge: (@Sendable (MeasureInput) throws -> [Double])?
    let pair: LinkPredictor?

    /// Whether the values are labels (community or component numbers), not quantities: a mean
    /// or a ranking of them means nothing, so `--samples` refuses them.
    public var isCategorical: Bool { ["louvain", "leiden", "component", "strong_component"].contains(name) }

    static func node(_ name: String, _ convention: String, _ compute: @escaping @Sendable (MeasureInput) throws -> [Double]) -> MeasureDefinition {
        MeasureDefinition(name: name, level: .node, convention: convention, node: compute, network: nil, edge: nil, pair: nil)
    }

    static func network(_ name: String, _ convention: String, _ compute: @escaping @Sendable (MeasureInput) throws -> Double) -> MeasureDefinition {
        MeasureDefinition(name: name, level: .network, convention: convention, node: nil, network: compute, edge: nil, pair: nil)
    }

    static func edge(_ name: String, _ convention: String, _ compute: @escaping @Sendable (MeasureInput) throws -> [Double]) -> MeasureDefinition {
        MeasureDefinition(name: name, level: .edge, convention: convention, node: nil, network: nil, edge: compute, pair: nil)
    }
}

/// Every measure `ecomap analyze` offers, in the order `--help` lists them. The formulas,
/// conventions and references are in the doc comments of the `NetworkAnalysis` functions that
/// compute them; this catalog only maps names to those functions.
public enum MeasureCatalog {
    /// Every measure: node measures, then edge, pair and network measures, each in `--help` order.
    public static let all: [MeasureDefinition] = nodeMeasures + edgeMeasures + pairMeasures + networkMeasures + researchMeasures

    /// Link-prediction scores for every non-adjacent pair `u < v` of the undirected simple graph
    /// (weights ignored): Liben-Nowell & Kleinberg 2007, JASIST 58(7):1019–1031, doi:10.1002/asi.20591.
    static let pairMeasures: [MeasureDefinition] = [
        (LinkPredictor.commonNeighbors, "number of common neighbours |Γ(u) ∩ Γ(v)|"),
        (.jaccard, "Jaccard coefficient |Γ(u) ∩ Γ(v)| / |Γ(u) ∪ Γ(v)|"),
        (.adamicAdar, "Adamic & Adar 2003: Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / ln|Γ(w)|"),
        (.resourceAllocation, "Zhou, Lü & Zhang 2009: Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / |Γ(w)|"),
        (.preferentialAttachment, "preferential attachment |Γ(u)| · |Γ(v)|"),
    ].map { predictor, convention in
        MeasureDefinition(
            name: predictor.rawValue, level: .pair, convention: convention + " (non-adjacent pairs)",
            node: nil, network: nil, edge: nil, pair: predictor)
    }

    /// The definition named `name`, if any.
    /// - Parameter name: a snake_case measure name (exact, case-sensitive).
    /// - Returns: the definition, or `nil` for an unknown name.
    /// - Complexity: `O(measures)`.
    public static func named(_ name: String) -> MeasureDefinition? { all.first { $0.name == name } }

    /// Lines `- name: convention` for `--help` (one per measure, so wrapped lines stay readable).
    /// - Parameter level: which measures to list.
    /// - Returns: the lines joined by newlines, in catalog order.
    public static func helpText(level: MeasureLevel) -> String {
        all.filter { $0.level == level }.map { "- \($0.name): \($0.convention)" }.joined(separator: "\n")
    }

    /// A Markdown table `| measure | level | convention |` of the whole catalog, for the README.
    /// - Returns: the table, one row per measure in catalog order, `|` in conventions escaped.
    public static func markdownTable() -> String {
        var lines = ["| measure | level | convention |", "|---|---|---|"]
        for definition in all {
            lines.append("| `\(definition.name)` | \(definition.level.rawValue) | \(definition.convention.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }

    static func doubles(_ xs: [Int]) -> [Double] { xs.map(Double.init) }

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
            try $0.graph.betweenness(weighting: $0.options.weighting, normalized: $0.options.normalized, endpoints: false)
        },
        .node("betweenness_endpoints", "betweenness counting the path's endpoints too (Brandes 2008; NetworkX endpoints=True)") {
            try $0.graph.betweenness(weighting: $0.options.weighting, normalized: $0.options.normalized, endpoints: true)
        },
        .node("closeness", "closeness with the Wasserman–Faust correction for disconnected graphs: ((r−1)/(n−1))·((r−1)/Σd) over the r nodes reached (NetworkX wf_improved); --direction for digraphs") {
            try $0.graph.closeness(weighting: $0.options.weighting, direction: $0.options.pathDirection)
        },
        .node("harmonic", "harmonic centrality Σ 1/d (Marchiori & Latora 2000; NetworkX, unnormalized); --direction for digraphs") {
            try $0.graph.harmonicCentrality(weighting: $0.options.weighting, direction: $0.options.pathDirection)
        },
        .node("eigenvector", "eigenvector centrality, Euclidean norm 1, weights as strengths, in-ties when directed (NetworkX); refused when not unique") {
            try $0.graph.eigenvectorCentrality(weighting: $0.options.weighting, maxIterations: 10_000, tolerance: 1e-12)
        },
        .node("pagerank", "PageRank, damping 0.85 (--damping), uniform teleport and dangling distribution, weights as strengths (Brin & Page 1998; NetworkX)") {
            try $0.graph.pageRank(damping: $0.options.damping, weighting: $0.options.weighting, maxIterations: 1000, tolerance: 1e-10)
        },
        .node("katz", "Katz centrality, alpha 0.1 (--katz-alpha), beta 1, Euclidean norm 1 (Katz 1953; NetworkX); refused when alpha ≥ 1/λmax") {
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
        .node("brokerage", "Gould & Fernandez 1989: open two-paths a→v→b (no a→b) through the node, all roles; groups from --group-by") {
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
        .node("ei_index", "Krackhardt & Stern 1988 E-I index of the node: (external − internal)/(external + internal) ties; groups from --group-by; null without ties") {
            try $0.graph.eiIndex(groups: $0.groups, weighting: .unweighted).perNode
        },
        .node("louvain", "community by Louvain (Blondel et al. 2008), seeded (--seed), numbered by smallest member") {
            try doubles($0.louvain().membership)
        },
        .node("leiden", "community by Leiden (Traag et al. 2019), seeded (--seed), numbered by smallest member") {
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
        .network("ei_index_network", "Krackhardt & Stern 1988 E-I index of the whole network over the groups of --group-by") {
            try $0.graph.eiIndex(groups: $0.groups, weighting: .unweighted).network
        },
        .network("modularity", "Newman 2006 modularity (directed: Leicht & Newman 2008) of the Leiden partition, seeded; resolution γ from --resolution (Reichardt & Bornholdt 2006)") {
            try $0.leiden().modularity
        },
        .network("modularity_louvain", "modularity of the Louvain partition, seeded, at --resolution γ") {
            try $0.louvain().modularity
        },
        .network("group_modularity", "modularity of the --group-by partition (e.g. actor types) at --resolution γ: how much ties stay within groups") {
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
            try $0.graph.betweennessCentralization(weighting: $0.options.weighting)
        },
        .network("closeness_centralization", "Freeman 1979: Σ(max − c_i) / M on closeness; M = (n−1)(n−2)/(2n−3) undirected (the star), n−1 directed (the in-star, or out-star with --direction out); at most 1 unweighted") {
            try $0.graph.closenessCentralization(weighting: $0.options.weighting, direction: $0.options.pathDirection)
        },
        .network("degree_centralization", "Freeman 1979: Σ(d_max − d_i) / ((n−1)(n−2)) on degree; directed (in + out degree) / (2(n−1)(n−2)), the most centralized simple digraph (igraph tmax)") {
            try $0.graph.degreeCentralization(mode: .all)
        },
    ]
}

/// Computes measures of a model into a ``MetricsTable``.
public enum EcosystemAnalyzer {
    /// The requested measures of `model`, node-level ones as columns and network-level ones in
    /// `network`, in the order asked for.
    ///
    /// - Parameters:
    ///   - model: a validated model or a loaded edge list.
    ///   - measures: names from ``MeasureCatalog``.
    ///   - options: direction, weighting, normalization, grouping, seed.
    /// - Returns: the table; a measure with no unique answer on this network (``GraphError/undefined(algorithm:reason:)``)
    ///   gets NaN values and an entry in ``MetricsTable/undefined`` instead of failing the run.
    /// - Throws: ``AnalysisError/unknownMeasure(_:valid:)`` for a name not in the catalog, and
    ///   ``AnalysisError/measureFailed(_:_:)`` for any other ``GraphError``, e.g. a
    ///   non-positive weight on a path measure.
    /// - Complexity: the sum of the measures' costs (see each `NetworkAnalysis` function);
    ///   results several measures share (all-pairs path statistics, structural holes,
    ///   brokerage, HITS, Louvain, Leiden) are computed once per call. Pair measures list all
    ///   `O(n²)` non-adjacent pairs.
    ///
    /// References: each measure's formula, conventions and source (author, year, venue, DOI) are
    /// in the doc comment of the `NetworkAnalysis` function its catalog entry calls; the
    /// one-line ``MeasureDefinition/convention`` names the source.
    public static func metrics(
        of model: EcosystemModel, measures: [String], options: AnalysisOptions = AnalysisOptions()
    ) throws -> MetricsTable {
        try checkWeights(of: model, weighting: options.weighting)
        let network = EcosystemNetwork(model: model, directed: options.directed)
        let input = MeasureInput(network: network, options: options, groups: groups(of: model, by: options.groupAttribute))
        var names: [String] = []
        var columns: [[Double]] = []
        var graphValues: [(name: String, value: Double)] = []
        var undefined: [(measure: String, reason: String)] = []
        var pairs: [(Int, Int)] = []
        var pairNames: [String] = []
        var pairColumns: [[Double]] = []
        var edgeNames: [String] = []
        var edgeColumns: [[Double]] = []
        for name in measures {
            guard let definition = MeasureCatalog.named(name) else {
                throw AnalysisError.unknownMeasure(name, valid: MeasureCatalog.all.map(\.name))
            }
            do {
                if let node = definition.node {
                    names.append(name)
                    columns.append(try node(input))
                } else if let predictor = definition.pair {
                    if pairs.isEmpty { pairs = nonAdjacentPairs(network.simpleGraph) }
                    pairNames.append(name)
                    pairColumns.append(try network.simpleGraph.linkPredictionScores(for: pairs, predictor: predictor))
                } else if let edge = definition.edge {
                    edgeNames.append(name)
                    edgeColumns.append(try edge(input))
                } else if let compute = definition.network {
                    graphValues.append((name, try compute(input)))
                }
            } catch let GraphError.undefined(algorithm, reason) {
                // No unique answer on this network: report it and write NaN (null), not numbers.
                undefined.append((name, "\(algorithm) is undefined here: \(reason)"))
                if definition.level == .node {
                    columns.append([Double](repeating: .nan, count: model.actors.count))
                } else if definition.level == .edge {
                    edgeColumns.append([Double](repeating: .nan, count: network.graph.edgeCount))
                } else {
                    graphValues.append((name, .nan))
                }
            } catch let GraphError.invalidWeight(edge, value, reason) {
                throw AnalysisError.invalidWeight(relation: relationID(ofSimpleEdge: edge, in: network), value: value, reason: reason)
            } catch let error as GraphError {
                throw AnalysisError.measureFailed(name, error)
            }
        }
        return MetricsTable(
            nodeIDs: model.actors.map(\.id), nodeNames: model.actors.map(\.name),
            labels: [(name: "type", values: model.actors.map(\.type)), (name: "place", values: model.actors.map(\.place))],
            measures: names, columns: columns, network: graphValues, undefined: undefined,
            edges: edgeNames.isEmpty ? nil : EdgeMetrics(
                ids: network.edgeLabels, from: network.edgeEndpointIDs.from, to: network.edgeEndpointIDs.to,
                measures: edgeNames, columns: edgeColumns),
            pairs: pairNames.isEmpty ? nil : PairMetrics(
                u: pairs.map { model.actors[$0.0].id }, v: pairs.map { model.actors[$0.1].id },
                measures: pairNames, columns: pairColumns))
    }

    /// Tie strengths the measures can use: finite and within `1e-150…1e150` when weights are
    /// read (sums of larger strengths overflow to infinity, and spectral measures lose all
    /// precision at such scales), so a model never gets silently wrong numbers.
    ///
    /// - Throws: ``AnalysisError/invalidWeight(relation:value:reason:)`` naming the relation.
    public static func checkWeights(of model: EcosystemModel, weighting: EdgeWeighting) throws {
        guard weighting != .unweighted else { return }
        for relation in model.relations {
            let w = relation.weight
            guard w.isFinite, w > 0 else {
                throw AnalysisError.invalidWeight(relation: relation.id, value: w, reason: "weights must be positive finite numbers")
            }
            guard w >= 1e-150, w <= 1e150 else {
                throw AnalysisError.invalidWeight(
                    relation: relation.id, value: w,
                    reason: "weights must lie within 1e-150…1e150 (rescale them, or use --weight none)")
            }
        }
    }

    /// The id of the first relation merged into edge `edge` of the simple graph.
    static func relationID(ofSimpleEdge edge: Int, in network: EcosystemNetwork) -> String {
        guard let e = network.simpleEdge.firstIndex(of: edge) else { return "edge \(edge)" }
        return network.model.relations[network.edgeRelation[e]].id
    }

    /// Every pair `u < v` of distinct nodes with no tie in either direction, in `(u, v)` order.
    /// Complexity: `O(n² + m)`.
    static func nonAdjacentPairs(_ graph: Graph) -> [(Int, Int)] {
        let n = graph.nodeCount
        var adjacent = Set<Int>()
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
            adjacent.insert(min(a, b) * n + max(a, b))
        }
        var pairs: [(Int, Int)] = []
        for u in 0..<n { for v in (u + 1)..<max(u + 1, n) where !adjacent.contains(u * n + v) { pairs.append((u, v)) } }
        return pairs
    }

    /// Group index per actor from an attribute (`type`, `place` or a free attribute), numbered
    /// in order of first appearance; actors without the attribute share the group of "".
    /// - Parameters:
    ///   - model: the model.
    ///   - attribute: `type`, `place`, or the key of a free actor attribute.
    /// - Returns: one group index per actor, in model order, `0..<groups`.
    /// - Complexity: `O(a)` expected for `a` actors (hashing the values).
    public static func groups(of model: EcosystemModel, by attribute: String) -> [Int] {
        var index: [String: Int] = [:]
        return model.actors.map { actor in
            let key: String
            switch attribute {
            case "type": key = actor.type
            case "place": key = actor.place
            default: key = actor.attribute(attribute) ?? ""
            }
            if let i = index[key] { return i }
            index[key] = index.count
            return index.count - 1
        }
    }
}

/// Errors of the analysis layer.
public enum AnalysisError: Error, CustomStringConvertible {
    /// A measure name that is not in ``MeasureCatalog`` (or not of a level the caller accepts),
    /// with the names that would be valid there.
    case unknownMeasure(String, valid: [String])
    /// A measure (or analysis step, by name) failed with the ``GraphError``, e.g. a weight
    /// without a path length.
    case measureFailed(String, GraphError)
    /// A relation's weight that the measures cannot use.
    case invalidWeight(relation: String, value: Double, reason: String)

    /// A one-line English message; for an unknown measure it suggests the closest valid name.
    public var description: String {
        switch self {
        case let .unknownMeasure(name, valid):
            let hint = Suggestions.likelyMeant(name, in: valid).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown measure '\(name)'\(hint); valid measures: \(valid.joined(separator: ", "))"
        case let .measureFailed(name, error):
            return "\(name): \(error)"
        case let .invalidWeight(relation, value, reason):
            return "relation '\(relation)' has weight \(value): \(reason)"
        }
    }
}
