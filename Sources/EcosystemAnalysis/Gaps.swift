import Ecosystem
import NetworkAnalysis

/// The eight kinds of gap finding, in the order reports list them.
public enum FindingKind: String, Sendable, CaseIterable, Codable {
    /// Components, isolates, Borgatti's fragmentation; who cannot reach the municipality.
    case fragmentation
    /// Articulation points, bridges, and what removing an actor costs.
    case singlePointOfFailure = "single_point_of_failure"
    /// Brokers (low constraint, high effective size, brokerage across groups) and pairs of
    /// groups with no direct tie.
    case brokerage
    /// Actor types below the expected composition, or with no tie to the network's core.
    case underRepresentation = "under_representation"
    /// Violations of the expected ties of the rules file.
    case missingTie = "missing_tie"
    /// E-I index per actor type and per place.
    case openness
    /// Actors with a low core number and a small two-step reach.
    case peripheral
    /// Candidate new ties, ranked by their exact effect on an objective.
    case recommendedTie = "recommended_tie"

    /// A heading for reports.
    public var title: String {
        switch self {
        case .fragmentation: return "Fragmentation"
        case .singlePointOfFailure: return "Single points of failure"
        case .brokerage: return "Brokers and structural holes"
        case .underRepresentation: return "Under-represented actor types"
        case .missingTie: return "Missing expected ties"
        case .openness: return "Openness of groups"
        case .peripheral: return "Peripheral actors"
        case .recommendedTie: return "Recommended ties"
        }
    }
}

/// How much a finding matters, most serious first.
///
/// The rules that assign a severity to each kind of finding are in `Datasets/RULES.md`,
/// "What the findings mean".
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    /// Most serious (e.g. a split network with `F ≥ 0.25`, a declared type with no actor).
    case high
    /// Second level (e.g. an isolate, too few actors of a type).
    case medium
    /// Third level (e.g. a pair of groups with no direct tie).
    case low
    /// Context, not a gap (e.g. the fragmentation of a network that is not split).
    case info

    /// `high < medium < low < info`, so sorting ascending puts the most serious first.
    /// - Parameters:
    ///   - a: a severity.
    ///   - b: another severity.
    /// - Returns: whether `a` is more serious than `b`.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { Severity.allCases.firstIndex(of: self)! }
}

/// One number behind a finding and the measure it comes from.
public struct Evidence: Sendable, Equatable {
    /// The measure, by its snake_case name (`fragmentation`, `constraint`, `ei_index`, ...).
    public var measure: String
    /// The value (NaN when undefined).
    public var value: Double
    /// What the value is of: an actor id, a group, `network`, or a what-if such as
    /// `network without dip`.
    public var of: String

    /// Evidence as given.
    /// - Parameters:
    ///   - measure: the measure's snake_case name.
    ///   - value: its value (NaN when undefined; unit that of the measure).
    ///   - of: what the value is of (actor id, group, `network`, ...).
    public init(_ measure: String, _ value: Double, of: String) {
        self.measure = measure; self.value = value; self.of = of
    }
}

/// One gap: what kind, how serious, who and which relations are involved, the numbers, and
/// one plain sentence that says what it means (names as written in the model).
public struct Finding: Sendable, Equatable {
    /// Which of the eight kinds of gap this is.
    public var kind: FindingKind
    /// How much it matters.
    public var severity: Severity
    /// Ids of the actors involved, in model order unless the sentence ranks them.
    public var actors: [String]
    /// Ids of the relations involved.
    public var relations: [String]
    /// The evidence: numbers and the measures they come from.
    public var evidence: [Evidence]
    /// One plain sentence.
    public var sentence: String
    /// The id of the rule violated (missing ties), if any.
    public var rule: String?

    /// A finding as given; see the properties for each field.
    public init(
        kind: FindingKind, severity: Severity, actors: [String] = [], relations: [String] = [],
        evidence: [Evidence] = [], sentence: String, rule: String? = nil
    ) {
        self.kind = kind; self.severity = severity; self.actors = actors; self.relations = relations
        self.evidence = evidence; self.sentence = sentence; self.rule = rule
    }
}

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

/// What happens to the network's cohesion when one actor is removed (with its ties).
public struct ActorRemoval: Sendable, Equatable {
    /// The actor's id.
    public var actor: String
    /// Whether the actor is an articulation point.
    public var isArticulationPoint: Bool
    /// Components of the remaining actors.
    public var components: Int
    /// Fragmentation after removal and its change `F' − F`.
    public var fragmentation: Double, fragmentationChange: Double
    /// Distance-weighted fragmentation after removal and its change.
    public var distanceWeightedFragmentation: Double, distanceWeightedFragmentationChange: Double
    /// Global efficiency after removal and its change.
    public var globalEfficiency: Double, globalEfficiencyChange: Double
}

/// A candidate new tie with its exact effect.
public struct RecommendedTie: Sendable, Equatable {
    /// Actor ids of the two ends.
    public var from: String, to: String
    /// The objective's value with the tie added, and the change from now.
    public var objectiveValue: Double, objectiveChange: Double
    /// Fragmentation, global efficiency with the tie added.
    public var fragmentation: Double, globalEfficiency: Double
    /// The link-prediction score of the pair (second ranking key).
    public var score: Double
    /// The gaps the tie would close, in words.
    public var closes: [String]
    /// The most serious of those gaps.
    public var severity: Severity
}

/// The result of a gap analysis.
public struct GapReport: Sendable {
    /// The model analysed.
    public var model: EcosystemModel
    /// The options used.
    public var options: GapOptions
    /// The rules used (empty rules when none were given).
    public var rules: GapRules
    /// Network statistics before any change, in this order: `components`,
    /// `largest_component`, `fragmentation`, `distance_weighted_fragmentation`,
    /// `global_efficiency`, `articulation_points`, `bridges` (all `of: "network"`).
    public var baseline: [Evidence]
    /// The findings, by kind (in ``FindingKind`` order), most serious first within a kind.
    public var findings: [Finding]
    /// Kinds (or parts of kinds) that could not be checked, with the reason.
    public var skipped: [(kind: FindingKind, reason: String)]
    /// Every actor's removal effect, most damaging first (by distance-weighted fragmentation
    /// change, then fragmentation change, then model order). Empty when skipped.
    public var removal: [ActorRemoval]
    /// The top recommended ties (also in ``findings``), best first.
    public var recommendations: [RecommendedTie]
    /// How many candidate ties were evaluated exactly.
    public var candidatesEvaluated: Int
    /// The strongest (merged) tie strength that strengths were divided by before taking path
    /// lengths 1/strength, so that the strongest tie has length 1 and global efficiency lies
    /// in 0…1 (1 when weights are not read as strengths).
    public var strengthScale: Double = 1

    /// The findings of one kind.
    /// - Parameter kind: the kind wanted.
    /// - Returns: those findings, in report order (most serious first).
    /// - Complexity: `O(findings)`.
    public func findings(_ kind: FindingKind) -> [Finding] { findings.filter { $0.kind == kind } }

    /// The name of the actor with `id` as written in the model (the id when unknown).
    /// - Parameter id: an actor id.
    /// - Returns: the actor's name, or `id` itself when no actor has it.
    /// - Complexity: `O(a)` for `a` actors.
    public func name(_ id: String) -> String { model.actors.first { $0.id == id }?.name ?? id }
}
