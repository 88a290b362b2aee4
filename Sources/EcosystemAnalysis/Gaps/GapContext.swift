import Ecosystem
import Foundation
import NetworkAnalysis

/// A candidate tie and the gaps it would close.
struct Candidate {
    var closes: [String]
    var severity: Severity
    /// Ids of the rules that expect the tie (the portfolio's ``TieFilter/rule``).
    var rules: [String] = []
}

/// The state of one analysis run: measures computed once, findings collected kind by kind.
///
/// Each detector in `Detectors/` is an extension that reads the measures below and calls
/// ``add(_:)`` for its findings and ``propose(_:_:closes:severity:)`` for the candidate ties
/// that would close them; ``report()`` orders the findings. Node indices are actor indices in
/// model order.
struct GapContext {
    let model: EcosystemModel
    let rules: GapRules
    let options: GapOptions
    /// The model's undirected network (one edge per relation; see ``EcosystemNetwork``).
    let network: EcosystemNetwork
    /// The simple undirected graph the analysis runs on (``EcosystemNetwork/simpleGraph``:
    /// strengths as in the model, parallel relations summed; the same graph, and so the same
    /// path lengths `1/strength`, as `analyze` and `compare`).
    let graph: Graph
    /// Number of actors.
    let n: Int
    /// Whether the model has at least two actor types (else type-based checks are skipped).
    let typed: Bool
    /// Why type-based checks are skipped, when `typed` is false.
    let typeReason: String
    /// Fragmentation, distance-weighted fragmentation and global efficiency of `graph`.
    let stats: PathStatistics
    /// Connected components of `graph`.
    let components: Components
    /// Degree and core number of each node of `graph`.
    let degree: [Int], core: [Int]
    /// Closeness (Wasserman–Faust) of each node of `graph`.
    let closeness: [Double]
    /// Burt's constraint, effective size and efficiency of each node of `graph`.
    let holes: StructuralHoleMeasures
    /// Articulation points of `graph` and bridges among the relations (`network.graph`).
    let cuts: Cuts
    /// `min(a, b) · n + max(a, b)` for every tied pair of `graph`.
    let adjacent: Set<Int>
    /// Whether removal effects and recommended ties are computed (`n ≤ maxExactActors`).
    let exact: Bool
    /// When `exact`: the one all-source pass that gives `stats`, `closeness`, the removal
    /// effects and the tie portfolio's length matrix (``NetworkAnalysis/Graph/pathTables(weighting:threads:distances:)``,
    /// bit for bit the separate computations); nil otherwise.
    let tables: PathTables?

    /// The findings so far, in detection order (``report()`` sorts them).
    var findings: [Finding] = []
    /// What could not be checked, with the reason.
    var skipped: [(kind: FindingKind, reason: String)] = []
    /// Removal effect per actor, most damaging first (empty unless `exact`).
    var removal: [ActorRemoval] = []
    /// Removal effect per node, in node order (empty unless `exact`).
    var removalByNode: [NodeRemovalEffect] = []
    /// Candidate ties by pair key (as `adjacent`), with the gaps they would close.
    var candidates: [Int: Candidate] = [:]
    /// Pair keys of `candidates` in the order they were first proposed.
    var candidateOrder: [Int] = []
    /// The tie portfolio (nil when skipped or empty).
    var portfolio: TiePortfolio?
    var candidatesEvaluated = 0
    /// The nodes of the highest k-core (set by the under-representation detector).
    var coreNodes: [Int] = []

    init(model: EcosystemModel, rules: GapRules, options: GapOptions) throws {
        self.model = model; self.rules = rules; self.options = options
        network = EcosystemNetwork(model: model, directed: false)
        // One scale everywhere: path length 1/strength with the model's strengths (Opsahl,
        // Agneessens & Skvoretz 2010), no per-network normalisation, so a network has the same
        // global efficiency here as in `analyze` and `compare`, and a scenario that adds
        // strengths does not move the baseline. With strengths above 1, global efficiency may
        // exceed 1 and DF = 1 − E fall below 0.
        graph = network.simpleGraph
        n = model.actors.count
        let usedTypes = Set(model.actors.map(\.type))
        typed = model.actorTypes.count >= 2 || usedTypes.count >= 2
        typeReason = model.actorTypes.map(\.id) == ["node"]
            ? "the model has a single actor type ('node'), as every plain edge list does"
            : "the model has fewer than two actor types"
        exact = n <= options.maxExactActors
        do {
            if exact {
                // One pass for the path statistics, closeness (undirected: from = to), the
                // removal effects and, when a portfolio is wanted, its length matrix.
                let t = try graph.pathTables(weighting: options.weighting, threads: options.threads, distances: options.ties > 0)
                tables = t
                stats = t.statistics
                closeness = t.closeness
            } else {
                tables = nil
                stats = try graph.pathStatistics(weighting: options.weighting, threads: options.threads)
                closeness = try graph.closeness(weighting: options.weighting, threads: options.threads)
            }
            holes = try graph.structuralHoles(weighting: options.weighting)
        } catch {
            throw AnalysisError.measureFailed("gaps", error)
        }
        components = graph.connectedComponents()
        degree = graph.degrees()
        core = graph.coreNumbers()
        cuts = network.graph.cuts()
        var adjacent = Set<Int>()
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
            adjacent.insert(min(a, b) * n + max(a, b))
        }
        self.adjacent = adjacent
        if case let .constraint(actor) = options.objective, model.actorIndex(actor) == nil {
            throw GapError.unknownActor(actor)
        }
    }

    // MARK: - Helpers

    func id(_ v: Int) -> String { model.actors[v].id }

    /// A selector in words, with actor names instead of ids.
    func describe(_ selector: ActorSelector) -> String {
        var named = selector
        named.ids = selector.ids.map { model.actorIndex($0).map(name(_:)) ?? $0 }
        return named.summary
    }
    func name(_ v: Int) -> String { model.actors[v].name }

    /// "A, B and C" (at most `limit` names, then "and k more").
    func list(_ nodes: [Int], limit: Int = 6) -> String {
        EnglishList.joined(nodes.prefix(limit).map(name(_:)), more: max(0, nodes.count - limit))
    }

    func isAdjacent(_ a: Int, _ b: Int) -> Bool { adjacent.contains(min(a, b) * n + max(a, b)) }

    /// The `k` best-connected nodes of a set (degree descending, then model order).
    func top(_ nodes: [Int], _ k: Int) -> [Int] {
        Array(nodes.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }.prefix(k))
    }

    /// Records a candidate tie `a – b` that would close `gap`.
    /// `rule`: the id of the rule that expects the tie, if one does.
    mutating func propose(_ a: Int, _ b: Int, closes gap: String, severity: Severity, rule: String? = nil) {
        guard a != b, !isAdjacent(a, b) else { return }
        let key = min(a, b) * n + max(a, b)
        var c = candidates[key] ?? Candidate(closes: [], severity: severity)
        if candidates[key] == nil { candidateOrder.append(key) }
        // Groups of two groupings may share a name (actor type "Intermediary", helix
        // "intermediary"): the same gap in other letters is said once.
        if !c.closes.contains(where: { $0.caseInsensitiveCompare(gap) == .orderedSame }) { c.closes.append(gap) }
        c.severity = min(c.severity, severity)
        if let rule, !c.rules.contains(rule) { c.rules.append(rule) }
        candidates[key] = c
    }

    mutating func add(_ finding: Finding) { findings.append(finding) }

    /// The key of a finding about nodes `actors`, relations and groups (see ``FindingKey``).
    func key(
        _ kind: FindingKind, _ check: String, actors: [Int] = [], relations: [String] = [], groups: [String] = [],
        rule: String? = nil
    ) -> FindingKey {
        FindingKey(kind: kind, check: check, rule: rule, actors: actors.map(id(_:)), relations: relations, groups: groups)
    }

    /// The groups of a grouping as raw values and a group index per actor
    /// (``EcosystemModel/groups(by:)``); actors without a place or helix share the group "".
    func groups(_ grouping: ActorGrouping) -> (labels: [String], index: [Int]) {
        let groups = model.groups(by: grouping.attribute)
        return (groups.values, groups.index)
    }

    /// A group's value in words (type label, place, helix sphere with spaces).
    func groupLabel(_ grouping: ActorGrouping, _ g: String) -> String { grouping.attribute.label(of: g, in: model) }

    // MARK: - Report

    func report() -> GapReport {
        let kinds = FindingKind.allCases
        let ordered = findings.enumerated().sorted { a, b in
            let ka = kinds.firstIndex(of: a.element.kind)!, kb = kinds.firstIndex(of: b.element.kind)!
            if ka != kb { return ka < kb }
            // Recommended ties keep their ranking; other kinds list the most serious first.
            if a.element.kind != .recommendedTie && a.element.severity != b.element.severity {
                return a.element.severity < b.element.severity
            }
            return a.offset < b.offset
        }.map(\.element)
        return GapReport(
            model: model, options: options, rules: rules,
            baseline: [
                Evidence("components", Double(components.count), of: "network"),
                Evidence("largest_component", Double(components.largest.map { components.sizes[$0] } ?? 0), of: "network"),
                Evidence("fragmentation", stats.fragmentation, of: "network"),
                Evidence("distance_weighted_fragmentation", stats.distanceWeightedFragmentation, of: "network"),
                Evidence("global_efficiency", stats.globalEfficiency, of: "network"),
                Evidence("articulation_points", Double(cuts.articulationPoints.count), of: "network"),
                Evidence("bridges", Double(cuts.bridges.count), of: "network"),
            ],
            findings: ordered, skipped: skipped, removal: removal, portfolio: portfolio,
            candidatesEvaluated: candidatesEvaluated)
    }
}
