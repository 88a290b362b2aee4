import Ecosystem
import Foundation
import Graphviz

/// Diff diagrams of what-if scenarios, drawn on the baseline's node positions so the eye can
/// compare: added actors and ties in one colour, removed ones dashed in another and still
/// visible, changed ties in a third, unchanged ties grey; node size by a measure of the
/// network drawn; a legend. And one SVG with the baseline and every scenario as small
/// multiples on the same positions.
///
/// A diff diagram is the ordinary map (``EcosystemDiagram``: the same node styling, ids,
/// CSS classes, tooltips, legend and ``SVGFinisher``) of the *union* of baseline and
/// scenario (``union(baseline:scenario:)``), with a ``DiagramOverlay`` (``overlay(baseline:scenario:)``)
/// marking what the scenario adds, removes and changes (CSS classes `added`, `removed`,
/// `changed`, `unchanged`), on a ``PinnedLayout``. There is one way to style a map.
///
/// How the positions are fixed: the baseline's layout is the map's own (``MapLayout``: the
/// same positions as the map and the gap overlay of the same model and options), and actors
/// that scenarios add are placed by a second neato layout in which every baseline actor is
/// pinned (`pos="x,y!"`, `notranslate`). Every diagram pins every node at those positions, so
/// only the edges are routed per diagram; the shared frame (invisible corner anchors) gives
/// every diagram and small multiple the same bounding box.
///
/// The output is deterministic: same models and options, same bytes.
public enum ScenarioDiagram {
    /// Colours of the diff (Okabe–Ito, colour-blind safe; the dash pattern carries "removed"
    /// in greyscale too).
    public static let addedColor = "#009E73"
    /// Colour of removed actors and relations (vermillion).
    public static let removedColor = "#D55E00"
    /// Colour of changed actors and relations (blue).
    public static let changedColor = "#0072B2"
    /// Colour of unchanged relations (grey).
    public static let unchangedColor = "#999999"

    /// A node position in inches (Graphviz's `plain` and `pos` units).
    public typealias Point = DiagramPoint

    /// The theme of diff diagrams: the default one with node sizes bounded to
    /// 0.75–1.6 × 0.45–0.8 inches, so the baseline layout leaves room for any node size.
    public static let theme: DiagramTheme = {
        var theme = DiagramTheme.default
        theme.maxNodeWidth = 1.6
        theme.maxNodeHeight = 0.8
        return theme
    }()

    /// Positions of every actor of the baseline and of the scenarios, by actor id: the
    /// baseline's layout (``MapLayout/positions(of:options:keeping:)``, or `keeping` where it
    /// has a position), then the actors the scenarios add placed around the pinned baseline.
    ///
    /// - Parameters:
    ///   - baseline: the base model, laid out first.
    ///   - scenarios: changed models; actors they add are placed in a second layout around the
    ///     baseline's pinned positions.
    ///   - options: the map's options (engine, theme, page), as for the map itself, so the
    ///     diffs share the map's positions.
    ///   - keeping: positions that stay (a saved layout), inches.
    /// - Returns: a position in inches per actor id of every model.
    /// - Throws: ``GraphvizError`` when a layout fails.
    /// - Complexity: two layouts.
    public static func positions(
        baseline: EcosystemModel, scenarios: [EcosystemModel], options: DiagramOptions = DiagramOptions(theme: theme),
        keeping: [String: Point] = [:]
    ) throws(GraphvizError) -> [String: Point] {
        do {
            let base = try MapLayout.positions(of: baseline, options: options, keeping: keeping)
            let everything = combined(baseline: baseline, scenarios: scenarios)
            guard everything.actors.count > baseline.actors.count else { return base }
            return try MapLayout.positions(of: everything, options: options, keeping: keeping.merging(base) { _, b in b })
        } catch {
            switch error {
            case let .graphviz(inner): throw inner
            case let .malformedSVG(message): throw .layout(engine: "neato", message: message)
            }
        }
    }

    /// The baseline with every actor and relation any scenario adds (a layout helper, never drawn).
    static func combined(baseline: EcosystemModel, scenarios: [EcosystemModel]) -> EcosystemModel {
        var actors = baseline.actors, relations = baseline.relations
        var actorTypes = baseline.actorTypes, relationTypes = baseline.relationTypes
        var seen = Set(actors.map(\.id)), seenRelations = Set(relations.map(\.id))
        var actorTypeIDs = Set(actorTypes.map(\.id)), relationTypeIDs = Set(relationTypes.map(\.id))
        for model in scenarios {
            for actor in model.actors where seen.insert(actor.id).inserted { actors.append(actor) }
            for r in model.relations where seenRelations.insert(r.id).inserted { relations.append(r) }
            for t in model.actorTypes where actorTypeIDs.insert(t.id).inserted { actorTypes.append(t) }
            for t in model.relationTypes where relationTypeIDs.insert(t.id).inserted { relationTypes.append(t) }
        }
        return EcosystemModel(
            name: baseline.name, title: baseline.title, actorTypes: actorTypes, relationTypes: relationTypes,
            actors: actors, relations: relations)
    }

    /// Baseline and scenario in one model: every baseline actor (in the scenario's version when
    /// it has one), then the actors the scenario adds; every relation of the scenario, then the
    /// baseline relations it removes; the types of both (the scenario's declaration first).
    ///
    /// - Parameters:
    ///   - baseline: the base model.
    ///   - scenario: the changed model.
    /// - Returns: the union, named and titled as the scenario.
    /// - Complexity: `O(actors + relations + types)` expected.
    public static func union(baseline: EcosystemModel, scenario: EcosystemModel) -> EcosystemModel {
        let changedActors = Dictionary(scenario.actors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let baseActors = Set(baseline.actors.map(\.id))
        let scenarioRelations = Set(scenario.relations.map(\.id))
        let actorTypes = scenario.actorTypes + baseline.actorTypes.filter { t in !scenario.actorTypes.contains { $0.id == t.id } }
        let relationTypes = scenario.relationTypes + baseline.relationTypes.filter { t in !scenario.relationTypes.contains { $0.id == t.id } }
        return EcosystemModel(
            name: scenario.name, title: scenario.title, description: scenario.description,
            actorTypes: actorTypes, relationTypes: relationTypes,
            actors: baseline.actors.map { changedActors[$0.id] ?? $0 } + scenario.actors.filter { !baseActors.contains($0.id) },
            relations: scenario.relations + baseline.relations.filter { !scenarioRelations.contains($0.id) },
            language: scenario.language)
    }

    /// The marks of a diff (for ``DiagramOptions/overlay`` of the ``union(baseline:scenario:)``
    /// map), by ``ModelDiff``:
    /// - added actor: thick green border, class `added`; added relation: green line, `added`;
    /// - removed actor: dashed vermillion border on a pale fill, grey text, class `removed`;
    ///   removed relation: dashed vermillion line, `removed` (both still drawn);
    /// - changed actor: blue border, `changed`; changed relation (weight, type, ends,
    ///   evidence): blue line, `changed`;
    /// - every other relation: grey line, `unchanged`.
    /// Every line is solid unless removed, so dashes mean "removed" only; the map's legend then
    /// leaves out the relation types (``DiagramOverlay/restylesRelations``).
    /// - Parameters:
    ///   - baseline: the base model.
    ///   - scenario: the changed model.
    /// - Returns: the overlay, with a legend of the four kinds of mark.
    /// - Complexity: `O(actors + relations)` expected.
    public static func overlay(baseline: EcosystemModel, scenario: EcosystemModel) -> DiagramOverlay {
        let diff = ModelDiff(base: baseline, changed: scenario)
        var actorMarks: [String: DiagramOverlay.Mark] = [:]
        for id in diff.addedActors {
            actorMarks[id] = .init(cssClass: "added", attributes: ["color": addedColor, "penwidth": "3"], tooltipNote: "added in the scenario")
        }
        for id in diff.changedActors {
            actorMarks[id] = .init(cssClass: "changed", attributes: ["color": changedColor, "penwidth": "2.5"], tooltipNote: "changed in the scenario")
        }
        for id in diff.removedActors {
            actorMarks[id] = .init(
                cssClass: "removed",
                attributes: ["style": "filled,dashed", "color": removedColor, "penwidth": "2", "fillcolor": "#F2F2F2", "fontcolor": "#666666"],
                tooltipNote: "removed in the scenario")
        }
        var relationMarks: [String: DiagramOverlay.Mark] = [:]
        for r in scenario.relations {
            relationMarks[r.id] = .init(cssClass: "unchanged", attributes: ["color": unchangedColor, "style": "solid"])
        }
        for id in diff.addedRelations {
            relationMarks[id] = .init(cssClass: "added", attributes: ["color": addedColor, "style": "solid"], tooltipNote: "added in the scenario")
        }
        for id in diff.changedRelations {
            relationMarks[id] = .init(cssClass: "changed", attributes: ["color": changedColor, "style": "solid"], tooltipNote: "changed in the scenario")
        }
        for id in diff.removedRelations {
            relationMarks[id] = .init(cssClass: "removed", attributes: ["color": removedColor, "style": "dashed"], tooltipNote: "removed in the scenario")
        }
        func count(_ n: Int, _ what: String) -> String { "\(n) \(what)\(n == 1 ? "" : "s")" }
        return DiagramOverlay(
            name: "diff", legendTitle: "Compared with the baseline",
            legendRows: [
                .init(glyph: "━━━", color: addedColor, text: "added (actor: thick border): \(count(diff.addedActors.count, "actor")), \(count(diff.addedRelations.count, "relation"))"),
                .init(glyph: "– – –", color: removedColor, text: "removed (dashed, still shown): \(count(diff.removedActors.count, "actor")), \(count(diff.removedRelations.count, "relation"))"),
                .init(glyph: "━━━", color: changedColor, text: "changed (weight, type, ends): \(count(diff.changedActors.count, "actor")), \(count(diff.changedRelations.count, "relation"))"),
                .init(glyph: "━━━", color: unchangedColor, text: "unchanged relation"),
            ],
            actorMarks: actorMarks, relationMarks: relationMarks, restylesRelations: true)
    }

    /// What to draw for one network on the shared positions: the union model and its options.
    ///
    /// - Parameters:
    ///   - baseline: the base model.
    ///   - scenario: the changed model; `nil` draws the baseline alone (its own styling, no marks).
    ///   - layout: the shared layout (``EcosystemDiagram/sharedLayout(of:options:positions:overlayLegendRows:)``
    ///     of positions from ``positions(baseline:scenarios:options:keeping:)``).
    ///   - style: the map's options whose theme, page and background the diagram takes.
    ///   - sizes: per actor id, a value of the node-size measure in the network drawn (missing
    ///     or NaN, e.g. removed actors: smallest size); `nil` for equal sizes.
    ///   - sizeMeasure: its name, for the legend and the tooltips.
    ///   - title: drawn above.
    ///   - idPrefix: prefix of every SVG id (distinct per diagram inlined in one page).
    ///   - legend: whether to draw the legends (pinned beside or below the map).
    ///   - viewBoxOnly: SVG without width and height.
    /// - Returns: the model to draw (the union, or the baseline when `scenario` is `nil`) and
    ///   the options (theme, overlay, pinned positions) for ``EcosystemDiagram``.
    public static func diagram(
        baseline: EcosystemModel, scenario: EcosystemModel?, layout: PinnedLayout, style: DiagramOptions = DiagramOptions(theme: theme),
        sizes: [String: Double]? = nil, sizeMeasure: String? = nil, title: String, idPrefix: String = "",
        legend: Bool = true, viewBoxOnly: Bool = false
    ) -> (model: EcosystemModel, options: DiagramOptions) {
        let model = scenario.map { union(baseline: baseline, scenario: $0) } ?? baseline
        var options = DiagramOptions(
            title: title, caption: "", legend: legend, labelWidth: style.labelWidth, dpi: style.dpi, theme: style.theme,
            viewBoxOnly: viewBoxOnly, idPrefix: idPrefix)
        options.page = style.page
        if let sizes {
            options.nodeSize = model.actors.map { sizes[$0.id] ?? .nan }
            options.nodeSizeMeasure = sizeMeasure.map { "\($0) in this network" }
        }
        options.overlay = scenario.map { overlay(baseline: baseline, scenario: $0) }
        options.pinned = layout
        return (model, options)
    }

    /// As ``diagram(baseline:scenario:layout:style:sizes:sizeMeasure:title:idPrefix:legend:viewBoxOnly:)``
    /// on `positions` drawn as laid out, in the diff theme, with the given frame.
    public static func diagram(
        baseline: EcosystemModel, scenario: EcosystemModel?, positions: [String: Point],
        sizes: [String: Double]? = nil, sizeMeasure: String? = nil, title: String, idPrefix: String = "",
        legend: Bool = true, frame: (Point, Point)? = nil, viewBoxOnly: Bool = false
    ) -> (model: EcosystemModel, options: DiagramOptions) {
        let style = DiagramOptions(theme: theme)
        let layout = PinnedLayout(
            positions: positions, frame: frame.map { (min: $0.0, max: $0.1) } ?? MapLayout.frame(positions, options: style))
        return diagram(
            baseline: baseline, scenario: scenario, layout: layout, style: style, sizes: sizes, sizeMeasure: sizeMeasure,
            title: title, idPrefix: idPrefix, legend: legend, viewBoxOnly: viewBoxOnly)
    }

    /// The DOT source of a diff diagram (``diagram(baseline:scenario:positions:sizes:sizeMeasure:title:idPrefix:legend:frame:viewBoxOnly:)``
    /// through ``EcosystemDiagram/dot(for:options:)``): the union of the baseline and the
    /// scenario, every node pinned at `positions`, for neato.
    /// - Parameters: as ``diagram(baseline:scenario:positions:sizes:sizeMeasure:title:idPrefix:legend:frame:viewBoxOnly:)``.
    /// - Returns: the DOT source.
    /// - Complexity: `O(actors + relations)`.
    public static func dot(
        baseline: EcosystemModel, scenario: EcosystemModel?, positions: [String: Point],
        sizes: [String: Double]? = nil, sizeMeasure: String? = nil, title: String, idPrefix: String = "",
        legend: Bool = true, frame: (Point, Point)? = nil
    ) -> String {
        let (model, options) = diagram(
            baseline: baseline, scenario: scenario, positions: positions, sizes: sizes, sizeMeasure: sizeMeasure,
            title: title, idPrefix: idPrefix, legend: legend, frame: frame)
        return EcosystemDiagram.dot(for: model, options: options)
    }

    /// The diff diagram of one scenario as finished SVG (``EcosystemDiagram/draw(_:options:formats:)``).
    ///
    /// - Parameters:
    ///   - positions: from ``positions(baseline:scenarios:)`` (computed once for all scenarios).
    ///   - sizes: per actor id, the node-size measure in the scenario's network (computed by
    ///     the caller with the run's options); `nil` for equal sizes.
    ///   - sizeMeasure: the measure's name, for the legend and the tooltips.
    ///   - idPrefix: prefix of every element id (for several diagrams in one page).
    /// - Returns: the finished SVG document (UTF-8).
    /// - Throws: ``DiagramError``.
    /// - Complexity: one neato layout with pinned nodes.
    public static func svg(
        baseline: EcosystemModel, scenario: EcosystemModel, positions: [String: Point],
        sizes: [String: Double]? = nil, sizeMeasure: String? = nil, idPrefix: String = ""
    ) throws(DiagramError) -> [UInt8] {
        let (model, options) = diagram(
            baseline: baseline, scenario: scenario, positions: positions, sizes: sizes,
            sizeMeasure: sizeMeasure, title: title(baseline: baseline, scenario: scenario), idPrefix: idPrefix)
        return try EcosystemDiagram.draw(model, options: options, formats: [.svg]).outputs[.svg] ?? []
    }

    /// The diff diagram of one scenario on a shared layout, in the map's style.
    /// - Parameters: as ``diagram(baseline:scenario:layout:style:sizes:sizeMeasure:title:idPrefix:legend:viewBoxOnly:)``.
    /// - Returns: the drawing (finished SVG, page notes).
    /// - Throws: ``DiagramError``.
    public static func drawing(
        baseline: EcosystemModel, scenario: EcosystemModel, layout: PinnedLayout, style: DiagramOptions,
        sizes: [String: Double]? = nil, sizeMeasure: String? = nil, idPrefix: String = ""
    ) throws(DiagramError) -> Drawing {
        let (model, options) = diagram(
            baseline: baseline, scenario: scenario, layout: layout, style: style, sizes: sizes, sizeMeasure: sizeMeasure,
            title: title(baseline: baseline, scenario: scenario), idPrefix: idPrefix)
        return try EcosystemDiagram.draw(model, options: options, formats: [.svg])
    }

    /// "Scenario — compared with Baseline".
    static func title(baseline: EcosystemModel, scenario: EcosystemModel) -> String {
        "\(scenario.title) — compared with \(baseline.title)"
    }

    /// Baseline and scenarios as small multiples in one SVG: panels on a grid of `columns`,
    /// every panel on the same positions and the same frame, ids prefixed `<idPrefix>p<k>-`,
    /// one legend below.
    ///
    /// Each panel is a finished diagram (``EcosystemDiagram/draw(_:options:formats:)``, viewBox
    /// only) nested as an `<svg>` element scaled to the panel width; the document has its own
    /// `<title>` and `<desc>` and is checked to be well-formed XML.
    /// - Parameters:
    ///   - baseline: the base model (first panel).
    ///   - scenarios: one panel each, in order.
    ///   - positions: from ``positions(baseline:scenarios:)``.
    ///   - sizes: per network (the baseline first, then each scenario), the node-size measure
    ///     by actor id, computed by the caller; `nil` for equal sizes.
    ///   - sizeMeasure: the measure's name, for the legends.
    ///   - columns: panels per row.
    ///   - panelWidth: width of a panel in SVG user units (pixels).
    ///   - idPrefix: prefix of every element id.
    /// - Returns: the SVG document.
    /// - Throws: ``DiagramError``.
    /// - Complexity: one layout per panel.
    public static func smallMultiples(
        baseline: EcosystemModel, scenarios: [EcosystemModel], positions: [String: Point],
        sizes: [[String: Double]]? = nil, sizeMeasure: String? = nil, columns: Int = 2, panelWidth: Double = 560,
        idPrefix: String = ""
    ) throws(DiagramError) -> String {
        let style = DiagramOptions(theme: theme)
        return try smallMultiples(
            baseline: baseline, scenarios: scenarios, layout: PinnedLayout(positions: positions, frame: MapLayout.frame(positions, options: style)),
            style: style, sizes: sizes, sizeMeasure: sizeMeasure, columns: columns, panelWidth: panelWidth, idPrefix: idPrefix)
    }

    /// Small multiples on a shared layout (its positions, factor and frame), in the map's
    /// style; as ``smallMultiples(baseline:scenarios:positions:sizes:sizeMeasure:columns:panelWidth:idPrefix:)``.
    /// - Throws: ``DiagramError``.
    public static func smallMultiples(
        baseline: EcosystemModel, scenarios: [EcosystemModel], layout: PinnedLayout, style: DiagramOptions,
        sizes: [[String: Double]]? = nil, sizeMeasure: String? = nil, columns: Int = 2, panelWidth: Double = 560,
        idPrefix: String = ""
    ) throws(DiagramError) -> String {
        let prefix = DOTText.identifier(idPrefix, prefix: "")
        let panelStyle = style
        // Panels have no legend: no band kept for one.
        var panelLayout = layout
        if let frame = layout.frame { panelLayout.frame = (DiagramPoint(x: frame.min.x, y: frame.min.y + layout.legendBand), frame.max) }
        panelLayout.legendBand = 0
        let models = [baseline] + scenarios
        var panels: [(svg: String, width: Double, height: Double)] = []
        for (k, model) in models.enumerated() {
            let (drawn, options) = diagram(
                baseline: baseline, scenario: k == 0 ? nil : model, layout: panelLayout, style: panelStyle,
                sizes: sizes.flatMap { k < $0.count ? $0[k] : nil }, sizeMeasure: sizeMeasure,
                title: k == 0 ? "Baseline: \(baseline.title)" : model.title, idPrefix: "\(prefix)p\(k)-",
                legend: false, viewBoxOnly: true)
            let svg = try EcosystemDiagram.draw(drawn, options: options, formats: [.svg]).outputs[.svg] ?? []
            panels.append(panel(svg))
        }
        let columns = max(1, min(columns, models.count))
        let rows = (models.count + columns - 1) / columns
        let panelHeight = panels.map { $0.height * panelWidth / max($0.width, 1) }.max() ?? panelWidth
        let legendHeight = 70.0
        let width = Double(columns) * panelWidth, height = Double(rows) * panelHeight + legendHeight
        let esc = SVGFinisher.escape
        let title = "\(baseline.title): baseline and \(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s") on the same positions"
        let description = "Small multiples: " + models.enumerated().map { k, m in k == 0 ? "the baseline" : m.title }.joined(separator: ", ")
            + ". Every panel draws the actors at the baseline's positions; in the scenario panels added actors and ties are green, removed ones dashed vermillion, changed ones blue, unchanged ties grey."
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"\(f(width))\" height=\"\(f(height))\" "
        out += "viewBox=\"0 0 \(f(width)) \(f(height))\" id=\"\(prefix)small-multiples\" class=\"ecomap small-multiples\" "
        out += "role=\"img\" aria-labelledby=\"\(prefix)sm-title \(prefix)sm-desc\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        out += "<title id=\"\(prefix)sm-title\">\(esc(title))</title>\n<desc id=\"\(prefix)sm-desc\">\(esc(description))</desc>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
        for (k, panel) in panels.enumerated() {
            let x = Double(k % columns) * panelWidth, y = Double(k / columns) * panelHeight
            out += "<svg x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(panelWidth))\" height=\"\(f(panelHeight))\" preserveAspectRatio=\"xMidYMin meet\" viewBox=\"0 0 \(f(panel.width)) \(f(panel.height))\">\n"
            out += panel.svg
            out += "</svg>\n"
            out += "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(panelWidth - 2))\" height=\"\(f(panelHeight - 2))\" fill=\"none\" stroke=\"#CCCCCC\"/>\n"
        }
        let ly = Double(rows) * panelHeight + 24
        out += "<g id=\"\(prefix)sm-legend\" class=\"legend\" font-size=\"13\">\n"
        let items = [(addedColor, "", "added"), (removedColor, " stroke-dasharray=\"6 4\"", "removed (dashed, still shown)"),
                     (changedColor, "", "changed"), (unchangedColor, "", "unchanged")]
        var x = 20.0
        for item in items {
            out += "<line x1=\"\(f(x))\" y1=\"\(f(ly))\" x2=\"\(f(x + 36))\" y2=\"\(f(ly))\" stroke=\"\(item.0)\" stroke-width=\"3\"\(item.1)/>\n"
            out += "<text x=\"\(f(x + 44))\" y=\"\(f(ly + 4))\">\(esc(item.2))</text>\n"
            x += 44 + Double(item.2.count) * 8 + 30   // about 8 units per character at 13 pt
        }
        let note = "Fill and shape: actor type; line width: tie strength" + (sizes != nil ? sizeMeasure.map { "; node size: \($0) in each network" } ?? "" : "")
        out += "<text x=\"20\" y=\"\(f(ly + 28))\">\(esc(note))</text>\n</g>\n</svg>\n"
        if let problem = SVGFinisher.wellFormednessProblem(Array(out.utf8)) { throw DiagramError.malformedSVG(problem) }
        return out
    }

    /// A finished viewBox-only SVG as a nested `<svg>` element (prolog dropped), with the size
    /// of its viewBox in points.
    static func panel(_ svg: [UInt8]) -> (svg: String, width: Double, height: Double) {
        var body = SVGFinisher.inlineFragment(svg)
        if !body.hasSuffix("\n") { body += "\n" }
        guard let tagEnd = body.firstIndex(of: ">"), let box = body[..<tagEnd].range(of: " viewBox=\"") else { return (body, 1, 1) }
        let numbers = body[box.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4 else { return (body, 1, 1) }
        return (body, numbers[2], numbers[3])
    }

    static func f(_ x: Double) -> String { NumberFormat.decimals(x, 2) }
}
