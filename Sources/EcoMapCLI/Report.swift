import ArgumentParser
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import Graphviz

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

            Measures: \(ReportJob.nodeMeasures.joined(separator: ", ")) (those this build offers; \
            undirected unless --directed, path length 1/strength unless --weight says otherwise).
            """
    )

    @Argument(help: "Model file (YAML or JSON; see Datasets/SCHEMA.md) or edge list (.csv).")
    var model: String = MainJob.defaultModelPath

    @Option(name: [.short, .long], help: "Folder under which <model name>/ is written.")
    var output: String = "Output"

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "Scenario file to compare with the model (repeatable; see Datasets/SCENARIOS.md), in the order given.",
        valueName: "file"))
    var scenario: [String] = []

    @Option(name: .long, help: "Rules file for the gap findings (YAML/JSON; see Datasets/RULES.md); default: rules.yaml next to the model.")
    var rules: String?

    @Flag(name: .long, help: "Do not use a rules.yaml found next to the model.")
    var noRules = false

    func validate() throws {
        if rules != nil && noRules { throw ValidationError("--rules and --no-rules exclude each other") }
    }

    @OptionGroup var diagram: DiagramCommandOptions

    @OptionGroup var input: GraphInputOptions

    func run() throws {
        for path in scenario { _ = try inputFile(path, what: "scenario file") }
        let ecosystem = try loadGraphInput(model, directed: input.directed)
        let gapRules = try loadGapRules(model: model, for: ecosystem, rules: rules, noRules: noRules)
        var inputs = [ReportInput(role: "model", path: model, contents: try Data(contentsOf: URL(fileURLWithPath: model)))]
        if let path = gapRules.path {
            inputs.append(ReportInput(role: "rules", path: path, contents: try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        if let theme = diagram.theme {
            inputs.append(ReportInput(role: "theme", path: theme, contents: try Data(contentsOf: URL(fileURLWithPath: theme))))
        }
        for path in scenario {
            inputs.append(ReportInput(role: "scenario", path: path, contents: try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        let bundle = try ReportJob.build(
            ecosystem, modelPath: model, diagram: diagram, input: input, inputs: inputs, rules: gapRules.rules, scenarios: scenario)
        for line in bundle.notes { note(line) }

        let folder = URL(fileURLWithPath: output).appendingPathComponent(ecosystem.name, isDirectory: true)
        // Every target is checked before the first is written, so a refused one (an input, a
        // folder, a device) leaves no half bundle behind.
        let targets = bundle.files.map { (url: folder.appendingPathComponent($0.0), data: $0.1) }
        for target in targets { try checkOutput(target.url) }
        for target in targets { try writeAtomically(target.data, to: target.url) }
        try writeStandardOutput(targets.map { "wrote \($0.url.relativePath)\n" }.joined())
    }
}

/// Builds the report bundle in memory (nothing is written until everything succeeded).
enum ReportJob {
    /// Node-level measures of the report's table, in order (those in the catalog are used).
    static let nodeMeasures = [
        "degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
        "core_number", "constraint", "effective_size", "leiden", "component",
    ]
    /// Network-level measures of the report.
    static let networkMeasures = [
        "nodes", "edges", "density", "components", "largest_component", "articulation_points", "bridges",
        "transitivity", "average_clustering", "modularity", "degree_centralization",
    ]

    struct Bundle {
        /// File name → bytes, in the order they are written.
        var files: [(String, Data)]
        /// Notes for standard error.
        var notes: [String]
    }

    static func build(
        _ model: EcosystemModel, modelPath: String, diagram: DiagramCommandOptions, input: GraphInputOptions,
        inputs: [ReportInput], rules: GapRules, scenarios: [String]
    ) throws -> Bundle {
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, normalized: true, seed: diagram.seed)
        let measures = (nodeMeasures + networkMeasures).filter { MeasureCatalog.named($0) != nil }
        let table = try EcosystemAnalyzer.metrics(of: model, measures: measures, options: analysis)
        let theme = try diagram.loadTheme()
        var notes: [String] = []

        // Figure 1: the map as asked for (layout, frames, size).
        var mapOptions = try diagram.diagramOptions(for: model, input: input, theme: theme)
        mapOptions.idPrefix = "map-"
        let map = try EcosystemDiagram.draw(model, options: mapOptions, formats: [.svg])
        notes += map.layout.notes.map { "layout (map): \($0)" } + map.warnings.map { "graphviz: \($0)" }

        // Figure 2: framed by Leiden community (dot, or fdp for large maps).
        var communityOptions = mapOptions
        communityOptions.idPrefix = "communities-"
        communityOptions.engine = nil
        communityOptions.clusters = try EcosystemDiagram.clusterLabels(of: model, by: "community", seed: diagram.seed)
        communityOptions.clusterAttribute = "community"
        communityOptions.title = "\(mapOptions.title ?? model.title): communities"
        let communities = try EcosystemDiagram.draw(model, options: communityOptions, formats: [.svg])
        notes += communities.layout.notes.map { "layout (communities): \($0)" }

        let sizeText = mapOptions.nodeSizeMeasure.map { "Node size: \($0). " } ?? ""
        let figures = [
            ReportFigure(
                id: "map", title: "The ecosystem map",
                caption: "\(sizeText)Fill colour and shape: actor type; line colour and style: relation type; line width: tie strength; arrows: directed relations. Layout: \(map.layout.engine.rawValue).",
                svg: map.outputs[.svg] ?? [], fileName: "report-map.svg"),
            ReportFigure(
                id: "communities", title: "Communities",
                caption: "Frames: communities found by the Leiden algorithm (Traag, Waltman & van Eck 2019), seed \(diagram.seed). Layout: \(communities.layout.engine.rawValue).",
                svg: communities.outputs[.svg] ?? [], fileName: "report-communities.svg"),
        ]

        // The gap findings, as `ecomap gaps` gives them, and the map with the gap overlay.
        let gapReport = try GapAnalyzer.analyze(model, rules: rules, options: GapOptions(weighting: input.weight))
        var gapOptions = mapOptions
        gapOptions.idPrefix = "gaps-"
        gapOptions.overlay = GapOverlay(report: gapReport).overlay
        gapOptions.title = "\(mapOptions.title ?? model.title): gaps"
        let gapMap = try EcosystemDiagram.draw(model, options: gapOptions, formats: [.svg])
        notes += gapMap.layout.notes.map { "layout (gaps): \($0)" }
        let gapSection = ReportSection(
            id: "gaps", title: "Gap findings",
            html: GapsWriter.html(gapReport, headingLevel: 3), markdown: GapsWriter.markdown(gapReport, headingLevel: 3),
            figures: [ReportFigure(
                id: "gap-map", title: "Gaps on the map",
                caption: "Double red border: single point of failure (articulation point); thick red line: bridge; dotted red border: isolate; dashed purple line: recommended tie (not in the model). Layout: \(gapMap.layout.engine.rawValue).",
                svg: gapMap.outputs[.svg] ?? [], fileName: "report-gaps.svg")])

        // The scenario comparison, as `ecomap compare` gives it, and its diagrams.
        var scenarioSection: ReportSection?
        if !scenarios.isEmpty {
            let (changed, comparison) = try ScenarioSupport.compare(
                baseline: model, modelPath: modelPath, scenarioPaths: scenarios,
                options: AnalysisOptions(directed: input.directed, weighting: input.weight, seed: diagram.seed), rules: rules)
            let measure = diagram.sizeBy == "none" ? nil : diagram.sizeBy
            let diagrams = try ScenarioSupport.diagrams(baseline: model, scenarios: changed, measure: measure, idPrefix: "scenario-")
            let sizeText = measure.map { " Node size: \($0) in each network." } ?? ""
            var figures = zip(changed, diagrams.files).enumerated().map { k, pair in
                ReportFigure(
                    id: "scenario-diff-\(k + 1)", title: "Scenario: \(pair.0.title)",
                    caption: "The scenario on the baseline's positions: added actors and ties green, removed ones dashed vermillion (still shown), changed ties blue, unchanged ties grey.\(sizeText)",
                    svg: pair.1.svg, fileName: "report-\(pair.1.name)")
            }
            figures.append(ReportFigure(
                id: "scenario-small-multiples", title: "Baseline and scenarios side by side",
                caption: "Small multiples on the same positions and the same frame.\(sizeText)",
                svg: diagrams.files.last?.svg ?? [], fileName: "report-small-multiples.svg"))
            scenarioSection = ReportSection(
                id: "scenarios", title: "Scenario comparison",
                html: ComparisonWriter.text(comparison, style: .html), markdown: ComparisonWriter.text(comparison, style: .markdown),
                figures: figures)
        }

        let assumed = model.relations.filter(\.isAssumed).count
        let weighting: String
        switch input.weight {
        case .strength: weighting = "Weights are tie strengths; path-based measures use path length 1/strength (Opsahl, Agneessens & Skvoretz 2010, Social Networks 32(3), doi:10.1016/j.socnet.2010.03.006)."
        case .distance: weighting = "Weights are read as path lengths (distances)."
        case .unweighted: weighting = "Weights are ignored: every tie has strength 1 and length 1."
        }
        var settings = ["layout \(map.layout.engine.rawValue)", "size-by \(diagram.sizeBy)",
                        "weight \(input.weight.rawValue)", input.directed ? "directed" : "undirected"]
        if let clusterBy = diagram.clusterBy { settings.append("cluster-by \(clusterBy)") }
        let content = ReportContent(
            title: mapOptions.title ?? model.title, modelName: model.name, description: model.description,
            facts: ["\(model.actors.count) actors of \(Set(model.actors.map(\.type)).count) types",
                    "\(model.relations.count) relations (\(assumed) assumed: the source only implies them)"],
            figures: figures, metrics: table,
            methods: ReportContent.catalogMethods(measures),
            methodNotes: [
                input.directed
                    ? "Directed analysis: directed relation types are arcs, mutual types two arcs."
                    : "Undirected analysis: every relation is a mutual tie; parallel ties between two actors are merged into one tie of summed strength, as in NetworkX and UCINET.",
                weighting,
                "Seeded algorithms (Louvain, Leiden) use seed \(diagram.seed) and ecomap's own SplitMix64 generator, so results are reproducible.",
                "Maps: Graphviz \(Graphviz.version) through libgvc; layout \(map.layout.engine.rawValue) for the map and \(communities.layout.engine.rawValue) for the communities.",
            ],
            undefinedMeasures: table.undefined,
            gapFindings: gapSection, scenarioComparison: scenarioSection,
            version: EcoMapVersion.string, graphvizVersion: Graphviz.version, seed: diagram.seed,
            settings: settings, inputs: inputs)

        let files: [(String, Data)] = content.allFigures.map { ($0.fileName, Data($0.svg)) } + [
            ("report.md", Data(ReportWriter.markdown(content).utf8)),
            ("report.html", Data(ReportWriter.html(content).utf8)),
        ]
        return Bundle(files: files, notes: notes)
    }
}
