import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Graphviz

/// What the user asked of a map, before any number is computed: engine, frames, theme, what
/// node size shows, texts. ``MapJob`` turns it into ``EcosystemRendering/DiagramOptions``
/// with the numbers of one analysis.
public struct MapRequest: Sendable {
    /// Measures listed in every actor's tooltip by default.
    public static let defaultTooltipMeasures = ["degree", "strength", "betweenness", "pagerank"]
    /// The default node-size measure: betweenness when this build's catalog has it, else degree.
    public static let defaultSizeBy = MeasureCatalog.named("betweenness") != nil ? "betweenness" : "degree"

    /// Layout engine; `nil` lets ``EcosystemRendering/LayoutPolicy`` choose.
    public var engine: LayoutEngine?
    /// Frame actors by `community` (Leiden, seeded by the analysis seed) or an actor
    /// attribute (``Ecosystem/ActorAttribute/init(_:)``: `type`, `type_label`, `place`,
    /// `helix` or a free attribute); `nil`: no frames.
    public var clusterBy: String?
    /// Palette, fonts, shapes and sizes.
    public var theme: DiagramTheme
    /// Node-level measure that sets node size; `nil` for equal sizes.
    public var sizeBy: String?
    /// Title above the map; the model's title when `nil`.
    public var title: String?
    /// Caption under the title; what node size shows when `nil`.
    public var caption: String?
    /// Whether to draw the legend.
    public var legend: Bool
    /// SVG with a viewBox only.
    public var viewBoxOnly: Bool
    /// Prefix of every element id.
    public var idPrefix: String
    /// Resolution of bitmap output.
    public var dpi: Double?
    /// Measures listed in tooltips (those in the catalog are used).
    public var tooltipMeasures: [String]
    /// The box the maps are laid out for (labels at 8 pt or more at print size); `nil`: the
    /// map's natural size.
    public var page: PageSize?
    /// Background colour (`#RRGGBB`, `#RRGGBBAA`; `#FFFFFF00` is transparent); `nil`: the
    /// theme's, and white for PNG and PDF when the theme keeps the default transparent one.
    public var background: String?
    /// Positions that stay (a saved layout), inches by actor id; the other actors are placed
    /// around them. Empty: a fresh layout.
    public var keptPositions: [String: DiagramPoint] = [:]

    /// A request as given; the defaults are those of `ecomap render`.
    public init(
        engine: LayoutEngine? = nil, clusterBy: String? = nil, theme: DiagramTheme = .default,
        sizeBy: String? = MapRequest.defaultSizeBy, title: String? = nil, caption: String? = nil,
        legend: Bool = true, viewBoxOnly: Bool = false, idPrefix: String = "", dpi: Double? = nil,
        tooltipMeasures: [String] = MapRequest.defaultTooltipMeasures
    ) {
        self.engine = engine; self.clusterBy = clusterBy; self.theme = theme; self.sizeBy = sizeBy
        self.title = title; self.caption = caption; self.legend = legend; self.viewBoxOnly = viewBoxOnly
        self.idPrefix = idPrefix; self.dpi = dpi; self.tooltipMeasures = tooltipMeasures
    }

    /// The node measures the tooltips show: the size measure first, then the tooltip measures
    /// the catalog has.
    public var shownMeasures: [String] {
        var names = tooltipMeasures.filter { MeasureCatalog.named($0)?.level == .node }
        if let sizeBy, !names.contains(sizeBy) { names.insert(sizeBy, at: 0) }
        return names
    }

    /// Every node measure the map needs from the analysis: ``shownMeasures`` and, for frames
    /// by community, `leiden`.
    public var measures: [String] {
        var names = shownMeasures
        if clusterBy == "community", !names.contains("leiden") { names.append("leiden") }
        return names
    }
}
