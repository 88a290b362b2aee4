import Ecosystem

// The legends of a map: actor types (each drawn as a small node in its own shape and colour),
// relation types, node size, frames, an overlay's marks.

/// One legend block: nodes stacked top-down (the actor-type key), or one table node.
struct LegendPart {
    /// One node of a block: id, attributes (without `pos`), estimated size in inches.
    struct Node {
        var id: String
        var attributes: String
        var width: Double
        var height: Double
    }

    /// The nodes, top-down.
    var nodes: [Node]
    /// Whether the nodes are the actor-type key (drawn in a frame of their own when the map is
    /// not pinned).
    var isKey: Bool
}

extension EcosystemDiagram {
    /// The legend blocks of a map: the actor-type key (a heading and one small node per type
    /// in the type's shape and colour, labelled with the type), then a table of relation types
    /// (line colour, style, direction) and what line width, node size and frames show.
    static func legendParts(
        for model: EcosystemModel, options: DiagramOptions, prefix: String, font: String
    ) -> [LegendPart] {
        let theme = effectiveTheme(options)
        let size = theme.legendFontSize
        let used = Set(model.actors.map(\.type))
        var key: [LegendPart.Node] = []
        let types = model.actorTypes.filter { used.contains($0.id) }
        if !types.isEmpty {
            let heading = prefix + "legend-types"
            key.append(.init(
                id: heading,
                attributes: "id=\(DOTText.quoted(heading)), class=\"legend legend-heading\", shape=box, style=\"rounded,filled\", color=\"#FFFFFF\", fillcolor=\"#FFFFFF\", "
                    + "fontname=\(DOTText.quoted(font)), fontsize=\(format(size)), fontcolor=\"#000000\", height=0.2, margin=\"0.02,0.02\", "
                    + "tooltip=\"Actor types\", label=<<B>Actor types</B>>",
                width: labelSize("Actor types", fontSize: size).width, height: 0.22))
        }
        for type in types {
            let style = theme.nodeStyle(forActorType: type.id, in: model)
            let fill = safeColour(style.color, fallback: "#BBBBBB")
            let shape = DrawingVocabulary.isNodeShape(style.shape) ? style.shape : "ellipse"
            let id = prefix + DOTText.identifier(type.id, prefix: "legend-type-")
            let label = labelSize(type.label, fontSize: size)
            // Shapes that taper need room around the label.
            let widen = ["diamond", "triangle", "invtriangle"].contains(shape) ? 1.8 : ["hexagon", "octagon", "house", "ellipse"].contains(shape) ? 1.3 : 1.0
            key.append(.init(
                id: id,
                attributes: "id=\(DOTText.quoted(id)), class=\(DOTText.quoted("legend legend-type type-\(DOTText.identifier(type.id, prefix: ""))")), "
                    + "shape=\(DOTText.quoted(shape)), style=\"filled\", fillcolor=\(DOTText.quoted(fill)), "
                    + "fontcolor=\(DOTText.quoted(textColor(on: fill))), fontname=\(DOTText.quoted(font)), fontsize=\(format(size)), "
                    + "width=0.3, height=0.22, margin=\"0.06,0.02\", tooltip=\(DOTText.tooltip("Actor type: \(type.label)")), "
                    + "label=\(DOTText.label(type.label))",
                width: label.width * widen, height: max(0.24, label.height) * (widen > 1 ? 1.25 : 1)))
        }

        var rows = ""
        // An overlay that restyles every line (a scenario diff) explains lines in its own legend.
        let usedRelations = options.overlay?.restylesRelations == true ? [] : Set(model.relations.map(\.type))
        if !usedRelations.isEmpty {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Relation types</B></TD></TR>"
        }
        for type in model.relationTypes where usedRelations.contains(type.id) {
            let style = theme.edgeStyle(forRelationType: type.id, in: model)
            let glyph = style.style == "dashed" ? "– – –" : style.style == "dotted" ? "· · · ·" : style.style == "bold" ? "━━━" : "───"
            rows += "<TR><TD><FONT COLOR=\"\(lineColour(style.color, theme: theme))\">\(glyph)\(type.directed ? "▶" : "")</FONT></TD>"
            rows += "<TD ALIGN=\"LEFT\">\(DOTText.html(type.label))</TD></TR>"
        }
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Line width: tie strength</TD></TR>"
        if let measure = options.nodeSizeMeasure, options.nodeSize != nil {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Node size: \(DOTText.html(measure))</TD></TR>"
        }
        if options.clusters != nil, options.pinned == nil {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Frames: \(DOTText.html(options.clusterAttribute ?? "groups"))</TD></TR>"
        }
        let table = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\(rows)</TABLE>>"
        let tableID = prefix + "legend"
        let tableSize = tableSize(table, fontSize: size)
        let tableNode = LegendPart.Node(
            id: tableID,
            attributes: "id=\(DOTText.quoted(tableID)), class=\"legend\", shape=box, style=\"rounded,filled\", "
                + "color=\"#999999\", fillcolor=\"#FFFFFF\", fontcolor=\"#000000\", fontname=\(DOTText.quoted(font)), fontsize=\(format(size)), "
                + "margin=\"0.08,0.04\", tooltip=\"Legend\", label=\(table)",
            width: tableSize.width, height: tableSize.height)
        var parts: [LegendPart] = []
        if !key.isEmpty { parts.append(LegendPart(nodes: key, isKey: true)) }
        parts.append(LegendPart(nodes: [tableNode], isKey: false))
        return parts
    }

    /// The overlay's own legend block (`<name>-legend`), one row per kind of mark.
    static func overlayLegend(_ overlay: DiagramOverlay, prefix: String, font: String, fontSize: Double) -> LegendPart {
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(DOTText.html(overlay.legendTitle))</B></TD></TR>"
        for row in overlay.legendRows {
            rows += "<TR><TD><FONT COLOR=\"\(safeColour(row.color, fallback: "#000000"))\">\(DOTText.html(row.glyph))</FONT></TD>"
            rows += "<TD ALIGN=\"LEFT\">\(DOTText.html(row.text))</TD></TR>"
        }
        let table = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\(rows)</TABLE>>"
        let id = prefix + DOTText.identifier(overlay.name, prefix: "") + "-legend"
        let size = tableSize(table, fontSize: fontSize)
        return LegendPart(nodes: [.init(
            id: id,
            attributes: "id=\(DOTText.quoted(id)), class=\(DOTText.quoted("legend \(DOTText.identifier(overlay.name, prefix: ""))-legend")), "
                + "shape=box, style=\"rounded,filled\", color=\"#999999\", fillcolor=\"#FFFFFF\", fontcolor=\"#000000\", "
                + "fontname=\(DOTText.quoted(font)), fontsize=\(format(fontSize)), margin=\"0.08,0.04\", "
                + "tooltip=\(DOTText.tooltip(overlay.legendTitle)), label=\(table)",
            width: size.width, height: size.height)], isKey: false)
    }

    /// Size of an HTML-like table label estimated from its rows and longest line, inches
    /// (Graphviz sizes HTML-like labels only at layout time).
    static func tableSize(_ label: String, fontSize: Double) -> (width: Double, height: Double) {
        let rows = label.components(separatedBy: "<TR>").dropFirst()
        let longest = rows.map { row in
            // Visible characters: the row without its markup.
            var count = 0, inTag = false
            for ch in row { if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { count += 1 } }
            return count
        }.max() ?? 0
        return (Double(longest) * fontSize * 0.6 / 72 + 0.3, Double(rows.count) * (fontSize * 1.2 + 4) / 72 + 0.16)
    }

    /// Estimated width and height of a legend block, inches: a key's nodes stacked with a gap,
    /// or the table node.
    static func legendBlockSize(_ part: LegendPart, fontSize: Double) -> (width: Double, height: Double) {
        let width = part.nodes.map(\.width).max() ?? 0
        let height = part.nodes.map(\.height).reduce(0, +) + Double(max(part.nodes.count - 1, 0)) * keyGap
        return (width, height)
    }

    /// Vertical gap between the nodes of the actor-type key, inches.
    static let keyGap = 0.06

    /// Centres of every legend node of a pinned map. Beside the map (no page, or a landscape
    /// page): the blocks stacked top-down in a column to the right of the frame, level with
    /// its top, or rising from its bottom when taller, so the legends never move the map's
    /// lower-left corner (the origin of its SVG coordinates).
    /// Below the map (a portrait page): the actor-type key from the frame's left edge and the
    /// other legends stacked beside it, their tops just under the actors, in the band the
    /// shared layout reserved.
    static func pinnedLegendPositions(_ parts: [LegendPart], pinned: PinnedLayout, below: Bool, reservedBelow: Double) -> [[DiagramPoint]] {
        let xs = pinned.positions.keys.compactMap { pinned.drawn($0)?.x }
        let ys = pinned.positions.keys.compactMap { pinned.drawn($0)?.y }
        let frameMin = pinned.frame?.min ?? DiagramPoint(x: xs.min() ?? 0, y: ys.min() ?? 0)
        let frameMax = pinned.frame?.max ?? DiagramPoint(x: xs.max() ?? 0, y: ys.max() ?? 0)
        let sizes = parts.map { legendBlockSize($0, fontSize: 0) }
        var result: [[DiagramPoint]] = []
        func place(_ part: LegendPart, left: Double, top: Double, width: Double) -> [DiagramPoint] {
            var y = top
            return part.nodes.map { node in
                let centre = DiagramPoint(x: part.isKey ? left + width / 2 : left + node.width / 2, y: y - node.height / 2)
                y -= node.height + keyGap
                return centre
            }
        }
        if below {
            // The key in the first column; the other legends stacked in the second.
            var left = frameMin.x
            let columnTop = frameMin.y + reservedBelow - legendGap
            var top = columnTop
            for (k, part) in parts.enumerated() {
                if k == 1 && parts[0].isKey { left += sizes[0].width + legendGap * 2; top = columnTop }
                result.append(place(part, left: left, top: top, width: sizes[k].width))
                if !(k == 0 && part.isKey) { top -= sizes[k].height + legendGap }
            }
        } else {
            let left = frameMax.x + legendGap
            let total = sizes.map(\.height).reduce(0, +) + Double(max(parts.count - 1, 0)) * legendGap
            var top = max(frameMin.y + total, frameMax.y)
            for (k, part) in parts.enumerated() {
                result.append(place(part, left: left, top: top, width: sizes[k].width))
                top -= sizes[k].height + legendGap
            }
        }
        return result
    }
}
