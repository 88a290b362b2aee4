import Graphviz

/// The layout engine actually used for a map, and why it differs from the one asked for.
public struct LayoutChoice: Sendable, Equatable {
    /// The engine the map is laid out with.
    public let engine: LayoutEngine
    /// Plain-English notes for the user (the CLI prints them on stderr; the library never
    /// prints): an engine replaced because the map is large, clusters an engine ignores,
    /// an engine that is not deterministic.
    public let notes: [String]

    /// A choice as given.
    public init(engine: LayoutEngine, notes: [String]) { self.engine = engine; self.notes = notes }
}

/// Picks a layout engine that finishes in reasonable time and draws what was asked for.
///
/// Measured here with Graphviz 2.42 on random cyclic graphs of two arcs per node: `dot`
/// (with our `nslimit=20, nslimit1=20, mclimit=1`) 2.3 s at 150 nodes but 36–53 s unbounded at
/// 200; `circo` 4.2 s at 100 nodes, 11 s at 150, 84 s at 200; `neato` 0.1 s and `sfdp` 0.03 s
/// at 200. Rules, in order:
/// 1. nothing requested: `dot` when clustering (it draws clusters and is deterministic),
///    otherwise `neato` (no implied hierarchy, deterministic, fast);
/// 2. `dot` above ``dotNodeLimit`` nodes or `circo` above ``circoNodeLimit`` → `neato`;
/// 3. `neato` or `fdp` above ``springNodeLimit`` nodes (their cost grows as n² per
///    iteration) → `sfdp`; a clustered map of that size uses `fdp` for rule 1;
/// 4. clusters with `neato`, `sfdp`, `circo` or `twopi`: drawn without cluster frames (these
///    engines ignore clusters), with a note saying so;
/// 5. `fdp` and `sfdp`: a note that Graphviz does not promise the same drawing twice.
///
/// Edge routing is bounded as well: see ``splineNodeLimit``.
public enum LayoutPolicy {
    /// Largest map laid out with `dot`.
    public static let dotNodeLimit = 150
    /// Largest map laid out with `circo`.
    public static let circoNodeLimit = 100
    /// Largest map laid out with `neato` or `fdp`.
    public static let springNodeLimit = 1000

    /// Largest map whose edges neato, fdp, sfdp, circo and twopi route around the nodes
    /// (`splines=true`: 2 s at 60 actors, 3.5 s at 80, 45 s at 200 with neato); larger maps
    /// get straight edges (`splines=false`). dot always draws its own splines.
    public static let splineNodeLimit = 60

    /// Engines whose drawing is the same bytes for the same DOT (tested for `dot`, `neato`
    /// with `start=1`, `twopi`).
    public static let deterministicEngines: Set<LayoutEngine> = [.dot, .neato, .twopi, .circo]

    /// Engines that draw `cluster*` subgraphs as frames.
    public static let clusterEngines: Set<LayoutEngine> = [.dot, .fdp]

    /// The engine for a map of `nodeCount` nodes.
    ///
    /// - Parameters:
    ///   - requested: the engine the user asked for, or `nil` for the default.
    ///   - nodeCount: number of nodes drawn (actors; the legend is not counted).
    ///   - clustered: whether the map groups nodes into clusters.
    /// - Returns: the engine and the notes explaining any change.
    /// - Complexity: `O(1)`.
    public static func choose(requested: LayoutEngine?, nodeCount: Int, clustered: Bool) -> LayoutChoice {
        var notes: [String] = []
        var engine: LayoutEngine
        if let requested {
            engine = requested
        } else if clustered {
            engine = nodeCount > dotNodeLimit ? .fdp : .dot
        } else {
            engine = .neato
        }
        if engine == .dot && nodeCount > dotNodeLimit || engine == .circo && nodeCount > circoNodeLimit {
            let limit = engine == .dot ? dotNodeLimit : circoNodeLimit
            notes.append("\(nodeCount) actors is more than \(engine.rawValue) handles quickly (\(limit)); laid out with neato instead")
            engine = .neato
        }
        if (engine == .neato || engine == .fdp) && nodeCount > springNodeLimit {
            notes.append("\(nodeCount) actors is more than \(engine.rawValue) handles quickly (\(springNodeLimit)); laid out with sfdp instead")
            engine = .sfdp
        }
        if clustered && !clusterEngines.contains(engine) {
            notes.append("\(engine.rawValue) ignores clusters, so the groups are not framed; the dot or fdp engine frames them")
        }
        if !deterministicEngines.contains(engine) {
            notes.append("\(engine.rawValue) is not guaranteed to give the same drawing twice; use dot, neato, twopi or circo for identical bytes")
        }
        return LayoutChoice(engine: engine, notes: notes)
    }
}
