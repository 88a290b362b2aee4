import Ecosystem

// The legends of a map: actor and relation types, node size, frames, an overlay's marks.

extension EcosystemDiagram {
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
}
