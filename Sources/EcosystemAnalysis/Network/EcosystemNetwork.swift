import Ecosystem
import NetworkAnalysis

/// An ecosystem model mapped onto the graph core: actor `i` of the model is node `i`, and every
/// edge remembers the relation it comes from. This is the only place where actors become node
/// indices; everything below works on ``Graph`` alone.
///
/// How relations become edges:
/// - **Undirected analysis** (`directed: false`, the default for ecosystem maps, where the
///   question is who is tied to whom): every relation is one undirected edge.
/// - **Directed analysis**: a relation of a directed type is one arc `from → to`; a relation of
///   an undirected type (a mutual tie such as "collaborates") becomes two arcs, one each way.
///
/// Several relations between the same two actors (for example *funds* and *collaborates*)
/// stay parallel edges in ``graph`` (diagrams draw each); ``simpleGraph`` merges them into one
/// edge whose strength is the **sum** of their weights, so that measures defined on simple
/// graphs (as in NetworkX and UCINET) see one tie of the combined strength.
public struct EcosystemNetwork: Sendable {
    /// The model the network was built from.
    public let model: EcosystemModel
    /// Whether edges are arcs.
    public let isDirected: Bool
    /// One edge (undirected) or one or two arcs (directed) per relation, in relation order.
    /// Edge weights are the relations' tie strengths; edge tags are relation-type indices.
    public let graph: Graph
    /// For every edge id of ``graph``, the index of its relation in `model.relations`.
    public let edgeRelation: [Int]
    /// ``graph`` with parallel edges merged (strengths summed) and no self-loops: the graph
    /// that measures are computed on.
    public let simpleGraph: Graph
    /// For every edge id of ``graph``, the id of the ``simpleGraph`` edge it was merged into
    /// (−1 for a self-loop, which the simple graph drops).
    public let simpleEdge: [Int]

    /// Maps `model` onto a graph.
    ///
    /// - Parameters:
    ///   - model: a validated model (every relation names known actors and types).
    ///   - directed: `false` for ties as mutual (default), `true` to keep relation direction.
    /// - Complexity: `O(a + r log r)` for `a` actors and `r` relations.
    public init(model: EcosystemModel, directed: Bool = false) {
        self.model = model
        self.isDirected = directed
        var index: [String: Int] = [:]
        for (i, actor) in model.actors.enumerated() { index[actor.id] = i }
        var typeIndex: [String: Int32] = [:]
        for (i, type) in model.relationTypes.enumerated() { typeIndex[type.id] = Int32(i) }

        var edges: [(Int, Int)] = []
        var weights: [Double] = []
        var tags: [Int32] = []
        var origin: [Int] = []
        for (r, relation) in model.relations.enumerated() {
            guard let s = index[relation.from], let t = index[relation.to] else {
                preconditionFailure("relation '\(relation.id)' names an unknown actor; load models through ModelLoader")
            }
            let tag = typeIndex[relation.type] ?? -1
            edges.append((s, t)); weights.append(relation.weight); tags.append(tag); origin.append(r)
            let mutual = !(model.relationType(relation.type)?.directed ?? true)
            if directed && mutual {
                edges.append((t, s)); weights.append(relation.weight); tags.append(tag); origin.append(r)
            }
        }
        let graph = try! Graph(
            nodeCount: model.actors.count, edges: edges, weights: weights, tags: tags, directed: directed)
        self.graph = graph
        self.edgeRelation = origin
        let simplification = graph.simplification(combine: .sum, dropSelfLoops: true)
        self.simpleGraph = simplification.graph
        self.simpleEdge = simplification.edgeMap
    }

    /// The simple graph of the directed reading of the model (arcs follow relation direction;
    /// mutual relation types give two arcs), whatever ``isDirected`` is: for in- and out-degree.
    /// Complexity: `O(a + r log r)` (built on each call).
    public var directedSimpleGraph: Graph {
        isDirected ? simpleGraph : EcosystemNetwork(model: model, directed: true).simpleGraph
    }

    /// A row id per edge of ``graph``: the relation id, with `>` (as written) or `<` (reverse
    /// arc) appended when a mutual relation gave two arcs.
    public var edgeLabels: [String] {
        var seen = Set<Int>()
        return edgeRelation.map { r in
            let id = model.relations[r].id
            let twoArcs = isDirected && !(model.relationType(model.relations[r].type)?.directed ?? true)
            guard twoArcs else { return id }
            return seen.insert(r).inserted ? id + ">" : id + "<"
        }
    }

    /// Actor ids at the two ends of every edge of ``graph``.
    public var edgeEndpointIDs: (from: [String], to: [String]) {
        (graph.edgeSources.map { model.actors[Int($0)].id }, graph.edgeTargets.map { model.actors[Int($0)].id })
    }

    /// Node index of the actor with `id`, if any.
    /// - Parameter id: an actor id.
    /// - Returns: the node index (the actor's position in `model.actors`), or `nil`.
    /// - Complexity: `O(a)`.
    public func node(_ id: String) -> Int? { model.actorIndex(id) }
}
