import ArgumentParser
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import NetworkAnalysis

/// `ecomap compare`: a baseline model and what-if scenarios side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a model with what-if scenarios: indicators, per-actor values and ranks, changes.",
        discussion: """
            Each SCENARIO is a scenario file (YAML/JSON, see Datasets/SCENARIOS.md): changes to the \
            model (add or remove actors and relations, change weights, types or attributes, merge \
            actors, remove every relation of a type or every actor matching a filter). A scenario \
            may build on another one with 'extends'. The model is loaded once; every scenario is \
            applied to it in memory.

            For the baseline and every scenario: the network indicators (--indicators) and their \
            change; for every measure (--measures) each actor's value, its rank (1 = highest; tied \
            values share a rank) and its rank change (positive: the actor rises; 'new' and 'gone' \
            for actors a scenario adds or removes). The numbers are those `ecomap analyze` gives \
            for the changed model, with the same options.
            """
    )

    @Argument(help: "The baseline model (YAML or JSON).")
    var model: String

    @Argument(help: "Scenario files, compared in the order given.")
    var scenarios: [String]

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Node measures compared per actor (comma-separated).", valueName: "list"))
    var measures: [String] = [ScenarioComparison.defaultMeasures.joined(separator: ",")]

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Network indicators (comma-separated network measures).", valueName: "list"))
    var indicators: [String] = [ScenarioComparison.defaultIndicators.joined(separator: ",")]

    @OptionGroup var input: GraphInputOptions

    @Option(name: .long, help: "Output format: table, markdown, html (a fragment), csv or json.")
    var format: ComparisonFormat = .table

    @Option(name: .long, help: "Seed for Leiden (modularity) and Louvain.")
    var seed: UInt64 = 1

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "Also write diagrams into this folder: <scenario>-diff.svg per scenario (drawn on the baseline's positions: added in green, removed dashed in vermillion, changed in blue) and small-multiples.svg (baseline and scenarios side by side).",
        valueName: "folder"))
    var diagrams: String?

    @Option(name: .long, help: "Node measure that sets node size in the diagrams ('none' for equal sizes).")
    var sizeBy: String = "betweenness"

    @Option(name: .long, help: "Rules file for the gap findings (YAML/JSON; see Datasets/RULES.md); default: rules.yaml next to the model.")
    var rules: String?

    @Flag(name: .long, help: "Do not use a rules.yaml found next to the model.")
    var noRules = false

    @Flag(name: .long, help: "Leave out the gap findings (which appear, which disappear).")
    var noFindings = false

    enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, html, csv, json
    }

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
        _ = try names(measures, level: .node, option: "--measures")
        _ = try names(indicators, level: .network, option: "--indicators")
        if sizeBy != "none", MeasureCatalog.named(sizeBy)?.level != .node {
            throw ValidationError("--size-by '\(sizeBy)' is not a node measure")
        }
    }

    func names(_ values: [String], level: MeasureLevel, option: String) throws -> [String] {
        let list = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let valid = MeasureCatalog.all.filter { $0.level == level }.map(\.name)
        for name in list where !valid.contains(name) {
            throw ValidationError("\(option): '\(name)' is not a \(level.rawValue)-level measure; valid: \(valid.joined(separator: ", "))")
        }
        return list
    }

    func run() throws {
        let baseline = try ModelLoader.load(contentsOf: URL(fileURLWithPath: model))
        let rules = noFindings ? nil : try loadGapRules(model: model, for: baseline, rules: self.rules, noRules: noRules).rules
        let (changed, comparison) = try ScenarioSupport.compare(
            baseline: baseline, modelPath: model, scenarioPaths: scenarios,
            measures: try names(measures, level: .node, option: "--measures"),
            indicators: try names(indicators, level: .network, option: "--indicators"),
            options: AnalysisOptions(directed: input.directed, weighting: input.weight, seed: seed), rules: rules)
        let text: String
        switch format {
        case .table: text = ComparisonWriter.text(comparison, style: .text)
        case .markdown: text = ComparisonWriter.text(comparison, style: .markdown)
        case .html: text = ComparisonWriter.text(comparison, style: .html)
        case .csv: text = try ComparisonWriter.csv(comparison)
        case .json: text = try ComparisonWriter.json(comparison)
        }
        if let diagrams { try writeDiagrams(baseline: baseline, scenarios: changed, folder: diagrams) }
        if let output {
            try writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: output))
        } else {
            try writeStandardOutput(text)
        }
    }

    func writeDiagrams(baseline: EcosystemModel, scenarios: [EcosystemModel], folder: String) throws {
        let diagrams = try ScenarioSupport.diagrams(baseline: baseline, scenarios: scenarios, measure: sizeBy == "none" ? nil : sizeBy)
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        for (name, svg) in diagrams.files {
            let file = url.appendingPathComponent(name)
            try writeAtomically(Data(svg), to: file)
            note("wrote \(file.relativePath)")
        }
    }
}

/// Loading, applying and comparing scenarios, shared by `compare` and `report`.
enum ScenarioSupport {
    /// Applies every scenario at `scenarioPaths` to `baseline` (read from `modelPath`) and
    /// compares them: what `ecomap compare` prints and `ecomap report` shows.
    ///
    /// - Parameter rules: the gap rules for the findings that appear or disappear; `nil`
    ///   leaves the findings out.
    static func compare(
        baseline: EcosystemModel, modelPath: String, scenarioPaths: [String],
        measures: [String] = ScenarioComparison.defaultMeasures, indicators: [String] = ScenarioComparison.defaultIndicators,
        options: AnalysisOptions, rules: GapRules?
    ) throws -> (scenarios: [EcosystemModel], comparison: ScenarioComparison) {
        let changed = try scenarioPaths.map { try apply($0, to: baseline, modelPath: modelPath) }
        // Scenario names key the comparison's columns, JSON objects and diagram files.
        var seen: [String: String] = [:]
        for (path, scenario) in zip(scenarioPaths, changed) {
            if let first = seen[scenario.name] {
                throw CommandError("two scenarios are named '\(scenario.name)' (\(first) and \(path)); scenario names must be unique in one comparison")
            }
            seen[scenario.name] = path
        }
        let comparison = try ScenarioComparison.compare(
            baseline: baseline, scenarios: changed, measures: measures, indicators: indicators, options: options,
            findings: rules.map { findings(rules: $0, weighting: options.weighting) })
        return (changed, comparison)
    }

    /// Gap findings per network (``GapAnalyzer``, the same rules and options for every network).
    static func findings(rules: GapRules, weighting: EdgeWeighting) -> @Sendable (EcosystemModel, MetricsTable) throws -> [ComparedFinding] {
        let options = GapOptions(weighting: weighting)
        return { model, _ in ScenarioComparison.findings(from: try GapAnalyzer.analyze(model, rules: rules, options: options)) }
    }

    /// The diagrams of a comparison on shared positions: `<scenario>-diff.svg` per scenario and
    /// `small-multiples.svg`, in that order.
    ///
    /// - Parameters:
    ///   - measure: node-size measure, or `nil` for equal sizes.
    ///   - idPrefix: prefix of every element id (for inlining several in one page); the diff of
    ///     scenario `k` (from 1) gets `<idPrefix>diff<k>-`, the small multiples `<idPrefix>sm-`.
    static func diagrams(
        baseline: EcosystemModel, scenarios: [EcosystemModel], measure: String?, idPrefix: String = ""
    ) throws -> (files: [(name: String, svg: [UInt8])], positions: [String: ScenarioDiagram.Point]) {
        let positions = try ScenarioDiagram.positions(baseline: baseline, scenarios: scenarios)
        var files: [(name: String, svg: [UInt8])] = []
        for (k, scenario) in scenarios.enumerated() {
            let svg = try ScenarioDiagram.svg(
                baseline: baseline, scenario: scenario, positions: positions, measure: measure,
                idPrefix: idPrefix.isEmpty ? "" : "\(idPrefix)diff\(k + 1)-")
            files.append(("\(DOTText.identifier(scenario.name, prefix: ""))-diff.svg", svg))
        }
        let multiples = try ScenarioDiagram.smallMultiples(
            baseline: baseline, scenarios: scenarios, positions: positions, measure: measure,
            idPrefix: idPrefix.isEmpty ? "" : "\(idPrefix)sm-")
        files.append(("small-multiples.svg", Array(multiples.utf8)))
        return (files, positions)
    }

    /// Loads the scenario at `path` with what it builds on, checks that it is written for the
    /// model at `modelPath` (when it names a base), and applies it to `baseline`.
    static func apply(_ path: String, to baseline: EcosystemModel, modelPath: String) throws -> EcosystemModel {
        _ = try inputFile(path, what: "scenario file")
        let chain = try ScenarioLoader.loadChain(contentsOf: URL(fileURLWithPath: path))
        if let base = chain.basePath, canonical(base) != canonical(modelPath) {
            throw CommandError("scenario '\(chain.scenario.name)' (\(path)) is written for the model \(base), not \(modelPath)")
        }
        return try chain.apply(to: baseline)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
