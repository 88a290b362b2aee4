import Ecosystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The DOT source of a map (graph, nodes, frames, edges, legends, pinned positions) and the
// small pieces it is built from.

extension EcosystemDiagram {
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

    /// The title (bold) and caption (italic, smaller) as one HTML-like label.
    static func titleLabel(title: String, caption: String, theme: DiagramTheme) -> String {
        // An empty <B></B> is a syntax error in Graphviz's HTML-like labels: no title row then.
        var rows = title.isEmpty ? "" : "<TR><TD><FONT POINT-SIZE=\"\(format(theme.titleFontSize))\"><B>\(DOTText.html(title))</B></FONT></TD></TR>"
        if !caption.isEmpty {
            rows += "<TR><TD><FONT POINT-SIZE=\"\(format(theme.captionFontSize))\"><I>\(DOTText.html(caption))</I></FONT></TD></TR>"
        }
        guard !rows.isEmpty else { return "\"\"" }
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
