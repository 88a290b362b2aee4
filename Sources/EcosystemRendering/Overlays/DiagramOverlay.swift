/// Marks drawn on top of an ecosystem map: extra attributes and CSS classes on chosen actors
/// and relations, extra edges that are not in the model, and a second legend that explains
/// them. ``EcosystemDiagram/dot(for:options:)`` applies it in one place, so every output
/// (SVG, PNG, PDF, the DOT source, the report) shows the same marks.
///
/// Used by the gap overlay (``GapOverlay``: cut points, bridges, isolates, recommended ties)
/// and by scenario diagrams (added and removed actors and ties).
public struct DiagramOverlay: Sendable, Equatable {
    /// Extra styling for one actor or relation.
    public struct Mark: Sendable, Equatable {
        /// CSS classes appended to the element's own (e.g. `gap-cut-point`).
        public var cssClass: String
        /// Graphviz attributes that replace or extend the element's own, e.g.
        /// `["peripheries": "2", "color": "#CC3311"]`. Values are plain text (quoted by the
        /// diagram); they must be Graphviz colours, numbers or style names, never user text.
        public var attributes: [String: String]
        /// Appended to the element's tooltip and accessible title (e.g. `removed in the
        /// scenario`); user text, escaped by the diagram. Empty: none.
        public var tooltipNote: String

        /// A mark as given; see the properties.
        public init(cssClass: String, attributes: [String: String], tooltipNote: String = "") {
            self.cssClass = cssClass; self.attributes = attributes; self.tooltipNote = tooltipNote
        }
    }

    /// A line drawn between two actors that is not a relation of the model.
    public struct ExtraEdge: Sendable, Equatable {
        /// Element id (e.g. `gap-tie-1`); made safe with ``DOTText/identifier(_:prefix:)``.
        public var id: String
        /// Actor id of the first end (the tail when the line has an arrow).
        public var from: String
        /// Actor id of the second end.
        public var to: String
        /// CSS classes of the line.
        public var cssClass: String
        /// Graphviz attributes (colour, style, penwidth, dir…), as for ``Mark/attributes``.
        public var attributes: [String: String]
        /// Tooltip and accessible title (user text; escaped by the diagram).
        public var tooltip: String

        /// An extra edge as given; see the properties. Edges naming an actor the map does not
        /// have are not drawn.
        public init(id: String, from: String, to: String, cssClass: String, attributes: [String: String], tooltip: String) {
            self.id = id; self.from = from; self.to = to; self.cssClass = cssClass
            self.attributes = attributes; self.tooltip = tooltip
        }
    }

    /// One row of the overlay's legend: a glyph drawn in `color`, then the explanation.
    public struct LegendRow: Sendable, Equatable {
        /// The symbol drawn (e.g. `◎`, `━━━`, `– – –`); plain text, escaped by the diagram.
        public var glyph: String
        /// Colour of the glyph, `#RRGGBB` (not user text).
        public var color: String
        /// The explanation (user text, escaped by the diagram).
        public var text: String

        /// A legend row as given.
        public init(glyph: String, color: String, text: String) {
            self.glyph = glyph; self.color = color; self.text = text
        }
    }

    /// Short name used in ids (`<name>-legend`) and classes.
    public var name: String
    /// Heading of the overlay's legend.
    public var legendTitle: String
    /// Rows of the overlay's legend, top to bottom.
    public var legendRows: [LegendRow]
    /// Marks by actor id.
    public var actorMarks: [String: Mark]
    /// Marks by relation id.
    public var relationMarks: [String: Mark]
    /// Lines that are not relations of the model (e.g. recommended ties), drawn after them.
    public var extraEdges: [ExtraEdge]
    /// Whether the marks give every relation its colour and line style (as a scenario diff
    /// does): the map's own legend then leaves out the relation types, whose colours and
    /// styles are not drawn, and this overlay's legend explains the lines.
    public var restylesRelations: Bool

    /// An overlay as given; see the properties.
    public init(
        name: String, legendTitle: String, legendRows: [LegendRow] = [],
        actorMarks: [String: Mark] = [:], relationMarks: [String: Mark] = [:], extraEdges: [ExtraEdge] = [],
        restylesRelations: Bool = false
    ) {
        self.name = name; self.legendTitle = legendTitle; self.legendRows = legendRows
        self.actorMarks = actorMarks; self.relationMarks = relationMarks; self.extraEdges = extraEdges
        self.restylesRelations = restylesRelations
    }

    /// `attributes` (ordered `key=value` DOT pairs, the first of which is the id) with the
    /// mark applied: `class` extended, other keys replaced in place or appended in key order.
    static func apply(_ mark: Mark?, to attributes: [(key: String, value: String)]) -> [(key: String, value: String)] {
        guard let mark else { return attributes }
        var result = attributes
        for (i, attribute) in result.enumerated() where attribute.key == "class" {
            let current = String(attribute.value.dropFirst().dropLast())  // quoted by DOTText.quoted
            result[i].value = DOTText.quoted(current + " " + mark.cssClass)
        }
        for key in mark.attributes.keys.sorted() {
            let value = DOTText.quoted(mark.attributes[key]!)
            if let i = result.firstIndex(where: { $0.key == key }) {
                result[i].value = value
            } else {
                result.append((key, value))
            }
        }
        return result
    }
}
