import Ecosystem
import NetworkAnalysis

/// Turns the measures into findings a strategist can read and a researcher can check:
/// see ``analyze(_:rules:options:)``.
///
/// Where things are (`Sources/EcosystemAnalysis/Gaps/`): the public types (``Finding``,
/// ``FindingKey``, ``FindingKind``, ``Severity``, ``Evidence``, ``GapOptions``, ``GapReport``, ...)
/// one per file; `GapContext.swift`, the measures computed once per run and the helpers every
/// detector uses (names, lists, candidate ties); `GapThresholds.swift`, the fixed thresholds;
/// and `Detectors/`, one file per kind of finding. A new kind of finding is a case of
/// ``FindingKind``, a file in `Detectors/` extending `GapContext`, a call in
/// ``analyze(_:rules:options:)``, and its rules in `Datasets/RULES.md`.
public enum GapAnalyzer {
    /// The gap analysis of `model`.
    ///
    /// The network is read **undirected** (who is tied to whom), with parallel relations merged
    /// into one tie of summed strength (``EcosystemNetwork/simpleGraph``) and path lengths from
    /// ``GapOptions/weighting`` (default `1/strength`). Two checks use relation direction:
    /// reachability of the municipality, and nothing else. Bridges are computed on the
    /// relations themselves, so a doubled tie is not a bridge.
    ///
    /// The kinds and their conventions (severity rules included) are documented in
    /// `Datasets/RULES.md`, "What the findings mean". Kinds that need actor types (composition,
    /// openness, pairs of groups, rules selecting by type or helix) are skipped when the model
    /// has fewer than two actor types, as a plain edge list does; ``GapReport/skipped`` says so.
    ///
    /// - Parameters:
    ///   - model: a validated model or a loaded edge list.
    ///   - rules: the expectations (``RulesLoader``); empty rules check only what needs none.
    ///   - options: weighting, objective and size k of the tie portfolio, link predictor, ...
    /// - Returns: the report.
    /// - Throws: ``AnalysisError/measureFailed(_:_:)`` when a weight cannot be used (e.g.
    ///   ``GraphError/invalidWeight(edge:value:reason:)``), and
    ///   ``GapError/unknownActor(_:)`` for a constraint objective naming no actor.
    /// - Complexity: `O(n³ + n² m log n)` at worst for the removal effects; the tie portfolio
    ///   `O(k c n²)` for greedy over `c ≤` ``GapOptions/maxCandidates`` candidates and
    ///   `O(k (k + c) n²)` per swap round; both skipped above ``GapOptions/maxExactActors``.
    ///
    /// References (formulas and conventions in the `NetworkAnalysis` functions used):
    /// fragmentation and distance-weighted fragmentation, Borgatti 2006, Comput. Math. Organ.
    /// Theory 12:21–34, doi:10.1007/s10588-006-7084-x (``Graph/pathStatistics(weighting:threads:)``);
    /// global efficiency, Latora & Marchiori 2001, Phys. Rev. Lett. 87:198701,
    /// doi:10.1103/PhysRevLett.87.198701; articulation points, Hopcroft & Tarjan 1973,
    /// doi:10.1145/362248.362272, and bridges, Tarjan 1974, doi:10.1016/0020-0190(74)90003-9
    /// (``Graph/cuts()``); constraint and effective size, Burt 1992, *Structural Holes*,
    /// Harvard University Press (``Graph/structuralHoles(weighting:)``); brokerage roles,
    /// Gould & Fernandez 1989, doi:10.2307/270949 (``Graph/brokerage(groups:)``); E-I index,
    /// Krackhardt & Stern 1988, doi:10.2307/2786835 (``Graph/eiIndex(groups:weighting:)``);
    /// core numbers, Seidman 1983, doi:10.1016/0378-8733(83)90028-X (``Graph/coreNumbers()``);
    /// link prediction (a candidate filter of the tie portfolio), Liben-Nowell & Kleinberg 2007,
    /// doi:10.1002/asi.20591 (``LinkPredictor``); the portfolio search
    /// (``NetworkAnalysis/Graph/bestEdgeSet(adding:count:weight:weighting:objective:maxSwapRounds:threads:)``);
    /// distance = 1/strength, Opsahl, Agneessens & Skvoretz 2010, Social Networks 32:245–251,
    /// doi:10.1016/j.socnet.2010.03.006.
    public static func analyze(_ model: EcosystemModel, rules: GapRules = GapRules(), options: GapOptions = GapOptions()) throws -> GapReport {
        try analyze(model, rules: rules, options: options, monitor: .none)
    }

    /// The steps of ``analyze(_:rules:options:monitor:)``, in order, as a monitor counts them
    /// (the measures, then one step per detector).
    public static let steps = ["measures", "fragmentation", "single points of failure", "brokers", "under-representation",
                               "missing ties", "openness", "peripheral actors", "tie portfolio"]

    /// ``analyze(_:rules:options:)`` watched by `monitor`: a unit of work is one of ``steps``;
    /// the monitor hears of each step done (0 before the first) and may stop the analysis
    /// between steps.
    /// - Parameter monitor: progress and stop check (``NetworkAnalysis/WorkMonitor``).
    /// - Throws: as ``analyze(_:rules:options:)``, and ``GraphError/stopped(algorithm:done:total:)``
    ///   when the monitor stopped it (no partial report).
    public static func analyze(_ model: EcosystemModel, rules: GapRules = GapRules(), options: GapOptions = GapOptions(),
                               monitor: WorkMonitor) throws -> GapReport {
        let total = steps.count
        func step(_ done: Int) throws {
            if monitor.checkpoint(done, of: total), done < total {
                throw GraphError.stopped(algorithm: "the gap analysis", done: done, total: total)
            }
        }
        try step(0)
        var context = try GapContext(model: model, rules: rules, options: options)
        try step(1)
        context.fragmentation()
        try step(2)
        try context.singlePointsOfFailure()
        try step(3)
        try context.brokers()
        try step(4)
        context.underRepresentation()
        try step(5)
        context.missingTies()
        try step(6)
        try context.openness()
        try step(7)
        try context.peripheral()
        try step(8)
        try context.recommendTies()
        try step(9)
        return context.report()
    }
}

/// Errors of the gap analysis.
public enum GapError: Error, CustomStringConvertible, Equatable {
    /// ``GapObjective/constraint(actor:)`` names an actor id (the associated value) that the
    /// model does not have.
    case unknownActor(String)

    /// A one-line English message naming the actor id.
    public var description: String {
        switch self {
        case let .unknownActor(id): return "the constraint objective names unknown actor '\(id)'"
        }
    }
}
