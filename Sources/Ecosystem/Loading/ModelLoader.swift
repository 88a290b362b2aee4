import Foundation
import Yams

/// Loads an ``EcosystemModel`` from a YAML or JSON model file (the schema is `Datasets/SCHEMA.md`),
/// or from a CSV edge list through ``EdgeListLoader``, and validates it.
///
/// JSON is read through the YAML parser (JSON is a subset of YAML 1.2 flow syntax), so both
/// formats share one code path and every error knows its line and column. The loader walks the
/// YAML node tree itself instead of decoding into `Codable` types: that is what lets it reject
/// unknown keys (a typo such as `wieght` would otherwise be silently ignored), report all
/// problems at once, and point at the exact value at fault.
///
/// Validation (each problem is a ``ModelIssue`` naming file, line, column, id, and what would be
/// valid; all are collected before ``ModelError`` is thrown):
/// - malformed YAML/JSON, duplicate keys in a mapping, empty document;
/// - wrong YAML kinds (a mapping where a list is expected, a list where text is expected, ...);
/// - unknown keys (listing the valid keys and the likely one meant), missing required keys;
/// - duplicate ids of actor types, relation types, actors and relations;
/// - actors of an undeclared actor type, relations of an undeclared relation type;
/// - relations naming an unknown actor (listing the closest known ids), ties of an actor to
///   itself;
/// - weights that are not positive finite numbers (0, negative, `.nan`, `.inf`, text);
/// - confidence outside `0...1`; colours not `#RRGGBB`; unknown Graphviz shapes, line styles or
///   helix spheres.
///
/// Multiple (parallel) relations between the same two actors are allowed: they may have
/// different types or sources; analyses decide how to merge them.
public enum ModelLoader {
    /// File extensions read as models (`csv` goes to ``EdgeListLoader``).
    public static let modelExtensions = ["yaml", "yml", "json"]

    /// Loads a model file, chosen by extension: `.yaml`, `.yml` and `.json` are model files,
    /// `.csv` is an edge list (``EdgeListLoader/load(contentsOf:directed:)``, undirected).
    ///
    /// The model name defaults to the file's base name, or to the parent folder's name when the
    /// file is called `model.<ext>` (so `Datasets/zoetermeer/model.yaml` is `zoetermeer`); a
    /// `name` key in the file overrides it.
    ///
    /// - Parameter url: a file URL. Issues name the file by `url.relativePath`.
    /// - Returns: the validated model, actors and relations in file order.
    /// - Throws: ``ModelError`` with every issue found (unreadable file, unknown extension,
    ///   invalid UTF-8, malformed or invalid model).
    /// - Complexity: `O(size of file + relations · log(actors))`, plus edit distances for hints
    ///   when ids are unknown.
    public static func load(contentsOf url: URL) throws(ModelError) -> EcosystemModel {
        let file = url.relativePath
        let ext = url.pathExtension.lowercased()
        if ext == "csv" { return try EdgeListLoader.load(contentsOf: url) }
        guard modelExtensions.contains(ext) else {
            throw ModelError(issues: [ModelIssue(
                file: file, line: 0, column: 0,
                message: ext.isEmpty ? "model file has no extension" : "unknown model file extension '.\(ext)'",
                valid: "model files end in .yaml, .yml or .json; edge lists in .csv")])
        }
        let text = try readText(url, file: file)
        return try load(yaml: text, file: file)
    }

    /// Loads a model from YAML (or JSON) text.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name used in issues and, unless the file sets `name`, for the model name
    ///     (base name without extension; the parent folder's name for `model.*`).
    /// - Returns: the validated model.
    /// - Throws: ``ModelError`` with every issue found.
    /// - Complexity: linear in the size of the text, plus hints for unknown ids.
    public static func load(yaml text: String, file: String) throws(ModelError) -> EcosystemModel {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ModelError(issues: [parseIssue(error, text: text, file: file)])
        }
        guard let root else {
            throw ModelError(issues: [ModelIssue(
                file: file, line: 1, column: 1, message: "the model file is empty",
                valid: "a model is a mapping with keys \(Suggestions.quoted(ModelReader.topKeys))")])
        }
        var reader = ModelReader(file: file)
        let model = reader.read(root, defaultName: modelName(forFile: file))
        guard reader.issues.isEmpty, let model else {
            throw ModelError(issues: reader.issues)
        }
        return model
    }

    /// The default model name for a file path: its base name without extension, or its parent
    /// folder's name when the base name is `model` (e.g. `Datasets/zoetermeer/model.yaml` →
    /// `zoetermeer`).
    public static func modelName(forFile file: String) -> String {
        let parts = file.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let last = parts.last else { return "model" }
        var base = last
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { base = String(last[..<dot]) }
        if base == "model", parts.count >= 2, parts[parts.count - 2] != ".", parts[parts.count - 2] != ".." {
            return parts[parts.count - 2]
        }
        return base
    }

    /// Reads a file as UTF-8 text (a leading byte-order mark is dropped).
    static func readText(_ url: URL, file: String) throws(ModelError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelError(issues: [ModelIssue(
                file: file, line: 0, column: 0, message: "cannot read the file (\(error.localizedDescription))",
                valid: "give the path of an existing, readable file")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ModelError(issues: [ModelIssue(
                file: file, line: 0, column: 0, message: "the file is not valid UTF-8 text",
                valid: "save the file as UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Converts an error thrown by Yams into an issue with a position.
    static func parseIssue(_ error: any Error, text: String, file: String) -> ModelIssue {
        func context(_ c: YamlError.Context?) -> String {
            guard let c else { return "" }
            return " (\(c.text) at line \(c.mark.line), column \(c.mark.column))"
        }
        guard let yamlError = error as? YamlError else {
            return ModelIssue(file: file, line: 1, column: 1, message: "malformed YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(c, problem, mark, _), let .parser(c, problem, mark, _), let .composer(c, problem, mark, _):
            return ModelIssue(
                file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)\(context(c))",
                valid: "check indentation, ':' after keys, '- ' before list items, and matching quotes and brackets")
        case let .duplicatedKeysInMapping(duplicates, c):
            return ModelIssue(
                file: file, line: c.mark.line, column: c.mark.column,
                message: "duplicate key \(Suggestions.quoted(duplicates)) in one mapping",
                valid: "each key may appear only once in a mapping")
        case let .reader(problem, offset, _, _):
            var line = 1, column = 1
            if let offset {
                for ch in text.prefix(offset) {
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return ModelIssue(file: file, line: line, column: column, message: "cannot read the text: \(problem)",
                              valid: "save the file as UTF-8 without control characters")
        default:
            return ModelIssue(file: file, line: 1, column: 1, message: "malformed YAML: \(yamlError)")
        }
    }
}

// MARK: - Walking the YAML node tree

extension Node {
    /// Whether the node's resolved tag is `name` (Yams keeps `Tag.name` internal; its raw value is public).
    func hasTag(_ name: Tag.Name) -> Bool { tag.rawValue == name.rawValue }
}

/// One `key: value` pair of a mapping, with the key's node for positions.
struct Entry {
    let key: String
    let keyNode: Node
    let value: Node
}

/// The pairs of a mapping whose keys were all checked against the allowed list.
struct Fields {
    let node: Node
    let entries: [Entry]
    /// The value of `key`, unless absent or YAML null (`~`, `null` or empty).
    func value(_ key: String) -> Node? {
        guard let v = entries.first(where: { $0.key == key })?.value else { return nil }
        if case let .scalar(s) = v, v.hasTag(.null), s.style == .any || s.style == .plain { return nil }
        return v
    }
}

/// Graphviz node shapes (https://graphviz.org/doc/info/shapes.html, polygon-based shapes).
let graphvizShapes = [
    "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext", "plain",
    "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon",
    "doublecircle", "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse",
    "Mdiamond", "Msquare", "Mcircle", "rect", "rectangle", "square", "star", "none", "underline",
    "cylinder", "note", "tab", "folder", "box3d", "component", "promoter", "cds", "terminator", "utr",
    "primersite", "restrictionsite", "fivepoverhang", "threepoverhang", "noverhang", "assembly",
    "signature", "insulator", "ribosite", "rnastab", "proteasesite", "proteinstab", "rpromoter",
    "rarrow", "larrow", "lpromoter",
]
/// Line styles a relation type may use.
let relationStyles = ["solid", "dashed", "dotted", "bold"]
/// Quadruple Helix spheres plus intermediaries (empty = not stated).
let helixSpheres = ["government", "industry", "knowledge", "civil_society", "intermediary"]

/// Reads a model from a composed YAML tree, collecting issues. Its generic readers (`fields`,
/// `text`, `number`, `items`, `report`, ...) are shared with ``RulesLoader`` and ``ScenarioLoader``.
struct ModelReader {
    static let topKeys = ["name", "title", "description", "actor_types", "relation_types", "actors", "relations"]
    static let topRequired = ["actor_types", "relation_types", "actors"]
    static let actorTypeKeys = ["id", "label", "color", "shape", "helix"]
    static let relationTypeKeys = ["id", "label", "color", "style", "directed"]
    static let actorKeys = ["id", "name", "type", "place", "attributes"]
    static let relationKeys = ["id", "from", "to", "type", "weight", "source", "assumed", "confidence"]

    let file: String
    var issues: [ModelIssue] = []

    init(file: String) { self.file = file }

    mutating func report(_ node: Node?, id: String?, _ message: String, valid: String?) {
        let mark = node?.mark
        issues.append(ModelIssue(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                 id: id, message: message, valid: valid))
    }

    // MARK: Model

    mutating func read(_ root: Node, defaultName: String) -> EcosystemModel? {
        // Missing top-level keys are reported, and reading goes on so that every issue shows.
        guard let top = fields(root, what: "the model", id: nil, allowed: Self.topKeys, required: Self.topRequired,
                               expected: "a mapping with keys \(Suggestions.quoted(Self.topKeys))", partial: true)
        else { return nil }
        let name = text(top, "name", what: "the model", id: nil) ?? defaultName
        let title = text(top, "title", what: "the model", id: nil) ?? ""
        let description = text(top, "description", what: "the model", id: nil) ?? ""

        let typeItems = items(top, "actor_types", what: "actor types")
        let actorTypes = typeItems.map { $0.compactMap { readActorType($0) } }
        let relTypeItems = items(top, "relation_types", what: "relation types")
        let relationTypes = relTypeItems.map { $0.compactMap { readRelationType($0) } }
        checkUnique((actorTypes ?? []).map { ($0.0.id, $0.1) }, kind: "actor type")
        checkUnique((relationTypes ?? []).map { ($0.0.id, $0.1) }, kind: "relation type")

        let actorItems = items(top, "actors", what: "actors")
        let actors = actorItems.map { $0.compactMap { readActor($0, types: actorTypes?.map(\.0.id)) } }
        checkUnique((actors ?? []).map { ($0.0.id, $0.1) }, kind: "actor")

        var relations: [(Relation, Node)] = []
        if let relationItems = items(top, "relations", what: "relations") {
            let actorIDs = actors?.map(\.0.id)
            let actorSet = actorIDs.map(Set.init)
            for (position, item) in relationItems.enumerated() {
                if let r = readRelation(item, position: position + 1, actorIDs: actorIDs, actorSet: actorSet,
                                        types: relationTypes?.map(\.0.id)) {
                    relations.append(r)
                }
            }
        }
        checkUnique(relations.map { ($0.0.id, $0.1) }, kind: "relation")

        guard let actorTypes, let relationTypes, let actors else { return nil }
        return EcosystemModel(
            name: name, title: title, description: description,
            actorTypes: actorTypes.map(\.0), relationTypes: relationTypes.map(\.0),
            actors: actors.map(\.0), relations: relations.map(\.0))
    }

    // MARK: Entities

    /// Returns the type and the node where its id is written.
    mutating func readActorType(_ node: Node) -> (ActorType, Node)? {
        let id = peekID(node)
        let what = id.map { "actor type '\($0)'" } ?? "an actor type"
        guard let f = fields(node, what: what, id: id, allowed: Self.actorTypeKeys, required: ["id"],
                             expected: "a mapping such as '{id: government, label: Government, color: \"#0072B2\", shape: box}'"),
              let id = text(f, "id", what: what, id: nil) else { return nil }
        let label = text(f, "label", what: what, id: id) ?? id
        let color = colour(f, what: what, id: id) ?? "#999999"
        var shape = "ellipse"
        if let s = text(f, "shape", what: what, id: id) {
            if graphvizShapes.contains(s) { shape = s } else {
                report(f.value("shape"), id: id, "\(what) has unknown shape '\(s)'",
                       valid: "Graphviz shapes include \(Suggestions.quoted(Suggestions.closest(to: s, in: graphvizShapes, limit: 5))), ...")
            }
        }
        var helix = ""
        if let h = text(f, "helix", what: what, id: id), !h.isEmpty {
            if helixSpheres.contains(h) { helix = h } else {
                report(f.value("helix"), id: id, "\(what) has unknown helix sphere '\(h)'",
                       valid: "helix is one of \(Suggestions.quoted(helixSpheres)), or left out")
            }
        }
        return (ActorType(id: id, label: label, color: color, shape: shape, helix: helix), f.value("id") ?? node)
    }

    mutating func readRelationType(_ node: Node) -> (RelationType, Node)? {
        let id = peekID(node)
        let what = id.map { "relation type '\($0)'" } ?? "a relation type"
        guard let f = fields(node, what: what, id: id, allowed: Self.relationTypeKeys, required: ["id", "directed"],
                             expected: "a mapping such as '{id: funds, label: funds, directed: true}'"),
              let id = text(f, "id", what: what, id: nil) else { return nil }
        let label = text(f, "label", what: what, id: id) ?? id
        let color = colour(f, what: what, id: id) ?? "#000000"
        var style = "solid"
        if let s = text(f, "style", what: what, id: id) {
            if relationStyles.contains(s) { style = s } else {
                report(f.value("style"), id: id, "\(what) has unknown style '\(s)'",
                       valid: "style is one of \(Suggestions.quoted(relationStyles))")
            }
        }
        var directed = false
        if let d = f.value("directed") {
            if d.hasTag(.bool), let b = d.bool { directed = b } else {
                report(d, id: id, "\(what) has 'directed: \(scalarText(d))', which is not true or false",
                       valid: "directed is true (from → to has a direction) or false (a mutual tie)")
            }
        }
        return (RelationType(id: id, label: label, color: color, style: style, directed: directed), f.value("id") ?? node)
    }

    mutating func readActor(_ node: Node, types: [String]?) -> (Actor, Node)? {
        let id = peekID(node)
        let what = id.map { "actor '\($0)'" } ?? "an actor"
        guard let f = fields(node, what: what, id: id, allowed: Self.actorKeys, required: ["id", "type"],
                             expected: "a mapping such as '{id: dip, name: Dutch Innovation Park, type: intermediary}'"),
              let id = text(f, "id", what: what, id: nil) else { return nil }
        let name = text(f, "name", what: what, id: id) ?? id
        let type = text(f, "type", what: what, id: id) ?? ""
        if let types, !type.isEmpty, !types.contains(type) {
            report(f.value("type"), id: id, "\(what) has unknown actor type '\(type)'",
                   valid: types.isEmpty ? "no actor types are declared in 'actor_types'"
                       : "declared actor types: \(Suggestions.quoted(types))")
        }
        let place = text(f, "place", what: what, id: id) ?? ""
        var attributes: [(key: String, value: String)] = []
        if let a = f.value("attributes") {
            if case let .mapping(m) = a {
                for (k, v) in m {
                    guard case let .scalar(ks) = k else {
                        report(k, id: id, "attribute keys of \(what) must be text, found \(kindName(k))", valid: "write 'key: value'")
                        continue
                    }
                    guard case let .scalar(vs) = v else {
                        report(v, id: id, "attribute '\(ks.string)' of \(what) must be a single value, found \(kindName(v))",
                               valid: "attribute values are text or numbers")
                        continue
                    }
                    attributes.append((key: ks.string, value: v.hasTag(.null) ? "" : vs.string))
                }
            } else {
                report(a, id: id, "'attributes' of \(what) must be a mapping, found \(kindName(a))",
                       valid: "write attributes as 'key: value' pairs, e.g. 'attributes: {founded: \"2005\"}'")
            }
        }
        return (Actor(id: id, name: name, type: type, place: place, attributes: attributes), f.value("id") ?? node)
    }

    mutating func readRelation(
        _ node: Node, position: Int, actorIDs: [String]?, actorSet: Set<String>?, types: [String]?,
        defaultID: String? = nil
    ) -> (Relation, Node)? {
        let explicitID = peekID(node)
        let id = explicitID ?? defaultID ?? "r\(position)"
        let what = "relation '\(id)'"
        guard let f = fields(node, what: what, id: id, allowed: Self.relationKeys, required: ["from", "to", "type"],
                             expected: "a mapping such as '{from: dip, to: startups, type: supports, weight: 2}'")
        else { return nil }
        let finalID = text(f, "id", what: what, id: id) ?? defaultID ?? "r\(position)"
        var ends: [String] = []
        for key in ["from", "to"] {
            guard let actor = text(f, key, what: what, id: finalID) else { continue }
            ends.append(actor)
            if let actorIDs, let actorSet, !actorSet.contains(actor) {
                let close = Suggestions.closest(to: actor, in: actorIDs)
                let more = actorIDs.count > close.count ? ", ..." : ""
                report(f.value(key), id: finalID, "\(what) names unknown actor '\(actor)' in '\(key)'",
                       valid: actorIDs.isEmpty ? "no actors are declared"
                           : "known actors include \(Suggestions.quoted(close))\(more)")
            }
        }
        if ends.count == 2, ends[0] == ends[1] {
            report(f.value("to"), id: finalID, "\(what) ties actor '\(ends[0])' to itself",
                   valid: "'from' and 'to' must name two different actors")
        }
        let type = text(f, "type", what: what, id: finalID) ?? ""
        if let types, !type.isEmpty, !types.contains(type) {
            report(f.value("type"), id: finalID, "\(what) has unknown relation type '\(type)'",
                   valid: types.isEmpty ? "no relation types are declared in 'relation_types'"
                       : "declared relation types: \(Suggestions.quoted(types))")
        }
        var weight = 1.0
        if let w = f.value("weight") {
            switch number(w) {
            case let .some(x) where x.isFinite && x > 0: weight = x
            case let .some(x):
                report(w, id: finalID, "\(what) has weight \(scalarText(w))\(x.isNaN ? " (not a number)" : x.isFinite ? "" : " (infinite)")",
                       valid: "weight is a positive finite number (tie strength, bigger = stronger), e.g. 1, 2 or 0.5")
            case .none:
                report(w, id: finalID, "\(what) has weight \(describe(w)), which is not a number",
                       valid: "weight is a positive finite number (tie strength, bigger = stronger), e.g. 1, 2 or 0.5")
            }
        }
        let source = text(f, "source", what: what, id: finalID) ?? ""
        var assumed: String?
        if let a = f.value("assumed") {
            if case let .scalar(s) = a, a.hasTag(.str), !s.string.trimmingCharacters(in: .whitespaces).isEmpty {
                assumed = s.string
            } else {
                report(a, id: finalID, "\(what) has 'assumed: \(scalarText(a))'; it must give the reason",
                       valid: "assumed is a short text saying why the tie is assumed, e.g. assumed: \"implied by Conclusies 3\"")
            }
        }
        var confidence: Double?
        if let c = f.value("confidence") {
            if let x = number(c), x >= 0, x <= 1 { confidence = x } else {
                report(c, id: finalID, "\(what) has confidence \(describe(c))",
                       valid: "confidence is a number from 0 to 1 (the probability that the tie exists)")
            }
        }
        return (Relation(id: finalID, from: ends.first ?? "", to: ends.count == 2 ? ends[1] : "", type: type,
                         weight: weight, source: source, assumed: assumed, confidence: confidence),
                f.value("id") ?? node)
    }

    // MARK: Generic readers

    /// The `id` of a mapping, read without reporting anything (to name the entity in issues).
    func peekID(_ node: Node) -> String? {
        guard case let .mapping(m) = node, let v = m["id"], case let .scalar(s) = v, !v.hasTag(.null),
              !s.string.isEmpty else { return nil }
        return s.string
    }

    /// Checks that `node` is a mapping with only `allowed` keys and all `required` keys; returns
    /// nil when it is not a mapping or, unless `partial`, when a required key is missing.
    mutating func fields(
        _ node: Node, what: String, id: String?, allowed: [String], required: [String], expected: String,
        partial: Bool = false
    ) -> Fields? {
        guard case let .mapping(m) = node else {
            report(node, id: id, "\(what) must be a mapping, found \(kindName(node))", valid: "write \(expected)")
            return nil
        }
        var entries: [Entry] = []
        for (k, v) in m {
            guard case let .scalar(ks) = k else {
                report(k, id: id, "keys of \(what) must be text, found \(kindName(k))",
                       valid: "valid keys: \(Suggestions.quoted(allowed))")
                continue
            }
            guard allowed.contains(ks.string) else {
                let hint = Suggestions.likelyMeant(ks.string, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                report(k, id: id, "unknown key '\(ks.string)' in \(what)", valid: "\(hint)valid keys: \(Suggestions.quoted(allowed))")
                continue
            }
            entries.append(Entry(key: ks.string, keyNode: k, value: v))
        }
        let f = Fields(node: node, entries: entries)
        var complete = true
        for key in required where f.value(key) == nil {
            complete = false
            let present = entries.first { $0.key == key }
            report(present?.value ?? node, id: id,
                   present == nil ? "\(what) is missing required key '\(key)'" : "\(what) has an empty '\(key)'",
                   valid: "required keys: \(Suggestions.quoted(required))")
        }
        return complete || partial ? f : nil
    }

    /// A text field: any scalar, as written (numbers and dates keep their spelling); `nil` when
    /// absent or null. Reports mappings and sequences, and empty required-looking ids.
    mutating func text(_ f: Fields, _ key: String, what: String, id: String?) -> String? {
        guard let v = f.value(key) else { return nil }
        guard case let .scalar(s) = v else {
            report(v, id: id, "'\(key)' of \(what) must be text, found \(kindName(v))",
                   valid: "write a single value, e.g. '\(key): some text'")
            return nil
        }
        if key == "id" || key == "from" || key == "to" || key == "type", s.string.trimmingCharacters(in: .whitespaces).isEmpty {
            report(v, id: id, "'\(key)' of \(what) is empty", valid: "ids are non-empty text")
            return nil
        }
        return s.string
    }

    /// A `#RRGGBB` colour field, or nil (reported when malformed).
    mutating func colour(_ f: Fields, what: String, id: String) -> String? {
        guard let c = text(f, "color", what: what, id: id) else { return nil }
        let hex = c.dropFirst()
        guard c.first == "#", hex.count == 6, hex.allSatisfy(\.isHexDigit) else {
            report(f.value("color"), id: id, "\(what) has colour '\(c)', which is not '#RRGGBB'",
                   valid: "a colour is '#' and six hex digits, e.g. '#0072B2' (quote it in YAML: \"#0072B2\")")
            return nil
        }
        return c
    }

    /// A numeric scalar (YAML int or float, including `.nan` and `.inf`), or nil for anything else
    /// (quoted text, booleans, mappings...).
    func number(_ node: Node) -> Double? {
        guard case let .scalar(s) = node, node.hasTag(.int) || node.hasTag(.float) else { return nil }
        if node.hasTag(.int), let i = node.int { return Double(i) }
        return Double.construct(from: s)
    }

    /// The list under `key`, or nil when absent (empty list for `relations`) or not a sequence.
    mutating func items(_ f: Fields, _ key: String, what: String) -> [Node]? {
        guard let v = f.value(key) else { return key == "relations" ? [] : nil }
        guard case let .sequence(s) = v else {
            report(v, id: nil, "'\(key)' must be a sequence of \(what), found \(kindName(v))",
                   valid: "write each item on its own line starting with '- ', or as a JSON array")
            return nil
        }
        return Array(s)
    }

    /// Reports every id after its first occurrence.
    mutating func checkUnique(_ ids: [(String, Node)], kind: String) {
        var first: [String: Node] = [:]
        for (id, node) in ids {
            if let earlier = first[id] {
                report(node, id: id, "duplicate \(kind) id '\(id)'",
                       valid: "\(kind) ids must be unique; '\(id)' is first declared at line \(earlier.mark?.line ?? 0)")
            } else {
                first[id] = node
            }
        }
    }

    func scalarText(_ node: Node) -> String {
        if case let .scalar(s) = node { return s.string.isEmpty ? "''" : s.string }
        return kindName(node)
    }

    func describe(_ node: Node) -> String {
        if case let .scalar(s) = node { return "'\(s.string)'" }
        return kindName(node)
    }

    func kindName(_ node: Node) -> String {
        switch node {
        case let .scalar(s): return node.hasTag(.null) ? "an empty value" : "the value '\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        }
    }
}
