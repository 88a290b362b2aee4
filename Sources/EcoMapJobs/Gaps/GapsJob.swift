import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import NetworkAnalysis

/// The formats of a gap report.
public enum GapsFormat: String, CaseIterable, Sendable {
    /// Plain text wrapped to a width, the briefing first (what a terminal shows by default).
    case text
    /// Markdown, one section per kind of finding.
    case md
    /// JSON with every finding, its evidence and the recommended ties.
    case json
    /// A row per (folded) finding, `kind  severity  finding`, wrapped to a width.
    case table
}

/// What the tie portfolio optimises, as the user names it.
public enum GapObjectiveName: String, CaseIterable, Sendable {
    /// Fragmentation (Borgatti 2006): lower is better.
    case fragmentation
    /// Global efficiency (Latora & Marchiori 2001): higher is better.
    case efficiency
    /// The number of components: lower is better.
    case components
    /// The reach (mean efficiency) of the least-connected actor type: higher is better.
    case weakestGroup = "weakest-group"
    /// The constraint of one actor (Burt 1992): lower is better.
    case constraint
}

/// `gaps`: the findings of one model.
public enum GapsJob {
    /// The objective `name` names, checked against the model.
    /// - Parameters:
    ///   - name: the objective.
    ///   - actor: the actor whose constraint the constraint objective lowers (required by it,
    ///     refused by the others).
    ///   - model: the model.
    /// - Returns: the objective.
    /// - Throws: ``JobError`` when the actor is missing, given without need, or not in the model.
    public static func objective(_ name: GapObjectiveName, actor: String?, in model: EcosystemModel) throws(JobError) -> GapObjective {
        switch name {
        case .fragmentation, .efficiency, .components, .weakestGroup:
            if actor != nil { throw JobError("an actor is only used with the constraint objective") }
            switch name {
            case .fragmentation: return .fragmentation
            case .components: return .components
            case .weakestGroup: return .weakestGroup
            default: return .globalEfficiency
            }
        case .constraint:
            guard let actor else { throw JobError("the constraint objective needs an actor id") }
            guard model.actorIndex(actor) != nil else {
                let hint = Suggestions.likelyMeant(actor, in: model.actors.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                throw JobError("no actor '\(actor)' in the model\(hint)")
            }
            return .constraint(actor: actor)
        }
    }

    /// Analyses `model` and writes the findings in `format`.
    /// - Parameters:
    ///   - model: the model.
    ///   - rules: the gap rules.
    ///   - options: weighting, objective, number of portfolio ties, predictor, new tie strength.
    ///   - format: the output format.
    ///   - filter: which findings to keep (severity, kinds); default all. The briefing is
    ///     chosen from the kept findings.
    ///   - width: the longest line of `text` and `table` (``PlainText/defaultWidth`` by default).
    ///   - monitor: progress over ``EcosystemAnalysis/GapAnalyzer/steps`` and a stop check.
    /// - Returns: the report (filtered) and its text.
    /// - Throws: ``EcosystemAnalysis/GapError``; a writer's error for JSON;
    ///   ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)`` when the monitor stopped it.
    public static func run(
        _ model: EcosystemModel, rules: GapRules, options: GapOptions, format: GapsFormat,
        filter: FindingFilter = FindingFilter(), width: Int = PlainText.defaultWidth, monitor: WorkMonitor = .none
    ) throws -> (report: GapReport, text: String) {
        let report = try GapAnalyzer.analyze(model, rules: rules, options: options, monitor: monitor).filtered(filter)
        switch format {
        case .text: return (report, GapsWriter.text(report, width: width))
        case .md: return (report, GapsWriter.markdown(report) + "\n" + (try KeyPlayersJob.gapsSection(model)))
        case .json: return (report, try GapsWriter.json(report))
        case .table: return (report, GapsWriter.table(report, width: width))
        }
    }
}
