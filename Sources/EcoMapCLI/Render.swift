import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation
import Graphviz

/// Options for drawing a map, shared by `render` and `report`.
struct MapOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Layout engine: dot, neato, fdp, sfdp, circo, twopi (default: neato, sfdp above \(LayoutPolicy.largeMapNodeLimit) actors; dot with --cluster-by). "
            + "dot, neato and twopi give the same bytes every time; fdp and sfdp are not deterministic in Graphviz. "
            + "Maps above \(LayoutPolicy.dotNodeLimit) actors are not laid out with dot (nor circo above \(LayoutPolicy.circoNodeLimit)); "
            + "neato is used and a note printed.",
        valueName: "engine"))
    var layout: LayoutEngine?

    @Option(name: .long, help: ArgumentHelp(
        "Draw actors in frames by: type, type_label, place, helix (the type's Quadruple Helix sphere), community (Leiden, seeded by --seed) or any actor attribute. "
            + "neato, sfdp, circo and twopi ignore frames: the default layout becomes dot.",
        valueName: "attribute"))
    var clusterBy: String?

    @Option(name: .long, help: ArgumentHelp("Theme file (YAML): palette, shapes, fonts, sizes. See README, \"Themes\".", valueName: "file"))
    var theme: String?

    @OptionGroup var size: SizeByOption

    @Option(name: .long, help: "Title drawn above the map (default: the model's title).")
    var title: String?

    @Option(name: .long, help: "Caption drawn under the title (default: what node size shows).")
    var caption: String?

    @Flag(name: .long, help: "SVG with a viewBox but no width and height, so it scales to its container.")
    var viewboxOnly = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Draw the legend of actor and relation types.")
    var legend = true

    func validate() throws {
        if let clusterBy, clusterBy.isEmpty { throw ValidationError("--cluster-by needs an attribute: type, type_label, place, helix, community or an actor attribute") }
    }

    /// The map request, with the theme read (and recorded as an input).
    func request(files: RunFiles) throws -> MapRequest {
        MapRequest(
            engine: layout, clusterBy: clusterBy, theme: try loadTheme(files: files), sizeBy: size.measure,
            title: title, caption: caption, legend: legend, viewBoxOnly: viewboxOnly)
    }

    /// Reads the theme file, if any.
    func loadTheme(files: RunFiles) throws -> DiagramTheme {
        guard let theme else { return .default }
        let url = try files.input(theme, what: "theme file")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw JobError("cannot read theme file \(theme)") }
        return try DiagramTheme.load(yaml: String(decoding: data, as: UTF8.self), file: theme)
    }
}

/// `ecomap render`: the map alone, in any format libgvc writes.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the map of a model or an edge list through libgvc.",
        discussion: """
            Colour and shape by actor type, a legend, node size by --size-by, line style by \
            relation type, width by tie strength, arrows only on directed relation types, \
            title and caption above the map. Node sizes and tooltips are the values `ecomap \
            analyze` gives with the same --directed and --weight.

            Formats (all from the C library): svg (embedding-ready: ids from actor and relation \
            ids, CSS classes per type, <title>/<desc> for screen readers, tooltips with name and \
            key measures, no external references), png (--dpi), pdf (one page), dot (the exact \
            DOT source handed to Graphviz, to tweak and run yourself), dot-layout (the laid-out \
            DOT with positions), json (Graphviz's JSON).

            Layouts: neato (default; deterministic), dot (layered; default with --cluster-by), \
            twopi (radial), circo (circular) give the same bytes for the same input; fdp and \
            sfdp (force-directed) are not deterministic in Graphviz. Notes about the layout \
            (an engine replaced for a large map, frames an engine ignores) go to standard error.

            Every map of a model (this one, --overlay gaps, `compare --diagrams`, the report) is \
            drawn on one layout, each actor pinned at the same place; --positions keeps it from \
            run to run. --page lays the map out for a page with labels of 8 pt or more.
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var graph: String

    @Option(name: [.short, .long], help: "Output file (default: Output/<model name>/ecosystem.<format>); `-` for standard output.")
    var output: String?

    @Option(name: .customLong("format"), help: "Output format: \(MapFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the extension of -o: .svg, .png, .pdf, .gv, .json; else svg).")
    var formatOption: MapFormat?

    /// --format, else the format the extension of -o names, else SVG.
    var format: MapFormat {
        formatOption ?? output.flatMap { MapFormat(fileExtensionOf: $0) } ?? .svg
    }

    @Option(name: .long, help: "Resolution of PNG output, in dots per inch.")
    var dpi: Double = 96

    @OptionGroup var map: MapOptions

    @OptionGroup var pageOptions: PageOptions

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var layers: LayerOption

    @OptionGroup var egoNetwork: EgoOptions

    @OptionGroup var seed: SeedOption

    @Option(name: .long, help: ArgumentHelp(
        "Marks to add: gaps (articulation points, bridges, isolates, recommended ties of `ecomap gaps`, each in the legend).",
        valueName: "none|gaps"))
    var overlay: OverlayName = .none

    @OptionGroup var rules: RulesOptions

    @OptionGroup(title: "Long runs") var control: RunControlOptions

    @Option(name: .long, help: ArgumentHelp(
        "Prefix for every element id in the SVG (e.g. `fig2-`), so several maps can be inlined in one page without clashing ids.",
        valueName: "prefix"))
    var idPrefix: String = ""

    enum OverlayName: String, ExpressibleByArgument, CaseIterable { case none, gaps }

    func validate() throws {
        guard dpi > 0, dpi <= 1200 else { throw ValidationError("--dpi must be in 1...1200") }
        // A file named .png must hold a PNG: refuse an extension that names another format,
        // and one that names none unless --format says what to write.
        if let output, output != "-" {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            let named = MapFormat(fileExtensionOf: output)
            let dotText: Set<MapFormat> = [.dot, .dotLayout]
            if let formatOption, let named, named != formatOption, !(dotText.contains(named) && dotText.contains(formatOption)) {
                throw ValidationError("-o \(output) is a .\(ext) file, but --format is \(formatOption.rawValue); give a .\(formatOption.fileExtension) name or leave out --format")
            }
            if formatOption == nil, named == nil {
                throw ValidationError("-o \(output): cannot tell the format from '\(ext.isEmpty ? "no extension" : "." + ext)'; give --format (\(MapFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
    }

    func run() throws {
        control.boundGraphviz()
        let watch = control.watch("the map")
        defer { watch.disarm() }
        let monitor = control.monitor("render", steps: RenderJob.steps)
        let files = RunFiles()
        let model = try egoNetwork.apply(to: layers.apply(to: loadGraph(graph, directed: input.directed, lenient: input.lenient, at: input.at, files: files)))
        var request = try map.request(files: files)
        request.dpi = dpi
        request.idPrefix = idPrefix
        try pageOptions.apply(to: &request, files: files)
        let gapRules = overlay == .gaps ? try rules.load(for: model, modelPath: graph, files: files).rules : nil
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true, seed: seed.seed)
        let rendered = try control.run {
            try drawing(graph) { try RenderJob.run(model, request: request, analysis: analysis, format: format, gapRules: gapRules, monitor: monitor) }
        }
        watch.disarm()
        for line in rendered.layoutNotes { note("layout: \(line)") }
        for warning in rendered.warnings { note("graphviz: \(warning)") }
        PageOptions.warn(rendered.pageWarnings)
        pageOptions.report(placed: rendered.placed, hasLayout: !rendered.positions.isEmpty)
        let saved = pageOptions.outputs(rendered.positions, files: files)
        if output == "-" {
            try files.write(saved)
            for file in saved { note("wrote \(file.url.relativePath)") }
            return try writeStandardOutput(rendered.data)
        }
        let url = output.map { URL(fileURLWithPath: $0) }
            ?? OutputFolder.url(root: "Output", model: model.name).appendingPathComponent("ecosystem.\(format.fileExtension)")
        try files.write([(url, rendered.data)] + saved)
        note("wrote \(output ?? url.relativePath)")
        for file in saved { note("wrote \(file.url.relativePath)") }
    }
}

extension MapFormat: ExpressibleByArgument {}
