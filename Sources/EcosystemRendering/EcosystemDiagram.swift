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
    /// Lower-left and upper-right corners of the shared frame, in inches, or `nil`.
    public var frame: (min: DiagramPoint, max: DiagramPoint)?

    /// A pinned layout as given.
    public init(positions: [String: DiagramPoint], frame: (min: DiagramPoint, max: DiagramPoint)? = nil) {
        self.positions = positions; self.frame = frame
    }

    /// Equal positions and equal frames (both absent, or the same corners).
    public static func == (a: PinnedLayout, b: PinnedLayout) -> Bool {
        a.positions == b.positions && a.frame?.min == b.frame?.min && a.frame?.max == b.frame?.max
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
    /// engine lays the map out.
    public var pinned: PinnedLayout?

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

/// Turns an ecosystem into the DOT source of its map and renders it through libgvc.
///
/// Encoding (see README, "The diagram"):
/// - actor type → fill colour **and** shape (so a greyscale print still reads), by the
///   precedence of ``DiagramTheme``;
/// - node size → a chosen measure, scaled linearly between the smallest and largest value;
/// - relation type → line colour and style; tie strength → line width (linear between the
///   theme's `pen_width` bounds); arrows only on directed relation types;
/// - every node, edge and cluster gets an `id` derived from the actor, relation or group
///   (``DOTText/identifier(_:prefix:)``: ASCII letters, digits, `-`, `_`), CSS classes per type
///   (`actor type-<type>`, `relation type-<type> [assumed]`, `cluster group-<group>`), and a
///   tooltip with the name and the measures of ``DiagramOptions/tooltipMeasures``;
/// - title and caption are an HTML-like graph label above the map; the legend is a node;
/// - labels are escaped with ``DOTText/label(_:)`` / ``DOTText/html(_:)`` so names are shown
///   exactly as written.
///
/// The DOT depends only on the model and the options. With `dot`, `neato` (seeded with
/// `start=1`), `circo` and `twopi` the same DOT gives the same SVG bytes.
public enum EcosystemDiagram {
    /// The engine a map of `model` is laid out with under `options` (see ``LayoutPolicy``).
    /// A pinned map (``DiagramOptions/pinned``) is always drawn with neato, which keeps the
    /// given positions.
    /// - Parameters:
    ///   - model: the model (only its actor count is read).
    ///   - options: the requested engine, clusters and pinned positions.
    /// - Returns: the engine and the notes explaining a substitution.
    public static func layout(for model: EcosystemModel, options: DiagramOptions) -> LayoutChoice {
        if options.pinned != nil { return LayoutChoice(engine: .neato, notes: []) }
        return LayoutPolicy.choose(requested: options.engine, nodeCount: model.actors.count, clustered: options.clusters != nil)
    }

    /// The DOT source for the map of `model`: exactly what ``draw(_:options:formats:)`` hands
    /// to Graphviz, so users can tweak it and run `dot`/`neato` on it themselves.
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - options: title, engine, node size, legend, theme, clusters.
    /// - Returns: a `digraph` in DOT (UTF-8); undirected relation types are drawn with `dir=none`.
    /// - Complexity: `O(actors · measures + relations)`.
    public static func dot(for model: EcosystemModel, options: DiagramOptions = DiagramOptions()) -> String {
        let theme = options.theme
        let engine = layout(for: model, options: options).engine
        let prefix = DOTText.identifier(options.idPrefix, prefix: "")
        let font = DiagramTheme.isSafeFontName(theme.fontName) ? theme.fontName : "DejaVu Sans"
        let title = options.title ?? model.title

        var out = "digraph ecomap {\n"
        out += "  graph [charset=\"UTF-8\", fontname=\(DOTText.quoted(font)), fontsize=\(format(theme.titleFontSize)), labelloc=t, "
        out += "label=\(titleLabel(title: title, caption: options.caption, theme: theme)), outputorder=edgesfirst, pad=0.3, "
        out += "bgcolor=\(DOTText.quoted(safeColour(theme.background, fallback: "#FFFFFF00"))), "
        out += "id=\(DOTText.quoted(prefix + DOTText.identifier(model.name, prefix: "ecomap-"))), "
        out += "class=\"ecomap\", tooltip=\(DOTText.tooltip(title))"
        // Edges routed around nodes (splines=true) cost far more than the layout on larger
        // maps (neato, 80 actors: 3.5 s; 200: 45 s): straight edges above the limit.
        let splines = model.actors.count <= LayoutPolicy.splineNodeLimit ? "true" : "false"
        switch engine {
        case .neato where options.pinned != nil:
            // Every node keeps its given position: no overlap removal, no packing.
            out += ", overlap=true, splines=\(splines)"
        case .neato, .fdp, .sfdp:
            // Components (the map, the legend, any isolates) packed in two top-aligned columns,
            // so the legend stands beside the map instead of above it.
            out += ", overlap=prism, overlap_scaling=2, sep=\"+12\", splines=\(splines), pack=true, packmode=\"array_t2\", start=1"
        case .dot:
            out += ", rankdir=LR, nslimit=20, nslimit1=20, mclimit=1, ranksep=0.8"
        case .circo, .twopi:
            out += ", overlap=false, splines=\(splines)"
        }
        if let dpi = options.dpi { out += ", dpi=\(format(dpi))" }
        out += "];\n"
        out += "  node [fontname=\(DOTText.quoted(font)), fontsize=\(format(theme.labelFontSize)), style=\"filled\", "
        out += "penwidth=1.2, color=\(DOTText.quoted(safeColour(theme.outlineColor, fallback: "#333333"))), margin=\"0.12,0.06\"];\n"
        out += "  edge [fontname=\(DOTText.quoted(font)), fontsize=9, arrowsize=0.7];\n"

        let sizes = scaledSizes(options.nodeSize, count: model.actors.count)
        var nodeLines = [String](repeating: "", count: model.actors.count)
        for (i, actor) in model.actors.enumerated() {
            let style = theme.nodeStyle(forActorType: actor.type, in: model)
            let fill = safeColour(style.color, fallback: "#BBBBBB")
            var attrs: [(key: String, value: String)] = [
                ("id", DOTText.quoted(actorElementID(actor.id, prefix: prefix))),
                ("class", DOTText.quoted("actor type-\(DOTText.identifier(actor.type, prefix: ""))")),
                ("label", DOTText.label(DOTText.wrapped(actor.name, width: options.labelWidth))),
                ("shape", DOTText.quoted(DrawingVocabulary.isNodeShape(style.shape) ? style.shape : "ellipse")),
                ("fillcolor", DOTText.quoted(fill)),
                ("fontcolor", DOTText.quoted(textColor(on: fill))),
                ("tooltip", DOTText.tooltip(tooltip(for: i, in: model, options: options))),
            ]
            if let s = sizes?[i] {
                attrs.append(("width", format(theme.minNodeWidth + (theme.maxNodeWidth - theme.minNodeWidth) * s)))
                attrs.append(("height", format(theme.minNodeHeight + (theme.maxNodeHeight - theme.minNodeHeight) * s)))
                attrs.append(("fontsize", format(theme.labelFontSize * (1 + 0.45 * s))))
            }
            if let p = options.pinned?.positions[actor.id] { attrs.append(("pos", pinnedPosition(p))) }
            attrs = DiagramOverlay.apply(options.overlay?.actorMarks[actor.id], to: attrs)
            nodeLines[i] = "\(DOTText.quoted(actorElementID(actor.id, prefix: prefix))) [\(joined(attrs))];\n"
        }

        if options.pinned == nil, let groups = options.clusters, groups.count == model.actors.count {
            for (k, group) in orderedGroups(groups).enumerated() {
                let id = prefix + DOTText.identifier(group.label, prefix: "cluster-")
                out += "  subgraph \"cluster_\(k + 1)\" {\n"
                out += "    graph [id=\(DOTText.quoted(id)), class=\(DOTText.quoted("group-\(DOTText.identifier(group.label, prefix: ""))")), "
                out += "label=\(DOTText.label(group.label)), tooltip=\(DOTText.tooltip(clusterTitle(group.label, options: options))), "
                out += "style=\"rounded\", color=\"#999999\", penwidth=1, fontsize=\(format(theme.legendFontSize + 2)), labeljust=l, labelloc=t];\n"
                for i in group.members { out += "    " + nodeLines[i] }
                out += "  }\n"
            }
        } else {
            for line in nodeLines { out += "  " + line }
        }

        let maxWeight = model.relations.map(\.weight).max() ?? 1
        for relation in model.relations {
            let type = model.relationType(relation.type)
            let style = theme.edgeStyle(forRelationType: relation.type, in: model)
            let lineStyle = DrawingVocabulary.isLineStyle(style.style) ? style.style : "solid"
            let from = DOTText.quoted(actorElementID(relation.from, prefix: prefix))
            let to = DOTText.quoted(actorElementID(relation.to, prefix: prefix))
            let width = theme.minPenWidth + (theme.maxPenWidth - theme.minPenWidth) * relation.weight / maxWeight
            let attrs: [(key: String, value: String)] = [
                ("id", DOTText.quoted(relationElementID(relation.id, prefix: prefix))),
                ("class", DOTText.quoted("relation type-\(DOTText.identifier(relation.type, prefix: ""))\(relation.isAssumed ? " assumed" : "")")),
                ("color", DOTText.quoted(safeColour(style.color, fallback: "#555555"))),
                ("style", DOTText.quoted(lineStyle)),
                ("penwidth", format(width)),
                ("dir", (type?.directed ?? true) ? "forward" : "none"),
                ("tooltip", DOTText.tooltip(relationTooltip(for: relation, model: model, options: options))),
            ]
            out += "  \(from) -> \(to) [\(joined(DiagramOverlay.apply(options.overlay?.relationMarks[relation.id], to: attrs)))];\n"
        }
        for edge in options.overlay?.extraEdges ?? [] where model.actorIndex(edge.from) != nil && model.actorIndex(edge.to) != nil {
            var attrs: [(key: String, value: String)] = [
                ("id", DOTText.quoted(prefix + DOTText.identifier(edge.id, prefix: ""))),
                ("class", DOTText.quoted(edge.cssClass)),
                ("tooltip", DOTText.tooltip(edge.tooltip)),
            ]
            for key in edge.attributes.keys.sorted() { attrs.append((key, DOTText.quoted(edge.attributes[key]!))) }
            out += "  \(DOTText.quoted(actorElementID(edge.from, prefix: prefix))) -> \(DOTText.quoted(actorElementID(edge.to, prefix: prefix))) [\(joined(attrs))];\n"
        }
        var legends: [(id: String, label: String, rest: String)] = []
        if options.legend {
            legends.append(legend(for: model, options: options, prefix: prefix, font: font))
            if let overlay = options.overlay { legends.append(overlayLegend(overlay, prefix: prefix, font: font)) }
        }
        let legendPositions = options.pinned.map { pinnedLegendPositions(legends.map(\.label), pinned: $0, fontSize: theme.legendFontSize) }
        for (k, item) in legends.enumerated() {
            let pos = legendPositions.map { ", pos=\(pinnedPosition($0[k]))" } ?? ""
            out += "  \(DOTText.quoted(item.id)) [id=\(DOTText.quoted(item.id)), \(item.rest)\(pos), label=\(item.label)];\n"
        }
        if let frame = options.pinned?.frame {
            for (k, corner) in [frame.min, frame.max].enumerated() {
                let id = DOTText.quoted(prefix + "frame-\(k)")
                out += "  \(id) [id=\(id), style=invis, label=\"\", width=0.01, height=0.01, fixedsize=true, pos=\(pinnedPosition(corner))];\n"
            }
        }
        out += "}\n"
        return out
    }

    /// Lays out the map once and renders it in every requested format; the SVG is finished for
    /// embedding by ``SVGFinisher`` (title and description for screen readers, readable
    /// element titles, no DOCTYPE, optionally viewBox-only).
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - options: see ``DiagramOptions``; `dpi` applies to every format rendered in this call.
    ///   - formats: Graphviz formats to render from the one layout.
    /// - Returns: the DOT source, the layout choice, the bytes per format and Graphviz's warnings.
    /// - Throws: ``DiagramError/graphviz(_:)`` when libgvc rejects the source or cannot render a
    ///   format; ``DiagramError/malformedSVG(_:)`` if the finished SVG is not well-formed.
    /// - Complexity: dominated by the layout engine (neato: roughly `O(n²)` per iteration).
    public static func draw(
        _ model: EcosystemModel, options: DiagramOptions = DiagramOptions(), formats: [RenderFormat]
    ) throws(DiagramError) -> Drawing {
        let choice = layout(for: model, options: options)
        let source = dot(for: model, options: options)
        let results: [RenderFormat: RenderResult]
        do {
            results = try Graphviz.render(dot: source, engine: choice.engine, formats: formats)
        } catch {
            throw .graphviz(error)
        }
        var outputs: [RenderFormat: [UInt8]] = [:]
        var warnings: [String] = []
        for format in RenderFormat.allCases {
            guard let result = results[format] else { continue }
            for warning in result.warnings where !warnings.contains(warning) { warnings.append(warning) }
            if format == .svg {
                outputs[format] = try SVGFinisher.finish(
                    result.data, title: options.title ?? model.title,
                    description: options.description ?? summary(of: model, options: options),
                    elementTitles: elementTitles(for: model, options: options),
                    viewBoxOnly: options.viewBoxOnly,
                    idPrefix: DOTText.identifier(options.idPrefix, prefix: ""))
            } else if format == .pdf {
                outputs[format] = reproduciblePDF(result.data)
            } else {
                outputs[format] = result.data
            }
        }
        return Drawing(source: source, layout: choice, outputs: outputs, warnings: warnings)
    }

    /// Lays out the map once and renders it in every requested format (the SVG finished as
    /// in ``draw(_:options:formats:)``).
    ///
    /// - Parameters: as ``draw(_:options:formats:)``.
    /// - Returns: per format, the finished bytes and the warnings of the whole drawing.
    /// - Throws: ``GraphvizError`` when libgvc rejects the source or cannot render a format; a
    ///   malformed finished SVG is reported as ``GraphvizError/render(format:message:)``.
    /// - Complexity: as ``draw(_:options:formats:)``.
    public static func render(
        _ model: EcosystemModel, options: DiagramOptions = DiagramOptions(), formats: [RenderFormat]
    ) throws(GraphvizError) -> [RenderFormat: RenderResult] {
        let drawing: Drawing
        do {
            drawing = try draw(model, options: options, formats: formats)
        } catch {
            switch error {
            case let .graphviz(inner): throw inner
            case let .malformedSVG(message): throw .render(format: "svg", message: message)
            }
        }
        return drawing.outputs.mapValues { RenderResult(data: $0, warnings: drawing.warnings) }
    }

    /// Group label per actor for clustering by an actor attribute.
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - attribute: `type` (the type's label), `place`, or any free actor attribute (actors
    ///     without it are grouped under "(none)"). Communities are numbers the caller computed:
    ///     see ``communityLabels(_:)``.
    /// - Returns: one label per actor.
    /// - Complexity: `O(actors)`.
    public static func clusterLabels(of model: EcosystemModel, by attribute: String) -> [String] {
        switch attribute {
        case "type":
            return model.actors.map { model.actorType($0.type)?.label ?? $0.type }
        case "place":
            return model.actors.map { $0.place.isEmpty ? "(place unknown)" : $0.place }
        default:
            return model.actors.map { $0.attribute(attribute).flatMap { $0.isEmpty ? nil : $0 } ?? "(none)" }
        }
    }

    /// Group labels for community numbers: "Community 1", "Community 2", … (the numbers are
    /// 0-based, as the community measures give them); "(none)" for an undefined value.
    /// - Parameter communities: one community number per actor (e.g. the `leiden` column).
    /// - Returns: one label per actor.
    /// - Complexity: `O(actors)`.
    public static func communityLabels(_ communities: [Double]) -> [String] {
        communities.map { $0.isFinite ? "Community \(Int($0) + 1)" : "(none)" }
    }

    // MARK: - Identifiers and texts

    /// The SVG element id of an actor's node.
    /// - Parameters:
    ///   - actorID: the actor id.
    ///   - prefix: the diagram's id prefix, already sanitized (``DOTText/identifier(_:prefix:)``).
    /// - Returns: `prefix` + `actor-` + the id made safe by ``DOTText/identifier(_:prefix:)``.
    public static func actorElementID(_ actorID: String, prefix: String = "") -> String {
        prefix + DOTText.identifier(actorID, prefix: "actor-")
    }

    /// The SVG element id of a relation's edge.
    /// - Parameters:
    ///   - relationID: the relation id.
    ///   - prefix: the diagram's id prefix, already sanitized.
    /// - Returns: `prefix` + `relation-` + the id made safe by ``DOTText/identifier(_:prefix:)``.
    public static func relationElementID(_ relationID: String, prefix: String = "") -> String {
        prefix + DOTText.identifier(relationID, prefix: "relation-")
    }

    /// Accessible titles (and tooltips) per element id: actors, relations, clusters, legend.
    static func elementTitles(for model: EcosystemModel, options: DiagramOptions) -> [String: String] {
        let prefix = DOTText.identifier(options.idPrefix, prefix: "")
        var titles: [String: String] = [:]
        for i in model.actors.indices {
            titles[actorElementID(model.actors[i].id, prefix: prefix)] = tooltip(for: i, in: model, options: options)
        }
        for relation in model.relations {
            titles[relationElementID(relation.id, prefix: prefix)] = relationTooltip(for: relation, model: model, options: options)
        }
        if let groups = options.clusters, groups.count == model.actors.count {
            for group in orderedGroups(groups) {
                titles[prefix + DOTText.identifier(group.label, prefix: "cluster-")] = clusterTitle(group.label, options: options)
            }
        }
        titles[prefix + "legend"] = "Legend"
        if let overlay = options.overlay {
            for edge in overlay.extraEdges { titles[prefix + DOTText.identifier(edge.id, prefix: "")] = edge.tooltip }
            titles[prefix + DOTText.identifier(overlay.name, prefix: "") + "-legend"] = overlay.legendTitle
        }
        titles[prefix + DOTText.identifier(model.name, prefix: "ecomap-")] = options.title ?? model.title
        return titles
    }

    /// A sentence or three describing the map, for the SVG's `<desc>`.
    /// - Parameters:
    ///   - model: the model drawn.
    ///   - options: what size, clusters and overlay mean.
    /// - Returns: plain English (actors per type, relations per type, node size, clusters).
    public static func summary(of model: EcosystemModel, options: DiagramOptions) -> String {
        var counts: [String: Int] = [:]
        for actor in model.actors { counts[actor.type, default: 0] += 1 }
        let types = model.actorTypes.filter { counts[$0.id] != nil }.map { "\(counts[$0.id]!) \($0.label)" }
        var relationCounts: [String: Int] = [:]
        for relation in model.relations { relationCounts[relation.type, default: 0] += 1 }
        let relations = model.relationTypes.filter { relationCounts[$0.id] != nil }
            .map { "\(relationCounts[$0.id]!) \($0.label)" }
        var text = "Network map of \(model.actors.count) actors"
        if !types.isEmpty { text += " (\(types.joined(separator: ", ")))" }
        text += " and \(model.relations.count) relations"
        if !relations.isEmpty { text += " (\(relations.joined(separator: ", ")))" }
        text += ". Colour and shape show the actor type; line colour and style the relation type; line width the tie strength."
        if let measure = options.nodeSizeMeasure, options.nodeSize != nil { text += " Node size shows \(measure)." }
        if options.clusters != nil { text += " Frames group the actors by \(options.clusterAttribute ?? "group")." }
        return text
    }

    static func clusterTitle(_ label: String, options: DiagramOptions) -> String {
        "\(options.clusterAttribute.map { "\($0): " } ?? "")\(label)"
    }

    /// Distinct labels in order of first appearance, each with its members in actor order.
    static func orderedGroups(_ labels: [String]) -> [(label: String, members: [Int])] {
        var index: [String: Int] = [:]
        var groups: [(label: String, members: [Int])] = []
        for (i, label) in labels.enumerated() {
            if let k = index[label] {
                groups[k].members.append(i)
            } else {
                index[label] = groups.count
                groups.append((label, [i]))
            }
        }
        return groups
    }

    // MARK: - Pieces

    /// The title (bold) and caption (italic, smaller) as one HTML-like label.
    static func titleLabel(title: String, caption: String, theme: DiagramTheme) -> String {
        var rows = "<TR><TD><FONT POINT-SIZE=\"\(format(theme.titleFontSize))\"><B>\(DOTText.html(title))</B></FONT></TD></TR>"
        if !caption.isEmpty {
            rows += "<TR><TD><FONT POINT-SIZE=\"\(format(theme.captionFontSize))\"><I>\(DOTText.html(caption))</I></FONT></TD></TR>"
        }
        return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">\(rows)</TABLE>>"
    }

    /// Node sizes in 0...1, or nil when sizes are all equal or not given.
    static func scaledSizes(_ values: [Double]?, count: Int) -> [Double]? {
        guard let values, values.count == count else { return nil }
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return nil }
        return values.map { $0.isFinite ? ($0 - lo) / (hi - lo) : 0 }
    }

    /// `colour` when it is `#RRGGBB(AA)`, else `fallback` (Graphviz copies unknown colour
    /// strings into the SVG).
    static func safeColour(_ colour: String, fallback: String) -> String {
        DrawingVocabulary.isColour(colour) ? colour : fallback
    }

    /// Black or white, whichever contrasts more with the fill (WCAG relative luminance).
    static func textColor(on hex: String) -> String {
        let digits = Array(hex.dropFirst().prefix(6))
        guard hex.hasPrefix("#"), digits.count == 6, let value = Int(String(digits), radix: 16) else { return "#000000" }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return luminance > 0.179 ? "#000000" : "#FFFFFF"
    }

    /// "Name · Type · Place · measure value · …" for an actor's tooltip and accessible title.
    static func tooltip(for index: Int, in model: EcosystemModel, options: DiagramOptions) -> String {
        let actor = model.actors[index]
        var parts = [actor.name, model.actorType(actor.type)?.label ?? actor.type]
        if !actor.place.isEmpty { parts.append(actor.place) }
        var measures = options.tooltipMeasures
        if let size = options.nodeSize, let name = options.nodeSizeMeasure, !measures.contains(where: { $0.name == name }) {
            measures.insert(DiagramMeasure(name: name, values: size), at: 0)
        }
        for measure in measures where measure.values.count == model.actors.count {
            let value = measure.values[index]
            parts.append("\(measure.name) \(value.isFinite ? format(value) : "undefined")")
        }
        if let note = options.overlay?.actorMarks[actor.id]?.tooltipNote, !note.isEmpty { parts.append(note) }
        return parts.joined(separator: " · ")
    }

    /// The relation's tooltip with the overlay's note on it, if any.
    static func relationTooltip(for relation: Relation, model: EcosystemModel, options: DiagramOptions) -> String {
        let text = edgeTooltip(for: relation, model: model)
        guard let note = options.overlay?.relationMarks[relation.id]?.tooltipNote, !note.isEmpty else { return text }
        return text + " · " + note
    }

    static func edgeTooltip(for relation: Relation, model: EcosystemModel) -> String {
        let name = { (id: String) in model.actors.first { $0.id == id }?.name ?? id }
        var text = "\(name(relation.from)) – \(model.relationType(relation.type)?.label ?? relation.type) – \(name(relation.to))"
        if !relation.source.isEmpty { text += " (\(relation.source))" }
        if let why = relation.assumed { text += " [assumed: \(why)]" }
        return text
    }

    /// The legend: one HTML-like table node listing actor types (colour swatch, shape name) and
    /// relation types (line colour, style, direction), plus the node-size measure.
    static func legend(
        for model: EcosystemModel, options: DiagramOptions, prefix: String, font: String
    ) -> (id: String, label: String, rest: String) {
        let theme = options.theme
        let used = Set(model.actors.map(\.type))
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Actor types</B></TD></TR>"
        for type in model.actorTypes where used.contains(type.id) {
            let style = theme.nodeStyle(forActorType: type.id, in: model)
            rows += "<TR><TD BGCOLOR=\"\(safeColour(style.color, fallback: "#BBBBBB"))\" WIDTH=\"18\" HEIGHT=\"12\"></TD>"
            rows += "<TD ALIGN=\"LEFT\">\(DOTText.html(type.label)) (\(DOTText.html(style.shape)))</TD></TR>"
        }
        // An overlay that restyles every line (a scenario diff) explains lines in its own legend.
        let usedRelations = options.overlay?.restylesRelations == true ? [] : Set(model.relations.map(\.type))
        if !usedRelations.isEmpty {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Relation types</B></TD></TR>"
        }
        for type in model.relationTypes where usedRelations.contains(type.id) {
            let style = theme.edgeStyle(forRelationType: type.id, in: model)
            let glyph = style.style == "dashed" ? "– – –" : style.style == "dotted" ? "· · · ·" : "———"
            rows += "<TR><TD><FONT COLOR=\"\(safeColour(style.color, fallback: "#555555"))\">\(glyph)\(type.directed ? "▶" : "")</FONT></TD>"
            rows += "<TD ALIGN=\"LEFT\">\(DOTText.html(type.label)) (\(DOTText.html(style.style))\(type.directed ? ", directed" : ""))</TD></TR>"
        }
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Line width: tie strength</TD></TR>"
        if let measure = options.nodeSizeMeasure, options.nodeSize != nil {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Node size: \(DOTText.html(measure))</TD></TR>"
        }
        if options.clusters != nil {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Frames: \(DOTText.html(options.clusterAttribute ?? "groups"))</TD></TR>"
        }
        let table = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\(rows)</TABLE>>"
        return (prefix + "legend", table, "class=\"legend\", shape=box, style=\"rounded\", "
            + "color=\"#999999\", fillcolor=\"#FFFFFF\", fontname=\(DOTText.quoted(font)), fontsize=\(format(theme.legendFontSize)), "
            + "tooltip=\"Legend\"")
    }

    /// `pdf` with the 14 digits of cairo's `/CreationDate (D:YYYYMMDDHHmmSS…)` set to
    /// 19700101000000, so the same input gives the same bytes. The replacement has the same
    /// length, so the cross-reference offsets stay valid. Complexity: `O(pdf.count)`.
    static func reproduciblePDF(_ pdf: [UInt8]) -> [UInt8] {
        let key = Array("/CreationDate (D:".utf8)
        let epoch = Array("19700101000000".utf8)
        var bytes = pdf
        var i = 0
        while i + key.count + epoch.count <= bytes.count {
            if bytes[i] == key[0], Array(bytes[i..<(i + key.count)]) == key {
                let start = i + key.count
                let digits = bytes[start..<(start + epoch.count)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                if digits { bytes.replaceSubrange(start..<(start + epoch.count), with: epoch) }
                i = start
            } else {
                i += 1
            }
        }
        return bytes
    }

    /// The overlay's own legend node (`<name>-legend`), one row per kind of mark.
    static func overlayLegend(_ overlay: DiagramOverlay, prefix: String, font: String) -> (id: String, label: String, rest: String) {
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(DOTText.html(overlay.legendTitle))</B></TD></TR>"
        for row in overlay.legendRows {
            rows += "<TR><TD><FONT COLOR=\"\(safeColour(row.color, fallback: "#000000"))\">\(DOTText.html(row.glyph))</FONT></TD>"
            rows += "<TD ALIGN=\"LEFT\">\(DOTText.html(row.text))</TD></TR>"
        }
        let table = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\(rows)</TABLE>>"
        let id = prefix + DOTText.identifier(overlay.name, prefix: "") + "-legend"
        return (id, table, "class=\(DOTText.quoted("legend \(DOTText.identifier(overlay.name, prefix: ""))-legend")), "
            + "shape=box, style=\"rounded\", color=\"#999999\", fontname=\(DOTText.quoted(font)), fontsize=10, "
            + "tooltip=\(DOTText.tooltip(overlay.legendTitle))")
    }

    /// `"x,y!"`: a pinned neato position in inches, two decimals.
    static func pinnedPosition(_ p: DiagramPoint) -> String {
        DOTText.quoted("\(format((p.x * 100).rounded() / 100)),\(format((p.y * 100).rounded() / 100))!")
    }

    /// Centres of the legends of a pinned map: stacked top-down to the right of the actors
    /// (and of the frame), each size estimated from its rows and longest line (HTML-like labels
    /// are sized by Graphviz only at layout time).
    static func pinnedLegendPositions(_ labels: [String], pinned: PinnedLayout, fontSize: Double) -> [DiagramPoint] {
        let xs = pinned.positions.values.map(\.x) + [pinned.frame?.max.x].compactMap { $0 }
        let ys = pinned.positions.values.map(\.y) + [pinned.frame?.max.y].compactMap { $0 }
        let left = (xs.max() ?? 0) + 1.4
        var top = ys.max() ?? 0
        var result: [DiagramPoint] = []
        for label in labels {
            let rows = label.components(separatedBy: "<TR>").dropFirst()
            let longest = rows.map { row in
                // Visible characters: the row without its markup.
                var count = 0, inTag = false
                for ch in row { if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { count += 1 } }
                return count
            }.max() ?? 0
            let width = Double(longest) * fontSize * 0.55 / 72 + 0.3
            let height = Double(rows.count) * (fontSize * 1.25 + 4) / 72 + 0.2
            result.append(DiagramPoint(x: left + width / 2, y: top - height / 2))
            top -= height + 0.3
        }
        return result
    }

    /// `key=value` pairs joined for a DOT attribute list.
    static func joined(_ attributes: [(key: String, value: String)]) -> String {
        attributes.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    /// A number in a DOT attribute (``Ecosystem/NumberFormat/attribute(_:)``).
    static func format(_ x: Double) -> String { NumberFormat.attribute(x) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
