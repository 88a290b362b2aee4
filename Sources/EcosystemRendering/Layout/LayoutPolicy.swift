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
/// at 200. At 1,000 actors (the generated model of `Benchmarks/gen_explore_model.py`, seed 104,
/// Graphviz 2.42, CPU seconds of one layout with every node at the largest size and
/// `overlap=prism`): `neato` 5.7 s (85% in its stress majorization, 200 iterations), `neato`
/// with `epsilon=0.01` 0.7 s but hubs clumped in a tangle at the centre, `sfdp` 0.8 s with
/// shorter ties than neato's and no overlaps (its multilevel spring-electrical model with
/// Barnes–Hut forces: Y. Hu (2005), "Efficient, high-quality force-directed graph drawing",
/// Mathematica Journal 10(1):37–71); `fdp` with clusters 1.4 s, 0.7 s with ``boundedFDPIterations``.
/// Rules, in order:
/// 1. nothing requested: `dot` when clustering (it draws clusters and is deterministic),
///    otherwise `neato` (no implied hierarchy, deterministic, fast), or `sfdp` above
///    ``largeMapNodeLimit`` actors;
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

    /// Largest map laid out with `neato` when no engine is asked for; larger ones get `sfdp`
    /// (rule 1). Pinned drawings of larger maps skip neato's solver (``skipsSolverWhenPinned(nodeCount:)``)
    /// and `fdp` is given ``boundedFDPIterations``. Smaller maps are laid out exactly as before.
    public static let largeMapNodeLimit = 200

    /// `maxiter` for `fdp` above ``largeMapNodeLimit`` actors (Graphviz's default is 600).
    public static let boundedFDPIterations = 150

    /// Whether a drawing of `nodeCount` actors whose every node is pinned may skip neato's
    /// solver (`maxiter=-1`: Graphviz keeps the given positions and only draws). Neato's stress
    /// majorization with every node pinned moves nothing but still costs an all-pairs distance
    /// matrix and its iterations (20% of the drawing at 1,000 actors); smaller maps keep it,
    /// because skipping it changes the last digit of some edge coordinates.
    /// - Parameter nodeCount: actors drawn.
    /// - Returns: `true` above ``largeMapNodeLimit``.
    /// - Complexity: `O(1)`.
    public static func skipsSolverWhenPinned(nodeCount: Int) -> Bool { nodeCount > largeMapNodeLimit }

    /// The font size a node label is drawn at: `points` as given on a map of at most
    /// ``largeMapNodeLimit`` actors, rounded to half a point on a larger one. Graphviz measures
    /// every label through Pango, which asks fontconfig for a font per distinct size: a
    /// 1,000-actor map sized by a measure has about 1,000 sizes, and those look-ups cost more than
    /// the layout (0.40 s of CPU against 0.12 s for the drawing with half-point sizes, measured
    /// with `neato` on the 1,000-actor map).
    /// - Parameters:
    ///   - points: the size the measure gives, points.
    ///   - nodeCount: actors drawn.
    /// - Returns: the size to draw, points.
    /// - Complexity: `O(1)`.
    public static func labelPoints(_ points: Double, nodeCount: Int) -> Double {
        nodeCount > largeMapNodeLimit ? (points * 2).rounded() / 2 : points
    }

    /// Graph attributes that bound the layout of a large map, to append to the engine's own
    /// (`, maxiter=…`), or `""` for a map of at most ``largeMapNodeLimit`` actors (drawn exactly
    /// as before).
    /// - Parameters:
    ///   - engine: the engine that lays the graph out.
    ///   - nodeCount: actors drawn.
    ///   - everyNodePinned: whether every node has a pinned position (`pos="x,y!"`).
    /// - Returns: `maxiter=-1` for a neato drawing with every node pinned (see
    ///   ``skipsSolverWhenPinned(nodeCount:)``), `maxiter=`\(``boundedFDPIterations``) for fdp.
    /// - Complexity: `O(1)`.
    public static func boundingAttributes(engine: LayoutEngine, nodeCount: Int, everyNodePinned: Bool) -> String {
        guard nodeCount > largeMapNodeLimit else { return "" }
        switch engine {
        case .neato where everyNodePinned: return ", maxiter=-1"
        case .fdp: return ", maxiter=\(boundedFDPIterations)"
        default: return ""
        }
    }

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
        } else if nodeCount > largeMapNodeLimit {
            engine = .sfdp
            notes.append("\(nodeCount) actors is more than neato lays out quickly (\(largeMapNodeLimit)); laid out with sfdp (multilevel force-directed, overlaps removed); ask for neato to keep neato's layout (slower: about 5 s at 1,000 actors)")
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
