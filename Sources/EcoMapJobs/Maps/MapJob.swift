import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Graphviz

/// Drawing the map of a model: the options of ``EcosystemRendering/EcosystemDiagram`` from
/// the user's request and the numbers of ONE analysis, so node sizes, tooltips and community
/// frames show exactly the values of the metrics table printed or written beside the map.
public enum MapJob {
    /// Checks that the request fits the model: frames by `community` or by an attribute some
    /// actor has (``Ecosystem/EcosystemModel/groups(byAttributeNamed:)``).
    /// - Parameters:
    ///   - request: the map request.
    ///   - model: the model to draw.
    /// - Throws: ``JobError`` naming the attribute, the valid choices and the likely one meant.
    public static func check(_ request: MapRequest, for model: EcosystemModel) throws(JobError) {
        guard let clusterBy = request.clusterBy, clusterBy != "community" else { return }
        do {
            _ = try model.groups(byAttributeNamed: clusterBy)
        } catch {
            throw JobError("cannot frame actors by '\(clusterBy)': \(error.description), or by 'community'")
        }
    }

    /// The analysis a map needs on its own: ``MapRequest/measures`` with `analysis`.
    /// - Parameters:
    ///   - model: the model.
    ///   - request: the map request.
    ///   - analysis: the user's analysis options (direction, weighting, seed).
    /// - Returns: the metrics table.
    /// - Throws: ``EcosystemAnalysis/AnalysisError`` when a measure fails.
    public static func analyse(
        _ model: EcosystemModel, for request: MapRequest, analysis: AnalysisOptions
    ) throws -> MetricsTable {
        try EcosystemAnalyzer.metrics(of: model, measures: request.measures, options: analysis)
    }

    /// The diagram options for `model` with the numbers in `table`.
    ///
    /// - Parameters:
    ///   - model: the model drawn.
    ///   - request: what the user asked for.
    ///   - analysis: the options `table` was computed with (for the caption).
    ///   - table: a metrics table of `model` holding every measure of ``MapRequest/measures``
    ///     (more columns are fine: the report passes its own table).
    /// - Returns: options with node sizes, tooltip measures and frames from `table`.
    /// - Throws: ``JobError`` when the frame attribute does not fit the model, or `table` lacks
    ///   a measure the request needs.
    public static func options(
        for model: EcosystemModel, request: MapRequest, analysis: AnalysisOptions, table: MetricsTable
    ) throws(JobError) -> DiagramOptions {
        try check(request, for: model)
        var options = DiagramOptions(
            title: request.title, engine: request.engine, legend: request.legend, dpi: request.dpi,
            theme: request.theme, viewBoxOnly: request.viewBoxOnly, idPrefix: request.idPrefix)
        options.page = request.page
        if let background = request.background { options.theme.background = background }
        options.tooltipMeasures = try request.shownMeasures.map { name throws(JobError) in
            let values = try column(name, of: table)
            // Maps number communities and components from 1, as their frames do.
            return numberedFromZero.contains(name)
                ? DiagramMeasure(name: name, values: values.map { $0 + 1 })
                : DiagramMeasure(name: name, values: values)
        }
        if let sizeBy = request.sizeBy {
            options.nodeSize = try column(sizeBy, of: table)
            options.nodeSizeMeasure = sizeBy
        }
        if let clusterBy = request.clusterBy {
            options.clusters = clusterBy == "community"
                ? EcosystemDiagram.communityLabels(try column("leiden", of: table))
                : EcosystemDiagram.clusterLabels(of: model, by: ActorAttribute(clusterBy))
            options.clusterAttribute = clusterBy
        }
        options.caption = request.caption ?? Captions.nodeSize(request.sizeBy, options: analysis)
        return options
    }

    /// Frames by Leiden community, for the report's second map, from the same table.
    /// - Parameters:
    ///   - options: the map's options.
    ///   - table: the analysis, with a `leiden` column.
    /// - Returns: the options with community frames and the default engine for frames.
    /// - Throws: ``JobError`` when the table has no `leiden` column.
    public static func framedByCommunity(_ options: DiagramOptions, table: MetricsTable) throws(JobError) -> DiagramOptions {
        var framed = options
        framed.engine = nil
        framed.clusters = EcosystemDiagram.communityLabels(try column("leiden", of: table))
        framed.clusterAttribute = "community"
        return framed
    }

    /// Measures whose values number groups from 0 (communities, components); maps show them from 1.
    public static let numberedFromZero: Set<String> = ["leiden", "louvain", "component"]

    /// The one layout every map of `model` in this run shares (``EcosystemRendering/MapLayout``):
    /// the positions of `options`' engine (the request's kept positions stay, other actors are
    /// placed around them), the actors `others` add placed around those, fitted to the page.
    ///
    /// A map framed by `dot` or `fdp` (``EcosystemRendering/DiagramOptions/clusters``) is laid
    /// out by that engine itself, which draws the frames: it has no shared layout.
    /// - Parameters:
    ///   - model: the model.
    ///   - others: changed models drawn on the same layout (scenarios), whose added actors are placed.
    ///   - options: the map's options (engine, theme, page, legend).
    ///   - kept: positions that stay, inches.
    /// - Returns: the layout, or `nil` for a framed map.
    /// - Throws: ``EcosystemRendering/DiagramError`` when the layout fails.
    public static func sharedLayout(
        for model: EcosystemModel, others: [EcosystemModel] = [], options: DiagramOptions, kept: [String: DiagramPoint]
    ) throws -> SharedLayout? {
        if isFramed(model, options: options) { return nil }
        let positions = try ScenarioDiagram.positions(baseline: model, scenarios: others, options: options, keeping: kept)
        let fitted = EcosystemDiagram.sharedLayout(of: model, options: options, positions: positions)
        let placed = positions.keys.filter { kept[$0] == nil }.count
        return SharedLayout(pinned: fitted.layout, fit: fitted.fit, positions: positions, placed: kept.isEmpty ? 0 : placed)
    }

    /// Whether the map is framed by an engine that draws frames (dot, fdp), so it is laid out
    /// by that engine rather than on the shared layout.
    /// - Parameters:
    ///   - model: the model.
    ///   - options: the map's options.
    /// - Returns: `true` for a framed map.
    public static func isFramed(_ model: EcosystemModel, options: DiagramOptions) -> Bool {
        guard options.clusters != nil else { return false }
        let engine = LayoutPolicy.choose(requested: options.engine, nodeCount: model.actors.count, clustered: true).engine
        return LayoutPolicy.clusterEngines.contains(engine)
    }

    /// What the user should hear about the engine: the notes of ``EcosystemRendering/LayoutPolicy``
    /// for the engine that lays the map out (a shared layout is laid out by it, then pinned).
    /// - Parameters:
    ///   - model: the model.
    ///   - options: the map's options.
    /// - Returns: the notes.
    public static func layoutNotes(for model: EcosystemModel, options: DiagramOptions) -> [String] {
        LayoutPolicy.choose(requested: options.engine, nodeCount: model.actors.count, clustered: options.clusters != nil).notes
    }

    static func column(_ name: String, of table: MetricsTable) throws(JobError) -> [Double] {
        guard let values = table.column(name) else {
            throw JobError("the analysis has no '\(name)' values for the map (an internal error: please report it)")
        }
        return values
    }
}

/// The one layout of a run, shared by every map drawn in it.
public struct SharedLayout: Sendable {
    /// What every map pins (positions, page factor, frame).
    public let pinned: PinnedLayout
    /// How it fits the page, when there is one.
    public let fit: PageFit?
    /// Every actor's position, inches, as laid out (what a positions file saves).
    public let positions: [String: DiagramPoint]
    /// How many actors were placed anew around kept positions (0 for a fresh layout).
    public let placed: Int
}
