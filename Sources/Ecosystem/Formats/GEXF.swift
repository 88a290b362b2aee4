import Foundation

/// GEXF, Gephi's graph format: reading versions 1.1, 1.2 and 1.3, writing 1.3.
///
/// Read: `<attributes>` of class node and edge with their types and defaults, `<attvalue>`
/// (`for`, or 1.1's `id`), `viz:color` (`r g b a`, or 1.3's `hex`), `viz:size`,
/// `viz:position`, `viz:shape`; edges with or without an id, with or without a weight, the
/// graph's `defaultedgetype` and each edge's `type`. Written: GEXF 1.3 with a typed attribute
/// per model field (``FlatGraph``), `viz:color`, `viz:shape`, `viz:size` and `viz:position`
/// (the layout ecomap draws, in points, y up), so that Gephi opens the same picture.
///
/// Reference: GEXF 1.3 specification and schema, gexf.net (GEXF Working Group, 2022);
/// Gephi 0.8–0.10.
public enum GEXF {
    /// Reads GEXF.
    /// - Parameters:
    ///   - data: the document.
    ///   - file: the name used in issues.
    /// - Returns: the graph, with line and column of every node and edge.
    /// - Throws: ``ModelError`` for malformed XML, a missing `<graph>`, nodes without an id,
    ///   edges without `source`/`target`, attribute values of the wrong type.
    /// - Complexity: linear in the size of the document.
    public static func read(_ data: Data, file: String) throws(ModelError) -> FlatGraph {
        let root = try SafeXML.parse(data, file: file)
        var issues: [ModelIssue] = []
        guard root.name == "gexf" else {
            throw ModelError(issues: [ModelIssue(file: file, line: root.line, column: root.column, message: "the root element is <\(root.name)>, not <gexf>", valid: "a GEXF document (gexf.net)")])
        }
        guard let graph = root.child("graph") else {
            throw ModelError(issues: [ModelIssue(file: file, line: root.line, column: root.column, message: "<gexf> has no <graph>", valid: "a <graph> element with <nodes> and <edges>")])
        }
        var flat = FlatGraph()
        let edgeDefault = graph.attributes["defaultedgetype"] ?? "undirected"
        flat.directed = edgeDefault == "directed"
        flat.mixed = edgeDefault == "mixed"
        if let meta = root.child("meta"), let d = meta.child("description")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !d.isEmpty {
            flat.graphValues.append(("description", d))
        }
        if let title = root.child("meta")?.child("title")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
            flat.graphValues.append(("title", title))
        }
        if let name = graph.attributes["name"] ?? root.child("meta")?.child("keywords")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty, graph.attributes["name"] != nil {
            flat.graphValues.append(("name", name))
        }
        // Declared attributes: id → (title, type, default).
        var declared: [String: [String: (title: String, type: String, def: String?)]] = ["node": [:], "edge": [:]]
        for block in graph.all("attributes") {
            let cls = block.attributes["class"] ?? "node"
            for a in block.all("attribute") {
                guard let id = a.attributes["id"] else {
                    issues.append(ModelIssue(file: file, line: a.line, column: a.column, message: "<attribute> without an id", valid: "<attribute id=\"0\" title=\"type\" type=\"string\"/>"))
                    continue
                }
                declared[cls, default: [:]][id] = (a.attributes["title"] ?? id, a.attributes["type"] ?? "string", a.child("default")?.text)
            }
        }
        func values(_ element: XMLTree, cls: String, what: String) -> [(key: String, value: String)] {
            var result: [(key: String, value: String)] = []
            var seen = Set<String>()
            for av in element.child("attvalues")?.all("attvalue") ?? [] {
                guard let ref = av.attributes["for"] ?? av.attributes["id"] else {
                    issues.append(ModelIssue(file: file, line: av.line, column: av.column, message: "<attvalue> of \(what) names no attribute", valid: "<attvalue for=\"0\" value=\"...\"/>"))
                    continue
                }
                guard let d = declared[cls]?[ref] else {
                    let known = (declared[cls] ?? [:]).keys.sorted()
                    issues.append(ModelIssue(file: file, line: av.line, column: av.column, message: "<attvalue> of \(what) names undeclared \(cls) attribute '\(ref)'",
                                             valid: known.isEmpty ? "declare it in <attributes class=\"\(cls)\">" : "declared: \(Suggestions.quoted(known))"))
                    continue
                }
                let v = av.attributes["value"] ?? ""
                if ["integer", "long", "float", "double"].contains(d.type), !v.isEmpty, Double(v) == nil {
                    issues.append(ModelIssue(file: file, line: av.line, column: av.column, message: "attribute '\(d.title)' of \(what) is declared \(d.type) but holds '\(v)'",
                                             valid: "a number"))
                    continue
                }
                if seen.insert(d.title).inserted { result.append((d.title, v)) } else if let k = result.firstIndex(where: { $0.key == d.title }) {
                    result[k].value = v  // dynamic attributes: the last value wins
                }
            }
            for (_, d) in (declared[cls] ?? [:]).sorted(by: { $0.key < $1.key }) where !seen.contains(d.title) {
                if let def = d.def { result.append((d.title, def)) }
            }
            return result
        }
        for (k, n) in (graph.child("nodes")?.all("node") ?? []).enumerated() {
            guard let id = n.attributes["id"], !id.isEmpty else {
                issues.append(ModelIssue(file: file, line: n.line, column: n.column, message: "node \(k + 1) has no id", valid: "<node id=\"...\" label=\"...\"/>"))
                continue
            }
            var node = FlatGraph.Node(id: id)
            node.line = n.line; node.column = n.column
            if let label = n.attributes["label"] { node.values.append(("label", label)) }
            node.values += values(n, cls: "node", what: "node '\(id)'").filter { $0.key != "label" || n.attributes["label"] == nil }
            if let c = n.child("color") {
                if let hex = c.attributes["hex"], DrawingVocabulary.isColour(hex) { node.color = hex.uppercased() } else
                if let r = c.attributes["r"].flatMap(Int.init), let g = c.attributes["g"].flatMap(Int.init), let b = c.attributes["b"].flatMap(Int.init),
                   (0...255).contains(r), (0...255).contains(g), (0...255).contains(b) {
                    var hex = String(format: "#%02X%02X%02X", r, g, b)
                    if let a = c.attributes["a"].flatMap(Double.init), a < 1, a >= 0 { hex += String(format: "%02X", Int((a * 255).rounded())) }
                    node.color = hex
                } else {
                    issues.append(ModelIssue(file: file, line: c.line, column: c.column, id: id, message: "node '\(id)' has a viz:color without r, g, b from 0 to 255",
                                             valid: "<viz:color r=\"230\" g=\"159\" b=\"0\"/>"))
                }
            }
            if let s = n.child("size")?.attributes["value"] { node.size = Double(s) }
            if let p = n.child("position"), let x = p.attributes["x"].flatMap(Double.init), let y = p.attributes["y"].flatMap(Double.init),
               x.isFinite, y.isFinite { node.position = (x, y) }
            node.shape = n.child("shape")?.attributes["value"]
            node.values += lifespan(n, has: node.values)
            flat.nodes.append(node)
        }
        for (k, e) in (graph.child("edges")?.all("edge") ?? []).enumerated() {
            guard let s = e.attributes["source"], let t = e.attributes["target"] else {
                issues.append(ModelIssue(file: file, line: e.line, column: e.column, message: "edge \(k + 1) has no \(e.attributes["source"] == nil ? "source" : "target")",
                                         valid: "<edge source=\"a\" target=\"b\"/>"))
                continue
            }
            let what = "edge \(e.attributes["id"].map { "'\($0)'" } ?? "\(k + 1)")"
            var edge = FlatGraph.Edge(id: e.attributes["id"], from: s, to: t)
            edge.line = e.line; edge.column = e.column
            switch e.attributes["type"] {
            case "directed": edge.directed = true
            case "undirected": edge.directed = false
            case nil, "mutual": edge.directed = nil
            case let other?:
                issues.append(ModelIssue(file: file, line: e.line, column: e.column, message: "\(what) has type '\(other)'", valid: "directed, undirected or mutual"))
            }
            if let w = e.attributes["weight"] { edge.values.append(("weight", w)) }
            var vs = values(e, cls: "edge", what: what)
            if e.attributes["weight"] != nil { vs.removeAll { $0.key == "weight" } }
            edge.values += vs
            if let label = e.attributes["label"], !label.isEmpty, !vs.contains(where: { $0.key == "label" }) { edge.values.append(("edge_label", label)) }
            if let kind = e.attributes["kind"], !vs.contains(where: { $0.key == "kind" }) { edge.values.append(("kind", kind)) }
            edge.values += lifespan(e, has: edge.values)
            flat.edges.append(edge)
        }
        guard issues.isEmpty else { throw ModelError(issues: issues) }
        return flat
    }

    /// A node's or edge's life from GEXF's `start`/`end` attributes or its `<spells>` (the
    /// earliest start and the latest end; with several spells the gaps between them are
    /// lost, and the spells are kept as the attribute `gexf_spells`), as `since`/`until`
    /// values; none when the element already has `since`/`until` attribute values (ecomap's
    /// own, exact to the written precision) or no times. A time is kept as written
    /// (`2005-01-01`, a `dateTime`'s date, or an integer year), for the builder to check.
    static func lifespan(_ element: XMLTree, has values: [(key: String, value: String)]) -> [(key: String, value: String)] {
        guard !values.contains(where: { FlatGraph.dateKeys.contains($0.key) && !$0.value.isEmpty }) else { return [] }
        var start = element.attributes["start"], end = element.attributes["end"]
        let spells = element.child("spells")?.all("spell") ?? []
        var out: [(key: String, value: String)] = []
        if start == nil, end == nil, !spells.isEmpty {
            let starts = spells.map { $0.attributes["start"] }, ends = spells.map { $0.attributes["end"] }
            start = starts.contains(where: { $0 == nil }) ? nil : starts.compactMap { $0 }.min { (PartialDate($0)?.firstDay ?? 0) < (PartialDate($1)?.firstDay ?? 0) }
            end = ends.contains(where: { $0 == nil }) ? nil : ends.compactMap { $0 }.max { (PartialDate($0)?.lastDay ?? 0) < (PartialDate($1)?.lastDay ?? 0) }
            if spells.count > 1 {
                out.append(("gexf_spells", spells.map { "\($0.attributes["start"] ?? "")/\($0.attributes["end"] ?? "")" }.joined(separator: ";")))
            }
        }
        if let start { out.append(("since", start)) }
        if let end { out.append(("until", end)) }
        return out
    }

    /// Writes GEXF 1.3.
    /// - Parameter graph: the graph (``FlatGraph/init(_:extras:)``).
    /// - Returns: the document, UTF-8.
    /// - Complexity: linear in the size of the graph.
    public static func write(_ graph: FlatGraph) -> Data {
        let e = SafeXML.escape
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        let description = graph.graphValues.first { $0.key == "description" }?.value ?? ""
        out += "  <meta>\n    <creator>ecomap</creator>\n    <description>\(e(description))</description>\n  </meta>\n"
        let name = graph.graphValues.first { $0.key == "name" }?.value ?? ""
        let edgeType = graph.mixed ? "mixed" : graph.directed ? "directed" : "undirected"
        // Dated actors or ties: a dynamic graph whose nodes and edges have `start`/`end`
        // (first and last day of `since`/`until`), which Gephi's timeline reads; the exact
        // dates stay in the `since`/`until` attributes.
        let dynamic = graph.nodes.contains { ($0.value("since") ?? "") + ($0.value("until") ?? "") != "" }
            || graph.edges.contains { ($0.value("since") ?? "") + ($0.value("until") ?? "") != "" }
        func times(_ since: String?, _ until: String?) -> String {
            var t = ""
            if let d = since.flatMap(PartialDate.init) { t += " start=\"\(d.firstDate)\"" }
            if let d = until.flatMap(PartialDate.init) { t += " end=\"\(d.lastDate)\"" }
            return t
        }
        out += "  <graph defaultedgetype=\"\(edgeType)\" mode=\"\(dynamic ? "dynamic\" timeformat=\"date" : "static")\" name=\"\(e(name))\">\n"
        func declare(_ keys: [FlatGraph.Key], cls: String, skip: Set<String>) -> [String: Int] {
            var ids: [String: Int] = [:]
            out += "    <attributes class=\"\(cls)\" mode=\"static\">\n"
            for (k, key) in keys.enumerated() where !skip.contains(key.name) {
                ids[key.name] = k
                out += "      <attribute id=\"\(k)\" title=\"\(e(key.name))\" type=\"\(key.type.rawValue)\"/>\n"
            }
            out += "    </attributes>\n"
            return ids
        }
        let nodeIDs = declare(graph.nodeKeys, cls: "node", skip: ["label"])
        let edgeIDs = declare(graph.edgeKeys, cls: "edge", skip: ["weight"])
        out += "    <nodes>\n"
        for n in graph.nodes {
            out += "      <node id=\"\(e(n.id))\" label=\"\(e(n.value("label") ?? n.id))\"\(times(n.value("since"), n.value("until")))>\n"
            let vs = n.values.filter { $0.key != "label" && !$0.value.isEmpty }
            if !vs.isEmpty {
                out += "        <attvalues>\n"
                for v in vs { if let id = nodeIDs[v.key] { out += "          <attvalue for=\"\(id)\" value=\"\(e(v.value))\"/>\n" } }
                out += "        </attvalues>\n"
            }
            if let c = n.color, DrawingVocabulary.isColour(c) {
                let digits = Array(c.dropFirst())
                func byte(_ i: Int) -> Int { Int(String(digits[i..<i + 2]), radix: 16) ?? 0 }
                let alpha = digits.count == 8 ? " a=\"\(NumberFormat.brief(Double(byte(6)) / 255))\"" : ""
                out += "        <viz:color r=\"\(byte(0))\" g=\"\(byte(2))\" b=\"\(byte(4))\"\(alpha)/>\n"
            }
            if let p = n.position {
                out += "        <viz:position x=\"\(NumberFormat.attribute(p.x))\" y=\"\(NumberFormat.attribute(p.y))\" z=\"0\"/>\n"
            }
            if let s = n.size { out += "        <viz:size value=\"\(NumberFormat.attribute(s))\"/>\n" }
            if let s = n.shape { out += "        <viz:shape value=\"\(FlatGraph.gexfShape(s))\"/>\n" }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for ed in graph.edges {
            var attrs = "source=\"\(e(ed.from))\" target=\"\(e(ed.to))\""
            if let id = ed.id { attrs = "id=\"\(e(id))\" " + attrs }
            if graph.mixed, let d = ed.directed { attrs += " type=\"\(d ? "directed" : "undirected")\"" }
            if let w = ed.value("weight") { attrs += " weight=\"\(e(w))\"" }
            attrs += times(ed.value("since"), ed.value("until"))
            let vs = ed.values.filter { $0.key != "weight" && !$0.value.isEmpty }
            if vs.isEmpty { out += "      <edge \(attrs)/>\n"; continue }
            out += "      <edge \(attrs)>\n        <attvalues>\n"
            for v in vs { if let id = edgeIDs[v.key] { out += "          <attvalue for=\"\(id)\" value=\"\(e(v.value))\"/>\n" } }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return Data(out.utf8)
    }
}
