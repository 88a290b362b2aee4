import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import Foundation
import NetworkAnalysis

/// `ecomap analyze`: any measure of the catalog, as a table, CSV or JSON.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute network measures of a model or an edge list.",
        discussion: """
            GRAPH is a model (YAML/JSON) or a plain edge list (CSV with a header source,target \
            and an optional weight column; node ids are the strings in those columns).

            Weights are tie strengths. Path-based measures use path length 1/strength by default \
            (Opsahl, Agneessens & Skvoretz 2010); --weight distance uses weights as lengths, \
            --weight none ignores them. A zero, negative or non-finite weight on a path measure \
            is refused. Path lengths equal within a relative 1e-10 count as ties (as igraph). \
            Parallel ties are merged into one tie of summed strength. Self-loops (ties of an actor \
            to itself) stay in the model and the diagram and are left out of every measure; \
            standard error says how many.

            MEASURES (node level):
            \(MeasureCatalog.helpText(level: .node))

            MEASURES (edge level, a row per relation):
            \(MeasureCatalog.helpText(level: .edge))

            MEASURES (pair level, every non-adjacent pair; link prediction):
            \(MeasureCatalog.helpText(level: .pair))

            MEASURES (network level):
            \(MeasureCatalog.helpText(level: .network))
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var graph: String?

    @Flag(name: .long, help: "Print the measure catalog as a Markdown table (name, level, convention) and exit.")
    var listMeasures = false

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Comma-separated measure names (repeatable); `all` for every measure.", valueName: "list"))
    var measures: [String] = ["degree", "strength", "betweenness", "closeness", "pagerank"]

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var layers: LayerOption

    @OptionGroup var egoNetwork: EgoOptions

    @Flag(help: "Normalized (default, as NetworkX) or raw values.")
    var normalization: Normalization = .normalized

    @Option(name: .customLong("format"), help: "Output format: table, csv or json (default: from the extension of -o, else table).")
    var formatOption: TableFormat?

    /// --format, else the extension of -o (.csv, .json), else an aligned table.
    var format: TableFormat {
        if let formatOption { return formatOption }
        switch output.output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "csv": return .csv
        case "json": return .json
        default: return .table
        }
    }

    @Option(name: .long, help: ArgumentHelp(
        "Closeness and harmonic centrality in directed runs: distances to the node (in, NetworkX's default) or from it (out).",
        valueName: "in|out"))
    var direction: PathDirection = .incoming

    @Option(name: .long, help: "Actor attribute that forms the groups for brokerage, E-I index and group_modularity: type, type_label, place, helix (the type's Quadruple Helix sphere), or a free attribute; one no actor has is refused.")
    var groupBy: String = "type"

    @OptionGroup var seed: SeedOption

    /// `--progress` and `--max-seconds` of a `--samples` run.
    @OptionGroup(title: "With --samples") var control: RunControlOptions

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Uncertain ties: draw N networks, keeping each relation with its confidence (0–1), and report per actor the mean, the 5–95% interval and P(top k) of each measure. Same seed, same bytes. At most \(WorkLimits.maxSamples); refused when the samples would not fit in memory.",
        valueName: "N"))
    var samples: Int?

    @Option(name: .long, help: "k of P(top k) with --samples.")
    var top: Int = 3

    @Flag(name: .long, help: "The measures of every relation layer (one relation type at a time, every actor kept): a section per layer, or a first column 'layer' in CSV.")
    var perLayer = false

    @Option(name: .long, help: "PageRank damping factor, in (0, 1) (NetworkX's default 0.85).")
    var damping: Double = 0.85

    @Option(name: .long, help: "Katz attenuation factor alpha; refused when not below 1/λmax (NetworkX's default 0.1).")
    var katzAlpha: Double = 0.1

    @Option(name: .long, help: ArgumentHelp(
        "Resolution γ of modularity, Louvain and Leiden (Reichardt & Bornholdt 2006): 1 is Newman's modularity, below 1 favours fewer, larger communities, above 1 more, smaller ones.",
        valueName: "γ"))
    var resolution: Double = 1

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "Actors the personalized_pagerank surfer restarts at: comma-separated ids, each optionally ID=WEIGHT (default weight 1); repeatable.",
        valueName: "ID[=W],…"))
    var personalize: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Attenuation β of bonacich_power (Bonacich 1987): positive counts ties to central actors, negative to actors with few options (bargaining power).",
        valueName: "β"))
    var powerBeta: Double = 0.1

    @OptionGroup var output: OutputFileOption

    /// `--personalize` as restart weights by actor id.
    func personalization() throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for item in personalize.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let id = parts.first, !id.isEmpty else { continue }
            var weight = 1.0
            if parts.count == 2 {
                guard let w = Double(parts[1]), w.isFinite, w >= 0 else {
                    throw ValidationError("--personalize '\(item)': the weight must be a nonnegative number")
                }
                weight = w
            }
            weights[id, default: 0] += weight
        }
        return weights
    }

    enum Normalization: EnumerableFlag {
        case normalized, raw
    }


    func validate() throws {
        let names = try requestedMeasures()
        guard resolution.isFinite, resolution >= 0 else { throw ValidationError("--resolution must be a finite number ≥ 0") }
        guard powerBeta.isFinite else { throw ValidationError("--power-beta must be a finite number") }
        let weights = try personalization()
        if names.contains("personalized_pagerank") && !measures.contains("all") && weights.isEmpty {
            throw ValidationError("personalized_pagerank needs --personalize ID[,ID…]: the actors the surfer restarts at")
        }
        if !weights.isEmpty && weights.values.allSatisfy({ $0 == 0 }) {
            throw ValidationError("--personalize: at least one weight must be positive")
        }
        if let samples {
            guard (1...WorkLimits.maxSamples).contains(samples) else {
                throw ValidationError("--samples must be in 1...\(WorkLimits.maxSamples)")
            }
            guard (1...WorkLimits.maxListed).contains(top) else { throw ValidationError("--top must be in 1...\(WorkLimits.maxListed)") }
            for name in names {
                guard let d = MeasureCatalog.named(name), [.node, .network].contains(d.level) else {
                    throw ValidationError("--samples summarizes node and network measures; '\(name)' is not one")
                }
                guard !d.isCategorical else {
                    throw ValidationError("--samples: '\(name)' is a label (community or component number), not a quantity; its mean would mean nothing"
                        + (["leiden", "louvain"].contains(name) ? ". How stable the communities are over the samples: ecomap stats communities --samples N --method \(name)" : ""))
                }
            }
        }
    }

    func requestedMeasures() throws -> [String] {
        let names = measures.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if names.contains("all") {
            // With --samples, `all` means every measure that can be summarised over samples.
            return MeasureCatalog.all.filter { samples == nil || ([.node, .network].contains($0.level) && !$0.isCategorical) }
                .map(\.name)
        }
        for name in names where MeasureCatalog.named(name) == nil {
            let names = MeasureCatalog.all.map(\.name)
            let hint = Suggestions.likelyMeant(name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("unknown measure '\(name)'\(hint); valid measures: \(names.joined(separator: ", "))")
        }
        guard !names.isEmpty else { throw ValidationError("--measures is empty") }
        return names
    }

    func run() throws {
        if listMeasures {
            return try writeStandardOutput(MeasureCatalog.markdownTable() + "\n")
        }
        guard let graph else { throw ValidationError("missing GRAPH: a model file or an edge list") }
        let files = RunFiles()
        let model = try egoNetwork.apply(to: layers.apply(to: loadGraph(graph, directed: input.directed, lenient: input.lenient, at: input.at, files: files)))
        var options = AnalysisOptions(
            directed: input.directed, weighting: input.weight, normalized: normalization == .normalized,
            groupAttribute: groupBy, seed: seed.seed, pathDirection: direction, damping: damping, katzAlpha: katzAlpha)
        options.resolution = resolution
        options.personalization = try personalization()
        options.powerBeta = powerBeta
        let written: WrittenTable
        if perLayer {
            guard samples == nil else { throw ValidationError("--per-layer and --samples cannot be combined; use --layer TYPE --samples N for one layer") }
            written = try AnalyzeJob.perLayer(model, measures: requestedMeasures(), options: options, format: format)
        } else if let samples {
            let monitor = control.monitor("uncertainty samples")
            let measures = try requestedMeasures()
            written = try control.run {
                try AnalyzeJob.samples(
                    model, measures: measures, options: options, samples: samples, seed: seed.seed, topK: top,
                    format: format, monitor: monitor)
            }
        } else {
            written = try AnalyzeJob.run(model, measures: requestedMeasures(), options: options, format: format)
        }
        for line in written.notes { note(line) }
        try output.emit(written.text, files: files)
    }
}

extension TableFormat: ExpressibleByArgument {}
