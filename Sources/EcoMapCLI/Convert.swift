import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import Foundation

/// The formats `--to` takes.
extension ModelFormat: ExpressibleByArgument {}

/// `ecomap convert IN OUT`: a model from any format into any format.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a model between formats: ecomap YAML/JSON, CSV pair, xlsx, Kumu, GEXF, GraphML, node-link JSON.",
        discussion: """
            Reads every format ecomap reads (see README, "Bring your data") and writes the one \
            OUT's extension names, or --to: .yaml/.yml, .json (ecomap), .csv (the spreadsheet \
            form: OUT-actors.csv, OUT-relations.csv, OUT-types.csv; a path without extension \
            is a folder holding actors.csv, relations.csv, types.csv), .xlsx (sheets actors, \
            relations, types), .kumu.json (Kumu blueprint), .gexf (GEXF 1.3 with colours, shapes, \
            sizes and the layout ecomap draws), .graphml (a typed key per attribute), \
            .nodelink.json (NetworkX/D3). Fields a format cannot carry are named on standard \
            error. Never writes over an input.
            """
    )

    @Argument(help: "Input: a model file, CSV pair or folder, edge list, .xlsx, .gexf, .graphml, node-link or Kumu JSON.")
    var input: String

    @Argument(help: "Output file (or folder, for the CSV form).")
    var output: String

    @Option(name: .long, help: "Output format: \(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: from OUT's extension).")
    var to: ModelFormat?

    @Option(name: .long, help: "Node measures to add as attributes, comma-separated (see `ecomap analyze --help`).")
    var withMeasures: [String] = []

    @Flag(name: .long, help: "GEXF, GraphML, node-link: leave out node positions and sizes (the neato layout takes minutes for thousands of actors).")
    var noLayout = false

    @OptionGroup var graph: GraphInputOptions

    func validate() throws {
        if to == nil, ModelFormat.forOutput(output) == nil {
            throw ValidationError("cannot tell the format of '\(output)' from its extension; give --to (\(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if !withMeasures.isEmpty { _ = try measureNames(withMeasures, level: .node, option: "--with-measures") }
    }

    func run() throws {
        let files = RunFiles()
        let loaded = try GraphInput.read(input, directed: graph.directed, lenient: graph.lenient, at: graph.at, files: files)
        for line in loaded.notes { note("note: \(line)") }
        let measures = withMeasures.isEmpty ? [] : try measureNames(withMeasures, level: .node, option: "--with-measures")
        try ConvertCommand.write(loaded.model, format: to ?? ModelFormat.forOutput(output)!, to: output, measures: measures,
                                 graph: graph, positions: loaded.positions, layout: !noLayout, files: files)
    }
}

/// Shared by `convert` and `apply`: write, then say what was written and what was dropped.
enum ConvertCommand {
    static func write(_ model: EcosystemModel, format: ModelFormat, to output: String, measures: [String], graph: GraphInputOptions,
                      positions: [String: (x: Double, y: Double)], layout: Bool = true, files: RunFiles) throws {
        let options = AnalysisOptions(directed: graph.directed, weighting: graph.weight, normalized: true)
        let result = try ConvertJob.run(model, format: format, to: output, measures: measures, options: options,
                                        positions: positions, layout: layout, files: files)
        if !result.dropped.isEmpty {
            note("\(format.rawValue) cannot carry, so it dropped: \(result.dropped.joined(separator: "; "))")
        }
        for path in result.written { note("wrote \(path)") }
    }
}

/// `ecomap apply MODEL SCENARIO -o OUT`: the model a scenario produces.
struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the model a scenario produces, in any format `convert` writes.",
        discussion: "The scenario (Datasets/SCENARIOS.md) is applied to MODEL; the result is written to -o OUT in the format of OUT's extension, or --to. Never writes over an input."
    )

    @Argument(help: "The baseline model (any format ecomap reads).")
    var model: String

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(name: [.short, .long], help: ArgumentHelp("Output file (or folder, for the CSV form).", valueName: "file"))
    var output: String

    @Option(name: .long, help: "Output format: \(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the extension).")
    var to: ModelFormat?

    @Option(name: .long, help: "Node measures to add as attributes, comma-separated.")
    var withMeasures: [String] = []

    @OptionGroup var graph: GraphInputOptions

    func validate() throws {
        if to == nil, ModelFormat.forOutput(output) == nil {
            throw ValidationError("cannot tell the format of '\(output)' from its extension; give --to (\(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let files = RunFiles()
        let baseline = try loadGraph(model, directed: graph.directed, lenient: graph.lenient, at: graph.at, files: files)
        guard let changed = try ScenarioInput.apply([scenario], to: baseline, modelPath: model, files: files).first else { return }
        let measures = withMeasures.isEmpty ? [] : try measureNames(withMeasures, level: .node, option: "--with-measures")
        try ConvertCommand.write(changed, format: to ?? ModelFormat.forOutput(output)!, to: output, measures: measures,
                                 graph: graph, positions: [:], files: files)
    }
}
