import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import Foundation

/// `ecomap report`: a self-contained HTML report and a Markdown report with the maps beside it.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a report bundle: report.html (self-contained) and report.md with its SVG maps.",
        discussion: """
            Writes <output>/<model name>/report.html, in reading order: the key figures \
            (actors, relations, ties, components, density, global efficiency, gap findings by \
            severity), the map and the map by Leiden community \
            (SVG inline), the gap findings (as \
            `ecomap gaps`, with RULES: a rules.yaml next to the model unless --no-rules) with the \
            gap overlay map, the scenario comparison when --scenario files are given (as \
            `ecomap compare`, with a diff diagram per scenario on the baseline's positions and \
            the small multiples), the measures per actor in two tables (actors by name, types \
            by label, communities and components numbered from 1 as on the maps) and of the \
            network, a relations \
            table (the text alternative to the map: from, to, relation, strength, source or \
            assumption), a methods section with each measure's convention and reference, and a \
            reproducibility block (ecomap and Graphviz versions, the seed, this command line, \
            the settings, the SHA-256 of every input file, paths relative to the working \
            directory). The page's lang attribute is the model's `language:` (default en). \
            Printed (A4), each section starts a page and no table is cut off. Also writes report.md with the SVGs \
            beside it (report-map.svg, report-communities.svg, report-gaps.svg, \
            report-<scenario>-diff.svg, report-small-multiples.svg). The page has no scripts and \
            no external references; the same command gives the same bytes (no dates are \
            written). Nothing is written when any step fails.

            The model is analysed once: the table, the maps' node sizes and tooltips and the \
            community frames are the same numbers. Measures: \
            \(ReportJob.nodeMeasures.joined(separator: ", ")) (those this build offers; \
            undirected unless --directed, path length 1/strength unless --weight says otherwise).
            """
    )

    @Argument(help: "Model file (YAML or JSON; see Datasets/SCHEMA.md) or edge list (.csv).")
    var model: String = MainJob.defaultModelPath

    @OptionGroup var output: OutputFolderOption

    @OptionGroup var scenarios: ScenarioFilesOption

    var scenario: [String] { scenarios.scenario }

    @OptionGroup var rules: RulesOptions

    @OptionGroup var map: MapOptions

    @OptionGroup var pageOptions: PageOptions

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var layers: LayerOption

    @OptionGroup var seed: SeedOption

    @OptionGroup var portfolio: TiesOption

    func run() throws {
        let files = RunFiles()
        for path in scenario { _ = try files.input(path, what: "scenario file") }
        let ecosystem = try layers.apply(to: loadGraph(model, directed: input.directed, lenient: input.lenient, at: input.at, files: files))
        let loadedRules = try rules.load(for: ecosystem, modelPath: model, files: files)
        var mapRequest = try map.request(files: files)
        try pageOptions.apply(to: &mapRequest, files: files)
        let request = ReportRequest(
            map: mapRequest,
            analysis: AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true, seed: seed.seed),
            scenarioPaths: scenario, rules: loadedRules, themePath: map.theme, ties: portfolio.ties, commandLine: Invocation.arguments)
        let bundle = try drawing(model) { try ReportJob.build(ecosystem, modelPath: model, request: request, files: files) }
        for line in bundle.notes { note(line.hasPrefix("page ") ? "warning: \(line)" : line) }
        pageOptions.report(placed: bundle.placed, hasLayout: !bundle.positions.isEmpty)

        let folder = output.folder(for: ecosystem)
        let targets = bundle.files.map { (url: folder.appendingPathComponent($0.name), data: $0.data) }
            + pageOptions.outputs(bundle.positions, files: files)
        try files.write(targets, bundle: folder)
        try writeStandardOutput(targets.map { "wrote \($0.url.relativePath)\n" }.joined())
    }
}
