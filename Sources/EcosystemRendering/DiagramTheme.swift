import Ecosystem
import Yams

/// Palette, fonts, shapes and sizes of the map, readable from a YAML theme file.
///
/// **Precedence** (strongest first), for an actor type's fill colour and shape and a relation
/// type's line colour and style:
/// 1. an entry for that type id under `actor_types:` / `relation_types:` in the theme;
/// 2. when the theme sets `palette_overrides_model: true`, the theme's `palette` and `shapes`
///    taken in the order the model declares its types (cycling when there are more types);
/// 3. the colour, shape and style the model declares for the type (`Datasets/SCHEMA.md`);
/// 4. the built-in default (grey ellipse, solid grey line) for a type the model does not declare.
///
/// The default theme uses the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color
/// Universal Design", jfly.uni-koeln.de/color; Wong 2011, Nature Methods 8:441,
/// doi:10.1038/nmeth.1618) and one distinct shape per type, so a greyscale print still reads.
///
/// Every value is validated when a theme is read, because Graphviz copies some of them (font
/// names, colours) into the SVG without escaping: colours must be `#RRGGBB` or `#RRGGBBAA`,
/// shapes Graphviz node shapes, styles `solid|dashed|dotted|bold`, font names ASCII letters,
/// digits, spaces and `,._-`, sizes positive and finite.
public struct DiagramTheme: Sendable, Equatable {
    /// Fill colours for actor types (used by rule 2 above), `#RRGGBB`.
    public var palette: [String]
    /// Node shapes for actor types (rule 2), Graphviz shape names.
    public var shapes: [String]
    /// Whether `palette` and `shapes` replace the model's declared type colours and shapes.
    public var paletteOverridesModel: Bool
    /// Per actor type id: fill colour and/or shape (rule 1).
    public var actorTypes: [String: NodeStyle]
    /// Per relation type id: line colour and/or style (rule 1).
    public var relationTypes: [String: EdgeStyle]
    /// Font for every text of the map (must be installed for Graphviz's text metrics; DejaVu
    /// Sans is what `make deps` installs).
    public var fontName: String
    /// Font size of the title, in points.
    public var titleFontSize: Double
    /// Font size of the caption, in points.
    public var captionFontSize: Double
    /// Font size of node labels, in points.
    public var labelFontSize: Double
    /// Font size of the legends, in points.
    public var legendFontSize: Double
    /// Node width in inches for the smallest `nodeSize` value (without sizes Graphviz's own
    /// node size is used).
    public var minNodeWidth: Double
    /// Node width in inches for the largest `nodeSize` value.
    public var maxNodeWidth: Double
    /// Node height in inches for the smallest `nodeSize` value.
    public var minNodeHeight: Double
    /// Node height in inches for the largest `nodeSize` value.
    public var maxNodeHeight: Double
    /// Line width in points for the weakest tie (linear in tie strength up to ``maxPenWidth``).
    public var minPenWidth: Double
    /// Line width in points for the strongest tie.
    public var maxPenWidth: Double
    /// Colour of node outlines, the legend frame and cluster frames.
    public var outlineColor: String
    /// Background colour of the drawing; `#FFFFFF00` (the default) is transparent, so the
    /// map takes the page's background when embedded.
    public var background: String

    /// A type's fill colour and shape; `nil` fields fall through to the next rule.
    public struct NodeStyle: Sendable, Equatable {
        /// Fill colour, `#RRGGBB` or `#RRGGBBAA`.
        public var color: String?
        /// Graphviz node shape (one of ``DiagramTheme/graphvizShapes``).
        public var shape: String?
        /// A style as given.
        public init(color: String? = nil, shape: String? = nil) { self.color = color; self.shape = shape }
    }

    /// A relation type's line colour and style; `nil` fields fall through to the next rule.
    public struct EdgeStyle: Sendable, Equatable {
        /// Line colour, `#RRGGBB` or `#RRGGBBAA`.
        public var color: String?
        /// Graphviz line style: `solid`, `dashed`, `dotted` or `bold`.
        public var style: String?
        /// A style as given.
        public init(color: String? = nil, style: String? = nil) { self.color = color; self.style = style }
    }

    /// The eight Okabe–Ito colours without black: orange, sky blue, bluish green, yellow, blue,
    /// vermillion, reddish purple, then grey (black is kept for lines and text). Source:
    /// M. Okabe & K. Ito (2008), "Color Universal Design (CUD): how to make figures and
    /// presentations that are friendly to colorblind people", https://jfly.uni-koeln.de/color/
    /// (no DOI); recommended by B. Wong (2011), Nature Methods 8:441, doi:10.1038/nmeth.1618.
    public static let okabeIto = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]

    /// Shapes that differ in outline, not only in size: read in greyscale.
    public static let distinctShapes = ["box", "ellipse", "diamond", "octagon", "hexagon", "note", "triangle", "house", "cylinder", "invtriangle"]

    /// The default theme (see the type's documentation).
    public static let `default` = DiagramTheme()

    /// A theme as given (not validated; ``load(yaml:file:)`` checks colours, shapes, font
    /// names and sizes). The defaults are those of ``default``.
    public init(
        palette: [String] = DiagramTheme.okabeIto, shapes: [String] = DiagramTheme.distinctShapes,
        paletteOverridesModel: Bool = false, actorTypes: [String: NodeStyle] = [:],
        relationTypes: [String: EdgeStyle] = [:], fontName: String = "DejaVu Sans",
        titleFontSize: Double = 18, captionFontSize: Double = 11, labelFontSize: Double = 11,
        legendFontSize: Double = 10, minNodeWidth: Double = 0.75, maxNodeWidth: Double = 2.0,
        minNodeHeight: Double = 0.45, maxNodeHeight: Double = 1.2, minPenWidth: Double = 1,
        maxPenWidth: Double = 3, outlineColor: String = "#333333", background: String = "#FFFFFF00"
    ) {
        self.palette = palette; self.shapes = shapes; self.paletteOverridesModel = paletteOverridesModel
        self.actorTypes = actorTypes; self.relationTypes = relationTypes; self.fontName = fontName
        self.titleFontSize = titleFontSize; self.captionFontSize = captionFontSize
        self.labelFontSize = labelFontSize; self.legendFontSize = legendFontSize
        self.minNodeWidth = minNodeWidth; self.maxNodeWidth = maxNodeWidth
        self.minNodeHeight = minNodeHeight; self.maxNodeHeight = maxNodeHeight
        self.minPenWidth = minPenWidth; self.maxPenWidth = maxPenWidth
        self.outlineColor = outlineColor; self.background = background
    }

    // MARK: - Resolution (the precedence rules)

    /// Fill colour and shape of the actor type `id` in `model`, by the precedence rules.
    /// - Parameters:
    ///   - id: an actor type id.
    ///   - model: the model declaring the types.
    /// - Returns: a colour and a Graphviz shape; `#BBBBBB` and `ellipse` for an undeclared type
    ///   the theme does not style.
    /// - Complexity: `O(types)`.
    public func nodeStyle(forActorType id: String, in model: EcosystemModel) -> (color: String, shape: String) {
        let declared = model.actorTypes.firstIndex { $0.id == id }
        var color = "#BBBBBB", shape = "ellipse"
        if let declared {
            color = model.actorTypes[declared].color
            shape = model.actorTypes[declared].shape
            if paletteOverridesModel {
                if !palette.isEmpty { color = palette[declared % palette.count] }
                if !shapes.isEmpty { shape = shapes[declared % shapes.count] }
            }
        }
        if let own = actorTypes[id] {
            color = own.color ?? color
            shape = own.shape ?? shape
        }
        return (color, shape)
    }

    /// Line colour and style of the relation type `id` in `model`, by the precedence rules
    /// (the palette does not apply to relations).
    /// - Parameters:
    ///   - id: a relation type id.
    ///   - model: the model declaring the types.
    /// - Returns: a colour and a line style; `#555555` and `solid` for an undeclared type the
    ///   theme does not style.
    /// - Complexity: `O(types)`.
    public func edgeStyle(forRelationType id: String, in model: EcosystemModel) -> (color: String, style: String) {
        var color = "#555555", style = "solid"
        if let declared = model.relationType(id) { color = declared.color; style = declared.style }
        if let own = relationTypes[id] {
            color = own.color ?? color
            style = own.style ?? style
        }
        return (color, style)
    }

    // MARK: - Reading YAML

    /// Reads a theme from YAML text. Keys not given keep their defaults.
    ///
    /// ```yaml
    /// palette: ["#0072B2", "#E69F00", "#009E73"]   # fill colours by type order
    /// shapes: [box, ellipse, diamond]
    /// palette_overrides_model: true                # else the model's colours win
    /// actor_types:
    ///   government: {color: "#0072B2", shape: box}
    /// relation_types:
    ///   funds: {color: "#E69F00", style: bold}
    /// font: DejaVu Sans
    /// font_sizes: {title: 18, caption: 11, label: 11, legend: 10}
    /// node_width: [0.75, 2.0]     # inches, smallest and largest node
    /// node_height: [0.45, 1.2]
    /// pen_width: [1, 3]           # points, weakest and strongest tie
    /// outline: "#333333"
    /// background: "#FFFFFF00"
    /// ```
    ///
    /// - Parameters:
    ///   - yaml: the theme file's text.
    ///   - file: the file name, for error messages.
    /// - Returns: the theme.
    /// - Throws: ``ThemeError`` naming the file, the key and what would be valid, for YAML
    ///   syntax errors, unknown keys and invalid values.
    /// - Complexity: linear in the size of the text.
    public static func load(yaml: String, file: String = "theme") throws(ThemeError) -> DiagramTheme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ThemeError(file: file, message: "not valid YAML: \(error)")
        }
        var theme = DiagramTheme()
        guard let root else { return theme }
        guard let map = root.mapping else {
            throw ThemeError(file: file, line: root.mark?.line, column: root.mark?.column, message: "the theme must be a mapping of keys to values")
        }
        let reader = Reader(file: file)
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            switch key {
            case "palette": theme.palette = try reader.list(value, key: key).map { v throws(ThemeError) in try reader.colour(v, key: key) }
            case "shapes": theme.shapes = try reader.list(value, key: key).map { v throws(ThemeError) in try reader.shape(v, key: key) }
            case "palette_overrides_model": theme.paletteOverridesModel = try reader.bool(value, key: key)
            case "actor_types":
                for (type, entry) in try reader.mapping(value, key: key) {
                    var style = NodeStyle()
                    for (field, v) in try reader.mapping(entry, key: "\(key).\(type)") {
                        switch field {
                        case "color": style.color = try reader.colour(v, key: "\(key).\(type).color")
                        case "shape": style.shape = try reader.shape(v, key: "\(key).\(type).shape")
                        default: throw reader.unknown(field, in: "\(key).\(type)", valid: ["color", "shape"], at: v)
                        }
                    }
                    theme.actorTypes[type] = style
                }
            case "relation_types":
                for (type, entry) in try reader.mapping(value, key: key) {
                    var style = EdgeStyle()
                    for (field, v) in try reader.mapping(entry, key: "\(key).\(type)") {
                        switch field {
                        case "color": style.color = try reader.colour(v, key: "\(key).\(type).color")
                        case "style": style.style = try reader.lineStyle(v, key: "\(key).\(type).style")
                        default: throw reader.unknown(field, in: "\(key).\(type)", valid: ["color", "style"], at: v)
                        }
                    }
                    theme.relationTypes[type] = style
                }
            case "font": theme.fontName = try reader.fontName(value, key: key)
            case "font_sizes":
                for (field, v) in try reader.mapping(value, key: key) {
                    let size = try reader.positive(v, key: "\(key).\(field)")
                    switch field {
                    case "title": theme.titleFontSize = size
                    case "caption": theme.captionFontSize = size
                    case "label": theme.labelFontSize = size
                    case "legend": theme.legendFontSize = size
                    default: throw reader.unknown(field, in: key, valid: ["title", "caption", "label", "legend"], at: v)
                    }
                }
            case "node_width": (theme.minNodeWidth, theme.maxNodeWidth) = try reader.range(value, key: key)
            case "node_height": (theme.minNodeHeight, theme.maxNodeHeight) = try reader.range(value, key: key)
            case "pen_width": (theme.minPenWidth, theme.maxPenWidth) = try reader.range(value, key: key)
            case "outline": theme.outlineColor = try reader.colour(value, key: key)
            case "background": theme.background = try reader.colour(value, key: key)
            default:
                throw reader.unknown(key, in: "the theme", valid: Self.topLevelKeys, at: keyNode)
            }
        }
        return theme
    }

    static let topLevelKeys = [
        "palette", "shapes", "palette_overrides_model", "actor_types", "relation_types", "font",
        "font_sizes", "node_width", "node_height", "pen_width", "outline", "background",
    ]

    /// Graphviz 2.42 node shapes (the polygon-based and record-free ones; graphviz.org/doc/info/shapes.html).
    public static let graphvizShapes: Set<String> = [
        "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext",
        "plain", "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon",
        "octagon", "doublecircle", "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium",
        "invhouse", "Mdiamond", "Msquare", "Mcircle", "rect", "rectangle", "square", "star", "none",
        "underline", "cylinder", "note", "tab", "folder", "box3d", "component", "promoter", "cds",
        "terminator", "utr", "primersite", "restrictionsite", "fivepoverhang", "threepoverhang",
        "noverhang", "assembly", "signature", "insulator", "ribosite", "rnastab", "proteasesite",
        "proteinstab", "rpromoter", "rarrow", "larrow", "lpromoter",
    ]

    /// Whether `text` is `#RRGGBB` or `#RRGGBBAA` (hex digits in either case).
    /// - Parameter text: a candidate colour.
    /// - Returns: `true` for exactly `#` and 6 or 8 hexadecimal digits.
    public static func isColour(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst()
        return text.hasPrefix("#") && (digits.count == 6 || digits.count == 8)
            && digits.allSatisfy { (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }
    }

    /// Whether `text` is a font name Graphviz can copy into SVG unescaped: 1–64 ASCII letters,
    /// digits, spaces and `,._-`.
    /// - Parameter text: a candidate font name.
    /// - Returns: whether it may be used (otherwise the diagram falls back to DejaVu Sans).
    public static func isSafeFontName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy {
            (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0)
                || [32, 44, 46, 95, 45].contains($0)
        }
    }
}

/// A theme file that cannot be used: which file, which key, what would be valid.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The theme file, as the caller named it.
    public let file: String
    /// 1-based line and column of the offending value, when known.
    public let line: Int?
    public let column: Int?
    /// What is wrong and what would be valid.
    public let message: String
    /// An error as given.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    /// `file:line:column: error: message`, like a compiler (and like model errors).
    public var description: String {
        guard let line, let column else { return "\(file): error: \(message)" }
        return "\(file):\(line):\(column): error: \(message)"
    }
}

/// Typed access to theme values, throwing ``ThemeError`` with the key's path.
private struct Reader {
    let file: String

    func fail(_ key: String, _ message: String, at node: Node) -> ThemeError {
        ThemeError(file: file, line: node.mark?.line, column: node.mark?.column, message: "\(key): \(message)")
    }

    func unknown(_ key: String, in place: String, valid: [String], at node: Node) -> ThemeError {
        ThemeError(
            file: file, line: node.mark?.line, column: node.mark?.column,
            message: "unknown key '\(key)' in \(place); valid keys: \(valid.joined(separator: ", "))")
    }

    func mapping(_ node: Node, key: String) throws(ThemeError) -> [(String, Node)] {
        guard let map = node.mapping else { throw fail(key, "expected a mapping", at: node) }
        return map.map { ($0.key.string ?? "", $0.value) }
    }

    func list(_ node: Node, key: String) throws(ThemeError) -> [Node] {
        guard let seq = node.sequence else { throw fail(key, "expected a list", at: node) }
        return Array(seq)
    }

    func text(_ node: Node, key: String) throws(ThemeError) -> String {
        guard let s = node.scalar?.string else { throw fail(key, "expected text", at: node) }
        return s
    }

    func colour(_ node: Node, key: String) throws(ThemeError) -> String {
        let s = try text(node, key: key)
        guard DiagramTheme.isColour(s) else { throw fail(key, "'\(s)' is not a colour; write \"#RRGGBB\" or \"#RRGGBBAA\" (quoted)", at: node) }
        return s.uppercased()
    }

    func shape(_ node: Node, key: String) throws(ThemeError) -> String {
        let s = try text(node, key: key)
        guard DiagramTheme.graphvizShapes.contains(s) else {
            throw fail(key, "'\(s)' is not a Graphviz node shape; e.g. \(DiagramTheme.distinctShapes.joined(separator: ", "))", at: node)
        }
        return s
    }

    func lineStyle(_ node: Node, key: String) throws(ThemeError) -> String {
        let s = try text(node, key: key)
        guard ["solid", "dashed", "dotted", "bold"].contains(s) else { throw fail(key, "'\(s)' is not one of solid, dashed, dotted, bold", at: node) }
        return s
    }

    func fontName(_ node: Node, key: String) throws(ThemeError) -> String {
        let s = try text(node, key: key)
        guard DiagramTheme.isSafeFontName(s) else {
            throw fail(key, "'\(s)' is not a usable font name (ASCII letters, digits, spaces and , . _ - only)", at: node)
        }
        return s
    }

    func bool(_ node: Node, key: String) throws(ThemeError) -> Bool {
        guard let b = node.bool else { throw fail(key, "expected true or false", at: node) }
        return b
    }

    func positive(_ node: Node, key: String) throws(ThemeError) -> Double {
        // Bounded: Graphviz cannot parse absurd sizes back (1e308) and Pango warns on huge fonts.
        guard node.scalar?.style == .plain, let x = node.float, x.isFinite, x > 0, x <= 500 else {
            throw fail(key, "expected a positive number up to 500", at: node)
        }
        return x
    }

    func range(_ node: Node, key: String) throws(ThemeError) -> (Double, Double) {
        let items = try list(node, key: key)
        guard items.count == 2 else { throw fail(key, "expected [smallest, largest]", at: node) }
        let lo = try positive(items[0], key: key), hi = try positive(items[1], key: key)
        guard lo <= hi else { throw fail(key, "the first value must not exceed the second", at: node) }
        return (lo, hi)
    }
}
