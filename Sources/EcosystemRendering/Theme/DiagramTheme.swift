import Ecosystem
import Yams

/// Palette, fonts, shapes and sizes of the map, readable from a YAML theme file.
///
/// **Precedence** (strongest first), for an actor type's fill colour and shape and a relation
/// type's line colour and style:
/// 1. an entry for that type id under `actor_types:` / `relation_types:` in the theme;
/// 2. when the theme sets `palette_overrides_model: true`, the theme's `palette` and `shapes`
///    taken in the order the model declares its types (cycling when there are more types);
/// 3. the colour, shape and style the model declares for the type (`Datasets/SCHEMA.md`); a
///    type whose colour the model does not set takes the theme's `palette` colour for its
///    position (``ActorType/automaticColor``);
/// 4. the built-in default (grey ellipse, solid grey line) for a type the model does not declare.
///
/// The default theme uses the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color
/// Universal Design", jfly.uni-koeln.de/color; Wong 2011, Nature Methods 8:441,
/// doi:10.1038/nmeth.1618) and one distinct shape per type, so a greyscale print still reads.
///
/// Every value is validated when a theme is read, because Graphviz copies some of them (font
/// names, colours) into the SVG without escaping: colours must be `#RRGGBB` or `#RRGGBBAA`,
/// shapes Graphviz node shapes and styles `solid|dashed|dotted|bold` (the
/// ``DrawingVocabulary`` the model files use too), font names ASCII letters, digits, spaces
/// and `,._-`, sizes positive numbers up to ``maxNodeSize`` inches, ``maxPenWidth`` and ``maxFontSize`` points. Every problem of a theme file is reported at
/// once (``ThemeError``).
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
        /// Graphviz node shape (one of ``DrawingVocabulary/nodeShapes``).
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

    /// The largest node width or height a theme may set, in inches: a 500-inch octagon
    /// corrupted libgvc's heap; 20 inches is larger than any page.
    public static let maxNodeSize = 20.0
    /// The largest line width a theme may set, in points.
    public static let maxPenWidth = 20.0
    /// The largest font size a theme may set, in points.
    public static let maxFontSize = 200.0

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
            if paletteOverridesModel || model.actorTypes[declared].automaticColor {
                // A colour the model did not set (chosen by position) follows the palette too.
                if !palette.isEmpty { color = palette[declared % palette.count] }
            }
            if paletteOverridesModel {
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
    /// - Throws: ``ThemeError`` with every problem found, each naming the file, the key and
    ///   what would be valid: a YAML syntax error (alone, at its line and column), a root that is
    ///   not a mapping (alone), unknown keys and invalid values (all of them).
    /// - Complexity: linear in the size of the text.
    public static func load(yaml: String, file: String = "theme") throws(ThemeError) -> DiagramTheme {
        let root: Node?
        do {
            root = try YAMLReader.compose(yaml, file: file)
        } catch {
            throw ThemeError(issues: [error.issue])
        }
        var theme = DiagramTheme()
        guard let root else { return theme }
        var reader = ThemeReader(yaml: YAMLReader(file: file))
        guard let map = reader.yaml.entries(root) else {
            reader.yaml.report(root, id: nil, "the theme must be a mapping of keys to values", valid: nil)
            throw ThemeError(issues: reader.yaml.issues)
        }
        for entry in map {
            let key = entry.key, value = entry.value
            switch key {
            case "palette":
                if let items = reader.list(value, key: key) { theme.palette = items.compactMap { reader.colour($0, key: key) } }
            case "shapes":
                if let items = reader.list(value, key: key) { theme.shapes = items.compactMap { reader.shape($0, key: key) } }
            case "palette_overrides_model":
                if let b = reader.bool(value, key: key) { theme.paletteOverridesModel = b }
            case "actor_types":
                for (type, entry) in reader.mapping(value, key: key) ?? [] {
                    var style = NodeStyle()
                    for (field, v) in reader.mapping(entry, key: "\(key).\(type)") ?? [] {
                        switch field {
                        case "color": style.color = reader.colour(v, key: "\(key).\(type).color")
                        case "shape": style.shape = reader.shape(v, key: "\(key).\(type).shape")
                        default: reader.unknown(field, in: "\(key).\(type)", valid: ["color", "shape"], at: v)
                        }
                    }
                    theme.actorTypes[type] = style
                }
            case "relation_types":
                for (type, entry) in reader.mapping(value, key: key) ?? [] {
                    var style = EdgeStyle()
                    for (field, v) in reader.mapping(entry, key: "\(key).\(type)") ?? [] {
                        switch field {
                        case "color": style.color = reader.colour(v, key: "\(key).\(type).color")
                        case "style": style.style = reader.lineStyle(v, key: "\(key).\(type).style")
                        default: reader.unknown(field, in: "\(key).\(type)", valid: ["color", "style"], at: v)
                        }
                    }
                    theme.relationTypes[type] = style
                }
            case "font":
                if let name = reader.fontName(value, key: key) { theme.fontName = name }
            case "font_sizes":
                for (field, v) in reader.mapping(value, key: key) ?? [] {
                    let size = reader.positive(v, key: "\(key).\(field)", atMost: DiagramTheme.maxFontSize, unit: "points")
                    switch field {
                    case "title": theme.titleFontSize = size ?? theme.titleFontSize
                    case "caption": theme.captionFontSize = size ?? theme.captionFontSize
                    case "label": theme.labelFontSize = size ?? theme.labelFontSize
                    case "legend": theme.legendFontSize = size ?? theme.legendFontSize
                    default: reader.unknown(field, in: key, valid: ["title", "caption", "label", "legend"], at: v)
                    }
                }
            case "node_width":
                if let r = reader.range(value, key: key, atMost: DiagramTheme.maxNodeSize, unit: "inches") { (theme.minNodeWidth, theme.maxNodeWidth) = r }
            case "node_height":
                if let r = reader.range(value, key: key, atMost: DiagramTheme.maxNodeSize, unit: "inches") { (theme.minNodeHeight, theme.maxNodeHeight) = r }
            case "pen_width":
                if let r = reader.range(value, key: key, atMost: DiagramTheme.maxPenWidth, unit: "points") { (theme.minPenWidth, theme.maxPenWidth) = r }
            case "outline":
                if let c = reader.colour(value, key: key) { theme.outlineColor = c }
            case "background":
                if let c = reader.colour(value, key: key) { theme.background = c }
            default:
                reader.unknown(key, in: "the theme", valid: Self.topLevelKeys, at: entry.keyNode)
            }
        }
        guard reader.yaml.issues.isEmpty else { throw ThemeError(issues: reader.yaml.issues) }
        return theme
    }

    static let topLevelKeys = [
        "palette", "shapes", "palette_overrides_model", "actor_types", "relation_types", "font",
        "font_sizes", "node_width", "node_height", "pen_width", "outline", "background",
    ]

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

/// A theme file that cannot be used: every problem found, each naming the file, the key and
/// what would be valid (the theme is read with the shared ``YAMLReader``, so one run shows
/// all of them, like a model file's ``ModelError``).
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, sorted by line and column (a problem without a position, such as a YAML
    /// syntax error, first); never empty.
    public let issues: [ModelIssue]
    /// The theme file, as the caller named it.
    public var file: String { issues[0].file }
    /// 1-based line of the first problem's value, when known.
    public var line: Int? { issues[0].line > 0 ? issues[0].line : nil }
    /// 1-based column of the first problem's value, when known.
    public var column: Int? { issues[0].line > 0 ? issues[0].column : nil }
    /// What is wrong with the first problem's value and what would be valid.
    public var message: String { issues[0].message }
    /// An error holding `issues`, stably sorted by position.
    /// - Precondition: at least one issue.
    /// - Complexity: `O(k log k)` for `k` issues.
    public init(issues: [ModelIssue]) {
        precondition(!issues.isEmpty, "a theme error has at least one issue")
        self.issues = ModelError(issues: issues).issues
    }
    /// One line per problem, `file:line:column: error: message`, like a compiler (and like
    /// model errors; `file: error: message` without a position).
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Typed access to theme values through the shared ``YAMLReader``: every problem is reported
/// with the key's path (`actor_types.government.color: …`) and reading goes on.
private struct ThemeReader {
    var yaml: YAMLReader

    mutating func fail(_ key: String, _ message: String, at node: Node) {
        yaml.report(node, id: nil, "\(key): \(message)", valid: nil)
    }

    mutating func unknown(_ key: String, in place: String, valid: [String], at node: Node) {
        yaml.report(node, id: nil, "unknown key '\(key)' in \(place); valid keys: \(valid.joined(separator: ", "))", valid: nil)
    }

    mutating func mapping(_ node: Node, key: String) -> [(String, Node)]? {
        guard let entries = yaml.entries(node) else { fail(key, "expected a mapping", at: node); return nil }
        return entries.map { ($0.key, $0.value) }
    }

    mutating func list(_ node: Node, key: String) -> [Node]? {
        guard let items = yaml.list(node) else { fail(key, "expected a list", at: node); return nil }
        return items
    }

    mutating func text(_ node: Node, key: String) -> String? {
        guard let s = yaml.string(node) else { fail(key, "expected text", at: node); return nil }
        return s
    }

    /// A colour by ``DrawingVocabulary/colourRule``, upper-cased.
    mutating func colour(_ node: Node, key: String) -> String? {
        guard let s = text(node, key: key) else { return nil }
        guard DrawingVocabulary.isColour(s) else {
            fail(key, "'\(s)' is not a colour; write \"#RRGGBB\" or \"#RRGGBBAA\" (quoted)", at: node)
            return nil
        }
        return s.uppercased()
    }

    mutating func shape(_ node: Node, key: String) -> String? {
        guard let s = text(node, key: key) else { return nil }
        guard DrawingVocabulary.isNodeShape(s) else {
            fail(key, "'\(s)' is not a Graphviz node shape; e.g. \(DiagramTheme.distinctShapes.joined(separator: ", "))", at: node)
            return nil
        }
        return s
    }

    mutating func lineStyle(_ node: Node, key: String) -> String? {
        guard let s = text(node, key: key) else { return nil }
        guard DrawingVocabulary.isLineStyle(s) else {
            fail(key, "'\(s)' is not one of \(DrawingVocabulary.lineStyles.joined(separator: ", "))", at: node)
            return nil
        }
        return s
    }

    mutating func fontName(_ node: Node, key: String) -> String? {
        guard let s = text(node, key: key) else { return nil }
        guard DiagramTheme.isSafeFontName(s) else {
            fail(key, "'\(s)' is not a usable font name (ASCII letters, digits, spaces and , . _ - only)", at: node)
            return nil
        }
        return s
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let b = yaml.bool(node) else { fail(key, "expected true or false", at: node); return nil }
        return b
    }

    mutating func positive(_ node: Node, key: String, atMost limit: Double, unit: String) -> Double? {
        // Bounded: Graphviz cannot parse absurd sizes back (1e308), corrupts its heap with
        // 500-inch octagons, and Pango warns on huge fonts.
        guard let x = yaml.number(node), x.isFinite, x > 0, x <= limit else {
            fail(key, "expected a positive number up to \(NumberFormat.brief(limit)) (\(unit))", at: node)
            return nil
        }
        return x
    }

    mutating func range(_ node: Node, key: String, atMost limit: Double, unit: String) -> (Double, Double)? {
        guard let items = list(node, key: key) else { return nil }
        guard items.count == 2 else { fail(key, "expected [smallest, largest]", at: node); return nil }
        let lo = positive(items[0], key: key, atMost: limit, unit: unit), hi = positive(items[1], key: key, atMost: limit, unit: unit)
        guard let lo, let hi else { return nil }
        guard lo <= hi else { fail(key, "the first value must not exceed the second", at: node); return nil }
        return (lo, hi)
    }
}
