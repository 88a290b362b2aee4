import Foundation

/// GraphML: reading what NetworkX, igraph, yEd and Gephi write; writing GraphML 1.0 with a
/// typed `<key>` for every attribute (``FlatGraph``).
///
/// Read: `<key>` declarations (`for`, `attr.name`, `attr.type`, `<default>`), `<data>` of the
/// graph, nodes and edges, the graph's `edgedefault` and each edge's `directed`; yEd's
/// `nodegraphics` (the `y:NodeLabel` text is the name, `y:Fill` the colour, `y:Shape` the
/// shape); node data `x`, `y` (position) and `size`. Nested graphs and hyperedges are refused.
///
/// Reference: U. Brandes, M. Eiglsperger, J. Lerner, C. Pich (2013), "Graph Markup Language
/// (GraphML)", in R. Tamassia (ed.), Handbook of Graph Drawing and Visualization, CRC Press,
/// 517–541; graphml.graphdrawing.org (schema 1.0).
public enum GraphML {
    /// Reads GraphML.
    /// - Parameters:
    ///   - data: the document.
    ///   - file: the name used in issues.
    /// - Returns: the graph, with the line and column of every node and edge.
    /// - Throws: ``ModelError`` for malformed XML, no `<graph>`, nodes without id, edges
    ///   without ends, `<data>` naming an undeclared key, values not of the key's type.
    /// - Complexity: linear in the size of the document.
    public static func read(_ data: Data, file: String) throws(ModelError) -> FlatGraph {
        let root = try SafeXML.parse(data, file: file)
        var issues: [ModelIssue] = []
        guard root.name == "graphml" else {
            throw ModelError(issues: [ModelIssue(file: file, line: root.line, column: root.column, message: "the root element is <\(root.name)>, not <graphml>", valid: "a GraphML document")])
        }
        guard let graph = root.child("graph") else {
            throw ModelError(issues: [ModelIssue(file: file, line: root.line, column: root.column, message: "<graphml> has no <graph>", valid: "a <graph> element with <node> and <edge> elements")])
        }
        var keys: [String: (name: String, type: String, domain: String, def: String?, yfiles: String?)] = [:]
        for k in root.all("key") {
            guard let id = k.attributes["id"] else {
                issues.append(ModelIssue(file: file, line: k.line, column: k.column, message: "<key> without an id", valid: "<key id=\"d0\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"))
                continue
            }
            keys[id] = (k.attributes["attr.name"] ?? id, k.attributes["attr.type"] ?? "string", k.attributes["for"] ?? "all",
                        k.child("default")?.text, k.attributes["yfiles.type"])
        }
        var flat = FlatGraph()
        flat.directed = graph.attributes["edgedefault"] == "directed"
        func values(_ element: XMLTree, domain: String, what: String, node: inout FlatGraph.Node?) -> [(key: String, value: String)] {
            var result: [(key: String, value: String)] = []
            var seen = Set<String>()
            for d in element.all("data") {
                guard let ref = d.attributes["key"], let key = keys[ref] else {
                    issues.append(ModelIssue(file: file, line: d.line, column: d.column, message: "<data> of \(what) names undeclared key '\(d.attributes["key"] ?? "")'",
                                             valid: keys.isEmpty ? "declare it with <key>" : "declared keys: \(Suggestions.quoted(keys.keys.sorted()))"))
                    continue
                }
                if let y = key.yfiles {
                    if y == "nodegraphics", node != nil { yedNode(d, into: &node!) }
                    continue
                }
                let v = d.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && d.children.isEmpty ? d.text : d.text
                if ["int", "long", "float", "double"].contains(key.type), Double(v.trimmingCharacters(in: .whitespaces)) == nil {
                    issues.append(ModelIssue(file: file, line: d.line, column: d.column, message: "'\(key.name)' of \(what) is declared \(key.type) but holds '\(v)'", valid: "a number"))
                    continue
                }
                if key.type == "boolean", ModelBuilder.parseBool(v) == nil {
                    issues.append(ModelIssue(file: file, line: d.line, column: d.column, message: "'\(key.name)' of \(what) is declared boolean but holds '\(v)'", valid: "true or false"))
                    continue
                }
                if seen.insert(key.name).inserted { result.append((key.name, key.type == "boolean" ? (ModelBuilder.parseBool(v)! ? "true" : "false") : v)) }
            }
            for (_, key) in keys.sorted(by: { $0.key < $1.key }) where (key.domain == domain || key.domain == "all") && !seen.contains(key.name) {
                if let def = key.def { result.append((key.name, def)) }
            }
            return result
        }
        var none: FlatGraph.Node?
        flat.graphValues = values(graph, domain: "graph", what: "the graph", node: &none)
        for (k, n) in graph.all("node").enumerated() {
            guard let id = n.attributes["id"], !id.isEmpty else {
                issues.append(ModelIssue(file: file, line: n.line, column: n.column, message: "node \(k + 1) has no id", valid: "<node id=\"...\"/>"))
                continue
            }
            if n.child("graph") != nil {
                issues.append(ModelIssue(file: file, line: n.line, column: n.column, id: id, message: "node '\(id)' holds a nested graph, which ecomap does not read", valid: "a flat graph"))
            }
            var node: FlatGraph.Node? = FlatGraph.Node(id: id)
            node!.line = n.line; node!.column = n.column
            let vs = values(n, domain: "node", what: "node '\(id)'", node: &node)
            var x: Double?, y: Double?
            var rgb: [String: Int] = [:]  // Gephi's GraphML export: r, g, b per node
            for v in vs {
                switch v.key {
                case "x": x = Double(v.value)
                case "y": y = Double(v.value)
                case "size": node!.size = Double(v.value)
                case "r", "g", "b" where Int(v.value).map({ (0...255).contains($0) }) == true: rgb[v.key] = Int(v.value)
                default: node!.values.append(v)
                }
            }
            if let x, let y { node!.position = (x, y) }
            if let r = rgb["r"], let g = rgb["g"], let b = rgb["b"] { node!.color = String(format: "#%02X%02X%02X", r, g, b) }
            flat.nodes.append(node!)
        }
        if !graph.all("hyperedge").isEmpty, let h = graph.child("hyperedge") {
            issues.append(ModelIssue(file: file, line: h.line, column: h.column, message: "hyperedges are not read", valid: "edges between two nodes"))
        }
        for (k, e) in graph.all("edge").enumerated() {
            guard let s = e.attributes["source"], let t = e.attributes["target"] else {
                issues.append(ModelIssue(file: file, line: e.line, column: e.column, message: "edge \(k + 1) has no \(e.attributes["source"] == nil ? "source" : "target")", valid: "<edge source=\"a\" target=\"b\"/>"))
                continue
            }
            var edge = FlatGraph.Edge(id: e.attributes["id"], from: s, to: t)
            edge.line = e.line; edge.column = e.column
            if let d = e.attributes["directed"] { edge.directed = ModelBuilder.parseBool(d) }
            var none: FlatGraph.Node?
            edge.values = values(e, domain: "edge", what: "edge \(e.attributes["id"].map { "'\($0)'" } ?? "\(k + 1)")", node: &none)
            if edge.id == nil, let i = edge.values.firstIndex(where: { $0.key == "id" }) { edge.id = edge.values[i].value; edge.values.remove(at: i) }
            flat.edges.append(edge)
        }
        guard issues.isEmpty else { throw ModelError(issues: issues) }
        // igraph writes its vertices as n0, n1, … and their identity as the `name` attribute:
        // when every id is that and the names are unique, the names are the ids.
        let names = flat.nodes.map { n in n.values.first { $0.key == "name" }?.value ?? "" }
        if !flat.nodes.isEmpty, flat.nodes.enumerated().allSatisfy({ $0.element.id == "n\($0.offset)" }),
           !names.contains(""), Set(names).count == names.count {
            var rename: [String: String] = [:]
            for k in flat.nodes.indices {
                rename[flat.nodes[k].id] = names[k]
                flat.nodes[k].id = names[k]
                flat.nodes[k].values.removeAll { $0.key == "name" }
                if flat.nodes[k].value("label") == nil { flat.nodes[k].values.insert(("label", names[k]), at: 0) }
            }
            for k in flat.edges.indices {
                flat.edges[k].from = rename[flat.edges[k].from] ?? flat.edges[k].from
                flat.edges[k].to = rename[flat.edges[k].to] ?? flat.edges[k].to
            }
        }
        return flat
    }

    /// yEd's node graphics: label text, fill colour, shape.
    static func yedNode(_ data: XMLTree, into node: inout FlatGraph.Node) {
        func find(_ e: XMLTree, _ name: String) -> XMLTree? {
            if e.name == name { return e }
            for c in e.children { if let f = find(c, name) { return f } }
            return nil
        }
        if let label = find(data, "NodeLabel")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !label.isEmpty, node.value("label") == nil {
            node.values.append(("label", label))
        }
        if let fill = find(data, "Fill")?.attributes["color"], DrawingVocabulary.isColour(fill) { node.color = fill.uppercased() }
        if let shape = find(data, "Shape")?.attributes["type"] {
            node.shape = ["rectangle": "square", "roundrectangle": "square", "ellipse": "disc", "triangle": "triangle", "diamond": "diamond"][shape] ?? "disc"
        }
    }

    /// Writes GraphML with a typed key per attribute (`d<k>` ids), node positions and
    /// sizes as `x`, `y`, `size` when given. A model mixing directed and mutual relation types
    /// is written `edgedefault="directed"` (each edge's type says its direction in
    /// `type_directed`), since NetworkX refuses per-edge `directed` and igraph ignores it.
    /// - Parameter graph: the graph (``FlatGraph/init(_:extras:)``).
    /// - Returns: the document, UTF-8.
    /// - Complexity: linear in the size of the graph.
    public static func write(_ graph: FlatGraph) -> Data {
        let e = SafeXML.escape
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        func graphmlType(_ t: FlatGraph.ValueType) -> String { t == .integer ? "int" : t.rawValue }
        var ids: [String: [String: String]] = ["graph": [:], "node": [:], "edge": [:]]
        var n = 0
        func key(_ name: String, _ type: FlatGraph.ValueType, _ domain: String) {
            let id = "d\(n)"; n += 1
            ids[domain]![name] = id
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(e(name))\" attr.type=\"\(graphmlType(type))\"/>\n"
        }
        for (name, _) in graph.graphValues { key(name, .string, "graph") }
        for k in graph.nodeKeys { key(k.name, k.type, "node") }
        if graph.nodes.contains(where: { $0.position != nil }) { key("x", .double, "node"); key("y", .double, "node") }
        if graph.nodes.contains(where: { $0.size != nil }) { key("size", .double, "node") }
        for k in graph.edgeKeys { key(k.name, k.type, "edge") }
        // A model mixing directed and mutual types is written directed, each edge's own
        // direction in `type_directed`: NetworkX and igraph refuse or ignore per-edge `directed`.
        out += "  <graph id=\"G\" edgedefault=\"\(graph.directed || graph.mixed ? "directed" : "undirected")\">\n"
        for (name, value) in graph.graphValues { out += "    <data key=\"\(ids["graph"]![name]!)\">\(e(value))</data>\n" }
        for node in graph.nodes {
            out += "    <node id=\"\(e(node.id))\">\n"
            for (k, v) in node.values where !v.isEmpty { if let id = ids["node"]![k] { out += "      <data key=\"\(id)\">\(e(v))</data>\n" } }
            if let p = node.position {
                out += "      <data key=\"\(ids["node"]!["x"]!)\">\(NumberFormat.attribute(p.x))</data>\n"
                out += "      <data key=\"\(ids["node"]!["y"]!)\">\(NumberFormat.attribute(p.y))</data>\n"
            }
            if let s = node.size { out += "      <data key=\"\(ids["node"]!["size"]!)\">\(NumberFormat.attribute(s))</data>\n" }
            out += "    </node>\n"
        }
        for edge in graph.edges {
            var attrs = "source=\"\(e(edge.from))\" target=\"\(e(edge.to))\""
            if let id = edge.id { attrs = "id=\"\(e(id))\" " + attrs }
            out += "    <edge \(attrs)>\n"
            for (k, v) in edge.values where !v.isEmpty { if let id = ids["edge"]![k] { out += "      <data key=\"\(id)\">\(e(v))</data>\n" } }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return Data(out.utf8)
    }
}
