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
            1/strength. Recommended ties are candidates that close the gaps found, ranked by their \
            exact effect on --objective (recomputed, not estimated), then by the link-prediction \
            score (--predictor). MODEL may be a CSV edge list; the kinds that need actor types are \
            then skipped, and the output says why.
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var model: String

    @OptionGroup var rules: RulesOptions

    @Option(name: .long, help: "Output format: md, json or table.")
    var format: GapsFormat = .md

    @Option(name: .long, help: ArgumentHelp(
        "What recommended ties are ranked by: fragmentation, efficiency (global efficiency), or constraint (of --actor).",
        valueName: "fragmentation|efficiency|constraint"))
    var objective: GapObjectiveName = .efficiency

    @Option(name: .long, help: "Actor id whose constraint the constraint objective lowers.")
    var actor: String?

    @Option(name: .long, help: "How many recommended ties to list.")
    var top: Int = 5

    @Option(name: .long, help: ArgumentHelp(
        "Link-prediction score that breaks ties between equally good candidates: \(LinkPredictor.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "name"))
    var predictor: LinkPredictor = .adamicAdar

    @Option(name: .long, help: "Tie strength of a recommended tie, in the model's weight units.")
    var tieWeight: Double = 1

    @OptionGroup var weight: WeightOption

    @OptionGroup var egoNetwork: EgoOptions

    @OptionGroup var date: DateOption

    @OptionGroup var output: OutputFileOption


    func validate() throws {
        if objective == .constraint && actor == nil { throw ValidationError("--objective constraint needs --actor ID") }
        if objective != .constraint && actor != nil { throw ValidationError("--actor is only used with --objective constraint") }
        guard (0...WorkLimits.maxListed).contains(top) else { throw ValidationError("--top must be in 0...\(WorkLimits.maxListed)") }
        guard tieWeight.isFinite, tieWeight > 0 else { throw ValidationError("--tie-weight must be a positive number") }
    }

    func run() throws {
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
        let options = GapOptions(weighting: weight.weight, objective: goal, top: top, predictor: predictor, newTieWeight: tieWeight)
        let text = try GapsJob.run(ecosystem, rules: gapRules, options: options, format: format).text
        try output.emit(text, files: files, announce: true)
    }
}

extension LinkPredictor: ExpressibleByArgument {}
extension GapsFormat: ExpressibleByArgument {}
extension GapObjectiveName: ExpressibleByArgument {}
