import NetworkAnalysis

/// Options shared by every measure of an analysis run.
public struct AnalysisOptions: Sendable {
    /// Keep relation direction (see ``EcosystemNetwork``); otherwise ties are mutual.
    public var directed: Bool
    /// How weights are read: tie strength (path length 1/w), distance, or ignored.
    public var weighting: EdgeWeighting
    /// Normalized values (as NetworkX) or raw ones, for measures that have both.
    public var normalized: Bool
    /// Actor attribute whose values form the groups for brokerage, the E-I index and group
    /// modularity: `type` (default), `type_label`, `place`, `helix` (the sphere of the actor's
    /// type), or any free attribute (``ActorAttribute/init(_:)``). Actors without a value share
    /// one group; an attribute no actor has is refused
    /// (``AnalysisError/unknownGroupAttribute(_:valid:)``).
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
    /// Newman's modularity.
    public var resolution: Double = 1
    /// Restart weights of personalized PageRank, by actor id (empty: none given).
    public var personalization: [String: Double] = [:]
    /// Attenuation β of Bonacich power (negative for bargaining power).
    public var powerBeta: Double = 0.1
    /// At most this many threads for the all-source path measures (betweenness, closeness,
    /// harmonic centrality, the path statistics); `nil` (default): every core. The values do
    /// not depend on it. ``UncertaintyAnalysis`` sets 1 inside its sample workers, which
    /// already use the cores.
    public var threads: Int? = nil

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
