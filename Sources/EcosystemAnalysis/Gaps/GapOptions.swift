import NetworkAnalysis

/// What recommended ties are ranked by.
public enum GapObjective: Sendable, Equatable {
    /// Borgatti's fragmentation `F` (lower is better).
    case fragmentation
    /// Global efficiency (higher is better), i.e. distance-weighted fragmentation `1 − E`.
    case globalEfficiency
    /// Burt's constraint of one actor, by id (lower is better: more brokerage opportunity).
    case constraint(actor: String)

    /// The measure's snake_case name.
    public var measure: String {
        switch self {
        case .fragmentation: return "fragmentation"
        case .globalEfficiency: return "global_efficiency"
        case .constraint: return "constraint"
        }
    }

    /// Whether a larger value is better.
    public var higherIsBetter: Bool { self == .globalEfficiency }
}

/// Options of a gap analysis.
public struct GapOptions: Sendable {
    /// How weights are read for path measures and structural holes (default: strengths,
    /// path length `1/w`).
    public var weighting: EdgeWeighting
    /// What recommended ties are ranked by.
    public var objective: GapObjective
    /// How many recommended ties to list.
    public var top: Int
    /// The link-prediction score that breaks ties between candidates of equal effect.
    public var predictor: LinkPredictor
    /// Tie strength of a recommended tie (in the model's weight units).
    public var newTieWeight: Double
    /// At most this many brokers are reported.
    public var maxBrokers: Int
    /// Above this many actors, removal effects and recommended ties (which need an `n × n`
    /// distance matrix and `O(n²)` work per candidate) are skipped, with the reason.
    public var maxExactActors: Int
    /// Threads for the path computations (`nil`: all cores); results do not depend on it.
    public var threads: Int?

    /// Options as given; the defaults are those of `ecomap gaps`.
    /// - Parameters: as the properties; `top`, `maxBrokers` and `maxExactActors` are counts,
    ///   `newTieWeight` a tie strength in the model's weight units (positive, so that the new tie has a path length).
    public init(
        weighting: EdgeWeighting = .strength, objective: GapObjective = .globalEfficiency, top: Int = 5,
        predictor: LinkPredictor = .adamicAdar, newTieWeight: Double = 1, maxBrokers: Int = 5,
        maxExactActors: Int = 2000, threads: Int? = nil
    ) {
        self.weighting = weighting; self.objective = objective; self.top = top; self.predictor = predictor
        self.newTieWeight = newTieWeight; self.maxBrokers = maxBrokers; self.maxExactActors = maxExactActors
        self.threads = threads
    }
}
