import Ecosystem
import EcosystemAnalysis
import Foundation
import Graphviz

/// Diff diagrams of what-if scenarios, drawn on the baseline's node positions so the eye can
/// compare: added actors and ties in one colour, removed ones dashed in another and still
/// visible, changed ties in a third; node size by a measure of the network drawn; a legend.
/// And one SVG with the baseline and every scenario as small multiples on the same positions.
///
/// How the positions are fixed: the baseline map (``EcosystemDiagram/dot(for:options:)``,
/// without legend) is laid out once with neato and the node centres are read from Graphviz's
/// `plain` output (inches). Actors that scenarios add are then placed by a second neato layout
/// in which every baseline actor is pinned (`pos="x,y!"`, `notranslate`). Every diagram pins
/// every node at those positions, so only the edges are routed per diagram; invisible corner
/// anchors give every small multiple the same bounding box.
///
/// The output is deterministic: same models and options, same bytes.
public enum ScenarioDiagram {
    /// Colours of the diff (Okabe–Ito, colour-blind safe; the dash pattern carries "removed"
    /// in greyscale too).
    public static let addedColor = "#009E73"
    public static let removedColor = "#D55E00"
    public static let changedColor = "#0072B2"
    public static let unchangedColor = "#999999"

    /// A node position in inches (Graphviz's `plain` and `pos` units).
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// Positions of every actor of the baseline and of the scenarios, by actor id.
    ///
    /// - Throws: ``GraphvizError`` when a layout fails.
    /// - Complexity: two neato layouts.
    public static func positions(baseline: EcosystemModel, scenarios: [EcosystemModel]) throws(GraphvizError) -> [String: Point] {
        let dot = EcosystemDiagram.dot(for: baseline, options: DiagramOptions(legend: false))
        var result = try nodePositions(
            try Graphviz.render(dot: dot, engine: .neato, format: .plain), actors: baseline.actors.map(\.id))
        var added: [Actor] = []
        var seen = Set(baseline.actors.map(\.id))
        for model in scenarios { for actor in model.actors where seen.insert(actor.id).inserted { added.append(actor) } }
        guard !added.isEmpty else { return result }
        // Place the added actors around the pinned baseline.
        var text = "graph place {\n  graph [notranslate=true, overlap=prism, sep=\"+12\", start=1];\n"
        text += "  node [shape=box, width=1.6, height=0.6, fixedsize=true];\n"
        for actor in baseline.actors {
            let p = result[actor.id]!
            text += "  \(DOTText.quoted(DOTText.identifier(actor.id, prefix: "actor-"))) [pos=\"\(f(p.x)),\(f(p.y))!\", pin=true];\n"
        }
        for actor in added { text += "  \(DOTText.quoted(DOTText.identifier(actor.id, prefix: "actor-")));\n" }
        var edges = Set<String>()
        for model in [baseline] + scenarios {
            for r in model.relations {
                let a = DOTText.identifier(r.from, prefix: "actor-"), b = DOTText.identifier(r.to, prefix: "actor-")
                if edges.insert(min(a, b) + " -- " + max(a, b)).inserted { text += "  \"\(min(a, b))\" -- \"\(max(a, b))\";\n" }
            }
        }
        text += "}\n"
        let placed = try nodePositions(try Graphviz.render(dot: text, engine: .neato, format: .plain), actors: added.map(\.id))
        for (id, p) in placed { result[id] = p }
        return result
    }

    /// Node centres from Graphviz `plain` output (`node NAME X Y ...`), for the given actor ids.
    static func nodePositions(_ plain: RenderResult, actors: [String]) throws(GraphvizError) -> [String: Point] {
        var byName: [String: Point] = [:]
        for line in String(decoding: plain.data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("node ") {
            let parts = line.split(separator: " ")
            guard parts.count >= 4, let x = Double(parts[2]), let y = Double(parts[3]) else { continue }
            byName[String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))] = Point(x: x, y: y)
        }
        var result: [String: Point] = [:]
        for id in actors {
            guard let p = byName[DOTText.identifier(id, prefix: "actor-")] else {
                throw .layout(engine: "neato", message: "no position for actor '\(id)' in the layout")
            }
            result[id] = p
        }
        return result
    }

    /// The DOT source of a diff diagram: the union of the baseline and the scenario, every
    /// node pinned at `positions`.
    ///
    /// - Parameters:
    ///   - baseline: the base model.
    ///   - scenario: the changed model; `nil` draws the baseline alone (no diff colours).
    ///   - positions: from ``positions(baseline:scenarios:)``.
    ///   - sizes: per actor id, a value of the node-size measure in the network drawn (missing
    ///     or NaN: smallest size); `nil` for equal sizes.
    ///   - sizeMeasure: its name, for the legend.
    ///   - title: drawn above.
    ///   - idPrefix: prefix of every SVG id (distinct per small multiple).
    ///   - legend: whether to draw the legend (pinned to the right of the map).
    ///   - frame: corners (min, max) of an invisible frame every small multiple shares.
    /// - Returns: DOT for neato (pinned positions).
    /// - Complexity: `O(actors + relations)`.
    public static func dot(
        baseline: EcosystemModel, scenario: EcosystemModel?, positions: [String: Point],
        sizes: [String: Double]? = nil, sizeMeasure: String? = nil, title: String, idPrefix: String = "",
        legend: Bool = true, frame: (Point, Point)? = nil
    ) -> String {
        let changed = scenario ?? baseline
        let diff = ModelDiff(base: baseline, changed: changed)
        let removedActors = Set(diff.removedActors), addedActors = Set(diff.addedActors)
        let removedRelations = Set(diff.removedRelations), addedRelations = Set(diff.addedRelations)
        let changedRelations = Set(diff.changedRelations)
        let drawDiff = scenario != nil

        var out = "digraph diff {\n"
        out += "  graph [charset=\"UTF-8\", fontname=\"DejaVu Sans\", fontsize=16, labelloc=t, label=\(DOTText.label(title)), "
        out += "outputorder=edgesfirst, pad=0.3, splines=true, notranslate=false, "
        out += "id=\(DOTText.quoted(DOTText.identifier(changed.name, prefix: idPrefix + "diff-")))];\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=10, style=\"filled\", penwidth=1.2, color=\"#333333\", margin=\"0.08,0.04\"];\n"
        out += "  edge [arrowsize=0.6];\n"

        let values = sizes.map { s in (baseline.actors + changed.actors.filter { addedActors.contains($0.id) }).map { s[$0.id] ?? .nan } }
        let scaled = EcosystemDiagram.scaledSizes(values, count: values?.count ?? 0)
        let drawn = baseline.actors.map { a in changed.actors.first { $0.id == a.id } ?? a } + changed.actors.filter { addedActors.contains($0.id) }
        for (i, actor) in drawn.enumerated() {
            let type = changed.actorType(actor.type) ?? baseline.actorType(actor.type)
            let p = positions[actor.id] ?? Point(x: 0, y: 0)
            let removed = drawDiff && removedActors.contains(actor.id), added = drawDiff && addedActors.contains(actor.id)
            let fill = removed ? "#F2F2F2" : (type?.color ?? "#BBBBBB")
            var attrs = [
                "id=\(DOTText.quoted(DOTText.identifier(actor.id, prefix: idPrefix + "actor-")))",
                "class=\(DOTText.quoted("actor type-\(DOTText.identifier(actor.type, prefix: ""))\(removed ? " removed" : added ? " added" : "")"))",
                "label=\(DOTText.label(DOTText.wrapped(actor.name, width: 18)))",
                "shape=\(DOTText.quoted(type?.shape ?? "ellipse"))",
                "fillcolor=\(DOTText.quoted(fill))",
                "fontcolor=\(DOTText.quoted(removed ? "#666666" : EcosystemDiagram.textColor(on: fill)))",
                "pos=\"\(f(p.x)),\(f(p.y))!\"",
                "tooltip=\(DOTText.label(actor.name + (removed ? " (removed)" : added ? " (added)" : "")))",
            ]
            if removed { attrs += ["style=\"filled,dashed\"", "color=\(DOTText.quoted(removedColor))", "penwidth=2"] }
            if added { attrs += ["color=\(DOTText.quoted(addedColor))", "penwidth=3"] }
            if let s = scaled?[i], !removed {
                attrs += ["width=\(f(0.6 + 1.0 * s))", "height=\(f(0.4 + 0.6 * s))", "fontsize=\(f(9 + 4 * s))"]
            }
            out += "  \(DOTText.quoted(DOTText.identifier(actor.id, prefix: idPrefix + "actor-"))) [\(attrs.joined(separator: ", "))];\n"
        }

        let relations = changed.relations + baseline.relations.filter { removedRelations.contains($0.id) }
        let maxWeight = relations.map(\.weight).max() ?? 1
        for r in relations {
            let type = changed.relationType(r.type) ?? baseline.relationType(r.type)
            let state = !drawDiff ? "" : removedRelations.contains(r.id) ? "removed" : addedRelations.contains(r.id) ? "added"
                : changedRelations.contains(r.id) ? "changed" : "unchanged"
            let color: String
            switch state {
            case "removed": color = removedColor
            case "added": color = addedColor
            case "changed": color = changedColor
            case "unchanged": color = unchangedColor
            default: color = type?.color ?? "#555555"
            }
            // A removed actor's ties are removed too, even when ModelDiff lists them by id.
            var attrs = [
                "id=\(DOTText.quoted(DOTText.identifier(r.id, prefix: idPrefix + "relation-")))",
                "class=\(DOTText.quoted("relation type-\(DOTText.identifier(r.type, prefix: ""))\(state.isEmpty ? "" : " " + state)"))",
                "color=\(DOTText.quoted(color))",
                "penwidth=\(f(1 + 2 * r.weight / maxWeight))",
                "dir=\((type?.directed ?? true) ? "forward" : "none")",
                "tooltip=\(DOTText.label(EcosystemDiagram.edgeTooltip(for: r, model: state == "removed" ? baseline : changed)))",
            ]
            attrs.append(state == "removed" ? "style=\"dashed\"" : "style=\(DOTText.quoted(drawDiff ? "solid" : (type?.style ?? "solid")))")
            out += "  \(DOTText.quoted(DOTText.identifier(r.from, prefix: idPrefix + "actor-"))) -> "
            out += "\(DOTText.quoted(DOTText.identifier(r.to, prefix: idPrefix + "actor-"))) [\(attrs.joined(separator: ", "))];\n"
        }
        if let (lo, hi) = frame {
            for (k, p) in [lo, hi].enumerated() {
                out += "  \(DOTText.quoted(idPrefix + "frame-\(k)")) [style=invis, label=\"\", width=0.01, height=0.01, pos=\"\(f(p.x)),\(f(p.y))!\"];\n"
            }
        }
        if legend, drawDiff {
            let xs = positions.values.map(\.x), ys = positions.values.map(\.y)
            let lx = (xs.max() ?? 0) + 2.6, ly = ys.max() ?? 0
            out += "  \(DOTText.quoted(idPrefix + "legend")) [id=\(DOTText.quoted(idPrefix + "legend")), class=\"legend\", shape=box, style=\"rounded\", "
            out += "color=\"#999999\", fontsize=10, pos=\"\(f(lx)),\(f(ly - 1))!\", label=\(legendTable(sizeMeasure: sizes == nil ? nil : sizeMeasure))];\n"
        }
        out += "}\n"
        return out
    }

    static func legendTable(sizeMeasure: String?) -> String {
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Compared with the baseline</B></TD></TR>"
        rows += "<TR><TD><FONT COLOR=\"\(addedColor)\">━━━</FONT></TD><TD ALIGN=\"LEFT\">added (actor: thick border)</TD></TR>"
        rows += "<TR><TD><FONT COLOR=\"\(removedColor)\">– – –</FONT></TD><TD ALIGN=\"LEFT\">removed (dashed, still shown)</TD></TR>"
        rows += "<TR><TD><FONT COLOR=\"\(changedColor)\">━━━</FONT></TD><TD ALIGN=\"LEFT\">changed (weight, type, ends)</TD></TR>"
        rows += "<TR><TD><FONT COLOR=\"\(unchangedColor)\">━━━</FONT></TD><TD ALIGN=\"LEFT\">unchanged</TD></TR>"
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Fill and shape: actor type; line width: tie strength</TD></TR>"
        if let sizeMeasure { rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Node size: \(DOTText.html(sizeMeasure)) in this network</TD></TR>" }
        return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\(rows)</TABLE>>"
    }

    /// Node-size values per actor id: `measure` computed on `model` (undirected, strengths).
    public static func sizes(of model: EcosystemModel, measure: String?) throws -> [String: Double]? {
        guard let measure else { return nil }
        let column = try EcosystemAnalyzer.metrics(of: model, measures: [measure]).columns[0]
        return Dictionary(uniqueKeysWithValues: zip(model.actors.map(\.id), column))
    }

    /// The diff diagram of one scenario as SVG.
    ///
    /// - Parameters:
    ///   - positions: from ``positions(baseline:scenarios:)`` (computed once for all scenarios).
    ///   - measure: node-size measure (a node measure of ``MeasureCatalog``), or `nil`.
    /// - Throws: ``GraphvizError``, or ``AnalysisError`` from the measure.
    public static func svg(
        baseline: EcosystemModel, scenario: EcosystemModel, positions: [String: Point], measure: String? = "betweenness"
    ) throws -> [UInt8] {
        let text = dot(baseline: baseline, scenario: scenario, positions: positions, sizes: try sizes(of: scenario, measure: measure),
                       sizeMeasure: measure, title: "\(scenario.title) — compared with \(baseline.title)")
        return try Graphviz.render(dot: text, engine: .neato, format: .svg).data
    }

    /// Baseline and scenarios as small multiples in one SVG: panels on a grid of `columns`,
    /// every panel on the same positions and the same frame, ids prefixed `p<k>-`, one legend.
    ///
    /// The panels are Graphviz SVGs nested as `<svg>` elements (prolog and DOCTYPE dropped,
    /// each scaled to the panel width), so the file is one well-formed SVG document.
    /// - Throws: ``GraphvizError``, or ``AnalysisError`` from the measure.
    public static func smallMultiples(
        baseline: EcosystemModel, scenarios: [EcosystemModel], positions: [String: Point],
        measure: String? = "betweenness", columns: Int = 2, panelWidth: Double = 560
    ) throws -> String {
        let xs = positions.values.map(\.x), ys = positions.values.map(\.y)
        let frame = (Point(x: (xs.min() ?? 0) - 1, y: (ys.min() ?? 0) - 0.6), Point(x: (xs.max() ?? 0) + 1, y: (ys.max() ?? 0) + 0.6))
        let models = [baseline] + scenarios
        var panels: [(svg: String, width: Double, height: Double)] = []
        for (k, model) in models.enumerated() {
            let text = dot(baseline: baseline, scenario: k == 0 ? nil : model, positions: positions,
                           sizes: try sizes(of: model, measure: measure), sizeMeasure: measure,
                           title: k == 0 ? "Baseline: \(baseline.title)" : model.title, idPrefix: "p\(k)-", legend: false, frame: frame)
            let svg = String(decoding: try Graphviz.render(dot: text, engine: .neato, format: .svg).data, as: UTF8.self)
            panels.append(inner(svg))
        }
        let columns = max(1, min(columns, models.count))
        let rows = (models.count + columns - 1) / columns
        let panelHeight = panels.map { $0.height * panelWidth / max($0.width, 1) }.max() ?? panelWidth
        let legendHeight = 70.0
        let width = Double(columns) * panelWidth, height = Double(rows) * panelHeight + legendHeight
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"\(f(width))\" height=\"\(f(height))\" "
        out += "viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"sm-title\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        out += "<title id=\"sm-title\">\(xml(baseline.title)): baseline and \(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s") on the same positions</title>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
        for (k, panel) in panels.enumerated() {
            let x = Double(k % columns) * panelWidth, y = Double(k / columns) * panelHeight
            out += "<svg x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(panelWidth))\" height=\"\(f(panelHeight))\" viewBox=\"0 0 \(f(panel.width)) \(f(panel.height))\" preserveAspectRatio=\"xMidYMin meet\">\n"
            out += panel.svg
            out += "</svg>\n"
            out += "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(panelWidth - 2))\" height=\"\(f(panelHeight - 2))\" fill=\"none\" stroke=\"#CCCCCC\"/>\n"
        }
        let ly = Double(rows) * panelHeight + 24
        out += "<g class=\"legend\" font-size=\"13\">\n"
        let items = [(addedColor, "", "added"), (removedColor, " stroke-dasharray=\"6 4\"", "removed (dashed, still shown)"),
                     (changedColor, "", "changed"), (unchangedColor, "", "unchanged")]
        for (i, item) in items.enumerated() {
            let x = 20 + Double(i) * 230
            out += "<line x1=\"\(f(x))\" y1=\"\(f(ly))\" x2=\"\(f(x + 36))\" y2=\"\(f(ly))\" stroke=\"\(item.0)\" stroke-width=\"3\"\(item.1)/>\n"
            out += "<text x=\"\(f(x + 44))\" y=\"\(f(ly + 4))\">\(xml(item.2))</text>\n"
        }
        let note = "Fill and shape: actor type; line width: tie strength" + (measure.map { "; node size: \($0) in each network" } ?? "")
        out += "<text x=\"20\" y=\"\(f(ly + 28))\">\(xml(note))</text>\n</g>\n</svg>\n"
        return out
    }

    /// The `<svg>` element of a Graphviz SVG without prolog, DOCTYPE and comments, its outer
    /// width and height removed (the caller sets them), with its size in points.
    static func inner(_ svg: String) -> (svg: String, width: Double, height: Double) {
        guard let start = svg.range(of: "<svg") else { return ("", 1, 1) }
        var body = String(svg[start.lowerBound...])
        var width = 1.0, height = 1.0
        if let tagEnd = body.firstIndex(of: ">") {
            let tag = String(body[..<tagEnd])
            func attribute(_ name: String) -> String? {
                guard let r = tag.range(of: " \(name)=\"") else { return nil }
                return String(tag[r.upperBound...].prefix { $0 != "\"" })
            }
            width = Double(attribute("width")?.replacingOccurrences(of: "pt", with: "") ?? "") ?? 1
            height = Double(attribute("height")?.replacingOccurrences(of: "pt", with: "") ?? "") ?? 1
            let viewBox = attribute("viewBox") ?? "0 0 \(width) \(height)"
            body = "<svg viewBox=\"\(viewBox)\"" + body[tagEnd...]
        }
        // Drop the comments Graphviz writes (they carry node names, harmless, but noisy).
        while let c = body.range(of: "<!--"), let e = body.range(of: "-->", range: c.upperBound..<body.endIndex) {
            body.removeSubrange(c.lowerBound..<e.upperBound)
        }
        if !body.hasSuffix("\n") { body += "\n" }
        return (body, width, height)
    }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func f(_ x: Double) -> String { String(format: "%.2f", x) }
}
