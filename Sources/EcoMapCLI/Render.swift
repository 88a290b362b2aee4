import ArgumentParser
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation
import Graphviz

/// `ecomap render`: the map alone, in any format libgvc writes.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the map of a model or an edge list through libgvc.",
        discussion: """
            Colour and shape by actor type, a legend, node size by --size-by, line style by \
            relation type, width by tie strength, arrows only on directed relation types. \
            Formats: svg, png, pdf (from the C library), dot (the laid-out DOT with positions), \
            json (Graphviz's JSON), plain. Use --source to get the exact DOT source handed to \
            Graphviz, to tweak it by hand.
            Layouts: neato (default; deterministic), dot (hierarchical), twopi and circo \
            (radial, circular), fdp and sfdp (force-directed; not deterministic in Graphviz).
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var graph: String

    @Option(name: [.short, .long], help: "Output file (default: Output/<model name>/ecosystem.<format>).")
    var output: String?

    @Option(name: .long, help: "Output format: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: RenderFormat = .svg

    @Flag(name: .long, help: "Write the DOT source handed to Graphviz instead of rendering.")
    var source = false

    @Option(name: .long, help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).")
    var layout: LayoutEngine = .neato

    @Option(name: .long, help: "Node-level measure that sets node size (see `ecomap analyze --help`); `none` for equal sizes.")
    var sizeBy: String = "betweenness"

    @Option(name: .long, help: "Resolution of PNG output, in dots per inch.")
    var dpi: Double = 96

    @Option(name: .long, help: "Title drawn above the map (default: the model's title).")
    var title: String?

    @OptionGroup var input: GraphInputOptions

    @Option(name: .long, help: ArgumentHelp(
        "Marks to add: gaps (articulation points, bridges, isolates, recommended ties of `ecomap gaps`, each in the legend).",
        valueName: "none|gaps"))
    var overlay: OverlayName = .none

    @Option(name: .long, help: "Rules file for --overlay gaps (default: rules.yaml next to the model, if any).")
    var rules: String?

    enum OverlayName: String, ExpressibleByArgument, CaseIterable { case none, gaps }

    func validate() throws {
        if sizeBy != "none" {
            guard let measure = MeasureCatalog.named(sizeBy), measure.level == .node else {
                throw ValidationError("--size-by \(sizeBy) is not a node-level measure; see `ecomap analyze --help`")
            }
        }
        guard dpi > 0, dpi <= 1200 else { throw ValidationError("--dpi must be in 1...1200") }
    }

    func run() throws {
        let model = try loadGraphInput(graph, directed: input.directed)
        var options = DiagramOptions(title: title, engine: layout)
        if sizeBy != "none" {
            let table = try EcosystemAnalyzer.metrics(
                of: model, measures: [sizeBy],
                options: AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true))
            options.nodeSize = table.column(sizeBy)
            options.nodeSizeMeasure = sizeBy
        }
        options.dpi = format == .png ? dpi : nil
        let data: Data
        var dot = EcosystemDiagram.dot(for: model, options: options)
        if overlay == .gaps {
            // The gap overlay (issue 4) is added to the finished DOT in one place: GapOverlay.
            var gapRules = GapRules()
            if let path = try gapRulesPath(model: graph, rules: rules, noRules: false) {
                gapRules = try RulesLoader.load(contentsOf: URL(fileURLWithPath: path), for: model)
            }
            let report = try GapAnalyzer.analyze(model, rules: gapRules, options: GapOptions(weighting: input.weight))
            dot = GapOverlay(report: report).dot(dot, model: model)
        }
        if source {
            data = Data(dot.utf8)
        } else {
            let results = try Graphviz.render(dot: dot, engine: options.engine, formats: [format])
            for warning in results[format]?.warnings ?? [] { note("graphviz: \(warning)") }
            data = Data(results[format]?.data ?? [])
        }
        let ext = source ? "gv" : format.rawValue
        let url = URL(fileURLWithPath: output ?? "Output/\(model.name)/ecosystem.\(ext)")
        try writeAtomically(data, to: url)
        note("wrote \(url.relativePath)")
    }
}
