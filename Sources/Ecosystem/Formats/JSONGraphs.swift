import Foundation
import Yams

/// Node-link JSON (NetworkX `node_link_data`, D3) and Kumu blueprints: reading and writing.
///
/// Both are read through the shared YAML reader (JSON is a subset of YAML 1.2), so every
/// issue has a line and column.
///
/// - Node-link: `{"directed": …, "multigraph": …, "graph": {…}, "nodes": [{"id": …, …}],
///   "links" or "edges": [{"source": …, "target": …, …}]}` (NetworkX 3.4+ writes `edges`,
///   earlier versions and D3 `links`). Attributes follow ``FlatGraph``.
///   Reference: NetworkX `networkx.readwrite.json_graph.node_link_data` (Hagberg, Schult &
///   Swart 2008, SciPy 2008 Proceedings, 11–15).
/// - Kumu blueprint: `{"elements": [{"id"?, "label", "type", "description", "tags", …}],
///   "connections": [{"id"?, "from", "to", "type", "direction", …}]}`; `from`/`to` name an
///   element by id or by label; `direction` is `directed`, `undirected` or `mutual`.
///   Reference: Kumu, "JSON / Blueprints", docs.kumu.io/guides/import/blueprints.
public enum JSONGraphs {
    /// Whether `text` looks like a Kumu blueprint (an object with `elements` or
    /// `connections`) or node-link JSON (`nodes` with `links`/`edges`), or neither (an ecomap
    /// model). Complexity: `O(length)` (a scan for the keys at the top).
    public enum Kind: Sendable { case model, nodeLink, kumu }

    /// The kind of a JSON document, by its top-level keys.
    public static func kind(of text: String, file: String) -> Kind {
        guard let root = try? YAMLReader.compose(text, file: file), case let .mapping(m) = root else { return .model }
        let keys = Set(m.keys.compactMap { $0.scalar?.string })
        if keys.contains("elements") || keys.contains("connections") { return .kumu }
        if keys.contains("nodes") && (keys.contains("links") || keys.contains("edges") || keys.contains("multigraph") || keys.contains("directed")) { return .nodeLink }
        if keys.contains("nodes") && !keys.contains("actors") { return .nodeLink }
        return .model
    }

    static func scalarText(_ node: Node) -> String? {
        switch node {
        case let .scalar(s): return node.hasTag(.null) ? "" : s.string
        case let .sequence(items): return items.compactMap { $0.scalar?.string }.joined(separator: ", ")
        default: return nil
        }
    }

    static func root(_ text: String, file: String) throws(ModelError) -> Node.Mapping {
        let node: Node?
        do { node = try YAMLReader.compose(text, file: file) } catch { throw ModelError(issues: [error.issue]) }
        guard let node, case let .mapping(m) = node else {
            throw ModelError(issues: [ModelIssue(file: file, line: 1, column: 1, message: "the JSON document is not an object", valid: "an object such as {\"nodes\": [...], \"links\": [...]}")])
        }
        return m
    }

    static func pairs(_ node: Node, file: String, what: String, issues: inout [ModelIssue]) -> [(key: String, value: String, node: Node)]? {
        guard case let .mapping(m) = node else {
            issues.append(ModelIssue(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: "\(what) is not an object", valid: "an object with keys and values"))
            return nil
        }
        var result: [(key: String, value: String, node: Node)] = []
        for (k, v) in m {
            guard let key = k.scalar?.string else { continue }
            guard let value = scalarText(v) else {
                issues.append(ModelIssue(file: file, line: v.mark?.line ?? 0, column: v.mark?.column ?? 0, message: "'\(key)' of \(what) is a nested object, which is not read",
                                         valid: "a text, a number, a boolean or a list of texts"))
                continue
            }
            result.append((key, value, v))
        }
        return result
    }

    // MARK: - Node-link

    /// Reads node-link JSON.
    /// - Throws: ``ModelError`` with line and column: not an object, no `nodes`, a node
    ///   without `id`, a link without `source`/`target`, nested values.
    public static func readNodeLink(_ text: String, file: String) throws(ModelError) -> FlatGraph {
        let top = try root(text, file: file)
        var issues: [ModelIssue] = []
        var flat = FlatGraph()
        if let d = top["directed"] { flat.directed = d.bool ?? false }
        if let g = top["graph"], case .mapping = g {
            flat.graphValues = (pairs(g, file: file, what: "'graph'", issues: &issues) ?? []).map { ($0.key, $0.value) }
        }
        guard let nodes = top["nodes"], case let .sequence(items) = nodes else {
            throw ModelError(issues: [ModelIssue(file: file, line: 1, column: 1, message: "node-link JSON without a 'nodes' list", valid: "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}")])
        }
        for (k, item) in items.enumerated() {
            guard let p = pairs(item, file: file, what: "node \(k + 1)", issues: &issues) else { continue }
            guard let id = p.first(where: { $0.key == "id" })?.value, !id.isEmpty else {
                issues.append(ModelIssue(file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0, message: "node \(k + 1) has no 'id'", valid: "{\"id\": \"a\", ...}"))
                continue
            }
            var node = FlatGraph.Node(id: id, values: p.filter { !["id", "x", "y", "size", "color"].contains($0.key) }.map { ($0.key, $0.value) })
            node.line = item.mark?.line ?? 0; node.column = item.mark?.column ?? 0
            if let x = p.first(where: { $0.key == "x" }).flatMap({ Double($0.value) }), let y = p.first(where: { $0.key == "y" }).flatMap({ Double($0.value) }) { node.position = (x, y) }
            node.size = p.first { $0.key == "size" }.flatMap { Double($0.value) }
            node.color = p.first { $0.key == "color" }?.value
            flat.nodes.append(node)
        }
        let links = top["links"] ?? top["edges"]
        if let links {
            guard case let .sequence(items) = links else {
                throw ModelError(issues: [ModelIssue(file: file, line: links.mark?.line ?? 0, column: links.mark?.column ?? 0, message: "'links' is not a list", valid: "a list of {\"source\": ..., \"target\": ...}")])
            }
            for (k, item) in items.enumerated() {
                guard let p = pairs(item, file: file, what: "link \(k + 1)", issues: &issues) else { continue }
                guard let s = p.first(where: { $0.key == "source" })?.value, let t = p.first(where: { $0.key == "target" })?.value else {
                    issues.append(ModelIssue(file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0, message: "link \(k + 1) has no 'source' or 'target'", valid: "{\"source\": \"a\", \"target\": \"b\"}"))
                    continue
                }
                var edge = FlatGraph.Edge(id: p.first { $0.key == "id" }?.value, from: s, to: t,
                                          values: p.filter { !["source", "target", "id", "key"].contains($0.key) }.map { ($0.key, $0.value) })
                edge.line = item.mark?.line ?? 0; edge.column = item.mark?.column ?? 0
                flat.edges.append(edge)
            }
        }
        guard issues.isEmpty else { throw ModelError(issues: issues) }
        return flat
    }

    /// Writes node-link JSON as NetworkX 3.4+ reads it by default (`edges`), with `links` too
    /// left out (D3 users rename the key, or read with `edges="links"`).
    public static func writeNodeLink(_ graph: FlatGraph) -> Data {
        var out = "{\n  \"directed\": \(graph.directed),\n  \"multigraph\": true,\n  \"graph\": {"
        out += graph.graphValues.map { "\(json($0.key)): \(json($0.value))" }.joined(separator: ", ") + "},\n  \"nodes\": [\n"
        let numeric = Set((graph.nodeKeys + graph.edgeKeys).filter { $0.type == .double }.map(\.name))
        out += graph.nodes.map { n in
            var fields = ["\"id\": \(json(n.id))"] + n.values.filter { !$0.value.isEmpty }.map { "\(json($0.key)): \(numeric.contains($0.key) ? $0.value : json($0.value))" }
            if let p = n.position { fields += ["\"x\": \(NumberFormat.attribute(p.x))", "\"y\": \(NumberFormat.attribute(p.y))"] }
            if let s = n.size { fields.append("\"size\": \(NumberFormat.attribute(s))") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"edges\": [\n"
        out += graph.edges.map { e in
            var fields = ["\"source\": \(json(e.from))", "\"target\": \(json(e.to))"]
            if let id = e.id { fields += ["\"id\": \(json(id))", "\"key\": \(json(id))"] }
            fields += e.values.filter { !$0.value.isEmpty }.map {
                "\(json($0.key)): \(numeric.contains($0.key) ? $0.value : $0.key == "type_directed" ? $0.value : json($0.value))"
            }
            return "    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return Data(out.utf8)
    }

    /// A JSON string literal.
    public static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    // MARK: - Kumu

    /// Reads a Kumu blueprint into a draft (`type` of elements and connections are the actor
    /// and relation types; `tags` and custom keys are attributes).
    public static func readKumu(_ text: String, file: String, name: String) throws(ModelError) -> ModelDraft {
        let top = try root(text, file: file)
        var issues: [ModelIssue] = []
        var draft = ModelDraft(name: name)
        draft.defaultActorType = "element"
        var labelToID: [String: String] = [:]
        var ids = Set<String>()
        if let elements = top["elements"] {
            guard case let .sequence(items) = elements else {
                throw ModelError(issues: [ModelIssue(file: file, line: elements.mark?.line ?? 0, column: elements.mark?.column ?? 0, message: "'elements' is not a list", valid: "a list of {\"label\": ...}")])
            }
            for (k, item) in items.enumerated() {
                guard let p = pairs(item, file: file, what: "element \(k + 1)", issues: &issues) else { continue }
                func v(_ key: String) -> String? { p.first { $0.key.lowercased() == key }?.value }
                let label = v("label") ?? v("name")
                guard let id = v("id") ?? label, !id.isEmpty else {
                    issues.append(ModelIssue(file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0, message: "element \(k + 1) has no 'label' or 'id'", valid: "{\"label\": \"A\"}"))
                    continue
                }
                if let label, labelToID[label] == nil { labelToID[label] = id }
                ids.insert(id)
                let place = ModelDraft.Place(file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0)
                var entry = ModelDraft.ActorEntry(
                    id: id, name: label, type: v("type") ?? v("element type"), place: v("place"),
                    attributes: p.filter { !["id", "label", "name", "type", "element type", "place", "since", "until"].contains($0.key.lowercased()) && !$0.value.isEmpty }
                        .map { ($0.key, $0.value) }, at: place)
                entry.since = v("since"); entry.until = v("until")
                draft.actors.append(entry)
            }
        }
        if let connections = top["connections"] {
            guard case let .sequence(items) = connections else {
                throw ModelError(issues: [ModelIssue(file: file, line: connections.mark?.line ?? 0, column: connections.mark?.column ?? 0, message: "'connections' is not a list", valid: "a list of {\"from\": ..., \"to\": ...}")])
            }
            for (k, item) in items.enumerated() {
                guard let p = pairs(item, file: file, what: "connection \(k + 1)", issues: &issues) else { continue }
                func v(_ key: String) -> String? { p.first { $0.key.lowercased() == key }?.value }
                guard let from = v("from"), let to = v("to") else {
                    issues.append(ModelIssue(file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0, message: "connection \(k + 1) has no 'from' or 'to'", valid: "{\"from\": \"A\", \"to\": \"B\"}"))
                    continue
                }
                func resolve(_ end: String) -> String { ids.contains(end) ? end : labelToID[end] ?? end }
                var directed: Bool?
                if let d = v("direction")?.lowercased(), !d.isEmpty {
                    switch d {
                    case "directed": directed = true
                    case "undirected", "mutual": directed = false
                    default:
                        let node = p.first { $0.key.lowercased() == "direction" }!.node
                        issues.append(ModelIssue(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: "connection \(k + 1) has direction '\(d)'", valid: "directed, undirected or mutual"))
                    }
                }
                let place = ModelDraft.Place(file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0)
                let known = ["id", "from", "to", "type", "connection type", "direction", "weight", "strength", "source", "assumed", "confidence", "since", "until"]
                var entry = ModelDraft.RelationEntry(
                    id: v("id"), from: resolve(from), to: resolve(to), type: v("type") ?? v("connection type"),
                    weight: v("weight") ?? v("strength"), source: v("source"), assumed: v("assumed"), confidence: v("confidence"),
                    directed: directed, attributes: p.filter { !known.contains($0.key.lowercased()) && !$0.value.isEmpty }.map { ($0.key, $0.value) },
                    at: place)
                entry.since = v("since"); entry.until = v("until")
                draft.relations.append(entry)
            }
        }
        draft.issues = issues
        return draft
    }

    /// Writes a Kumu blueprint: an element per actor (`id`, `label`, `type`, `place`,
    /// attributes), a connection per relation (`id`, `from`, `to` by id, `type`, `direction`,
    /// `strength`, `source`, `assumed`, `confidence`, attributes).
    /// - Returns: the document and the fields Kumu cannot carry (type colours, shapes,
    ///   styles, helix; the model's name, title and description).
    public static func writeKumu(_ model: EcosystemModel) -> (data: Data, dropped: [String]) {
        var out = "{\n  \"elements\": [\n"
        out += model.actors.map { a in
            var f = ["\"id\": \(json(a.id))", "\"label\": \(json(a.name))", "\"type\": \(json(a.type))"]
            if !a.place.isEmpty { f.append("\"place\": \(json(a.place))") }
            if let d = a.since { f.append("\"since\": \(json(d.description))") }
            if let d = a.until { f.append("\"until\": \(json(d.description))") }
            f += a.attributes.map { "\(json($0.key)): \(json($0.value))" }
            return "    {" + f.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"connections\": [\n"
        out += model.relations.map { r in
            let directed = model.relationType(r.type)?.directed ?? false
            var f = ["\"id\": \(json(r.id))", "\"from\": \(json(r.from))", "\"to\": \(json(r.to))", "\"type\": \(json(r.type))",
                     "\"direction\": \(json(directed ? "directed" : "undirected"))", "\"strength\": \(NumberFormat.exact(r.weight) ?? "1")"]
            if !r.source.isEmpty { f.append("\"source\": \(json(r.source))") }
            if let a = r.assumed { f.append("\"assumed\": \(json(a))") }
            if let c = r.confidence { f.append("\"confidence\": \(NumberFormat.exact(c) ?? "")") }
            if let d = r.since { f.append("\"since\": \(json(d.description))") }
            if let d = r.until { f.append("\"until\": \(json(d.description))") }
            f += r.attributes.map { "\(json($0.key)): \(json($0.value))" }
            return "    {" + f.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return (Data(out.utf8), ["actor type labels, colours, shapes and helix spheres", "relation type labels, colours and line styles", "the model's name, title and description"])
    }
}
