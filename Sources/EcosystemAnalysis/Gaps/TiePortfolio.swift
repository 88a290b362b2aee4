/// Why a candidate new tie is plausible enough to be considered for the tie portfolio.
public enum TieFilter: String, Sendable, CaseIterable, Comparable {
    /// A rule of the rules file expects the tie (`every`, `coordinator` or `groups_connected`).
    case rule
    /// The tie joins two groups with no tie between them: two actor types, two communities
    /// (Leiden, seed 1) or two components. Tried between the best-connected actors of each side.
    case groupBridge = "group_bridge"
    /// The two actors share a neighbour, so the link-prediction score is positive
    /// (Adamic–Adar by default; Liben-Nowell & Kleinberg 2007, doi:10.1002/asi.20591).
    case linkPrediction = "link_prediction"

    /// The filter in plain words.
    public var words: String {
        switch self {
        case .rule: return "a rule expects it"
        case .groupBridge: return "it bridges groups with no tie"
        case .linkPrediction: return "the two share a contact"
        }
    }

    /// Declaration order.
    public static func < (a: TieFilter, b: TieFilter) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One tie of a ``TiePortfolio``.
public struct PortfolioTie: Sendable, Equatable {
    /// Actor ids of the two ends.
    public var from: String, to: String
    /// The filters that admitted it as a candidate (at least one).
    public var filters: [TieFilter]
    /// The rules that expect it (ids), when ``TieFilter/rule`` admitted it.
    public var rules: [String]
    /// The groups it bridges, in words ("actor types Business – Knowledge institution"), when
    /// ``TieFilter/groupBridge`` admitted it.
    public var bridges: [String]
    /// The pair's link-prediction score (``GapOptions/predictor``).
    public var score: Double
    /// The objective with this tie and the ones before it in the portfolio added.
    public var valueAfter: Double
    /// This tie's marginal change of the objective given the ones before it (after − before).
    public var marginalChange: Double
    /// The change of the objective if this tie were added alone.
    public var aloneChange: Double
    /// The gaps found by the other detectors that the tie would close, in words.
    public var closes: [String]
    /// The most serious of those gaps (``Severity/info`` when it closes none).
    public var severity: Severity
}

/// The best set of `k` new ties for an objective (``GapOptions/objective``), chosen among
/// plausible candidates (``TieFilter``) greedily and improved by 1-swaps, with the exact combined
/// effect of the whole set (``NetworkAnalysis/Graph/bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``).
public struct TiePortfolio: Sendable, Equatable {
    /// What was optimised.
    public var objective: GapObjective
    /// The ties, in the order of their marginal effect (each the best given the ones before).
    public var ties: [PortfolioTie]
    /// The objective of the network as it is.
    public var baseValue: Double
    /// The objective with every tie of the portfolio added: the combined effect is
    /// ``change`` = `value − baseValue`, computed on the network with all ties at once.
    public var value: Double
    /// The value of the greedy set before the swaps.
    public var greedyValue: Double
    /// How many 1-swaps improved the greedy set.
    public var swaps: Int
    /// Whether no 1-swap improves the set (else the round limit stopped the search).
    public var isSwapOptimal: Bool
    /// How many candidates were searched, and how many each filter admitted (a candidate may
    /// pass several filters).
    public var candidateCount: Int, candidatesByFilter: [TieFilter: Int]
    /// Plausible candidates left out above ``GapOptions/maxCandidates``.
    public var candidatesLeftOut: Int
    /// How many networks-with-ties were evaluated exactly.
    public var evaluations: Int
    /// The strength of every new tie, in the model's weight units.
    public var tieWeight: Double

    /// The combined effect, `value − baseValue` (after − before).
    public var change: Double { value - baseValue }
    /// The combined effect relative to the base value (`change / |baseValue|`; NaN when the
    /// base value is 0 and the change is not).
    public var relativeChange: Double {
        baseValue != 0 ? change / abs(baseValue) : (change == 0 ? 0 : .nan)
    }
    /// Whether the best set barely moves the objective: less than 1% of its value
    /// (`GapThresholds.tinyPortfolioEffect`), or no change at all.
    public var isTiny: Bool {
        let r = relativeChange
        return r.isNaN ? false : abs(r) < GapThresholds.tinyPortfolioEffect
    }
}
