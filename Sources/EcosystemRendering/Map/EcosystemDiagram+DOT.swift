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
        dot(for: model, options: options, fixed: [:], layoutOnly: false)
    }

    /// The DOT source; with `layoutOnly`, the graph ``MapLayout`` lays out: every node at the
    /// theme's largest size, no legend, title, frames or overlay, straight edges, and the
    /// actors of `fixed` pinned (`notranslate=true`) so neato places only the others.
    static func dot(
        for model: EcosystemModel, options: DiagramOptions, fixed: [String: DiagramPoint], layoutOnly: Bool
    ) -> String {
        var theme = effectiveTheme(options)
        // The layout of a map without a page has every node at the largest size, so any node
        // size fits on it; a page map's layout has its own node sizes, packed closely.
        let compact = layoutOnly && options.page != nil
        if layoutOnly && !compact {
            theme.minNodeWidth = theme.maxNodeWidth
            theme.minNodeHeight = theme.maxNodeHeight
        }
        let pinned = layoutOnly ? nil : options.pinned
        let engine = layoutOnly
            ? (fixed.isEmpty ? LayoutPolicy.choose(requested: options.engine, nodeCount: model.actors.count, clustered: false).engine : .neato)
            : layout(for: model, options: options).engine
        let prefix = DOTText.identifier(options.idPrefix, prefix: "")
        let font = DiagramTheme.isSafeFontName(theme.fontName) ? theme.fontName : "DejaVu Sans"
        let title = layoutOnly ? "" : options.title ?? model.title
        let background = safeColour(theme.background, fallback: "#FFFFFF00")
        let transparent = isTransparent(background)

        var out = "digraph ecomap {\n"
        out += "  graph [charset=\"UTF-8\", fontname=\(DOTText.quoted(font)), fontsize=\(format(theme.titleFontSize)), labelloc=t, "
        out += "label=\(titleLabel(title: title, caption: layoutOnly ? "" : options.caption, theme: theme, background: background, page: options.page)), "
        out += "outputorder=edgesfirst, pad=\(options.page == nil ? "0.3" : format(pagePad)), "
        out += "bgcolor=\(DOTText.quoted(background)), "
        if !transparent { out += "fontcolor=\(DOTText.quoted(textColor(on: background))), " }
        out += "id=\(DOTText.quoted(prefix + DOTText.identifier(model.name, prefix: "ecomap-"))), "
        out += "class=\"ecomap\", tooltip=\(DOTText.tooltip(title.isEmpty ? model.title : title))"
        // Edges routed around nodes (splines=true) cost far more than the layout on larger
        // maps (neato, 80 actors: 3.5 s; 200: 45 s): straight edges above the limit.
        let splines = !layoutOnly && model.actors.count <= LayoutPolicy.splineNodeLimit ? "true" : "false"
        switch engine {
        case .neato where pinned != nil:
            // Every node keeps its given position: no overlap removal, no packing.
            out += ", overlap=true, splines=\(splines), esep=\"+1\""
        case .neato where compact && fixed.isEmpty:
            out += ", overlap=prism, overlap_scaling=0, sep=\"+10\", splines=false, pack=true, packmode=\"array_t2\", start=1"
        case .neato where !fixed.isEmpty:
            // The fixed actors stay exactly where they are; the others are placed around them.
            out += ", notranslate=true, overlap=prism, overlap_scaling=2, sep=\"+12\", splines=false, start=1"
        case .neato, .fdp, .sfdp:
            // Components (the map, the legend, any isolates) packed in two top-aligned columns,
            // so the legend stands beside the map instead of above it.
            out += ", overlap=prism, overlap_scaling=2, sep=\"+12\", splines=\(splines), pack=true, packmode=\"array_t2\", start=1"
        case .dot:
            out += ", rankdir=LR, nslimit=20, nslimit1=20, mclimit=1, ranksep=0.8"
        case .circo, .twopi:
            out += ", overlap=false, splines=\(splines)"
        }
        // Large maps: bounded iterations (LayoutPolicy); nothing for small ones.
        let everyNodePinned = pinned.map { p in model.actors.allSatisfy { p.drawn($0.id) != nil } } ?? false
        out += LayoutPolicy.boundingAttributes(engine: engine, nodeCount: model.actors.count, everyNodePinned: everyNodePinned)
        if let page = options.page, !layoutOnly {
            // Never larger than the box: a map that does not fit is shrunk into it (and the
            // page fit says so).
            out += ", size=\(DOTText.quoted("\(format((page.width / 72 * 10000).rounded(.down) / 10000)),\(format((page.height / 72 * 10000).rounded(.down) / 10000))"))"
        }
        if let dpi = options.dpi { out += ", dpi=\(format(dpi))" }
        out += "];\n"
        out += "  node [fontname=\(DOTText.quoted(font)), fontsize=\(format(theme.labelFontSize)), style=\"filled\", "
        out += "penwidth=1.2, color=\(DOTText.quoted(safeColour(theme.outlineColor, fallback: "#333333"))), margin=\"\(options.page == nil ? "0.12,0.06" : "0.06,0.03")\"];\n"
        out += "  edge [fontname=\(DOTText.quoted(font)), fontsize=9, arrowsize=\(options.page == nil ? "0.7" : "0.5")];\n"

        let sizes = scaledSizes(layoutOnly && !compact ? model.actors.indices.map(Double.init) : options.nodeSize, count: model.actors.count)
        var nodeLines = [String](repeating: "", count: model.actors.count)
        for (i, actor) in model.actors.enumerated() {
            let style = theme.nodeStyle(forActorType: actor.type, in: model)
            let fill = safeColour(style.color, fallback: "#BBBBBB")
            var attrs: [(key: String, value: String)] = [
                ("id", DOTText.quoted(actorElementID(actor.id, prefix: prefix))),
                ("class", DOTText.quoted("actor type-\(DOTText.identifier(actor.type, prefix: ""))")),
                ("label", DOTText.label(nodeLabel(actor.name, options: options))),
                ("shape", DOTText.quoted(DrawingVocabulary.isNodeShape(style.shape) ? style.shape : "ellipse")),
                ("fillcolor", DOTText.quoted(fill)),
                ("fontcolor", DOTText.quoted(textColor(on: fill))),
                ("tooltip", DOTText.tooltip(tooltip(for: i, in: model, options: options))),
            ]
            if let s = sizes?[i] {
                attrs.append(("width", format(theme.minNodeWidth + (theme.maxNodeWidth - theme.minNodeWidth) * s)))
                attrs.append(("height", format(theme.minNodeHeight + (theme.maxNodeHeight - theme.minNodeHeight) * s)))
                // On a page the shape alone shows the size: labels stay at the page's font.
                if options.page == nil {
                    attrs.append(("fontsize", format(LayoutPolicy.labelPoints(theme.labelFontSize * (1 + 0.45 * s), nodeCount: model.actors.count))))
                }
            }
            if let p = pinned?.drawn(actor.id) ?? fixed[actor.id] { attrs.append(("pos", pinnedPosition(p))) }
            if !layoutOnly { attrs = DiagramOverlay.apply(options.overlay?.actorMarks[actor.id], to: attrs) }
            nodeLines[i] = "\(DOTText.quoted(actorElementID(actor.id, prefix: prefix))) [\(joined(attrs))];\n"
        }

        if !layoutOnly, pinned == nil, let groups = options.clusters, groups.count == model.actors.count {
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
                ("color", DOTText.quoted(lineColour(style.color, theme: theme))),
                ("style", DOTText.quoted(lineStyle)),
                ("penwidth", format(width)),
                ("dir", (type?.directed ?? true) ? "forward" : "none"),
                ("tooltip", DOTText.tooltip(relationTooltip(for: relation, model: model, options: options))),
            ]
            out += "  \(from) -> \(to) [\(joined(layoutOnly ? attrs : DiagramOverlay.apply(options.overlay?.relationMarks[relation.id], to: attrs)))];\n"
        }
        if layoutOnly { return out + "}\n" }
        for edge in options.overlay?.extraEdges ?? [] where model.actorIndex(edge.from) != nil && model.actorIndex(edge.to) != nil {
            var attrs: [(key: String, value: String)] = [
                ("id", DOTText.quoted(prefix + DOTText.identifier(edge.id, prefix: ""))),
                ("class", DOTText.quoted(edge.cssClass)),
                ("tooltip", DOTText.tooltip(edge.tooltip)),
            ]
            for key in edge.attributes.keys.sorted() { attrs.append((key, DOTText.quoted(edge.attributes[key]!))) }
            out += "  \(DOTText.quoted(actorElementID(edge.from, prefix: prefix))) -> \(DOTText.quoted(actorElementID(edge.to, prefix: prefix))) [\(joined(attrs))];\n"
        }
        var legends: [LegendPart] = []
        if options.legend {
            legends = legendParts(for: model, options: options, prefix: prefix, font: font)
            if let overlay = options.overlay { legends.append(overlayLegend(overlay, prefix: prefix, font: font, fontSize: theme.legendFontSize)) }
        }
        if let pinned {
            let positions = pinnedLegendPositions(legends, pinned: pinned, below: pinned.legendBand > 0, reservedBelow: pinned.legendBand)
            for (k, part) in legends.enumerated() {
                for (j, node) in part.nodes.enumerated() {
                    out += "  \(DOTText.quoted(node.id)) [\(node.attributes), pos=\(pinnedPosition(positions[k][j]))];\n"
                }
            }
        } else {
            for part in legends {
                if part.isKey {
                    // The key stacked top-down: one rank, a column in dot's left-to-right layout.
                    out += "  { rank=same;\n"
                    for node in part.nodes { out += "    \(DOTText.quoted(node.id)) [\(node.attributes)];\n" }
                    out += "  }\n"
                    for (a, b) in zip(part.nodes, part.nodes.dropFirst()) {
                        out += "  \(DOTText.quoted(a.id)) -> \(DOTText.quoted(b.id)) [style=invis];\n"
                    }
                } else {
                    for node in part.nodes { out += "  \(DOTText.quoted(node.id)) [\(node.attributes)];\n" }
                }
            }
        }
        if let frame = pinned?.frame {
            for (k, corner) in [frame.min, frame.max].enumerated() {
                let id = DOTText.quoted(prefix + "frame-\(k)")
                out += "  \(id) [id=\(id), style=invis, label=\"\", width=0.01, height=0.01, fixedsize=true, pos=\(pinnedPosition(corner))];\n"
            }
        }
        out += "}\n"
        return out
    }

    /// The title (bold) and caption (italic, smaller) as one HTML-like label.
    static func titleLabel(
        title: String, caption: String, theme: DiagramTheme, background: String = "#FFFFFF00", page: PageSize? = nil
    ) -> String {
        // On a page, lines wrapped to its width.
        func text(_ s: String, _ size: Double) -> String {
            guard let width = titleWidth(page, fontSize: size) else { return DOTText.html(s) }
            return DOTText.wrapped(s, width: width).split(separator: "\n").map { DOTText.html(String($0)) }.joined(separator: "<BR/>")
        }
        // An empty <B></B> is a syntax error in Graphviz's HTML-like labels: no title row then.
        var rows = title.isEmpty ? "" : "<TR><TD><FONT POINT-SIZE=\"\(format(theme.titleFontSize))\"><B>\(text(title, theme.titleFontSize))</B></FONT></TD></TR>"
        if !caption.isEmpty {
            rows += "<TR><TD><FONT POINT-SIZE=\"\(format(theme.captionFontSize))\"><I>\(text(caption, theme.captionFontSize))</I></FONT></TD></TR>"
        }
        guard !rows.isEmpty else { return "\"\"" }
        // On a transparent background the title gets a white box, so it reads on a dark slide
        // too; on an opaque one its colour contrasts with the background (the graph's fontcolor).
        let box = isTransparent(background) ? " BGCOLOR=\"#FFFFFF\" STYLE=\"ROUNDED\"" : ""
        return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"\(box.isEmpty ? 2 : 4)\"\(box)>\(rows)</TABLE>>"
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
        guard let luminance = relativeLuminance(hex) else { return "#000000" }
        return luminance > 0.179 ? "#000000" : "#FFFFFF"
    }

    /// WCAG 2 relative luminance of a `#RRGGBB` or `#RRGGBBAA` colour (alpha ignored); `nil`
    /// for anything else (a colour name).
    static func relativeLuminance(_ hex: String) -> Double? {
        let digits = Array(hex.dropFirst().prefix(6))
        guard hex.hasPrefix("#"), digits.count == 6, let value = Int(String(digits), radix: 16) else { return nil }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// A line's colour as drawn on the theme's background: the colour itself, unless the
    /// background is opaque and the two contrast less than 2 : 1 (WCAG contrast ratio
    /// `(L₁ + 0.05) / (L₂ + 0.05)`), e.g. black ties on a dark slide. Then a mid grey that reads
    /// on that background and in the legend's white box: `#AAAAAA` on a dark background,
    /// `#666666` on a light one.
    static func lineColour(_ colour: String, theme: DiagramTheme) -> String {
        let line = safeColour(colour, fallback: "#555555")
        let background = safeColour(theme.background, fallback: "#FFFFFF00")
        guard !isTransparent(background), let lb = relativeLuminance(background), let ll = relativeLuminance(line) else { return line }
        guard (max(lb, ll) + 0.05) / (min(lb, ll) + 0.05) < 2 else { return line }
        return lb > 0.179 ? "#666666" : "#AAAAAA"
    }

    /// `"x,y!"`: a pinned neato position in inches, five decimals (a thousandth of a point).
    static func pinnedPosition(_ p: DiagramPoint) -> String {
        DOTText.quoted("\(precise(p.x)),\(precise(p.y))!")
    }

    /// `x` with at most five decimals and no trailing zeros.
    static func precise(_ x: Double) -> String {
        var text = NumberFormat.decimals(x, 5)
        if text.contains(".") { while text.hasSuffix("0") { text.removeLast() } }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Whether a `#RRGGBBAA` colour is fully transparent.
    static func isTransparent(_ colour: String) -> Bool {
        colour.count == 9 && colour.lowercased().hasSuffix("00")
    }

    /// `key=value` pairs joined for a DOT attribute list.
    static func joined(_ attributes: [(key: String, value: String)]) -> String {
        attributes.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    /// A number in a DOT attribute (``Ecosystem/NumberFormat/attribute(_:)``).
    static func format(_ x: Double) -> String { NumberFormat.attribute(x) }
}
