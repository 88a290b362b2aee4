import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import Graphviz

/// The main job of `ecomap` with no arguments: one analysis of the model, its map drawn with
/// those numbers, the metrics as CSV. Everything is computed in memory first, so nothing is
/// written when any step fails.
public enum MainJob {
    /// The model read when none is named, relative to the repository root.
    public static let defaultModelPath = "Datasets/zoetermeer/model.yaml"

    /// Columns of metrics.csv, in order.
    public static let measures = [
        "degree", "in_degree", "out_degree", "strength", "betweenness", "closeness", "harmonic",
        "pagerank", "eigenvector", "core_number", "constraint", "effective_size", "component",
    ]

    /// How the main job reads the ties by default: undirected, weights as strengths, normalized.
    public static let defaultAnalysis = AnalysisOptions(directed: false, weighting: .strength, normalized: true)

    /// What the main job made.
    public struct Result: Sendable {
        /// The analysis: a row per actor, a column per measure of ``MainJob/measures``.
        public let table: MetricsTable
        /// The map, finished SVG.
        public let svg: [UInt8]
        /// Graphviz's warnings.
        public let warnings: [String]
        /// `metrics.csv`.
        public let csv: String
        /// For a page map whose box is too small for 8-pt labels: how small they come out.
        public let pageWarnings: [String]
        /// The layout the map was drawn on, inches by actor id (for a positions file).
        public let positions: [String: DiagramPoint]
        /// What ``EcosystemRendering/LayoutPolicy`` chose instead of what was asked, in plain
        /// words (e.g. sfdp for a large map), for the CLI to print.
        public var layoutNotes: [String] = []
        /// How many actors were placed anew around kept positions.
        public let placed: Int
        /// The gap analysis behind the briefing (``EcosystemAnalysis/Briefing``); `nil` when
        /// no rules were given to ``MainJob/run(_:sizeBy:engine:analysis:map:rules:)``.
        public var gaps: GapReport? = nil
    }

    /// Above this many actors the main job's gap analysis (for the briefing) leaves out
    /// removal effects and recommended ties, which cost `O(n³)`; `ecomap gaps` computes them
    /// up to ``EcosystemAnalysis/GapOptions/maxExactActors``.
    public static let briefingExactActors = 500

    /// Analyses `model` once and draws its map with the same numbers.
    /// - Parameters:
    ///   - model: a validated model.
    ///   - sizeBy: the node-size measure, one of ``measures``; `nil` for equal sizes.
    ///   - engine: the layout engine; `nil` lets ``EcosystemRendering/LayoutPolicy`` choose
    ///     (neato, or sfdp above ``EcosystemRendering/LayoutPolicy/largeMapNodeLimit`` actors).
    ///   - analysis: how ties are read (direction, weighting); the table, the node sizes and
    ///     the tooltips all come from this one analysis.
    ///   - rules: the gap rules; when given, the gap analysis (undirected, the same weighting)
    ///     runs too, for the briefing; `nil` skips it.
    /// - Returns: the table, the SVG, the CSV and the gap report.
    /// - Throws: ``JobError`` for a size measure outside ``measures``;
    ///   ``EcosystemAnalysis/AnalysisError``, ``EcosystemRendering/DiagramError``.
    ///   - map: page, background, title, caption and kept positions of the map (its engine and
    ///     size measure are `engine` and `sizeBy`); the defaults when `nil`.
    public static func run(
        _ model: EcosystemModel, sizeBy: String?, engine: LayoutEngine?, analysis: AnalysisOptions = defaultAnalysis,
        map: MapRequest? = nil, rules: GapRules? = nil
    ) throws -> Result {
        if let sizeBy, !measures.contains(sizeBy) {
            throw JobError("'\(sizeBy)' is not a measure of the main job; choose one of: \(measures.joined(separator: ", "))")
        }
        let table = try EcosystemAnalyzer.metrics(of: model, measures: measures, options: analysis)
        var request = map ?? MapRequest()
        request.engine = engine
        request.sizeBy = sizeBy
        request.tooltipMeasures = []
        request.caption = request.caption
            ?? (sizeBy == nil ? "Source: \(model.name) model." : "\(Captions.nodeSize(sizeBy, options: analysis)) Source: \(model.name) model.")
        var options = try MapJob.options(for: model, request: request, analysis: analysis, table: table)
        let shared = try MapJob.sharedLayout(for: model, options: options, kept: request.keptPositions)
        options.pinned = shared?.pinned
        let drawing = try EcosystemDiagram.draw(model, options: options, formats: [.svg])
        let gaps = try rules.map { rules in
            try GapAnalyzer.analyze(model, rules: rules, options: GapOptions(weighting: analysis.weighting, maxExactActors: briefingExactActors))
        }
        var result = Result(
            table: table, svg: drawing.outputs[.svg] ?? [], warnings: drawing.warnings,
            csv: try MetricsWriter.csv(table), pageWarnings: drawing.pageNotes,
            positions: shared?.positions ?? [:], placed: shared?.placed ?? 0, gaps: gaps)
        result.layoutNotes = MapJob.layoutNotes(for: model, options: options)
        return result
    }
}
