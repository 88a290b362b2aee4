import Ecosystem
import Graphviz

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

    /// The DOT attribute that routes ties around the nodes (``dot(for:options:)``).
    static let routedSplines = "splines=true"

    /// Lays out the map once and renders it in every requested format; the SVG is finished for
    /// embedding by ``SVGFinisher`` (title and description for screen readers, readable
    /// element titles, no DOCTYPE, optionally viewBox-only).
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - options: see ``DiagramOptions``; `dpi` applies to every format rendered in this call.
    ///   - formats: Graphviz formats to render from the one layout.
    /// - Returns: the DOT source, the layout choice, the bytes per format and Graphviz's warnings.
    ///   When Graphviz's worker crashes while routing the ties around the nodes, the map is
    ///   drawn again with straight ties (`splines=line`), and a warning says so.
    /// - Throws: ``DiagramError/graphviz(_:)`` when libgvc rejects the source or cannot render a
    ///   format (or crashes again with straight ties); ``DiagramError/malformedSVG(_:)`` if the finished SVG is not well-formed.
    /// - Complexity: dominated by the layout engine (neato: roughly `O(n²)` per iteration).
    public static func draw(
        _ model: EcosystemModel, options: DiagramOptions = DiagramOptions(), formats: [RenderFormat]
    ) throws(DiagramError) -> Drawing {
        let choice = layout(for: model, options: options)
        var source = dot(for: model, options: options)
        let results: [RenderFormat: RenderResult]
        // A page map is measured on its SVG.
        let rendered = options.page != nil && !formats.contains(.svg) ? formats + [.svg] : formats
        var warnings: [String] = []
        do {
            results = try Graphviz.render(dot: source, engine: choice.engine, formats: rendered)
        } catch {
            // Routing ties around large polygons (octagons of a few inches) can corrupt
            // Graphviz's heap: the worker dies, and drawing the ties as straight lines, which
            // routes nothing, gets the map. A crash for any other reason, or a run out of time
            // or memory, is not retried.
            guard case let .aborted(_, reason) = error, reason.hasPrefix("it aborted") || reason.hasPrefix("it crashed"),
                  source.contains(Self.routedSplines) else { throw .graphviz(error) }
            source = source.replacingOccurrences(of: Self.routedSplines, with: "splines=line")
            do {
                results = try Graphviz.render(dot: source, engine: choice.engine, formats: rendered)
            } catch {
                throw .graphviz(error)
            }
            warnings.append("routing the ties around the nodes failed inside Graphviz (\(reason)); the ties are drawn as straight lines")
        }
        var outputs: [RenderFormat: [UInt8]] = [:]
        var pageNotes: [String] = []
        var labelPoints: Double?
        if let page = options.page, let svg = results[.svg] {
            let measured = printSize(svg.data)
            let smallest = effectiveTheme(options).labelFontSize * measured.scale
            labelPoints = smallest
            if smallest < PageSize.minimumLabelPoints - 0.05 {
                let mm = { (points: Double) in Int((points / PageSize.pointsPerMillimetre).rounded()) }
                pageNotes.append(
                    "\(model.actors.count) actors do not fit \(page.name) (\(mm(page.width)) × \(mm(page.height)) mm) with "
                    + "\(NumberFormat.attribute(PageSize.minimumLabelPoints))-pt labels: the map needs about \(mm(measured.width)) × "
                    + "\(mm(measured.height)) mm, so it is shrunk into the page and its labels come out at "
                    + "\(NumberFormat.decimals(smallest, 1)) pt; a larger page, a landscape one, or fewer actors keep them readable")
            }
        }
        for format in RenderFormat.allCases where formats.contains(format) {
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
        return Drawing(source: source, layout: choice, outputs: outputs, warnings: warnings, pageNotes: pageNotes, labelPoints: labelPoints)
    }

    /// The drawing's natural size (the `viewBox`, points) and the factor Graphviz scaled it by
    /// (`width` over the viewBox width) in an SVG as Graphviz writes it.
    static func printSize(_ svg: [UInt8]) -> (width: Double, height: Double, scale: Double) {
        let text = String(decoding: svg.prefix(4096), as: UTF8.self)
        func attribute(_ name: String) -> String? {
            guard let start = text.range(of: " \(name)=\"") else { return nil }
            return String(text[start.upperBound...].prefix { $0 != "\"" })
        }
        let box = (attribute("viewBox") ?? "").split(separator: " ").compactMap { Double($0) }
        guard box.count == 4, box[2] > 0 else { return (0, 0, 1) }
        let width = Double((attribute("width") ?? "").filter { $0.isNumber || $0 == "." }) ?? box[2]
        // A drawing larger than `size` is scaled by the graph group's transform.
        var scale = 1.0
        if let start = text.range(of: "transform=\"scale(") {
            scale = Double(text[start.upperBound...].prefix { $0 != " " && $0 != ")" }) ?? 1
        }
        return (box[2] / scale, box[3] / scale, scale * width / box[2])
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

    /// Group label per actor for framing actors by an attribute (``Ecosystem/EcosystemModel/groups(by:)``,
    /// the one way ecomap groups actors).
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - attribute: the type (its label), the place, the helix sphere or a free attribute.
    ///     Communities are numbers the caller computed: see ``communityLabels(_:)``.
    /// - Returns: one label per actor; actors without a value are grouped under
    ///   "(place unknown)" for the place and "(none)" otherwise.
    /// - Complexity: as ``Ecosystem/EcosystemModel/groups(by:)``.
    public static func clusterLabels(of model: EcosystemModel, by attribute: ActorAttribute) -> [String] {
        let missing = attribute == .place ? "(place unknown)" : "(none)"
        return model.groups(by: attribute).actorLabels.map { $0.isEmpty ? missing : $0 }
    }

    /// Group labels for community numbers: "Community 1", "Community 2", … (the numbers are
    /// 0-based, as the community measures give them); "(none)" for an undefined value.
    /// - Parameter communities: one community number per actor (e.g. the `leiden` column).
    /// - Returns: one label per actor.
    /// - Complexity: `O(actors)`.
    public static func communityLabels(_ communities: [Double]) -> [String] {
        communities.map { $0.isFinite ? "Community \(Int($0) + 1)" : "(none)" }
    }
}
