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
            Writes <output>/<model name>/report.html: the map and the map by Leiden community \
            (SVG inline), the measures per actor and of the network, the gap findings (as \
            `ecomap gaps`, with RULES: a rules.yaml next to the model unless --no-rules) with the \
            gap overlay map, the scenario comparison when --scenario files are given (as \
            `ecomap compare`, with a diff diagram per scenario on the baseline's positions and \
            the small multiples), a methods section with each measure's convention and \
            reference, and a reproducibility block (ecomap and Graphviz versions, the seed, the \
            settings, the SHA-256 of every input file). Also writes report.md with the SVGs \
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

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var seed: SeedOption

    func run() throws {
        let files = RunFiles()
        for path in scenario { _ = try files.input(path, what: "scenario file") }
        let ecosystem = try loadGraph(model, directed: input.directed, lenient: input.lenient, at: input.at, files: files)
        let loadedRules = try rules.load(for: ecosystem, modelPath: model, files: files)
        let request = ReportRequest(
            map: try map.request(files: files),
            analysis: AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true, seed: seed.seed),
            scenarioPaths: scenario, rules: loadedRules, themePath: map.theme)
        let bundle = try drawing(model) { try ReportJob.build(ecosystem, modelPath: model, request: request, files: files) }
        for line in bundle.notes { note(line) }

        let folder = output.folder(for: ecosystem)
        let targets = bundle.files.map { (url: folder.appendingPathComponent($0.name), data: $0.data) }
        try files.write(targets)
        try writeStandardOutput(targets.map { "wrote \($0.url.relativePath)\n" }.joined())
    }
}
