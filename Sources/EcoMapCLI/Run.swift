import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
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
            """
    )

    @Argument(help: "Model: YAML/JSON (Datasets/SCHEMA.md), a CSV pair or folder (actors.csv + relations.csv), an edge list, .xlsx, .gexf, .graphml, node-link or Kumu JSON.")
    var model: String = MainJob.defaultModelPath

    @OptionGroup var output: OutputFolderOption

    @OptionGroup var size: SizeByOption

    @Option(name: .long, help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).")
    var layout: LayoutEngine = .neato

    @Option(name: .long, help: "How many top actors to print per measure.")
    var top: Int = 3

    @OptionGroup var input: GraphInputOptions

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
        let ecosystem = try loadGraph(model, directed: input.directed, lenient: input.lenient, at: input.at, files: files)
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true)
        let result = try drawing(model) { try MainJob.run(ecosystem, sizeBy: size.measure, engine: layout, analysis: analysis) }

        let folder = output.folder(for: ecosystem)
        let svgURL = folder.appendingPathComponent("ecosystem.svg")
        let csvURL = folder.appendingPathComponent("metrics.csv")
        try files.checkOutput(svgURL)
        try files.checkOutput(csvURL)
        for warning in result.warnings { note("graphviz: \(warning)") }
        // The summary first: when standard output cannot be written (a full disk), nothing is.
        try writeStandardOutput(SummaryWriter.text(of: ecosystem, table: result.table, top: top) + "\n")
        try files.write([(svgURL, Data(result.svg)), (csvURL, Data(result.csv.utf8))])
        try writeStandardOutput("wrote \(svgURL.relativePath)\nwrote \(csvURL.relativePath)\n")
    }
}

extension LayoutEngine: ExpressibleByArgument {}
