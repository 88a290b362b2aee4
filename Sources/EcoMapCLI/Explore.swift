import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import Foundation

/// `ecomap explore`: one self-contained HTML page to explore the map offline.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an interactive map: one self-contained HTML page to explore offline.",
        discussion: """
            The page holds ecomap's own map (the SVG `ecomap render` draws, with the same \
            numbers), the model's data and a small script; it needs no network and no other \
            file, so it can be opened from a USB stick. Its Content-Security-Policy allows only \
            its own inline script and style, by hash. The same input gives the same bytes.

            In the page: pan and zoom (mouse, touch, arrow keys, + and -, Fit, Reset); search by \
            name or id with suggestions (Enter shows the actor's neighbourhood at 1, 2 or 3 steps, \
            the rest dimmed; Esc returns to the whole map); filters by actor type, relation type, \
            place and helix (and a date slider when actors have since/until attributes), with \
            counts; a panel with the selected actor's attributes, key measures with their rank, \
            the gap findings that name it and its ties with their evidence (source, assumed and \
            why, confidence); overlays on the same positions: gap marks, Leiden communities, \
            each --scenario's changes, node size by any measure listed.

            Gap findings use RULES (Datasets/RULES.md): --rules FILE, or a rules.yaml next to the \
            model (--no-rules for the findings that need no rules).
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var model: String

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Output file (default: Output/<model name>/explore.html); never an input of the run.", valueName: "file"))
    var output: String?

    @OptionGroup var scenarios: ScenarioFilesOption

    var scenario: [String] { scenarios.scenario }

    @OptionGroup var rules: RulesOptions

    @OptionGroup var map: MapOptions

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var seed: SeedOption

    func run() throws {
        let files = RunFiles()
        let ecosystem = try loadGraph(model, directed: input.directed, lenient: input.lenient, at: input.at, files: files)
        let request = try map.request(files: files)
        let gapRules = try rules.load(for: ecosystem, modelPath: model, files: files).rules
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true, seed: seed.seed)
        let explored = try ExploreJob.run(
            ecosystem, modelPath: model, request: request, analysis: analysis, gapRules: gapRules,
            scenarioPaths: scenario, files: files)
        for line in explored.layout.notes { note("layout: \(line)") }
        for warning in explored.warnings { note("graphviz: \(warning)") }
        let url = output.map { URL(fileURLWithPath: $0) }
            ?? OutputFolder.url(root: "Output", model: ecosystem.name).appendingPathComponent("explore.html")
        try files.write(explored.html, to: url)
        note("wrote \(output ?? url.relativePath)")
    }
}
