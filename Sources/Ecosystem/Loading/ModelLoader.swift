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
/// - relations naming an unknown actor (listing the closest known ids);
/// - weights that are not positive finite numbers (0, negative, `.nan`, `.inf`, text);
/// - a `language` that is not a BCP 47 language tag (``LanguageTag``);
/// - confidence outside `0...1`; colours not `#RRGGBB` or `#RRGGBBAA`; unknown Graphviz shapes, line styles or
///   helix spheres;
/// - dates (`since`, `until`, `observed`) that are not ``PartialDate``s, an `until` before its
///   `since`, a relation dated outside the life of one of its actors
///   (``EcosystemModel/dateProblems``), each at the date at fault.
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
        let root = try YAMLReader.document(text, file: file, what: "model", keys: ModelKeys.top)
        var reader = YAMLReader(file: file)
        let model = reader.readModel(root, defaultName: modelName(forFile: file))
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
            throw ModelError(issues: [invalidUTF8Issue(data, file: file)])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}


extension ModelLoader {
    /// The issue for `data` that is not UTF-8: at the line and column (in characters) of the
    /// first bad byte, with its byte offset and value.
    /// - Complexity: `O(offset of the bad byte)`.
    public static func invalidUTF8Issue(_ data: Data, file: String) -> ModelIssue {
        let bad = SafeXML.firstInvalidUTF8(data) ?? data.count
        let before = String(decoding: data[data.startIndex..<(data.startIndex + bad)], as: UTF8.self)
        var line = 1, column = 1
        for ch in before {
            if ch == "\n" || ch == "\r\n" || ch == "\r" { line += 1; column = 1 } else { column += 1 }
        }
        let byte = bad < data.count ? String(format: " (0x%02X)", data[data.startIndex + bad]) : ""
        return ModelIssue(file: file, line: line, column: column,
                          message: "the file is not valid UTF-8 text: byte \(bad)\(byte) (counting from 0) is not part of a UTF-8 character",
                          valid: "save the file as UTF-8")
    }
}

/// Quadruple Helix spheres plus intermediaries (empty = not stated).
let helixSpheres = ["government", "industry", "knowledge", "civil_society", "intermediary"]

/// The keys of a model file and of its entities (`Datasets/SCHEMA.md`).
enum ModelKeys {
    static let top = ["name", "title", "description", "language", "observed", "actor_types", "relation_types", "actors", "relations"]
    static let topRequired = ["actor_types", "relation_types", "actors"]
    static let actorType = ["id", "label", "color", "shape", "helix"]
    static let relationType = ["id", "label", "color", "style", "directed"]
    static let actor = ["id", "name", "type", "place", "since", "until", "attributes"]
    static let relation = ["id", "from", "to", "type", "weight", "source", "assumed", "confidence", "since", "until", "attributes"]
}

// MARK: - Reading a model from the YAML tree

/// Reading a model and its entities with the shared reader's accessors, collecting issues.
/// ``ScenarioLoader`` reads the actors and relations a scenario adds with the same methods, so
/// they are validated exactly as in models.
extension YAMLReader {
    // MARK: Model

    mutating func readModel(_ root: Node, defaultName: String) -> EcosystemModel? {
        // Missing top-level keys are reported, and reading goes on so that every issue shows.
        guard let top = fields(root, what: "the model", id: nil, allowed: ModelKeys.top, required: ModelKeys.topRequired,
                               expected: "a mapping with keys \(Suggestions.quoted(ModelKeys.top))", partial: true)
        else { return nil }
        let name = text(top, "name", what: "the model", id: nil) ?? defaultName
        let title = text(top, "title", what: "the model", id: nil) ?? ""
        let description = text(top, "description", what: "the model", id: nil) ?? ""
        var language = LanguageTag.defaultTag
        if let tag = text(top, "language", what: "the model", id: nil) {
            if LanguageTag.isValid(tag) { language = tag } else {
                report(top.value("language"), id: nil, "the model has language '\(tag)', which is not a language tag",
                       valid: LanguageTag.rule)
            }
        }
        let observed = date(top, "observed", what: "the model", id: nil)

        let typeItems = items(top, "actor_types", what: "actor types")
        let actorTypes = typeItems.map { $0.compactMap { readActorType($0) } }
        let relTypeItems = items(top, "relation_types", what: "relation types")
        let relationTypes = relTypeItems.map { $0.compactMap { readRelationType($0) } }
        checkUnique((actorTypes ?? []).map { ($0.0.id, $0.1) }, kind: "actor type")
        checkUnique((relationTypes ?? []).map { ($0.0.id, $0.1) }, kind: "relation type")

        let actorItems = items(top, "actors", what: "actors")
        let actors = actorItems.map { $0.compactMap { readActor($0, types: actorTypes?.map(\.0.id)) } }
        checkUnique((actors ?? []).map { ($0.0.id, $0.1) }, kind: "actor")
        if let actorItems, actorItems.count > InputLimits.maxActors {
            let problem = InputLimits.tooManyActors(actorItems.count)
            report(actorItems[InputLimits.maxActors], id: nil, problem.message, valid: problem.valid)
        }
        // `LUMC` and `lumc ` are one organisation written two ways, not two actors.
        var folded: [String: String] = [:]
        for (actor, node) in actors ?? [] {
            let key = actor.id.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if let other = folded[key] {
                if other != actor.id {
                    report(node, id: actor.id, "actor '\(actor.id)' differs from actor '\(other)' only in letter case or spaces",
                           valid: "did you mean '\(other)'? Write one id the same way everywhere")
                }
            } else { folded[key] = actor.id }
        }

        var relations: [(Relation, Node)] = []
        var relationNodes: [Node] = []
        if let relationItems = items(top, "relations", what: "relations") {
            let actorIDs = actors?.map(\.0.id)
            let actorSet = actorIDs.map(Set.init)
            for (position, item) in relationItems.enumerated() {
                if let r = readRelation(item, position: position + 1, actorIDs: actorIDs, actorSet: actorSet,
                                        types: relationTypes?.map(\.0.id)) {
                    relations.append(r)
                    relationNodes.append(item)
                }
            }
        }
        checkUnique(relations.map { ($0.0.id, $0.1) }, kind: "relation")

        guard var actorTypes, let relationTypes, let actors else { return nil }
        // A type without a colour gets the house palette's colour for its position (and a
        // theme's palette, when one is used).
        // Without a shape either, the shape goes by position too (k mod 9), so that no two
        // such types look alike past eight; a type with a colour and no shape is an ellipse.
        for k in actorTypes.indices {
            if actorTypes[k].0.color.isEmpty {
                actorTypes[k].0.color = ModelBuilder.autoPalette[k % ModelBuilder.autoPalette.count]
                actorTypes[k].0.automaticColor = true
                if actorTypes[k].0.shape.isEmpty { actorTypes[k].0.shape = ModelBuilder.autoShapes[k % ModelBuilder.autoShapes.count] }
            }
            if actorTypes[k].0.shape.isEmpty { actorTypes[k].0.shape = "ellipse" }
        }
        var model = EcosystemModel(
            name: name, title: title, description: description,
            actorTypes: actorTypes.map(\.0), relationTypes: relationTypes.map(\.0),
            actors: actors.map(\.0), relations: relations.map(\.0), language: language)
        model.observed = observed
        // Dates that contradict each other, at the date at fault (the entity's id otherwise).
        for p in model.dateProblems {
            let (node, id) = p.isActor ? (actors[p.index].1, model.actors[p.index].id) : (relations[p.index].1, model.relations[p.index].id)
            let entity: Node? = p.isActor ? actorItems?.first { peekID($0) == id } : relationNodes[p.index]
            let at = entity.flatMap { e -> Node? in
                guard case let .mapping(m) = e else { return nil }
                return m.first { if case let .scalar(k) = $0.key { return k.string == p.key }; return false }?.value
            }
            report(at ?? node, id: id, p.message, valid: p.valid)
        }
        return model
    }

    /// A date field (`since`, `until`, `observed`) by ``PartialDate``, or nil (reported when
    /// it is not such a date). A year may be written as a number (`since: 2017`).
    mutating func date(_ f: YAMLFields, _ key: String, what: String, id: String?) -> PartialDate? {
        guard let v = f.value(key), !v.hasTag(.null) else { return nil }
        guard case let .scalar(s) = v, let d = PartialDate(s.string) else {
            report(v, id: id, "\(what) has '\(key): \(scalarText(v))', which is not a date", valid: PartialDate.rule)
            return nil
        }
        return d
    }

    // MARK: Entities

    /// Returns the type and the node where its id is written.
    mutating func readActorType(_ node: Node) -> (ActorType, Node)? {
        let id = peekID(node)
        let what = id.map { "actor type '\($0)'" } ?? "an actor type"
        guard let f = fields(node, what: what, id: id, allowed: ModelKeys.actorType, required: ["id"],
                             expected: "a mapping such as '{id: government, label: Government, color: \"#0072B2\", shape: box}'"),
              let id = text(f, "id", what: what, id: nil) else { return nil }
        let label = text(f, "label", what: what, id: id) ?? id
        let color = colour(f, what: what, id: id) ?? ""  // filled by position in readModel
        var shape = ""  // filled by position in readModel when absent
        if let s = text(f, "shape", what: what, id: id) {
            if DrawingVocabulary.isNodeShape(s) { shape = s } else {
                report(f.value("shape"), id: id, "\(what) has unknown shape '\(s)'",
                       valid: "Graphviz shapes include \(Suggestions.quoted(Suggestions.closest(to: s, in: DrawingVocabulary.nodeShapes, limit: 5))), ...")
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
        guard let f = fields(node, what: what, id: id, allowed: ModelKeys.relationType, required: ["id", "directed"],
                             expected: "a mapping such as '{id: funds, label: funds, directed: true}'"),
              let id = text(f, "id", what: what, id: nil) else { return nil }
        let label = text(f, "label", what: what, id: id) ?? id
        let color = colour(f, what: what, id: id) ?? "#000000"
        var style = "solid"
        if let s = text(f, "style", what: what, id: id) {
            if DrawingVocabulary.isLineStyle(s) { style = s } else {
                report(f.value("style"), id: id, "\(what) has unknown style '\(s)'",
                       valid: "style is one of \(Suggestions.quoted(DrawingVocabulary.lineStyles))")
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
        guard let f = fields(node, what: what, id: id, allowed: ModelKeys.actor, required: ["id", "type"],
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
        let attributes = readAttributes(f, what: what, id: id)
        let since = date(f, "since", what: what, id: id), until = date(f, "until", what: what, id: id)
        return (Actor(id: id, name: name, type: type, place: place, attributes: attributes, since: since, until: until), f.value("id") ?? node)
    }

    /// The free `attributes` mapping of an actor or relation (text values), reporting keys
    /// and values that are not scalars.
    mutating func readAttributes(_ f: YAMLFields, what: String, id: String) -> [(key: String, value: String)] {
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
                    if let problem = InputLimits.textProblem(ks.string, key: "attribute name") ?? InputLimits.textProblem(vs.string, key: "attributes.\(ks.string.prefix(40))") {
                        report(problem.message.hasPrefix("'attribute name'") ? k : v, id: id, "\(problem.message) in \(what)", valid: problem.valid)
                        continue
                    }
                    attributes.append((key: ks.string, value: v.hasTag(.null) ? "" : vs.string))
                }
            } else {
                report(a, id: id, "'attributes' of \(what) must be a mapping, found \(kindName(a))",
                       valid: "write attributes as 'key: value' pairs, e.g. 'attributes: {founded: \"2005\"}'")
            }
        }
        return attributes
    }

    mutating func readRelation(
        _ node: Node, position: Int, actorIDs: [String]?, actorSet: Set<String>?, types: [String]?,
        defaultID: String? = nil
    ) -> (Relation, Node)? {
        let explicitID = peekID(node)
        let id = explicitID ?? defaultID ?? "r\(position)"
        let what = "relation '\(id)'"
        guard let f = fields(node, what: what, id: id, allowed: ModelKeys.relation, required: ["from", "to", "type"],
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
        // A tie of an actor to itself (a self-loop) is kept: files from other tools contain
        // them, and an export must give them back. The measures leave loops out, each as its
        // doc comment says (``EcosystemModel/selfLoops``).
        let type = text(f, "type", what: what, id: finalID) ?? ""
        if let types, !type.isEmpty, !types.contains(type) {
            report(f.value("type"), id: finalID, "\(what) has unknown relation type '\(type)'",
                   valid: types.isEmpty ? "no relation types are declared in 'relation_types'"
                       : "declared relation types: \(Suggestions.quoted(types))")
        }
        var weight = 1.0
        if let w = f.value("weight") {
            switch number(w) {
            case let .some(x) where InputLimits.weightProblem(x) == nil: weight = x
            case let .some(x):
                report(w, id: finalID, "\(what) has weight \(scalarText(w))\(x.isNaN ? " (not a number)" : x.isFinite ? InputLimits.rangeNote(x) : " (infinite)")",
                       valid: InputLimits.weightRule)
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
        let attributes = readAttributes(f, what: what, id: finalID)
        let since = date(f, "since", what: what, id: finalID), until = date(f, "until", what: what, id: finalID)
        return (Relation(id: finalID, from: ends.first ?? "", to: ends.count == 2 ? ends[1] : "", type: type,
                         weight: weight, source: source, assumed: assumed, confidence: confidence,
                         attributes: attributes, since: since, until: until),
                f.value("id") ?? node)
    }

    // MARK: Values

    /// A colour field by ``DrawingVocabulary/colourRule`` (`#RRGGBB` or `#RRGGBBAA`), as
    /// written, or nil (reported when malformed).
    mutating func colour(_ f: YAMLFields, what: String, id: String) -> String? {
        guard let c = text(f, "color", what: what, id: id) else { return nil }
        guard DrawingVocabulary.isColour(c) else {
            report(f.value("color"), id: id, "\(what) has colour '\(c)', which is not \(DrawingVocabulary.colourRule)",
                   valid: "a colour is '#' and six hex digits, or eight with opacity, e.g. '#0072B2' (quote it in YAML: \"#0072B2\")")
            return nil
        }
        return c
    }
}
