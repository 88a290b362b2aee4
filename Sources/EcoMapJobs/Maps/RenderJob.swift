import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation
import Graphviz
import NetworkAnalysis

/// The formats of a map on its own.
public enum MapFormat: String, CaseIterable, Sendable {
    /// Embedding-ready SVG (libgvc, finished by ``EcosystemRendering/SVGFinisher``).
    case svg
    /// PNG through cairo, at the request's resolution.
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
    public var graphviz: RenderFormat? {
        switch self {
        case .svg: return .svg
        case .png: return .png
        case .pdf: return .pdf
        case .dot: return nil
        case .dotLayout: return .dot
        case .json: return .json
        }
    }

    /// The format a file name's extension names (`.svg`, `.png`, `.pdf`, `.gv` or `.dot` for
    /// the DOT source, `.layout.gv` for the laid-out DOT, `.json`), or `nil`.
    /// - Parameter path: a file path.
    public init?(fileExtensionOf path: String) {
        let name = URL(fileURLWithPath: path).lastPathComponent.lowercased()
        if name.hasSuffix(".layout.gv") { self = .dotLayout; return }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "gv", "dot": self = .dot
        case "json": self = .json
        default: return nil
        }
    }

    /// The file extension of the default output name.
    public var fileExtension: String {
        switch self {
        case .dot: return "gv"
        case .dotLayout: return "layout.gv"
        default: return rawValue
        }
    }
}

/// A map drawn on its own, with what the user should hear about it.
public struct RenderedMap: Sendable {
    /// The bytes of the requested format.
    public let data: Data
    /// Why the layout differs from the one asked for (an engine replaced, frames ignored).
    public let layoutNotes: [String]
    /// Graphviz's warnings.
    public let warnings: [String]
    /// For a page map whose box is too small for 8-pt labels: how small they come out.
    public let pageWarnings: [String]
    /// The layout the map was drawn on (inches by actor id; empty for a framed map laid out by
    /// dot or fdp), for a positions file.
    public let positions: [String: DiagramPoint]
    /// How many actors were placed anew around kept positions.
    public let placed: Int
}

/// `render`: one map of a model in any format libgvc writes.
public enum RenderJob {
    /// The steps of ``run(_:request:analysis:format:gapRules:monitor:)``, in order, as a
    /// monitor counts them.
    public static let steps = ["measures", "layout", "gap overlay", "drawing"]

    /// Analyses `model` once for the map's numbers and draws it.
    ///
    /// - Parameters:
    ///   - model: the model.
    ///   - request: the map request (its `dpi` is used for PNG only).
    ///   - analysis: the user's analysis options.
    ///   - format: the output format.
    ///   - gapRules: rules for a gap overlay (``GapOverlay``), or `nil` for none.
    ///   - monitor: progress over ``steps`` (0 before the first) and a stop check, asked
    ///     between steps (a layout in progress is bounded by the Graphviz worker's CPU limit).
    /// - Returns: the bytes, the layout notes and Graphviz's warnings.
    /// - Throws: ``JobError``, ``EcosystemAnalysis/AnalysisError``, ``EcosystemAnalysis/GapError``,
    ///   ``EcosystemRendering/DiagramError``; ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)``
    ///   when the monitor stopped it.
    public static func run(
        _ model: EcosystemModel, request: MapRequest, analysis: AnalysisOptions, format: MapFormat,
        gapRules: GapRules? = nil, monitor: WorkMonitor = .none
    ) throws -> RenderedMap {
        let total = steps.count
        func step(_ done: Int) throws {
            if monitor.checkpoint(done, of: total), done < total {
                throw GraphError.stopped(algorithm: "the map", done: done, total: total)
            }
        }
        try step(0)
        var request = request
        request.dpi = format == .png ? request.dpi : nil
        // PNG and PDF are pictures to paste on a page or slide: white unless asked otherwise.
        if request.background == nil, format == .png || format == .pdf, request.theme.background == DiagramTheme.default.background {
            request.background = "#FFFFFF"
        }
        try MapJob.check(request, for: model)
        let table = try MapJob.analyse(model, for: request, analysis: analysis)
        var options = try MapJob.options(for: model, request: request, analysis: analysis, table: table)
        try step(1)
        let shared = try MapJob.sharedLayout(for: model, options: options, kept: request.keptPositions)
        options.pinned = shared?.pinned
        try step(2)
        if let gapRules {
            let report = try GapAnalyzer.analyze(model, rules: gapRules, options: GapOptions(weighting: analysis.weighting))
            options.overlay = GapOverlay(report: report).overlay
        }
        try step(3)
        let layoutNotes = MapJob.layoutNotes(for: model, options: options)
        guard let rendered = format.graphviz else {
            return RenderedMap(
                data: Data(EcosystemDiagram.dot(for: model, options: options).utf8), layoutNotes: layoutNotes, warnings: [],
                pageWarnings: [], positions: shared?.positions ?? [:], placed: shared?.placed ?? 0)
        }
        let drawing = try EcosystemDiagram.draw(model, options: options, formats: [rendered])
        try step(4)
        return RenderedMap(
            data: Data(drawing.outputs[rendered] ?? []), layoutNotes: layoutNotes, warnings: drawing.warnings,
            pageWarnings: drawing.pageNotes, positions: shared?.positions ?? [:], placed: shared?.placed ?? 0)
    }
}
