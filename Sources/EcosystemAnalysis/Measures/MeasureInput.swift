import NetworkAnalysis

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
    /// The path measures served by one shared pass of searches (see `MeasureInput+PathPass.swift`).
    var passMeasures: PathMeasureSet = []

    func pathStatistics() throws -> PathStatistics {
        if let statistics = try pathPass()?.statistics { return statistics }
        return try shared.value("pathStatistics") { try graph.pathStatistics(weighting: options.weighting, threads: options.threads) }
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
