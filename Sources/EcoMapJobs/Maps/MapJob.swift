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
        options.tooltipMeasures = try request.shownMeasures.map { name throws(JobError) in
            DiagramMeasure(name: name, values: try column(name, of: table))
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

    static func column(_ name: String, of table: MetricsTable) throws(JobError) -> [Double] {
        guard let values = table.column(name) else {
            throw JobError("the analysis has no '\(name)' values for the map (an internal error: please report it)")
        }
        return values
    }
}
