/// A Graphviz layout engine, named as Graphviz names it (`gvLayout`'s `engine` argument).
///
/// The engines differ a great deal in what they draw and in what they cost:
/// - ``dot``: layered drawing of directed graphs (Gansner, Koutsofios, North & Vo 1993,
///   IEEE TSE 19(3), doi:10.1109/32.221135). Network simplex ranking and crossing minimization
///   can take tens of seconds on a few hundred nodes with many cycles.
/// - ``neato``: spring model, stress majorization (Gansner, Koren & North 2004, Graph Drawing,
///   LNCS 3383, doi:10.1007/978-3-540-31843-9_25). Fast for up to a few hundred nodes.
/// - ``fdp``: force-directed (Fruchterman & Reingold 1991, Software: Practice and Experience
///   21(11), doi:10.1002/spe.4380211102), with cluster support.
/// - ``sfdp``: multilevel force-directed for large graphs (Hu 2005, Mathematica Journal 10(1)).
/// - ``circo``: circular layout of biconnected components (Six & Tollis 1999, Graph Drawing,
///   LNCS 1731, doi:10.1007/3-540-46648-7_11). Can be very slow.
/// - ``twopi``: radial layout around a root node (Wills 1997, "NicheWorks", Graph Drawing
///   GD'97, LNCS 1353).
///
/// With the default attributes `neato` and `dot` are deterministic: the same DOT gives the same
/// drawing. Engines are used without command-line flags; in particular `neato -n`
/// (keep given positions) is not offered.
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Layered (hierarchical) drawing for directed graphs.
    case dot
    /// Spring model by stress majorization.
    case neato
    /// Force-directed placement (Fruchterman–Reingold) with clusters.
    case fdp
    /// Multilevel force-directed placement for large graphs.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout.
    case twopi
}
