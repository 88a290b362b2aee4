import ArgumentParser
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation
import Graphviz

/// Output formats of `ecomap render`.
enum MapFormat: String, ExpressibleByArgument, CaseIterable {
    /// Embedding-ready SVG (libgvc, finished by SVGFinisher).
    case svg
    /// PNG through cairo, resolution `--dpi`.
    case png
    /// Single-page vector PDF through cairo.
    case pdf
    /// The exact DOT source handed to Graphviz (not laid out).
    case dot
    /// The laid-out DOT with positions (Graphviz `-Tdot`).
    case dotLayout = "dot-layout"
    /// Graphviz JSON with layout and drawing operations (`-Tjson`).
    case json

    /// The Graphviz format rendered for this output, `nil` for the DOT source.
    var graphviz: RenderFormat? {
        switch self {
        case .svg: return .svg
        case .png: return .png
        case .pdf: return .pdf
        case .dot: return nil
        case .dotLayout: return .dot
        case .json: return .json
        }
    }

    var fileExtension: String {
        switch self {
        case .dot: return "gv"
        case .dotLayout: return "layout.gv"
        default: return rawValue
        }
    }
}

/// Options for drawing a map, shared by `render` and `report`.
struct DiagramCommandOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Layout engine: dot, neato, fdp, sfdp, circo, twopi (default: neato; dot with --cluster-by). "
            + "dot, neato and twopi give the same bytes every time; fdp and sfdp are not deterministic in Graphviz. "
            + "Maps above \(LayoutPolicy.dotNodeLimit) actors are not laid out with dot (nor circo above \(LayoutPolicy.circoNodeLimit)); "
            + "neato is used and a note printed.",
        valueName: "engine"))
    var layout: LayoutEngine?

    @Option(name: .long, help: ArgumentHelp(
        "Draw actors in frames by: type, place, community (Leiden, seeded by --seed) or any actor attribute. "
            + "neato, sfdp, circo and twopi ignore frames: the default layout becomes dot.",
        valueName: "attribute"))
    var clusterBy: String?

    @Option(name: .long, help: ArgumentHelp("Theme file (YAML): palette, shapes, fonts, sizes. See README, \"Themes\".", valueName: "file"))
    var theme: String?

    @Option(name: .long, help: "Node-level measure that sets node size (see `ecomap analyze --help`); `none` for equal sizes.")
    var sizeBy: String = DiagramCommandOptions.defaultSizeBy

    /// Betweenness when this build's catalog has it, else degree.
    static let defaultSizeBy = MeasureCatalog.named("betweenness") != nil ? "betweenness" : "degree"

    @Option(name: .long, help: "Title drawn above the map (default: the model's title).")
    var title: String?

    @Option(name: .long, help: "Caption drawn under the title (default: what node size shows).")
    var caption: String?

    @Flag(name: .long, help: "SVG with a viewBox but no width and height, so it scales to its container.")
    var viewboxOnly = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Draw the legend of actor and relation types.")
    var legend = true

    @Option(name: .long, help: "Seed for community detection (--cluster-by community).")
    var seed: UInt64 = 1

    func validate() throws {
        if sizeBy != "none" {
            guard let measure = MeasureCatalog.named(sizeBy), measure.level == .node else {
                throw ValidationError("--size-by \(sizeBy) is not a node-level measure; see `ecomap analyze --help`")
            }
        }
        if let clusterBy, clusterBy.isEmpty { throw ValidationError("--cluster-by needs an attribute: type, place, community or an actor attribute") }
    }

    /// Reads the theme file, if any.
    func loadTheme() throws -> DiagramTheme {
        guard let theme else { return .default }
        let url = try inputFile(theme, what: "theme file")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CommandError("cannot read theme file \(theme)") }
        return try DiagramTheme.load(yaml: String(decoding: data, as: UTF8.self), file: theme)
    }

    /// Diagram options for `model`: node sizes, tooltips with key measures, clusters, theme.
    ///
    /// - Parameter tooltipMeasures: measures listed in tooltips (those in the catalog are used).
    func diagramOptions(
        for model: EcosystemModel, input: GraphInputOptions, theme: DiagramTheme,
        tooltipMeasures: [String] = ["degree", "strength", "betweenness", "pagerank"]
    ) throws -> DiagramOptions {
        var options = DiagramOptions(title: title, engine: layout, legend: legend, theme: theme, viewBoxOnly: viewboxOnly)
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true, seed: seed)
        var names = tooltipMeasures.filter { MeasureCatalog.named($0)?.level == .node }
        if sizeBy != "none", !names.contains(sizeBy) { names.insert(sizeBy, at: 0) }
        if !names.isEmpty {
            let table = try EcosystemAnalyzer.metrics(of: model, measures: names, options: analysis)
            options.tooltipMeasures = table.measures.enumerated().map { DiagramMeasure(name: $1, values: table.columns[$0]) }
            if sizeBy != "none" {
                options.nodeSize = table.column(sizeBy)
                options.nodeSizeMeasure = sizeBy
            }
        }
        if let clusterBy {
            let attributes = Set(model.actors.flatMap { $0.attributes.map(\.key) })
            guard ["type", "place", "community"].contains(clusterBy) || attributes.contains(clusterBy) else {
                let known = ["type", "place", "community"] + attributes.sorted()
                let hint = Suggestions.likelyMeant(clusterBy, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw CommandError("--cluster-by \(clusterBy)\(hint): no actor has that attribute; choose one of \(known.joined(separator: ", "))")
            }
            options.clusters = try EcosystemDiagram.clusterLabels(of: model, by: clusterBy, seed: seed)
            options.clusterAttribute = clusterBy
        }
        let weighting = input.weight == .strength ? "path length 1/strength" : input.weight == .distance ? "weights as lengths" : "weights ignored"
        options.caption = caption ?? (sizeBy == "none"
            ? "" : "Node size: \(sizeBy) (\(input.directed ? "directed" : "undirected"), \(weighting)).")
        return options
    }
}

/// `ecomap render`: the map alone, in any format libgvc writes.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the map of a model or an edge list through libgvc.",
        discussion: """
            Colour and shape by actor type, a legend, node size by --size-by, line style by \
            relation type, width by tie strength, arrows only on directed relation types, \
            title and caption above the map.

            Formats (all from the C library): svg (embedding-ready: ids from actor and relation \
            ids, CSS classes per type, <title>/<desc> for screen readers, tooltips with name and \
            key measures, no external references), png (--dpi), pdf (one page), dot (the exact \
            DOT source handed to Graphviz, to tweak and run yourself), dot-layout (the laid-out \
            DOT with positions), json (Graphviz's JSON).

            Layouts: neato (default; deterministic), dot (layered; default with --cluster-by), \
            twopi (radial), circo (circular) give the same bytes for the same input; fdp and \
            sfdp (force-directed) are not deterministic in Graphviz. Notes about the layout \
            (an engine replaced for a large map, frames an engine ignores) go to standard error.
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var graph: String

    @Option(name: [.short, .long], help: "Output file (default: Output/<model name>/ecosystem.<format>); `-` for standard output.")
    var output: String?

    @Option(name: .long, help: "Output format: \(MapFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: MapFormat = .svg

    @Flag(name: .long, help: ArgumentHelp("Same as --format dot (kept for old scripts).", visibility: .hidden))
    var source = false

    @Option(name: .long, help: "Resolution of PNG output, in dots per inch.")
    var dpi: Double = 96

    @OptionGroup var diagram: DiagramCommandOptions

    @OptionGroup var input: GraphInputOptions

    func validate() throws {
        guard dpi > 0, dpi <= 1200 else { throw ValidationError("--dpi must be in 1...1200") }
    }

    @Option(name: .long, help: ArgumentHelp(
        "Marks to add: gaps (articulation points, bridges, isolates, recommended ties of `ecomap gaps`, each in the legend).",
        valueName: "none|gaps"))
    var overlay: OverlayName = .none

    @Option(name: .long, help: "Rules file for --overlay gaps (default: rules.yaml next to the model, if any).")
    var rules: String?

    enum OverlayName: String, ExpressibleByArgument, CaseIterable { case none, gaps }

    @Option(name: .long, help: ArgumentHelp(
        "Prefix for every element id in the SVG (e.g. `fig2-`), so several maps can be inlined in one page without clashing ids.",
        valueName: "prefix"))
    var idPrefix: String = ""

    func run() throws {
        let model = try loadGraphInput(graph, directed: input.directed)
        let format = source ? .dot : self.format
        var options = try diagram.diagramOptions(for: model, input: input, theme: diagram.loadTheme())
        options.dpi = format == .png ? dpi : nil
        options.idPrefix = idPrefix
        let data: Data
        if overlay == .gaps {
            let gapRules = try loadGapRules(model: graph, for: model, rules: rules, noRules: false).rules
            let report = try GapAnalyzer.analyze(model, rules: gapRules, options: GapOptions(weighting: input.weight))
            options.overlay = GapOverlay(report: report).overlay
        }
        let choice = EcosystemDiagram.layout(for: model, options: options)
        for line in choice.notes { note("layout: \(line)") }
        if let rendered = format.graphviz {
            let drawing = try EcosystemDiagram.draw(model, options: options, formats: [rendered])
            for warning in drawing.warnings { note("graphviz: \(warning)") }
            data = Data(drawing.outputs[rendered] ?? [])
        } else {
            data = Data(EcosystemDiagram.dot(for: model, options: options).utf8)
        }
        if output == "-" {
            try writeStandardOutput(data)
            return
        }
        let url = URL(fileURLWithPath: output ?? "Output/\(model.name)/ecosystem.\(format.fileExtension)")
        try writeAtomically(data, to: url)
        note("wrote \(url.relativePath)")
    }
}
