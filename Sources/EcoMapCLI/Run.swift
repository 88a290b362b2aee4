import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import EcosystemRendering
import Foundation
import Graphviz

/// The main job: analyse a model, draw its map, write both into `Output/<model>/`, summarise.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: analyse a model and draw its map (the default command).",
        discussion: """
            Writes <output>/<model name>/ecosystem.svg (the map: colour and shape by actor type, \
            node size by --size-by, line style by relation type, width by tie strength, a legend) \
            and <output>/<model name>/metrics.csv (a row per actor, a column per measure), then \
            prints the top actors per measure and the components. Both files are written only \
            when everything succeeded, each atomically. The model's name becomes one folder \
            name (characters other than letters, digits, '-', '_' and '.' are encoded).

            Measures in metrics.csv: \(MainJob.measures.joined(separator: ", ")) \
            (by default an undirected analysis, weights as tie strengths, path length 1/strength; \
            --directed and --weight as in `ecomap analyze`; in_degree and out_degree always follow \
            relation direction). See `ecomap analyze --help` for each convention. The map's node \
            sizes and tooltips are the metrics.csv values.

            The summary starts with a briefing ("Where to start"): the few things to act on, from \
            the gap findings of `ecomap gaps` (with the rules given by --rules or found next to \
            the model; --min-severity and --kind narrow the findings it is chosen from). Lines \
            are wrapped to the terminal's width (COLUMNS, else the terminal's own width, else 100). It ends with the next \
            commands to run.
            """
    )

    @Argument(help: "Model: YAML/JSON (Datasets/SCHEMA.md), a CSV pair or folder (actors.csv + relations.csv), an edge list, .xlsx, .gexf, .graphml, node-link or Kumu JSON.")
    var model: String = MainJob.defaultModelPath

    @OptionGroup var output: OutputFolderOption

    @OptionGroup var size: SizeByOption

    @Option(name: .long, help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: neato; sfdp above \(LayoutPolicy.largeMapNodeLimit) actors).")
    var layout: LayoutEngine?

    @Option(name: .long, help: "How many top actors to print per measure.")
    var top: Int = 3

    @Option(name: .long, help: "Title drawn above the map (default: the model's title).")
    var title: String?

    @Option(name: .long, help: "Caption drawn under the title (default: what node size shows and the source).")
    var caption: String?

    @OptionGroup var pageOptions: PageOptions

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var rules: RulesOptions

    @OptionGroup var filter: FindingFilterOptions

    @OptionGroup var layers: LayerOption

    func validate() throws {
        if let measure = size.measure, !MainJob.measures.contains(measure) {
            throw ValidationError("--size-by \(measure) is not a measure of the main job (a column of metrics.csv); choose one of: \(MainJob.measures.joined(separator: ", ")), or none")
        }
        guard (0...WorkLimits.maxListed).contains(top) else { throw ValidationError("--top must be in 0...\(WorkLimits.maxListed)") }
    }

    func run() throws {
        guard model != MainJob.defaultModelPath || FileManager.default.fileExists(atPath: model) else {
            throw JobError(
                "no model at \(model): run ecomap from the repository root, or give a model file (ecomap run PATH)")
        }
        let files = RunFiles()
        let ecosystem = try layers.apply(to: loadGraph(model, directed: input.directed, lenient: input.lenient, at: input.at, files: files))
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true)
        let gapRules = try rules.load(for: ecosystem, modelPath: model, files: files).rules
        var map = MapRequest(title: title, caption: caption)
        try pageOptions.apply(to: &map, files: files)
        let result = try drawing(model) { try MainJob.run(ecosystem, sizeBy: size.measure, engine: layout, analysis: analysis, map: map, rules: gapRules) }
        let width = Terminal.width
        let briefing = try result.gaps.map { report -> String in
            let kept = report.filtered(try filter.filter())
            return BriefingWriter.text(Briefing(kept), report: kept, width: width)
        } ?? ""

        let folder = output.folder(for: ecosystem)
        let svgURL = folder.appendingPathComponent("ecosystem.svg")
        let csvURL = folder.appendingPathComponent("metrics.csv")
        try files.checkOutput(svgURL)
        try files.checkOutput(csvURL)
        let saved = pageOptions.outputs(result.positions, files: files)
        for file in saved { try files.checkOutput(file.url) }
        for line in result.layoutNotes { note("layout: \(line)") }
        for warning in result.warnings { note("graphviz: \(warning)") }
        PageOptions.warn(result.pageWarnings)
        pageOptions.report(placed: result.placed, hasLayout: !result.positions.isEmpty)
        // The summary first: when standard output cannot be written (a full disk), nothing is.
        try writeStandardOutput(SummaryWriter.text(of: ecosystem, table: result.table, top: top, width: width, briefing: briefing) + "\n")
        try files.write([(svgURL, Data(result.svg)), (csvURL, Data(result.csv.utf8))] + saved, bundle: folder)
        try writeStandardOutput("wrote \(svgURL.relativePath)\nwrote \(csvURL.relativePath)\n" + saved.map { "wrote \($0.url.relativePath)\n" }.joined())
        let quoted = model.contains(" ") ? "'\(model)'" : model
        try writeStandardOutput(PlainText.wrap(
            "Next: ecomap gaps \(quoted) (every finding, with its evidence: --format md); ecomap report \(quoted) (a report to share, \(folder.relativePath)/report.html).",
            width: width).joined(separator: "\n") + "\n")
    }
}

extension LayoutEngine: ExpressibleByArgument {}
