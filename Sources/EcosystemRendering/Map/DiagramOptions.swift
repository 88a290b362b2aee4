import Ecosystem
import Graphviz

/// A named per-actor value shown in tooltips (e.g. `betweenness`), indexed like `model.actors`.
public struct DiagramMeasure: Sendable, Equatable {
    /// The measure's name, as shown in the tooltip.
    public var name: String
    /// One value per actor (NaN shown as undefined).
    public var values: [Double]
    /// A measure as given.
    public init(name: String, values: [Double]) { self.name = name; self.values = values }
}

/// A point on the drawing, in inches (the units of Graphviz's `pos` attribute and `plain` output).
public struct DiagramPoint: Sendable, Equatable {
    /// Horizontal coordinate, inches, growing to the right.
    public var x: Double
    /// Vertical coordinate, inches, growing upwards (Graphviz's convention).
    public var y: Double
    /// A point as given.
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// Node positions fixed in advance, so several maps share one layout (a scenario drawn on
/// the baseline's positions, small multiples).
///
/// A pinned map is laid out with neato, every actor with a position at `pos="x,y!"` (neato
/// keeps pinned nodes where they are and only routes the edges; actors without a position
/// are placed around them). The legends are pinned to the right of the actors. With a
/// `frame`, two invisible 0.01-inch nodes at its corners give every map drawn with the same
/// frame the same bounding box.
public struct PinnedLayout: Sendable, Equatable {
    /// Positions by actor id, in inches.
    public var positions: [String: DiagramPoint]
    /// Lower-left and upper-right corners of the shared frame, in inches as drawn (after
    /// ``scale``), or `nil`.
    public var frame: (min: DiagramPoint, max: DiagramPoint)?
    /// Factor applied to every position when drawing (a page map squeezes or spreads the one
    /// layout to its box; node sizes and fonts are not scaled). 1: as laid out.
    public var scale: Double
    /// Height of the band at the bottom of the frame kept for the legends, inches (a portrait
    /// page draws its legends below the map); 0: the legends stand to the right of the frame.
    public var legendBand: Double

    /// A pinned layout as given.
    public init(
        positions: [String: DiagramPoint], frame: (min: DiagramPoint, max: DiagramPoint)? = nil, scale: Double = 1,
        legendBand: Double = 0
    ) {
        self.positions = positions; self.frame = frame; self.scale = scale; self.legendBand = legendBand
    }

    /// The position of `id` as drawn (times ``scale``), in inches.
    public func drawn(_ id: String) -> DiagramPoint? {
        positions[id].map { DiagramPoint(x: $0.x * scale, y: $0.y * scale) }
    }

    /// Equal positions, scales and frames (both absent, or the same corners).
    public static func == (a: PinnedLayout, b: PinnedLayout) -> Bool {
        a.positions == b.positions && a.scale == b.scale && a.legendBand == b.legendBand && a.frame?.min == b.frame?.min && a.frame?.max == b.frame?.max
    }
}

/// What to draw and how, beyond what the model itself declares.
public struct DiagramOptions: Sendable {
    /// Title drawn above the map; the model's title when `nil`.
    public var title: String?
    /// Caption drawn under the title (e.g. "Node size: betweenness"); none when empty.
    public var caption: String
    /// Layout engine; `nil` lets ``LayoutPolicy`` choose (neato, or dot when clustering).
    /// Large maps may be laid out with another engine than asked: see ``LayoutPolicy``.
    public var engine: LayoutEngine?
    /// Per-actor values that set node size (indexed like `model.actors`); equal sizes when `nil`.
    /// NaN values get the smallest size.
    public var nodeSize: [Double]?
    /// Name of the measure behind `nodeSize`, for the legend.
    public var nodeSizeMeasure: String?
    /// Whether to draw the legend of actor and relation types.
    public var legend: Bool
    /// Label lines are wrapped at this many characters.
    public var labelWidth: Int
    /// Resolution for bitmap output (PNG), in dots per inch; Graphviz's default (96) when `nil`.
    /// Graphviz scales SVG coordinates by it too, so set it only for PNG.
    public var dpi: Double?
    /// Palette, fonts, shapes and sizes (see ``DiagramTheme`` for precedence over the model).
    public var theme: DiagramTheme
    /// Group label per actor (indexed like `model.actors`): actors with the same label are drawn
    /// in one Graphviz cluster, in order of first appearance. `nil`: no clusters. See
    /// ``EcosystemDiagram/clusterLabels(of:by:)`` and ``EcosystemDiagram/communityLabels(_:)``.
    public var clusters: [String]?
    /// What the clusters are (e.g. "type", "community"), for the legend and the description.
    public var clusterAttribute: String?
    /// Measures listed in each actor's tooltip and accessible title, after name, type and place.
    public var tooltipMeasures: [DiagramMeasure]
    /// SVG without `width` and `height`, only a `viewBox`, so it scales to its container.
    public var viewBoxOnly: Bool
    /// Prefix for every element id in the SVG (e.g. `fig1-`), so several maps can be inlined in
    /// one HTML page without duplicate ids. Sanitized like ``DOTText/identifier(_:prefix:)``.
    public var idPrefix: String
    /// The SVG's `<desc>` for screen readers; a generated summary (actors, types, relations,
    /// what size and clusters mean) when `nil`.
    public var description: String?
    /// Marks drawn on top of the map (gap findings, scenario changes) with their own legend.
    public var overlay: DiagramOverlay?
    /// Positions fixed in advance (laid out with neato, clusters not framed); `nil`: the
    /// engine lays the map out. See ``MapLayout`` for the one layout every map of a model shares.
    public var pinned: PinnedLayout?
    /// The box the map is drawn for (``PageSize``): labels at 8 pt or more at print size,
    /// long names wrapped and abbreviated (the full name stays in the tooltip and title),
    /// smaller nodes and fonts, and a Graphviz `size` of the box, so an SVG user unit is one
    /// point of the page. `nil`: the map's natural size.
    public var page: PageSize?

    /// Options as given; `overlay` and `pinned` start as `nil` (set them afterwards).
    public init(
        title: String? = nil, caption: String = "", engine: LayoutEngine? = nil,
        nodeSize: [Double]? = nil, nodeSizeMeasure: String? = nil, legend: Bool = true, labelWidth: Int = 22,
        dpi: Double? = nil, theme: DiagramTheme = .default, clusters: [String]? = nil,
        clusterAttribute: String? = nil, tooltipMeasures: [DiagramMeasure] = [], viewBoxOnly: Bool = false,
        idPrefix: String = "", description: String? = nil
    ) {
        self.dpi = dpi
        self.title = title; self.caption = caption; self.engine = engine; self.nodeSize = nodeSize
        self.nodeSizeMeasure = nodeSizeMeasure; self.legend = legend; self.labelWidth = labelWidth
        self.theme = theme; self.clusters = clusters; self.clusterAttribute = clusterAttribute
        self.tooltipMeasures = tooltipMeasures; self.viewBoxOnly = viewBoxOnly; self.idPrefix = idPrefix
        self.description = description
    }
}

/// A drawn map: the DOT handed to Graphviz, the engine used and the rendered outputs.
public struct Drawing: Sendable {
    /// The exact DOT source handed to Graphviz.
    public let source: String
    /// The engine used and notes on why it differs from the one asked for.
    public let layout: LayoutChoice
    /// The bytes per requested format; SVG already finished by ``SVGFinisher``.
    public let outputs: [RenderFormat: [UInt8]]
    /// Graphviz's warnings (parse, layout and every format), without duplicates, in order.
    public let warnings: [String]
    /// For a page map: what the user should hear when its labels come out smaller than
    /// ``PageSize/minimumLabelPoints`` at print size (the box is too small). Empty otherwise.
    public let pageNotes: [String]
    /// For a page map: the smallest node label at print size, points (measured on the SVG:
    /// the label font times the factor Graphviz shrank the drawing by); `nil` otherwise.
    public let labelPoints: Double?

    /// A drawing as given.
    public init(
        source: String, layout: LayoutChoice, outputs: [RenderFormat: [UInt8]], warnings: [String],
        pageNotes: [String] = [], labelPoints: Double? = nil
    ) {
        self.source = source; self.layout = layout; self.outputs = outputs; self.warnings = warnings
        self.pageNotes = pageNotes; self.labelPoints = labelPoints
    }
}

/// A map that could not be drawn.
public enum DiagramError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Graphviz rejected the source or failed to lay out or render it.
    case graphviz(GraphvizError)
    /// The SVG Graphviz wrote could not be finished into well-formed XML (a bug: please report).
    case malformedSVG(String)

    /// Graphviz's message, or what is wrong with the SVG.
    public var description: String {
        switch self {
        case let .graphviz(error): return error.description
        case let .malformedSVG(message): return "the SVG is not well-formed XML: \(message)"
        }
    }
}
