import ArgumentParser
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

    @Option(name: .long, help: "Rules file (YAML/JSON; see Datasets/RULES.md).")
    var rules: String?

    @Flag(name: .long, help: "Do not use a rules.yaml found next to the model.")
    var noRules = false

    @Option(name: .long, help: "Output format: md, json or table.")
    var format: GapsFormat = .md

    @Option(name: .long, help: ArgumentHelp(
        "What recommended ties are ranked by: fragmentation, efficiency (global efficiency), or constraint (of --actor).",
        valueName: "fragmentation|efficiency|constraint"))
    var objective: ObjectiveName = .efficiency

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

    @Option(name: .long, help: ArgumentHelp(
        "How to read weights: strength (path length 1/w), distance (path length w), none (all 1).",
        valueName: "strength|distance|none"))
    var weight: EdgeWeighting = .strength

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    enum GapsFormat: String, ExpressibleByArgument, CaseIterable { case md, json, table }
    enum ObjectiveName: String, ExpressibleByArgument, CaseIterable { case fragmentation, efficiency, constraint }

    func validate() throws {
        if objective == .constraint && actor == nil { throw ValidationError("--objective constraint needs --actor ID") }
        if objective != .constraint && actor != nil { throw ValidationError("--actor is only used with --objective constraint") }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
        guard tieWeight.isFinite, tieWeight > 0 else { throw ValidationError("--tie-weight must be a positive number") }
        if rules != nil && noRules { throw ValidationError("--rules and --no-rules exclude each other") }
    }

    func run() throws {
        let ecosystem = try loadGraphInput(model, directed: false)
        let gapRules = try loadGapRules(model: model, for: ecosystem, rules: rules, noRules: noRules).rules
        let goal: GapObjective
        switch objective {
        case .fragmentation: goal = .fragmentation
        case .efficiency: goal = .globalEfficiency
        case .constraint:
            guard let actor, ecosystem.actorIndex(actor) != nil else {
                throw ValidationError("--actor \(actor ?? ""): no such actor in \(model)")
            }
            goal = .constraint(actor: actor)
        }
        let options = GapOptions(weighting: weight, objective: goal, top: top, predictor: predictor, newTieWeight: tieWeight)
        let report = try GapAnalyzer.analyze(ecosystem, rules: gapRules, options: options)
        let text: String
        switch format {
        case .md: text = GapsWriter.markdown(report)
        case .json: text = try GapsWriter.json(report)
        case .table: text = GapsWriter.table(report)
        }
        if let output {
            try writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: output))
            note("wrote \(output)")
        } else {
            try writeStandardOutput(text)
        }
    }

}

/// The gap rules for `ecosystem` (``gapRulesPath(model:rules:noRules:)``; no rules when
/// there is no file), and the path they were read from.
func loadGapRules(model: String, for ecosystem: EcosystemModel, rules: String?, noRules: Bool) throws -> (rules: GapRules, path: String?) {
    guard let path = try gapRulesPath(model: model, rules: rules, noRules: noRules) else { return (GapRules(), nil) }
    return (try RulesLoader.load(contentsOf: URL(fileURLWithPath: path), for: ecosystem), path)
}

/// `--rules`, or a `rules.yaml` next to a YAML/JSON model unless `noRules` (shared by `gaps`
/// and `render --overlay gaps`); says on standard error which file is used.
func gapRulesPath(model: String, rules: String?, noRules: Bool) throws -> String? {
    if let rules {
        _ = try inputFile(rules, what: "rules file")
        return rules
    }
    guard !noRules, ModelLoader.modelExtensions.contains(URL(fileURLWithPath: model).pathExtension.lowercased()) else { return nil }
    let sibling = URL(fileURLWithPath: model).deletingLastPathComponent().appendingPathComponent("rules.yaml")
    guard FileManager.default.fileExists(atPath: sibling.path) else { return nil }
    let folder = (model as NSString).deletingLastPathComponent
    let shown = folder.isEmpty ? "rules.yaml" : folder + "/rules.yaml"
    note("using rules \(shown) (--no-rules to ignore)")
    InputFiles.record(sibling.path)
    return shown
}

extension LinkPredictor: ExpressibleByArgument {}
