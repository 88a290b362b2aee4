import Foundation

/// What a writer adds to a model: node positions and sizes of the drawing, and computed
/// measures as node attributes.
public struct ExportExtras: Sendable {
    /// Node centre in points (1/72 inch), by actor id (the layout ecomap draws).
    public var positions: [String: (x: Double, y: Double)]
    /// Node size (diameter in points), by actor id.
    public var sizes: [String: Double]
    /// Measures as node attributes: name and value per actor id, in order.
    public var measures: [(name: String, values: [String: Double])]

    /// Extras as given; all empty by default.
    public init(positions: [String: (x: Double, y: Double)] = [:], sizes: [String: Double] = [:],
                measures: [(name: String, values: [String: Double])] = []) {
        self.positions = positions; self.sizes = sizes; self.measures = measures
    }
}

/// A model as a plain attributed graph: what GEXF, GraphML and node-link JSON have in common.
/// One encoding of the model's fields as graph attributes, shared by their writers and
/// readers, so that ecomap → format → ecomap gives the same model:
///
/// - graph: `name`, `title`, `description`, `language` (when not `en`), `observed` (when the model has it);
/// - node: id, `label` (the actor's name), `type`, `place`, the type's `type_label`,
///   `type_color`, `type_shape`, `type_helix`, `since` and `until` (when some actor is
///   dated), then every free attribute, then measures;
/// - edge: id, ends, `weight`, `type`, `evidence` (the relation's `source`), `assumed`,
///   `confidence`, the type's `type_label`, `type_color`, `type_style`, `type_directed`,
///   `since` and `until` (when some relation is dated), then every free attribute.
///
/// A file written by another tool reads the same way: a node's `type` (or `kind`, `group`,
/// `category`) attribute is its actor type, an edge's `type`/`kind`/`relation` its relation
/// type, `weight` its weight; every other attribute is kept as a free attribute.
public struct FlatGraph: Sendable {
    /// An attribute's value type, as GEXF and GraphML declare it.
    public enum ValueType: String, Sendable { case string, double, boolean, integer }
    /// A declared attribute key.
    public struct Key: Sendable, Equatable {
        /// The attribute's name.
        public var name: String
        /// Its value type.
        public var type: ValueType
        /// A key as given.
        public init(name: String, type: ValueType) { self.name = name; self.type = type }
    }
    /// A node.
    public struct Node: Sendable {
        /// The id as written (trimmed by the builder).
        public var id: String
        /// Attribute values as text, in key order.
        public var values: [(key: String, value: String)]
        /// Colour as `#RRGGBB`/`#RRGGBBAA` (`viz:color`, yEd fill), or `nil`.
        public var color: String?
        /// Shape: a GEXF `viz:shape` when read, a Graphviz shape when written; `nil` when none.
        public var shape: String?
        /// Size in points, or `nil`.
        public var size: Double?
        /// Position in points, or `nil`.
        public var position: (x: Double, y: Double)?
        /// Where it is written (0 when made in memory).
        public var line: Int = 0, column: Int = 0
        /// A node as given.
        public init(id: String, values: [(key: String, value: String)] = []) { self.id = id; self.values = values }
        func value(_ key: String) -> String? { values.first { $0.key == key }?.value }
    }
    /// An edge.
    public struct Edge: Sendable {
        /// The id, when the file gives one.
        public var id: String?
        /// Ids of its ends.
        public var from: String, to: String
        /// Its own direction, when the file gives one (else the graph's).
        public var directed: Bool?
        /// Attribute values as text, in key order.
        public var values: [(key: String, value: String)]
        /// Where it is written (0 when made in memory).
        public var line: Int = 0, column: Int = 0
        /// An edge as given.
        public init(id: String?, from: String, to: String, directed: Bool? = nil, values: [(key: String, value: String)] = []) {
            self.id = id; self.from = from; self.to = to; self.directed = directed; self.values = values
        }
        func value(_ key: String) -> String? { values.first { $0.key == key }?.value }
    }

    /// Graph-level values (`name`, `title`, `description`, `actor_types`, `relation_types`).
    public var graphValues: [(key: String, value: String)] = []
    /// Declared node attributes, in order.
    public var nodeKeys: [Key] = []
    /// Declared edge attributes, in order.
    public var edgeKeys: [Key] = []
    /// The nodes, in file order.
    public var nodes: [Node] = []
    /// The edges, in file order.
    public var edges: [Edge] = []
    /// Whether edges are directed unless an edge says otherwise.
    public var directed = false
    /// Whether edges differ in direction (GEXF `mixed`).
    public var mixed = false

    /// An empty graph.
    public init() {}

    static let nodeReserved = ["label", "type", "place", "type_label", "type_color", "type_shape", "type_helix"]
    static let edgeReserved = ["weight", "type", "evidence", "assumed", "confidence", "type_label", "type_color", "type_style", "type_directed"]
    /// The date attributes (``PartialDate`` text), declared only when some actor or relation
    /// is dated; read as dates, never as free attributes.
    static let dateKeys = ["since", "until"]

    /// The model as a flat graph.
    /// - Parameters:
    ///   - model: the model.
    ///   - extras: positions, sizes, measures.
    /// - Complexity: `O(actors · attributes + relations · attributes)`.
    public init(_ model: EcosystemModel, extras: ExportExtras = ExportExtras()) {
        graphValues = [("name", model.name), ("title", model.title), ("description", model.description),
                       ("actor_types", FlatGraph.typesText(model.actorTypes.map { ["id": $0.id, "label": $0.label, "color": $0.color, "shape": $0.shape, "helix": $0.helix] })),
                       ("relation_types", FlatGraph.typesText(model.relationTypes.map { ["id": $0.id, "label": $0.label, "color": $0.color, "style": $0.style, "directed": $0.directed ? "true" : "false"] }))]
        if model.language != LanguageTag.defaultTag { graphValues.insert(("language", model.language), at: 3) }
        if let o = model.observed { graphValues.append(("observed", o.description)) }
        let actorDated = model.actors.contains { !$0.lifespan.isOpen }
        let relationDated = model.relations.contains { !$0.lifespan.isOpen }
        nodeKeys = FlatGraph.nodeReserved.map { Key(name: $0, type: .string) }
        if actorDated { nodeKeys += FlatGraph.dateKeys.map { Key(name: $0, type: .string) } }
        var free: [String] = []
        for a in model.actors { for (k, _) in a.attributes where !free.contains(k) && !FlatGraph.nodeReserved.contains(k) && !(actorDated && FlatGraph.dateKeys.contains(k)) { free.append(k) } }
        nodeKeys += free.map { Key(name: $0, type: .string) }
        nodeKeys += extras.measures.map { Key(name: $0.name, type: .double) }
        for a in model.actors {
            let t = model.actorType(a.type)
            var node = Node(id: a.id, values: [("label", a.name), ("type", a.type), ("place", a.place),
                                               ("type_label", t?.label ?? a.type), ("type_color", t?.color ?? ""),
                                               ("type_shape", t?.shape ?? ""), ("type_helix", t?.helix ?? "")])
            if actorDated { node.values += [("since", a.since?.description ?? ""), ("until", a.until?.description ?? "")] }
            for (k, v) in a.attributes where !FlatGraph.nodeReserved.contains(k) && !(actorDated && FlatGraph.dateKeys.contains(k)) { node.values.append((k, v)) }
            for m in extras.measures { if let x = m.values[a.id], x.isFinite { node.values.append((m.name, (NumberFormat.exact(x) ?? ""))) } }
            node.color = t?.color
            node.shape = t?.shape
            node.size = extras.sizes[a.id]
            node.position = extras.positions[a.id]
            nodes.append(node)
        }
        edgeKeys = [Key(name: "weight", type: .double), Key(name: "type", type: .string), Key(name: "evidence", type: .string),
                    Key(name: "assumed", type: .string), Key(name: "confidence", type: .double),
                    Key(name: "type_label", type: .string), Key(name: "type_color", type: .string),
                    Key(name: "type_style", type: .string), Key(name: "type_directed", type: .boolean)]
        if relationDated { edgeKeys += FlatGraph.dateKeys.map { Key(name: $0, type: .string) } }
        var freeEdge: [String] = []
        for r in model.relations { for (k, _) in r.attributes where !freeEdge.contains(k) && !FlatGraph.edgeReserved.contains(k) && !(relationDated && FlatGraph.dateKeys.contains(k)) { freeEdge.append(k) } }
        edgeKeys += freeEdge.map { Key(name: $0, type: .string) }
        let directions = Set(model.relationTypes.map(\.directed))
        directed = directions == [true]
        mixed = directions.count > 1
        for r in model.relations {
            let t = model.relationType(r.type)
            var edge = Edge(id: r.id, from: r.from, to: r.to, directed: t?.directed ?? false,
                            values: [("weight", (NumberFormat.exact(r.weight) ?? "")), ("type", r.type), ("evidence", r.source)])
            if let a = r.assumed { edge.values.append(("assumed", a)) }
            if let c = r.confidence { edge.values.append(("confidence", (NumberFormat.exact(c) ?? ""))) }
            edge.values += [("type_label", t?.label ?? r.type), ("type_color", t?.color ?? ""), ("type_style", t?.style ?? ""),
                            ("type_directed", (t?.directed ?? false) ? "true" : "false")]
            if relationDated { edge.values += [("since", r.since?.description ?? ""), ("until", r.until?.description ?? "")] }
            for (k, v) in r.attributes where !FlatGraph.edgeReserved.contains(k) && !(relationDated && FlatGraph.dateKeys.contains(k)) { edge.values.append((k, v)) }
            edges.append(edge)
        }
    }

    /// The draft of the model this graph describes (see the type's documentation).
    /// - Parameters:
    ///   - file: the file, for issues and the default name.
    ///   - defaultName: the model name when the graph gives none.
    /// - Returns: the draft, and node positions by id.
    public func draft(file: String, defaultName: String) -> (ModelDraft, [String: (x: Double, y: Double)]) {
        var draft = ModelDraft(name: graphValues.first { $0.key == "name" }?.value.nilIfEmpty ?? defaultName)
        draft.title = graphValues.first { $0.key == "title" }?.value ?? ""
        draft.description = graphValues.first { $0.key == "description" }?.value ?? ""
        // ecomap's own `language` graph value; another tool's value that is not a tag is ignored.
        if let language = graphValues.first(where: { $0.key == "language" })?.value, LanguageTag.isValid(language) {
            draft.language = language
        }
        draft.observed = graphValues.first { $0.key == "observed" }?.value.nilIfEmpty
        draft.observedPlace = ModelDraft.Place(file: file)
        draft.defaultDirected = directed
        draft.defaultActorType = "node"
        // ecomap's own type tables (graph attributes `actor_types`, `relation_types`): every
        // declaration in order, also of types nothing uses.
        let graphPlace = ModelDraft.Place(file: file)
        var declared = Set<String>()
        var declaredRelation = Set<String>()
        for t in FlatGraph.types(graphValues.first { $0.key == "actor_types" }?.value) where declared.insert(t["id"] ?? "").inserted {
            draft.actorTypes.append(ModelDraft.ActorTypeEntry(id: t["id"] ?? "", label: t["label"], color: t["color"], shape: t["shape"], helix: t["helix"], place: graphPlace))
        }
        for t in FlatGraph.types(graphValues.first { $0.key == "relation_types" }?.value) where declaredRelation.insert(t["id"] ?? "").inserted {
            draft.relationTypes.append(ModelDraft.RelationTypeEntry(id: t["id"] ?? "", label: t["label"], color: t["color"], style: t["style"], directed: t["directed"], place: graphPlace))
        }
        let typeKeys = ["type", "kind", "group", "category"]
        var positions: [String: (x: Double, y: Double)] = [:]
        var hasColourWithoutType = false
        for n in nodes {
            let place = ModelDraft.Place(file: file, line: n.line, column: n.column)
            let typeKey = typeKeys.first { n.value($0) != nil }
            let type = typeKey.flatMap { n.value($0) }.flatMap { $0.isEmpty ? nil : $0 }
            var attributes: [(key: String, value: String)] = []
            let nameIsLabel = n.value("label") == nil && n.value("name") != nil
            for (k, v) in n.values where k != typeKey && !FlatGraph.nodeReserved.contains(k) && !FlatGraph.dateKeys.contains(k) && !(nameIsLabel && k == "name") { attributes.append((k, v)) }
            if type == nil, let c = n.color { attributes.append(("viz_color", c)); hasColourWithoutType = true }
            var entry = ModelDraft.ActorEntry(id: n.id, name: n.value("label") ?? n.value("name"), type: type,
                                              place: n.value("place"), attributes: attributes, at: place)
            entry.since = n.value("since"); entry.until = n.value("until")
            draft.actors.append(entry)
            if let type, declared.insert(type).inserted {
                let color = n.value("type_color")?.nilIfEmpty ?? n.color
                let shape = n.value("type_shape")?.nilIfEmpty ?? n.shape.flatMap(FlatGraph.graphvizShape)
                draft.actorTypes.append(ModelDraft.ActorTypeEntry(id: type, label: n.value("type_label"), color: color, shape: shape,
                                                                  helix: n.value("type_helix"), place: place))
            }
            if let p = n.position { positions[n.id] = p }
        }
        if hasColourWithoutType { draft.notes.append("\(file): nodes have colours but no type attribute; their colours are kept as attribute 'viz_color'") }
        for e in edges {
            let place = ModelDraft.Place(file: file, line: e.line, column: e.column)
            let typeKey = ["type", "kind", "relation", "label"].first { e.value($0) != nil }
            let type = typeKey.flatMap { e.value($0) }.flatMap { $0.isEmpty ? nil : $0 }
            var attributes: [(key: String, value: String)] = []
            for (k, v) in e.values where k != typeKey && !FlatGraph.edgeReserved.contains(k) && !FlatGraph.dateKeys.contains(k) { attributes.append((k, v)) }
            var entry = ModelDraft.RelationEntry(
                id: e.id, from: e.from, to: e.to, type: type, weight: e.value("weight"), source: e.value("evidence"),
                assumed: e.value("assumed"), confidence: e.value("confidence"), directed: e.directed ?? directed,
                attributes: attributes, at: place)
            entry.since = e.value("since"); entry.until = e.value("until")
            draft.relations.append(entry)
            if let type, e.value("type_directed") != nil || e.value("type_style") != nil, declaredRelation.insert(type).inserted {
                draft.relationTypes.append(ModelDraft.RelationTypeEntry(id: type, label: e.value("type_label"), color: e.value("type_color"),
                                                                        style: e.value("type_style"), directed: e.value("type_directed"), place: place))
            }
        }
        return (draft, positions)
    }

    /// Type declarations as one JSON text (a list of objects with text values).
    static func typesText(_ items: [[String: String]]) -> String {
        "[" + items.map { item in
            "{" + item.keys.sorted().map { "\(JSONGraphs.json($0)): \(JSONGraphs.json(item[$0]!))" }.joined(separator: ", ") + "}"
        }.joined(separator: ", ") + "]"
    }

    /// The declarations of ``typesText(_:)``, or none when the text is absent or not such a list.
    static func types(_ text: String?) -> [[String: String]] {
        guard let text, let data = text.data(using: .utf8),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.map { $0.compactMapValues { $0 as? String } }
    }

    /// The Graphviz shape for a GEXF `viz:shape` (`disc`, `square`, `triangle`, `diamond`).
    static func graphvizShape(_ gexf: String) -> String? {
        ["disc": "ellipse", "square": "box", "triangle": "triangle", "diamond": "diamond"][gexf]
    }

    /// The GEXF `viz:shape` closest to a Graphviz shape.
    static func gexfShape(_ graphviz: String) -> String {
        switch graphviz {
        case "box", "rect", "rectangle", "square", "Msquare", "note", "tab", "folder", "box3d", "component", "cylinder": return "square"
        case "triangle", "invtriangle": return "triangle"
        case "diamond", "Mdiamond": return "diamond"
        default: return "disc"
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
