import NetworkAnalysis

/// What the tie portfolio (the recommended ties) optimises: the exact value of the network
/// with the whole set of new ties added (see ``TiePortfolio``).
public enum GapObjective: Sendable, Equatable {
    /// Borgatti's fragmentation `F`, the share of actor pairs that cannot reach each other
    /// (lower is better).
    case fragmentation
    /// Global efficiency `E` (Latora & Marchiori 2001; higher is better): how close actors are
    /// on average, `Σ 1/d / (n(n − 1))` with path length `1/strength`.
    case globalEfficiency
    /// The number of connected components (lower is better): how many separate pieces are joined.
    case components
    /// The reach of the least-connected actor type: the lowest, over actor types, of the mean
    /// efficiency `Σ_b 1/d(a, b) / (n − 1)` of the type's actors (higher is better).
    case weakestGroup
    /// Burt's constraint of one actor, by id (lower is better: more brokerage opportunity).
    case constraint(actor: String)

    /// The measure's snake_case name.
    public var measure: String {
        switch self {
        case .fragmentation: return "fragmentation"
        case .globalEfficiency: return "global_efficiency"
        case .components: return "components"
        case .weakestGroup: return "weakest_group_efficiency"
        case .constraint: return "constraint"
        }
    }

    /// The measure in plain words, for a sentence ("global efficiency (how close actors are)").
    public var words: String {
        switch self {
        case .fragmentation: return "fragmentation (the share of pairs that cannot reach each other)"
        case .globalEfficiency: return "global efficiency (how close actors are to each other)"
        case .components: return "the number of separate pieces (components)"
        case .weakestGroup: return "the reach of the least-connected actor type (its mean efficiency)"
        case let .constraint(actor): return "the constraint of \(actor) (how redundant its contacts are)"
        }
    }

    /// Whether a larger value is better.
    public var higherIsBetter: Bool { self == .globalEfficiency || self == .weakestGroup }
}

/// Options of a gap analysis.
public struct GapOptions: Sendable {
    /// How weights are read for path measures and structural holes (default: strengths,
    /// path length `1/w`).
    public var weighting: EdgeWeighting
    /// What the tie portfolio optimises.
    public var objective: GapObjective
    /// How many new ties the portfolio holds (`k`, default 3).
    public var ties: Int
    /// The link-prediction score that admits candidates (a positive score: a shared neighbour)
    /// and orders them.
    public var predictor: LinkPredictor
    /// Tie strength of a recommended tie (in the model's weight units).
    public var newTieWeight: Double
    /// At most this many brokers are reported.
    public var maxBrokers: Int
    /// Above this many actors, removal effects and recommended ties (which need an `n × n`
    /// distance matrix and `O(n²)` work per candidate) are skipped, with the reason.
    public var maxExactActors: Int
    /// At most this many candidate ties are searched (those a rule expects and those that
    /// bridge groups first, then by link-prediction score); the rest are counted as left out.
    public var maxCandidates: Int
    /// Threads for the path computations (`nil`: all cores); results do not depend on it.
    public var threads: Int?

    /// The former name of ``ties``.
    public var top: Int { get { ties } set { ties = newValue } }

    /// Options as given; the defaults are those of `ecomap gaps`.
    /// - Parameters: as the properties; `ties`, `maxBrokers`, `maxExactActors` and
    ///   `maxCandidates` are counts, `newTieWeight` a tie strength in the model's weight units
    ///   (positive, so that the new tie has a path length).
    public init(
        weighting: EdgeWeighting = .strength, objective: GapObjective = .globalEfficiency, ties: Int = 3,
        predictor: LinkPredictor = .adamicAdar, newTieWeight: Double = 1, maxBrokers: Int = 5,
        maxExactActors: Int = 2000, maxCandidates: Int = 2000, threads: Int? = nil
    ) {
        self.weighting = weighting; self.objective = objective; self.ties = ties; self.predictor = predictor
        self.newTieWeight = newTieWeight; self.maxBrokers = maxBrokers; self.maxExactActors = maxExactActors
        self.maxCandidates = maxCandidates; self.threads = threads
    }
}
