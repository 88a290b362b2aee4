/// An output format, named as Graphviz names it (`gvRenderData`'s `format` argument).
///
/// - ``svg``: SVG 1.1 from Graphviz's core SVG renderer (UTF-8 text; labels are written as
///   given, with XML escaping).
/// - ``png``: PNG bitmap through the cairo renderer. Its resolution follows the graph's `dpi`
///   attribute (default 96): set it in the DOT source, e.g. `graph [dpi=300]`, to get a
///   print-quality bitmap. Note that `dpi` also scales the SVG drawing, so render SVG and PNG
///   separately when both matter.
/// - ``pdf``: single-page PDF through cairo (vector; fonts embedded by cairo).
/// - ``dot``: the input graph as DOT with the layout attached (`pos`, `bb`, `width`, `height`,
///   `lp`, ...); Graphviz's `-Tdot`.
/// - ``json``: Graphviz's JSON output (`-Tjson`): attributes, layout and xdot drawing operations.
/// - ``plain``: Graphviz's simple line-oriented text format (`-Tplain`), positions in inches.
///
/// The order of the cases is the order in which ``Graphviz/render(dot:engine:formats:)``
/// renders several formats from one layout (`json` must come after `dot`, because it attaches
/// drawing attributes to the graph that `-Tdot` would print).
public enum RenderFormat: String, CaseIterable, Sendable {
    /// SVG 1.1 text (`-Tsvg`).
    case svg
    /// PNG bitmap through cairo (`-Tpng`); resolution from the graph's `dpi` attribute.
    case png
    /// Single-page PDF through cairo (`-Tpdf`).
    case pdf
    /// Laid-out DOT with positions (`-Tdot`).
    case dot
    /// Graphviz JSON (`-Tjson`).
    case json
    /// Graphviz plain text (`-Tplain`).
    case plain
}

/// The bytes of one rendered format and the diagnostics Graphviz reported while producing it.
public struct RenderResult: Sendable, Equatable {
    /// The rendered document: UTF-8 text for `svg`, `dot`, `json`, `plain`; binary for
    /// `png` and `pdf`.
    public let data: [UInt8]
    /// Non-fatal messages (warnings, and errors Graphviz recovered from, which start with
    /// `"Error: "`) Graphviz reported while parsing, laying out and rendering this
    /// format, one entry per message, as Graphviz wrote them (for example
    /// `"Warning: node a, port x unrecognized"`), without the trailing newline. Messages from
    /// parsing and layout appear in the result of every format rendered from that layout.
    public let warnings: [String]

    /// Creates a result from rendered bytes and warnings.
    public init(data: [UInt8], warnings: [String]) {
        self.data = data
        self.warnings = warnings
    }
}
