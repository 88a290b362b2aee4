import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import Foundation
import NetworkAnalysis

/// `ecomap gaps`: findings a strategist can act on and a researcher can check.
struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the gaps of an ecosystem: fragmentation, single points of failure, brokers, missing ties, recommended ties.",
        discussion: """
            Eight kinds of finding, each with a severity, the actors and relations involved, the \
            evidence (numbers and the measure they come from) and one plain sentence: \
            \(FindingKind.allCases.map(\.rawValue).joined(separator: ", ")).

            RULES (Datasets/RULES.md) state what is expected: the composition by actor type, ties \
            every actor of some kind should have, which actors are the municipality. Without \
            --rules, a rules.yaml next to a YAML/JSON model is used (say --no-rules to ignore it).

            Ties are read as undirected, parallel relations merged (strengths summed), path length \
            1/strength with the model's strengths (Opsahl et al. 2010), the same scale as analyze \
            and compare, so a network has the same global efficiency in all three.

            The output starts with a briefing ("Where to start"): the few things to act on, each \
            ending with the kind of finding behind it (give that to --kind for the details). On \
            a terminal the default --format is text: plain text wrapped to the terminal's width \
            (COLUMNS, else the terminal's own width, else 100). Written to a file or a pipe, the default stays md (Markdown, \
            with the evidence of every finding), as scripts expect. table is a row per finding, \
            wrapped to the same width; json lists every finding, unfolded, and the briefing. \
            Findings of one shape (pairs of groups with no direct tie, violations of one rule) \
            are folded into one finding that lists its members (in text, table and md).

            TIE PORTFOLIO: the recommended ties are the best set of --ties new ties (default 3) \
            for --objective, chosen as a set: built greedily, then improved by swapping one tie \
            at a time until no swap improves it, each set evaluated exactly on the network with \
            all its ties added. Only plausible pairs are candidates: pairs a rule expects, pairs \
            that bridge groups (actor types, communities, components) with no tie between them, \
            and pairs with a positive link-prediction score (--predictor; a shared contact). \
            Each tie says which filter admitted it, its marginal gain given the ties before it, \
            and the set its combined effect; a tiny effect (under 1%) is said plainly.

            MODEL may be a CSV edge list; the kinds that need actor types are then skipped, and \
            the output says why.
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var model: String

    @OptionGroup var rules: RulesOptions

    @Option(name: .long, help: ArgumentHelp(
        "Output format: text (wrapped plain text; the default on a terminal), md (Markdown; the default otherwise), json or table.",
        valueName: "text|md|json|table"))
    var format: GapsFormat?

    @OptionGroup var filter: FindingFilterOptions

    @Option(name: .long, help: ArgumentHelp(
        "What the tie portfolio optimises: efficiency (global efficiency, how close actors are), fragmentation (pairs that cannot reach each other), components (separate pieces joined), weakest-group (reach of the least-connected actor type), or constraint (of --actor).",
        valueName: "efficiency|fragmentation|components|weakest-group|constraint"))
    var objective: GapObjectiveName = .efficiency

    @Option(name: .long, help: "Actor id whose constraint the constraint objective lowers.")
    var actor: String?

    @OptionGroup var portfolio: TiesOption

    @Option(name: .long, help: ArgumentHelp(
        "Link-prediction score that admits candidates (positive: a shared contact) and orders them: \(LinkPredictor.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "name"))
    var predictor: LinkPredictor = .adamicAdar

    @Option(name: .long, help: "Tie strength of a recommended tie, in the model's weight units.")
    var tieWeight: Double = 1

    @OptionGroup var weight: WeightOption

    @OptionGroup var egoNetwork: EgoOptions

    @OptionGroup var date: DateOption

    @OptionGroup var output: OutputFileOption

    @OptionGroup(title: "Long runs") var control: RunControlOptions

    func validate() throws {
        if objective == .constraint && actor == nil { throw ValidationError("--objective constraint needs --actor ID") }
        if objective != .constraint && actor != nil { throw ValidationError("--actor is only used with --objective constraint") }
        guard tieWeight.isFinite, tieWeight > 0 else { throw ValidationError("--tie-weight must be a positive number") }
    }

    func run() throws {
        let watch = control.watch("the gap analysis")
        defer { watch.disarm() }
        let monitor = control.monitor("gaps", steps: GapAnalyzer.steps)
        let files = RunFiles()
        let whole = try loadGraph(model, directed: false, at: date.date, files: files)
        // Rules are checked against the whole model: with --ego they may name actors outside it.
        let gapRules = try rules.load(for: whole, modelPath: model, files: files).rules
        let ecosystem = try egoNetwork.apply(to: whole)
        let goal: GapObjective
        do {
            goal = try GapsJob.objective(objective, actor: actor, in: ecosystem)
        } catch {
            throw ValidationError("--actor: \(error.description)")
        }
        let options = GapOptions(weighting: weight.weight, objective: goal, ties: portfolio.ties, predictor: predictor, newTieWeight: tieWeight)
        let toTerminal = (output.output == nil || output.output == "-") && Terminal.isStandardOutput
        let chosen = format ?? (toTerminal ? .text : .md)
        let kept = try filter.filter()
        var text = try control.run {
            try GapsJob.run(ecosystem, rules: gapRules, options: options, format: chosen, filter: kept, width: Terminal.width, monitor: monitor).text
        }
        if chosen == .text {
            text += "\n" + PlainText.wrap(
                "More: --format md for the evidence of each finding (or json); --kind KIND and --min-severity medium to narrow the list; "
                    + "ecomap report \(model) for a report to share.", width: Terminal.width).joined(separator: "\n") + "\n"
        }
        watch.disarm()
        try output.emit(text, files: files, announce: true)
    }
}

extension LinkPredictor: ExpressibleByArgument {}
extension GapsFormat: ExpressibleByArgument {}
extension GapObjectiveName: ExpressibleByArgument {}
