import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import Graphviz

/// What a report is made of, beyond the model.
public struct ReportRequest: Sendable {
    /// The maps: engine, frames, theme, node size, texts (its `idPrefix` is set per figure).
    public var map: MapRequest
    /// The analysis options of every number in the report.
    public var analysis: AnalysisOptions
    /// Scenario files compared with the model, in order (none: no scenario section).
    public var scenarioPaths: [String]
    /// The gap rules and where they came from.
    public var rules: LoadedRules
    /// The theme file, if any (hashed in the reproducibility block).
    public var themePath: String?
    /// The size of the tie portfolio in the gap findings (default 3).
    public var ties: Int = 3
    /// The command line that asked for the report (program name first), recorded in the
    /// reproducibility block; `nil` records none. The CLI passes its own arguments: the
    /// library never reads the process's command line.
    public var commandLine: [String]?
    /// The folder the input paths are recorded relative to (the working directory of the
    /// command, so the recorded command runs again from there).
    public var workingDirectory: String

    /// A request as given; `workingDirectory` defaults to the process's current directory.
    public init(
        map: MapRequest, analysis: AnalysisOptions, scenarioPaths: [String] = [], rules: LoadedRules, themePath: String? = nil,
        ties: Int = 3, commandLine: [String]? = nil, workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.map = map; self.analysis = analysis; self.scenarioPaths = scenarioPaths; self.rules = rules
        self.themePath = themePath; self.ties = ties; self.commandLine = commandLine; self.workingDirectory = workingDirectory
    }
}

/// The report bundle, in memory: nothing is written until everything succeeded.
public struct ReportBundle: Sendable {
    /// File name → bytes, in the order they are written.
    public var files: [(name: String, data: Data)]
    /// Notes for the user (layout substitutions, Graphviz's warnings, maps too small for their page).
    public var notes: [String]
    /// The layout every pinned map of the report shares, inches by actor id (for a positions file).
    public var positions: [String: DiagramPoint] = [:]
    /// How many actors were placed anew around kept positions.
    public var placed: Int = 0
}

/// `report`: the maps, the measures, the gap findings and the scenario comparison of a model
/// as one self-contained HTML page and a Markdown page with its SVGs.
///
/// The model is analysed ONCE, with the request's options; the table, the node sizes and
/// tooltips of every map, and the community frames all come from that analysis. The gap
/// analysis and each scenario's analysis run once each.
public enum ReportJob {
    /// Node-level measures of the report's table, in order (those in the catalog are used).
    public static let nodeMeasures = [
        "degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
        "core_number", "constraint", "effective_size", "leiden", "component",
    ]
    /// Network-level measures of the report.
    public static let networkMeasures = [
        "nodes", "edges", "density", "components", "largest_component", "articulation_points", "bridges",
        "global_efficiency", "transitivity", "average_clustering", "modularity", "degree_centralization",
    ]
    /// The measures per actor in tables of related columns, each narrow enough for an A4 page.
    public static let measureGroups: [(title: String, measures: [String])] = [
        ("Centrality: who is central, and how", ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector"]),
        ("Position: core, brokerage and groups", ["core_number", "constraint", "effective_size", "leiden", "component"]),
    ]

    /// Builds the bundle for `model`.
    ///
    /// - Parameters:
    ///   - model: the model, read from `modelPath`.
    ///   - modelPath: its path as given (hashed, and the base scenarios must name).
    ///   - request: maps, options, scenarios, rules, theme.
    ///   - files: the run's record of inputs.
    /// - Returns: the files (report-*.svg, report.md, report.html) and notes.
    /// - Throws: ``JobError``, ``Ecosystem/ModelError``, ``EcosystemAnalysis/AnalysisError``,
    ///   ``EcosystemAnalysis/GapError``, ``EcosystemRendering/DiagramError``.
    public static func build(
        _ model: EcosystemModel, modelPath: String, request: ReportRequest, files: RunFiles
    ) throws -> ReportBundle {
        let analysis = request.analysis
        let shown = (nodeMeasures + networkMeasures).filter { MeasureCatalog.named($0) != nil }
        var measures = shown
        for name in request.map.measures + ["leiden"] where !measures.contains(name) && MeasureCatalog.named(name) != nil {
            measures.append(name)
        }
        let analysed = try EcosystemAnalyzer.metrics(of: model, measures: measures, options: analysis)
        let table = readable(analysed.keeping(nodeMeasures: shown), model: model)
        var notes: [String] = []

        // The scenarios first: their added actors are placed in the one layout every map shares.
        let compared = request.scenarioPaths.isEmpty ? nil : try CompareJob.run(
            baseline: model, modelPath: modelPath, scenarioPaths: request.scenarioPaths,
            analysis: analysis, rules: request.rules.rules, ties: request.ties, files: files)

        // Figure 1: the map as asked for (layout, frames, size).
        var mapRequest = request.map
        mapRequest.idPrefix = "map-"
        var mapOptions = try MapJob.options(for: model, request: mapRequest, analysis: analysis, table: analysed)
        let title = mapOptions.title ?? model.title
        // One layout for the map, the gap map and the scenario diagrams (a map framed by dot
        // keeps its own layout: dot draws the frames).
        var unframed = mapOptions
        unframed.clusters = nil
        let shared = try MapJob.sharedLayout(for: model, others: compared?.scenarios ?? [], options: unframed, kept: request.map.keptPositions)!
        mapOptions.pinned = MapJob.isFramed(model, options: mapOptions) ? nil : shared.pinned
        let engine = LayoutPolicy.choose(
            requested: mapOptions.engine, nodeCount: model.actors.count, clustered: mapOptions.clusters != nil).engine.rawValue
        let map = try EcosystemDiagram.draw(model, options: mapOptions, formats: [.svg])
        notes += MapJob.layoutNotes(for: model, options: mapOptions).map { "layout (map): \($0)" } + map.warnings.map { "graphviz: \($0)" }
        notes += map.pageNotes.map { "page (map): \($0)" }

        // Figure 2: framed by Leiden community (dot, or fdp for large maps), laid out by that engine.
        var communityOptions = try MapJob.framedByCommunity(mapOptions, table: analysed)
        communityOptions.pinned = nil
        communityOptions.idPrefix = "communities-"
        communityOptions.title = "\(title): communities"
        let communities = try EcosystemDiagram.draw(model, options: communityOptions, formats: [.svg])
        notes += communities.layout.notes.map { "layout (communities): \($0)" }
        notes += communities.pageNotes.map { "page (communities): \($0)" }

        let sizeText = mapOptions.nodeSizeMeasure.map { "Node size: \($0). " } ?? ""
        let figures = [
            ReportFigure(
                id: "map", title: "The ecosystem map",
                caption: "\(sizeText)Fill colour and shape: actor type; line colour and style: relation type; line width: tie strength; arrows: directed relations. Layout: \(engine)\(mapOptions.pinned == nil ? "" : ", the same positions as the gap map and the scenario diagrams"). The section Relations lists every relation in words.",
                svg: map.outputs[.svg] ?? [], fileName: "report-map.svg"),
            ReportFigure(
                id: "communities", title: "Communities",
                caption: "Frames: communities found by the Leiden algorithm (Traag, Waltman & van Eck 2019), seed \(analysis.seed). Layout: \(communities.layout.engine.rawValue).",
                svg: communities.outputs[.svg] ?? [], fileName: "report-communities.svg"),
        ]

        // The gap findings, as `gaps` gives them, and the map with the gap overlay.
        let gapReport = try GapAnalyzer.analyze(model, rules: request.rules.rules, options: GapOptions(weighting: analysis.weighting, ties: request.ties))
        var gapOptions = unframed
        gapOptions.pinned = shared.pinned
        gapOptions.idPrefix = "gaps-"
        gapOptions.overlay = GapOverlay(report: gapReport).overlay
        gapOptions.title = "\(title): gaps"
        let gapMap = try EcosystemDiagram.draw(model, options: gapOptions, formats: [.svg])
        notes += gapMap.pageNotes.map { "page (gaps): \($0)" }
        let gapSection = ReportSection(
            id: "gaps", title: "Gap findings",
            html: GapsWriter.html(gapReport, headingLevel: 3), markdown: GapsWriter.markdown(gapReport, headingLevel: 3),
            figures: [ReportFigure(
                id: "gap-map", title: "Gaps on the map",
                caption: "Double red border: single point of failure (articulation point); thick red line: bridge; dotted red border: isolate; dashed purple line: recommended tie (not in the model). Layout: the positions of the map.",
                svg: gapMap.outputs[.svg] ?? [], fileName: "report-gaps.svg")])

        // The scenario comparison, as `compare` gives it, and its diagrams.
        var scenarioSection: ReportSection?
        if let compared {
            let measure = request.map.sizeBy
            let diagrams = try CompareJob.diagrams(compared, sizeBy: measure, idPrefix: "scenario-", style: unframed, layout: shared)
            notes += diagrams.pageWarnings.map { "page (scenarios): \($0)" }
            let sizeText = measure.map { " Node size: \($0) in each network." } ?? ""
            var figures = zip(compared.scenarios, diagrams.files).enumerated().map { k, pair in
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
                html: ComparisonWriter.text(compared.comparison, style: .html),
                markdown: ComparisonWriter.text(compared.comparison, style: .markdown),
                figures: figures)
        }

        let evolutionSection = try evolutionSection(model, title: title, analysis: analysis, rules: request.rules.rules)

        let names = Dictionary(model.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let relations = model.relations.map { r in
            let type = model.relationType(r.type)
            return ReportRelation(
                from: names[r.from] ?? r.from, to: names[r.to] ?? r.to, relation: type?.label ?? r.type,
                directed: type?.directed ?? false, strength: r.weight, source: r.source, assumed: r.assumed)
        }
        var settings = ["layout \(engine)", "size-by \(request.map.sizeBy ?? "none")",
                        "weight \(analysis.weighting.rawValue)", analysis.directed ? "directed" : "undirected"]
        if let clusterBy = request.map.clusterBy { settings.append("cluster-by \(clusterBy)") }
        var content = ReportContent(
            title: title, modelName: model.name, description: model.description,
            figures: figures, metrics: table,
            methods: ReportContent.catalogMethods(shown),
            methodNotes: [
                analysis.directed
                    ? "Directed analysis: directed relation types are arcs, mutual types two arcs."
                    : "Undirected analysis: every relation is a mutual tie; parallel ties between two actors are merged into one tie of summed strength, as in NetworkX and UCINET.",
                Captions.weighting(analysis.weighting),
                "Seeded algorithms (Louvain, Leiden) use seed \(analysis.seed) and ecomap's own SplitMix64 generator, so results are reproducible.",
                "Maps: Graphviz \(Graphviz.version) through libgvc; layout \(engine) for the map (its positions shared by the gap map and the scenario diagrams) and \(communities.layout.engine.rawValue) for the communities.",
            ],
            undefinedMeasures: table.undefined,
            gapFindings: gapSection, scenarioComparison: scenarioSection,
            version: EcoMapVersion.string, graphvizVersion: Graphviz.version, seed: analysis.seed,
            settings: settings, inputs: try hashedInputs(modelPath: modelPath, request: request),
            language: model.language, keyFigures: keyFigures(model: model, table: analysed, gaps: gapReport),
            measureGroups: measureGroups, relations: relations,
            commandLine: request.commandLine.map(InvocationText.shellLine))
        let briefing = Briefing(gapReport)
        if !briefing.items.isEmpty {
            content.briefing = ReportSection(
                id: "briefing", title: BriefingWriter.title,
                html: BriefingWriter.html(briefing, report: gapReport), markdown: BriefingWriter.markdown(briefing, report: gapReport))
        }

        if let evolutionSection { content.extraSections.append(evolutionSection) }
        let bundle: [(name: String, data: Data)] = content.allFigures.map { ($0.fileName, Data($0.svg)) } + [
            ("report.md", Data(ReportWriter.markdown(content).utf8)),
            ("report.html", Data(ReportWriter.html(content).utf8)),
        ]
        return ReportBundle(files: bundle, notes: notes, positions: shared.positions, placed: shared.placed)
    }

    /// The table as a reader reads it: the `type` column gives each type's label, and the
    /// `place` column is left out when no actor has a place.
    static func readable(_ table: MetricsTable, model: EcosystemModel) -> MetricsTable {
        let labels = table.labels.compactMap { label -> (name: String, values: [String])? in
            switch label.name {
            case "type": return (label.name, label.values.map { model.actorType($0)?.label ?? $0 })
            case "place": return label.values.allSatisfy(\.isEmpty) ? nil : label
            default: return label
            }
        }
        return MetricsTable(
            nodeIDs: table.nodeIDs, nodeNames: table.nodeNames, labels: labels, measures: table.measures,
            columns: table.columns, network: table.network, undefined: table.undefined, edges: table.edges, pairs: table.pairs)
    }

    /// The key figures on top of the report: size, ties, components, density, global
    /// efficiency (from `table`, the one analysis of the report) and the gap findings by
    /// severity; each in plain words with the term in brackets.
    static func keyFigures(model: EcosystemModel, table: MetricsTable, gaps: GapReport) -> [(label: String, value: String)] {
        func network(_ name: String) -> Double? { table.network.first { $0.name == name }?.value }
        var figures: [(label: String, value: String)] = [
            ("actors", "\(model.actors.count)"),
            ("actor types in use", "\(Set(model.actors.map(\.type)).count)"),
            ("relations in the model", "\(model.relations.count)"),
            ("of them assumed (the source only implies them)", "\(model.relations.filter(\.isAssumed).count)"),
        ]
        if let ties = network("edges") { figures.append(("pairs of actors with a tie (ties)", NumberFormat.table(ties, 0))) }
        if let components = network("components") {
            figures.append(("separate parts of the network (components)", NumberFormat.table(components, 0)))
        }
        if let density = network("density") {
            figures.append(("share of possible ties present (density)", NumberFormat.decimals(density, 3)))
        }
        if let efficiency = network("global_efficiency") {
            figures.append(("how easily actors reach each other (global efficiency)", NumberFormat.decimals(efficiency, 3)))
        }
        let counts = Severity.allCases.filter { $0 != .info }.map { severity in
            "\(gaps.findings.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        figures.append(("gap findings by severity", counts.joined(separator: " · ")))
        return figures
    }

    /// The reproducibility block's inputs: the model, the rules, the theme and every scenario,
    /// each with the SHA-256 of its bytes.
    static func hashedInputs(modelPath: String, request: ReportRequest) throws -> [ReportInput] {
        func read(_ role: String, _ path: String) throws -> ReportInput {
            do {
                return ReportInput(role: role, path: InvocationText.relativePath(path, to: request.workingDirectory),
                                   contents: try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw JobError("cannot read \(path): \(RunFiles.reason(error))")
            }
        }
        var inputs = [try read("model", modelPath)]
        if let path = request.rules.path { inputs.append(try read("rules", path)) }
        if let theme = request.themePath { inputs.append(try read("theme", theme)) }
        for path in request.scenarioPaths { inputs.append(try read("scenario", path)) }
        return inputs
    }
}

/// The version printed by `--version` and recorded in reports.
public enum EcoMapVersion {
    /// The version, `major.minor.patch`.
    public static let string = "0.1.0"
}

extension ReportJob {
    /// The report's "Evolution" section when the model is dated (``Ecosystem/EcosystemModel/isDated``):
    /// `evolve` from the earliest date to the observed (or latest) one, by years (by several
    /// years when that would be more than 25 periods), with the chart of the indicators.
    /// `title` (the report's; default the model's) heads the text and the chart. `nil` for an
    /// undated model.
    static func evolutionSection(_ model: EcosystemModel, title: String? = nil, analysis: AnalysisOptions, rules: GapRules?) throws -> ReportSection? {
        guard model.isDated else { return nil }
        var step = EvolutionStep(count: 1, unit: .year)!
        let years = try Evolution.periods(of: model, from: nil, to: nil, step: step).count
        if years > 25 { step = EvolutionStep(count: (years + 24) / 25, unit: .year)! }
        let evolved = try EvolveJob.run(model, from: nil, to: nil, step: step, analysis: analysis, rules: rules)
        let e = evolved.evolution
        let title = title ?? model.title
        let chart = EvolutionWriter.svg(e, indicators: e.comparison.indicators, title: "\(title): indicators per period")
        return ReportSection(
            id: "evolution", title: "Evolution",
            html: EvolutionWriter.text(e, title: title, style: .html),
            markdown: EvolutionWriter.text(e, title: title, style: .markdown),
            figures: [ReportFigure(
                id: "evolution-chart", title: "Indicators per period",
                caption: "The network as it stood in each period (the actors and ties that existed on any day of it), as `ecomap evolve` gives it.",
                svg: Array(chart.utf8), fileName: "report-evolution.svg")])
    }
}
