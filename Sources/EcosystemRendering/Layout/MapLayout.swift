import Ecosystem
import Foundation
import Graphviz

/// The one layout of a model that every map of it reuses: the map, the gap overlay, scenario
/// diffs, small multiples and the report's figures put each actor at the same place, so
/// consecutive slides do not shuffle.
///
/// How: the map's DOT (``EcosystemDiagram/dot(for:options:)``) without legend, title, frames
/// or overlay, every actor at the theme's largest node size (so any node size fits; a page
/// map: its own node sizes, packed with `overlap_scaling=0`), straight edges, is laid out once
/// by the map's engine (neato unless another is asked; dot, fdp and
/// the rest read their own positions), and the node centres are read from Graphviz's `plain`
/// output. Actors with a position given (a saved layout, the baseline of a scenario) keep it
/// exactly: they are pinned (`pos="x,y!"`, `notranslate=true`) and neato places the others
/// around them. Every map is then drawn with every actor pinned (``PinnedLayout``).
///
/// Positions are in inches (Graphviz's `pos` units), y growing upwards; files store points.
public enum MapLayout {
    /// Node positions of every actor of `model`.
    ///
    /// - Parameters:
    ///   - model: the model laid out.
    ///   - options: the map's options; its engine, theme (largest node size, fonts), label
    ///     width and page decide the spacing; its legend, overlay, frames and titles are ignored.
    ///   - kept: positions in inches that stay as they are (actors of `model` only are used);
    ///     the other actors are placed around them. Empty: a fresh layout.
    /// - Returns: a position in inches per actor id of `model`.
    /// - Throws: ``DiagramError/graphviz(_:)`` when the layout fails.
    /// - Complexity: one layout by the engine (none when every actor is kept).
    public static func positions(
        of model: EcosystemModel, options: DiagramOptions, keeping kept: [String: DiagramPoint] = [:]
    ) throws(DiagramError) -> [String: DiagramPoint] {
        let fixed = kept.filter { model.actorIndex($0.key) != nil }
        if fixed.count == model.actors.count { return fixed }
        var layoutOptions = DiagramOptions(
            title: "", engine: options.engine, legend: false, labelWidth: options.labelWidth, theme: options.theme)
        layoutOptions.page = options.page
        // A page map is laid out as compactly as its own nodes allow.
        layoutOptions.nodeSize = options.page == nil ? nil : options.nodeSize
        let engine: LayoutEngine = fixed.isEmpty
            ? LayoutPolicy.choose(requested: options.engine, nodeCount: model.actors.count, clustered: false).engine
            : .neato
        layoutOptions.engine = engine
        let source = EcosystemDiagram.dot(for: model, options: layoutOptions, fixed: fixed, layoutOnly: true)
        let plain: RenderResult
        do {
            plain = try Graphviz.render(dot: source, engine: engine, format: .plain)
        } catch {
            throw .graphviz(error)
        }
        var result: [String: DiagramPoint]
        do {
            result = try nodePositions(plain, actors: model.actors.map(\.id), engine: engine)
        } catch {
            throw .graphviz(error)
        }
        // Quantized as a positions file stores them, so a layout read back is the same doubles.
        result = result.mapValues { DiagramPoint(x: quantized($0.x), y: quantized($0.y)) }
        for (id, p) in fixed { result[id] = p }
        return result
    }

    /// `inches` rounded to a ten-thousandth of a point (what ``PositionsFile`` stores).
    static func quantized(_ inches: Double) -> Double { ((inches * 72) * 10000).rounded() / 10000 / 72 }

    /// Node centres from Graphviz `plain` output (`node NAME X Y ...`, inches), by actor id.
    static func nodePositions(_ plain: RenderResult, actors: [String], engine: LayoutEngine) throws(GraphvizError) -> [String: DiagramPoint] {
        var byName: [String: DiagramPoint] = [:]
        for line in String(decoding: plain.data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("node ") {
            let parts = line.split(separator: " ")
            guard parts.count >= 4, let x = Double(parts[2]), let y = Double(parts[3]) else { continue }
            byName[String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))] = DiagramPoint(x: x, y: y)
        }
        var result: [String: DiagramPoint] = [:]
        for id in actors {
            guard let p = byName[EcosystemDiagram.actorElementID(id)] else {
                throw .layout(engine: engine.rawValue, message: "no position for actor '\(id)' in the layout")
            }
            result[id] = p
        }
        return result
    }

    /// The shared frame of every map drawn on `positions`: the positions' extent (times
    /// `scale`) plus half the theme's largest node and a margin, so every map of the layout has
    /// the same lower-left corner (the origin of its SVG coordinates) whatever its node sizes.
    /// - Parameters:
    ///   - positions: the layout, inches.
    ///   - options: the map's options (theme and page give the largest node).
    ///   - scale: the factor the positions are drawn at.
    /// - Returns: lower-left and upper-right corners, inches as drawn.
    public static func frame(
        _ positions: [String: DiagramPoint], options: DiagramOptions, scale: Double = 1
    ) -> (min: DiagramPoint, max: DiagramPoint) {
        let theme = EcosystemDiagram.effectiveTheme(options)
        let xs = positions.values.map { $0.x * scale }, ys = positions.values.map { $0.y * scale }
        let labelWidth = Double(options.page == nil ? options.labelWidth : EcosystemDiagram.pageLabelWidth)
            * theme.labelFontSize * (options.page == nil ? 1.45 : 1) * 0.6 / 72
        let dx = max(theme.maxNodeWidth, labelWidth) / 2 + 0.1, dy = theme.maxNodeHeight / 2 + 0.1
        return (DiagramPoint(x: (xs.min() ?? 0) - dx, y: (ys.min() ?? 0) - dy),
                DiagramPoint(x: (xs.max() ?? 0) + dx, y: (ys.max() ?? 0) + dy))
    }
}

/// A saved layout: positions by actor id in points, as JSON (see README, "Positions that stay").
///
/// ```json
/// {
///   "format": "ecomap-positions",
///   "version": 1,
///   "units": "pt",
///   "positions": { "dip": { "x": 123.45, "y": 67.8 }, … }
/// }
/// ```
/// `x` grows to the right and `y` upwards (Graphviz's convention), in points (1/72 inch) as the
/// layout engine placed the centres, before a page scales them. Keys are sorted, numbers
/// have at most 4 decimals, so the same layout is the same bytes.
public enum PositionsFile {
    /// The value of the `format` field.
    public static let format = "ecomap-positions"

    /// The JSON text of `positions` (inches in, points out).
    /// - Parameter positions: inches by actor id.
    /// - Returns: the document, UTF-8, ending with a newline.
    public static func json(_ positions: [String: DiagramPoint]) -> String {
        func number(_ x: Double) -> String { EcosystemDiagram.precise(((x * 72) * 10000).rounded() / 10000) }
        var out = "{\n  \"format\": \"\(format)\",\n  \"version\": 1,\n  \"units\": \"pt\",\n  \"positions\": {"
        let ids = positions.keys.sorted()
        for (k, id) in ids.enumerated() {
            let p = positions[id]!
            out += "\n    \(JSONGraphs.json(id)): {\"x\": \(number(p.x)), \"y\": \(number(p.y))}\(k + 1 < ids.count ? "," : "")"
        }
        out += ids.isEmpty ? "}\n}\n" : "\n  }\n}\n"
        return out
    }

    /// Reads a positions file.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: its path, for messages.
    /// - Returns: inches by actor id.
    /// - Throws: a message naming the file, the actor id and what is valid.
    public static func read(_ data: Data, file: String) throws(PositionsFileError) -> [String: DiagramPoint] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw PositionsFileError("\(file): not JSON (\(error.localizedDescription)); expected {\"format\": \"\(format)\", \"units\": \"pt\", \"positions\": {ID: {\"x\": X, \"y\": Y}}}")
        }
        guard let root = object as? [String: Any] else {
            throw PositionsFileError("\(file): the top level must be an object with \"format\": \"\(format)\" and \"positions\"")
        }
        guard root["format"] as? String == format else {
            throw PositionsFileError("\(file): \"format\" must be \"\(format)\" (a file ecomap wrote with its positions option)")
        }
        if let units = root["units"], units as? String != "pt" {
            throw PositionsFileError("\(file): \"units\" must be \"pt\"")
        }
        guard let table = root["positions"] as? [String: Any] else {
            throw PositionsFileError("\(file): \"positions\" must be an object keyed by actor id")
        }
        var result: [String: DiagramPoint] = [:]
        for id in table.keys.sorted() {
            guard let point = table[id] as? [String: Any],
                  let x = (point["x"] as? NSNumber)?.doubleValue, let y = (point["y"] as? NSNumber)?.doubleValue,
                  x.isFinite, y.isFinite, abs(x) <= 1e6, abs(y) <= 1e6 else {
                throw PositionsFileError("\(file): positions.\(id) must be {\"x\": X, \"y\": Y} with finite numbers of points (at most 1000000)")
            }
            result[id] = DiagramPoint(x: x / 72, y: y / 72)
        }
        return result
    }
}

/// A positions file that cannot be read: the message names the file and the actor id.
public struct PositionsFileError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public let description: String
    /// A message as given.
    public init(_ description: String) { self.description = description }
}
