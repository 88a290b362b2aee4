import Ecosystem
import EcosystemAnalysis
import Graphviz

/// What to draw and how, beyond what the model itself declares.
public struct DiagramOptions: Sendable {
    /// Title drawn above the map; the model's title when `nil`.
    public var title: String?
    /// Caption drawn below the map (e.g. "Node size: betweenness"); none when empty.
    public var caption: String
    /// Layout engine. `neato` (stress majorization) suits ecosystem maps: no implied hierarchy,
    /// deterministic, fast on a few hundred nodes.
    public var engine: LayoutEngine
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
    public var dpi: Double?

    public init(
        title: String? = nil, caption: String = "", engine: LayoutEngine = .neato,
        nodeSize: [Double]? = nil, nodeSizeMeasure: String? = nil, legend: Bool = true, labelWidth: Int = 22,
        dpi: Double? = nil
    ) {
        self.dpi = dpi
        self.title = title; self.caption = caption; self.engine = engine; self.nodeSize = nodeSize
        self.nodeSizeMeasure = nodeSizeMeasure; self.legend = legend; self.labelWidth = labelWidth
    }
}

/// Turns an ecosystem into the DOT source of its map and renders it through libgvc.
///
/// Encoding (see README, "The diagram"):
/// - actor type → fill colour **and** shape (so a greyscale print still reads);
/// - node size → a chosen measure, scaled linearly between the smallest and largest value;
/// - relation type → line colour and style; tie strength → line width
///   (`penwidth = 1 + 2·w/w_max`); arrows only on directed relation types;
/// - every node and edge gets an `id` derived from the actor or relation id
///   (``DOTText/identifier(_:prefix:)``), a CSS `class` per type, and a tooltip;
/// - labels are escaped with ``DOTText/label(_:)`` so names are shown exactly as written.
///
/// The output depends only on the model and the options: the same input gives the same DOT
/// (and, with a deterministic engine, the same SVG bytes).
public enum EcosystemDiagram {
    /// The DOT source for the map of `model`.
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - options: title, engine, node size, legend.
    /// - Returns: a `digraph` in DOT; undirected relation types are drawn with `dir=none`.
    /// - Complexity: `O(actors + relations)`.
    public static func dot(for model: EcosystemModel, options: DiagramOptions = DiagramOptions()) -> String {
        var out = "digraph ecomap {\n"
        let title = options.title ?? model.title
        out += "  graph [charset=\"UTF-8\", fontname=\"DejaVu Sans\", fontsize=18, labelloc=t, "
        out += "label=\(DOTText.label(title)), outputorder=edgesfirst, pad=0.3, "
        out += "id=\(DOTText.quoted(DOTText.identifier(model.name, prefix: "ecomap-")))"
        switch options.engine {
        case .neato, .fdp, .sfdp:
            out += ", overlap=prism, overlap_scaling=2, sep=\"+12\", splines=true, pack=true, start=1"
        case .dot:
            out += ", rankdir=LR, nslimit=20, nslimit1=20, mclimit=1, ranksep=0.8"
        case .circo, .twopi:
            out += ", overlap=false, splines=true"
        }
        if let dpi = options.dpi { out += ", dpi=\(format(dpi))" }
        out += "];\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=11, style=\"filled\", penwidth=1.2, color=\"#333333\", margin=\"0.12,0.06\"];\n"
        out += "  edge [fontname=\"DejaVu Sans\", fontsize=9, arrowsize=0.7];\n"

        let sizes = scaledSizes(options.nodeSize, count: model.actors.count)
        for (i, actor) in model.actors.enumerated() {
            let type = model.actorType(actor.type)
            let id = DOTText.identifier(actor.id, prefix: "actor-")
            let fill = type?.color ?? "#BBBBBB"
            var attrs = [
                "id=\(DOTText.quoted(id))",
                "class=\(DOTText.quoted("actor type-\(DOTText.identifier(actor.type, prefix: ""))"))",
                "label=\(DOTText.label(DOTText.wrapped(actor.name, width: options.labelWidth)))",
                "shape=\(DOTText.quoted(type?.shape ?? "ellipse"))",
                "fillcolor=\(DOTText.quoted(fill))",
                "fontcolor=\(DOTText.quoted(textColor(on: fill)))",
                "tooltip=\(DOTText.label(tooltip(for: actor, type: type, size: options.nodeSize?[i], measure: options.nodeSizeMeasure)))",
            ]
            if let s = sizes?[i] {
                attrs.append("width=\(format(0.75 + 1.25 * s))")
                attrs.append("height=\(format(0.45 + 0.75 * s))")
                attrs.append("fontsize=\(format(10 + 5 * s))")
            }
            out += "  \(DOTText.quoted(id)) [\(attrs.joined(separator: ", "))];\n"
        }

        let maxWeight = model.relations.map(\.weight).max() ?? 1
        for relation in model.relations {
            let type = model.relationType(relation.type)
            let from = DOTText.quoted(DOTText.identifier(relation.from, prefix: "actor-"))
            let to = DOTText.quoted(DOTText.identifier(relation.to, prefix: "actor-"))
            let style = type?.style ?? "solid"
            let attrs = [
                "id=\(DOTText.quoted(DOTText.identifier(relation.id, prefix: "relation-")))",
                "class=\(DOTText.quoted("relation type-\(DOTText.identifier(relation.type, prefix: ""))\(relation.isAssumed ? " assumed" : "")"))",
                "color=\(DOTText.quoted(type?.color ?? "#555555"))",
                "style=\(DOTText.quoted(style))",
                "penwidth=\(format(1 + 2 * relation.weight / maxWeight))",
                "dir=\((type?.directed ?? true) ? "forward" : "none")",
                "tooltip=\(DOTText.label(edgeTooltip(for: relation, model: model)))",
            ]
            out += "  \(from) -> \(to) [\(attrs.joined(separator: ", "))];\n"
        }
        if options.legend { out += legend(for: model, options: options) }
        out += "}\n"
        return out
    }

    /// Lays out the map once and renders it in every requested format.
    ///
    /// - Throws: ``GraphvizError`` when libgvc rejects the source or cannot render a format.
    /// - Complexity: dominated by the layout engine (neato: roughly `O(n²)` per iteration).
    public static func render(
        _ model: EcosystemModel, options: DiagramOptions = DiagramOptions(), formats: [RenderFormat]
    ) throws(GraphvizError) -> [RenderFormat: RenderResult] {
        try Graphviz.render(dot: dot(for: model, options: options), engine: options.engine, formats: formats)
    }

    // MARK: - Pieces

    /// Node sizes in 0...1, or nil when sizes are all equal or not given.
    static func scaledSizes(_ values: [Double]?, count: Int) -> [Double]? {
        guard let values, values.count == count else { return nil }
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return nil }
        return values.map { $0.isFinite ? ($0 - lo) / (hi - lo) : 0 }
    }

    /// Black or white, whichever contrasts more with the fill (WCAG relative luminance).
    static func textColor(on hex: String) -> String {
        let digits = Array(hex.dropFirst())
        guard hex.hasPrefix("#"), digits.count == 6, let value = Int(String(digits), radix: 16) else { return "#000000" }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return luminance > 0.179 ? "#000000" : "#FFFFFF"
    }

    static func tooltip(for actor: Actor, type: ActorType?, size: Double?, measure: String?) -> String {
        var parts = [actor.name, type?.label ?? actor.type]
        if !actor.place.isEmpty { parts.append(actor.place) }
        if let size, let measure { parts.append("\(measure) \(format(size))") }
        return parts.joined(separator: " · ")
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
    static func legend(for model: EcosystemModel, options: DiagramOptions) -> String {
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Actor types</B></TD></TR>"
        for type in model.actorTypes {
            rows += "<TR><TD BGCOLOR=\"\(DOTText.html(type.color))\" WIDTH=\"18\" HEIGHT=\"12\"></TD>"
            rows += "<TD ALIGN=\"LEFT\">\(DOTText.html(type.label)) (\(DOTText.html(type.shape)))</TD></TR>"
        }
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Relation types</B></TD></TR>"
        for type in model.relationTypes {
            let glyph = type.style == "dashed" ? "– – –" : type.style == "dotted" ? "· · · ·" : "———"
            rows += "<TR><TD><FONT COLOR=\"\(DOTText.html(type.color))\">\(glyph)\(type.directed ? "▶" : "")</FONT></TD>"
            rows += "<TD ALIGN=\"LEFT\">\(DOTText.html(type.label)) (\(type.style)\(type.directed ? ", directed" : ""))</TD></TR>"
        }
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Line width: tie strength</TD></TR>"
        if let measure = options.nodeSizeMeasure, options.nodeSize != nil {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Node size: \(DOTText.html(measure))</TD></TR>"
        }
        if !options.caption.isEmpty {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><I>\(DOTText.html(options.caption))</I></TD></TR>"
        }
        let table = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\(rows)</TABLE>>"
        return "  \"legend\" [id=\"legend\", class=\"legend\", shape=box, style=\"rounded\", color=\"#999999\", fontsize=10, tooltip=\"Legend\", label=\(table)];\n"
    }

    static func format(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
