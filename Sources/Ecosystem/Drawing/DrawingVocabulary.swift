/// The words a drawing of the ecosystem is made of: node shapes, line styles and colours, as
/// Graphviz understands them. One copy, used by the model loader (actor and relation types
/// declare them), by the theme (which may override them) and by the renderer (which checks
/// them once more before they reach the DOT text, because Graphviz copies some of them into
/// the SVG without escaping).
///
/// Reference: Graphviz node shapes, graphviz.org/doc/info/shapes.html; styles,
/// graphviz.org/docs/attr-types/style/; colours, graphviz.org/docs/attr-types/color/
/// (Graphviz 2.42, the version Debian 12 ships).
public enum DrawingVocabulary {
    /// The Graphviz 2.42 node shapes a type may use: the polygon-based shapes (record shapes
    /// and `epsf` are left out: they need labels or files of their own), in the order of
    /// Graphviz's documentation, which is also the order "did you mean" hints list them in.
    public static let nodeShapes: [String] = [
        "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext", "plain",
        "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon",
        "doublecircle", "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse",
        "Mdiamond", "Msquare", "Mcircle", "rect", "rectangle", "square", "star", "none", "underline",
        "cylinder", "note", "tab", "folder", "box3d", "component", "promoter", "cds", "terminator", "utr",
        "primersite", "restrictionsite", "fivepoverhang", "threepoverhang", "noverhang", "assembly",
        "signature", "insulator", "ribosite", "rnastab", "proteasesite", "proteinstab", "rpromoter",
        "rarrow", "larrow", "lpromoter",
    ]

    private static let nodeShapeSet = Set(nodeShapes)

    /// Whether `name` is one of ``nodeShapes`` (case-sensitive, as Graphviz is for `Mdiamond`).
    /// - Parameter name: a candidate shape name.
    /// - Returns: `true` for a shape Graphviz draws.
    /// - Complexity: `O(1)` expected (a set lookup).
    public static func isNodeShape(_ name: String) -> Bool { nodeShapeSet.contains(name) }

    /// The line styles a relation type may use, in legend order: `solid`, `dashed`, `dotted`,
    /// `bold` (the Graphviz edge styles that need no further attributes).
    public static let lineStyles: [String] = ["solid", "dashed", "dotted", "bold"]

    /// Whether `name` is one of ``lineStyles``.
    /// - Parameter name: a candidate style name.
    /// - Returns: `true` for `solid`, `dashed`, `dotted` or `bold`.
    /// - Complexity: `O(1)` (four comparisons).
    public static func isLineStyle(_ name: String) -> Bool { lineStyles.contains(name) }

    /// The colour rule, for messages and documentation: `#RRGGBB` (red, green, blue) or
    /// `#RRGGBBAA` (the same with opacity, `00` transparent to `FF` opaque), hexadecimal
    /// digits in either case.
    public static let colourRule = "'#RRGGBB' or '#RRGGBBAA'"

    /// Whether `text` is a colour by ``colourRule``: `#` followed by exactly 6 or 8 hexadecimal
    /// digits (`0-9`, `a-f`, `A-F`). Colour names (`red`) and 3-digit forms are refused: the
    /// one rule is the same for model files and theme files, and what passes it is safe to copy
    /// into SVG.
    /// - Parameter text: a candidate colour.
    /// - Returns: `true` for `#RRGGBB` or `#RRGGBBAA`.
    /// - Complexity: `O(length of text)`.
    public static func isColour(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst()
        return text.hasPrefix("#") && (digits.count == 6 || digits.count == 8)
            && digits.allSatisfy { (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }
    }
}
