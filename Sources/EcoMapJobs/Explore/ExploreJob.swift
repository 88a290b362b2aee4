import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import Graphviz

/// The explorer page of a model, with what the user should hear about it.
public struct ExploredMap: Sendable {
    /// `explore.html`, UTF-8.
    public let html: Data
    /// The layout engine used and why it differs from the one asked for, if it does.
    public let layout: LayoutChoice
    /// Graphviz's warnings.
    public let warnings: [String]
}

/// `explore`: one self-contained HTML page to explore the map offline (``EcosystemReport/ExplorerPage``).
///
/// The model is analysed ONCE with the user's options (``EcosystemAnalysis/EcosystemAnalyzer``):
/// the same table sizes the nodes of the drawn map, fills its tooltips and gives the measures
/// and ranks of the page's panel, so every number in the page is the number `ecomap analyze`
/// prints with the same options. The map is ecomap's own SVG (``MapJob``), so the picture is
/// the one the report shows; gap marks come from ``EcosystemAnalysis/GapAnalyzer`` and
/// scenario diffs from ``CompareJob``, drawn in the page on the same positions.
public enum ExploreJob {
    /// Measures listed in the panel (with rank) and offered as node sizes, besides those of
    /// the map request; `leiden` also gives the community overlay.
    public static let measures = [
        "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
        "constraint", "effective_size", "core_number", "clustering", "leiden",
    ]

    /// Builds the explorer page of `model`.
    ///
    /// - Parameters:
    ///   - model: a validated model, read from `modelPath`.
    ///   - modelPath: where it was read from (scenarios that name a base must name it).
    ///   - request: the map request (engine, theme, node size, title…); drawn viewBox-only
    ///     without an id prefix, whatever it says, so the page can pan and zoom it.
    ///   - analysis: the user's analysis options, for every number of the page.
    ///   - gapRules: rules of the gap findings and marks; `nil` leaves the gap analysis out.
    ///   - scenarioPaths: scenario files shown as diff overlays, in order.
    ///   - files: the run's record of inputs.
    /// - Returns: the page, the layout choice and Graphviz's warnings.
    /// - Throws: ``JobError``, ``Ecosystem/ModelError`` (scenarios),
    ///   ``EcosystemAnalysis/AnalysisError``, ``EcosystemAnalysis/GapError``,
    ///   ``EcosystemRendering/DiagramError``, ``EcosystemReport/ExplorerError``.
    /// - Complexity: dominated by the layout engine and the gap analysis (its exact removal
    ///   and tie recommendations, `O(n · m)` and more per candidate).
    public static func run(
        _ model: EcosystemModel, modelPath: String, request: MapRequest, analysis: AnalysisOptions,
        gapRules: GapRules?, scenarioPaths: [String] = [], files: RunFiles
    ) throws -> ExploredMap {
        var request = request
        request.viewBoxOnly = true
        request.idPrefix = ""
        request.dpi = nil
        try MapJob.check(request, for: model)
        var names = request.measures
        for name in measures where !names.contains(name) && MeasureCatalog.named(name)?.level == .node { names.append(name) }
        let table = try EcosystemAnalyzer.metrics(of: model, measures: names, options: analysis)
        let options = try MapJob.options(for: model, request: request, analysis: analysis, table: table)
        let drawing = try EcosystemDiagram.draw(model, options: options, formats: [.svg])

        var report: GapReport?
        if let gapRules {
            report = try GapAnalyzer.analyze(model, rules: gapRules, options: GapOptions(weighting: analysis.weighting))
        }
        var scenarios: [ExplorerScenario] = []
        if !scenarioPaths.isEmpty {
            let compared = try CompareJob.run(
                baseline: model, modelPath: modelPath, scenarioPaths: scenarioPaths, analysis: analysis,
                rules: gapRules, files: files)
            for (k, changed) in compared.scenarios.enumerated() {
                let changes = compared.comparison.findingChanges(network: k + 1)
                scenarios.append(ExplorerScenario(
                    name: ScenarioInput.fileStem(changed), title: changed.title, model: changed,
                    diff: compared.comparison.diffs[k], findingsAppear: changes.appear.map(ComparisonWriter.findingText),
                    findingsDisappear: changes.disappear.map(ComparisonWriter.findingText)))
            }
        }
        var notes = [options.caption]
        notes.append("Layout: \(drawing.layout.engine.rawValue).")
        notes += drawing.layout.notes
        if let report, !report.skipped.isEmpty {
            notes += report.skipped.map { "Gap findings '\($0.kind.rawValue)' skipped: \($0.reason)" }
        }
        let content = ExplorerContent(
            model: model, svg: drawing.outputs[.svg] ?? [], table: table, sizeMeasure: options.nodeSize == nil ? nil : options.nodeSizeMeasure,
            nodeWidths: (request.theme.minNodeWidth, request.theme.maxNodeWidth),
            gaps: report, gapMarks: report.map { GapOverlay(report: $0) }, scenarios: scenarios, notes: notes)
        let html = try ExplorerPage.html(content)
        return ExploredMap(html: Data(html.utf8), layout: drawing.layout, warnings: drawing.warnings)
    }
}
