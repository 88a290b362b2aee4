import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation

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
            for actors a scenario adds or removes). Tables name actors by name (CSV and JSON key \
            them by id). The numbers are those `ecomap analyze` gives \
            for the changed model, with the same options; the diagrams' node sizes are the same \
            numbers. -o never writes over the model, a scenario, a file a scenario extends or \
            the rules.

            On a terminal the table format fits the terminal's width (COLUMNS, else the terminal's own width, else 100): wide \
            tables wrap their cells or fold into one block per row, and findings of one shape \
            that appear or disappear together are folded into one line. Written to a file or a \
            pipe, it keeps every line whole, as scripts expect.

            Two observed networks: when the second argument is a model (any format ecomap \
            reads; not a scenario file), `ecomap compare A B` compares the two models with the \
            same indicators, ranks, findings and --diagrams. Actors are matched by id, or by \
            name with --match name for models built separately; ties by their two actors and \
            type. Actors that could not be matched are listed. Each model's numbers are those \
            `ecomap analyze` gives for it alone.
            """
    )

    @Argument(help: "The baseline model (YAML or JSON).")
    var model: String

    @Argument(help: "Scenario files, compared in the order given; or one second model (two observed networks).")
    var scenarios: [String]

    @Option(name: .long, help: "With a second model: match actors by id (default) or by name (for separately built models).")
    var match: ModelMatch.Key = .id

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Node measures compared per actor (comma-separated).", valueName: "list"))
    var measures: [String] = [ScenarioComparison.defaultMeasures.joined(separator: ",")]

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Network indicators (comma-separated network measures).", valueName: "list"))
    var indicators: [String] = [ScenarioComparison.defaultIndicators.joined(separator: ",")]

    @OptionGroup var input: GraphInputOptions

    @Option(name: .long, help: "Output format: table, markdown, html (a fragment), csv or json.")
    var format: ComparisonFormat = .table

    @OptionGroup var seed: SeedOption

    @OptionGroup var output: OutputFileOption

    @Option(name: .long, help: ArgumentHelp(
        "Also write diagrams into this folder: <scenario>-diff.svg per scenario (drawn on the baseline's positions: added in green, removed dashed in vermillion, changed in blue) and small-multiples.svg (baseline and scenarios side by side).",
        valueName: "folder"))
    var diagrams: String?

    @OptionGroup var size: SizeByOption

    @OptionGroup var pageOptions: PageOptions

    @OptionGroup var rules: RulesOptions

    @Flag(name: .long, help: "Leave out the gap findings (which appear, which disappear).")
    var noFindings = false

    @OptionGroup var portfolio: TiesOption

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
        _ = try measureNames(measures, level: .node, option: "--measures")
        _ = try measureNames(indicators, level: .network, option: "--indicators")
    }

    func run() throws {
        let files = RunFiles()
        let baseline = try loadGraph(model, directed: input.directed, lenient: input.lenient, at: input.at, files: files)
        let gapRules = noFindings ? nil : try rules.load(for: baseline, modelPath: model, files: files).rules
        let secondModel = scenarios.count == 1 && GraphInput.isModel(scenarios[0])
        if !secondModel, scenarios.contains(where: GraphInput.isModel) {
            throw ValidationError("compare takes one second model, or scenario files: \(scenarios.first(where: GraphInput.isModel)!) is a model")
        }
        var unmatched = ""
        let compared: ComparedScenarios
        if secondModel {
            let other = try loadGraph(scenarios[0], directed: input.directed, lenient: input.lenient, at: input.at, files: files)
            let result = try CompareJob.run(
                first: baseline, second: other, match: match,
                measures: try measureNames(measures, level: .node, option: "--measures"),
                indicators: try measureNames(indicators, level: .network, option: "--indicators"),
                analysis: AnalysisOptions(directed: input.directed, weighting: input.weight, seed: seed.seed),
                rules: gapRules, ties: portfolio.ties)
            compared = result.compared
            unmatched = CompareJob.unmatchedText(result.match, first: baseline, key: match, format: format)
            if format == .csv || format == .json {
                note("actors matched by \(match.rawValue); only in \(baseline.name): \(result.match.onlyInFirst.joined(separator: ", ")); only in \(result.match.other.name): \(result.match.onlyInSecond.joined(separator: ", "))")
            }
        } else {
            compared = try CompareJob.run(
            baseline: baseline, modelPath: model, scenarioPaths: scenarios,
            measures: try measureNames(measures, level: .node, option: "--measures"),
            indicators: try measureNames(indicators, level: .network, option: "--indicators"),
            analysis: AnalysisOptions(directed: input.directed, weighting: input.weight, seed: seed.seed),
            rules: gapRules, ties: portfolio.ties, files: files)
        }
        let toTerminal = (output.output == nil || output.output == "-") && Terminal.isStandardOutput
        let text = try CompareJob.text(compared.comparison, format: format, width: toTerminal ? Terminal.width : nil) + unmatched
        if let diagrams {
            var request = MapRequest()
            try pageOptions.apply(to: &request, files: files)
            var style = DiagramOptions()
            style.page = request.page
            if let background = request.background { style.theme.background = background }
            let kept = request.keptPositions
            let drawn = try drawing(model) { try CompareJob.diagrams(compared, sizeBy: size.measure, style: style, kept: kept) }
            PageOptions.warn(drawn.pageWarnings)
            pageOptions.report(placed: drawn.placed, hasLayout: true)
            let folder = URL(fileURLWithPath: diagrams, isDirectory: true)
            let targets = drawn.files.map { (url: folder.appendingPathComponent($0.name), data: Data($0.svg)) }
                + pageOptions.outputs(drawn.positions, files: files)
            // Every output, the comparison's included, is checked before the first is written.
            if let path = output.output, path != "-" { try files.checkOutput(URL(fileURLWithPath: path)) }
            try files.write(targets)
            for target in targets { note("wrote \(target.url.relativePath)") }
        }
        try output.emit(text, files: files)
    }
}

extension ComparisonFormat: ExpressibleByArgument {}
extension ModelMatch.Key: ExpressibleByArgument {}
