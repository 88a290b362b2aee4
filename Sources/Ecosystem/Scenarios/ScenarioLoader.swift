import Foundation
import Yams

/// Loads ``Scenario`` files (YAML, or the same structure as JSON; format in
/// `Datasets/SCENARIOS.md`) and follows `extends` to the scenarios they build on.
///
/// Parsing uses the shared ``YAMLReader``, as models do: the same kinds of issues
/// (unknown keys with the likely one meant, wrong kinds of values, missing keys, malformed YAML),
/// each naming file, line, column and id, all collected before ``ModelError`` is thrown. Actors
/// and relations added by a scenario are read by the very code that reads them in models, so
/// their fields are validated the same way. What can only be checked against a model (does
/// the actor exist, is the type declared) is checked by ``ScenarioChain/apply(to:)``, with the
/// position of the change.
public enum ScenarioLoader {
    static let topKeys = ["name", "title", "description", "source", "base", "extends", "changes"]

    /// Loads one scenario file (without following `extends`).
    ///
    /// - Parameter url: a `.yaml`, `.yml` or `.json` file URL; issues name it by `url.relativePath`.
    /// - Returns: the scenario, changes in file order.
    /// - Throws: ``ModelError`` with every issue found.
    /// - Complexity: linear in the size of the file.
    public static func load(contentsOf url: URL) throws(ModelError) -> Scenario {
        let file = url.relativePath
        let ext = url.pathExtension.lowercased()
        guard ModelLoader.modelExtensions.contains(ext) else {
            throw ModelError(issues: [ModelIssue(
                file: file, line: 0, column: 0,
                message: ext.isEmpty ? "scenario file has no extension" : "unknown scenario file extension '.\(ext)'",
                valid: "scenario files end in .yaml, .yml or .json")])
        }
        return try load(yaml: try ModelLoader.readText(url, file: file), file: file)
    }

    /// Loads a scenario from YAML (or JSON) text.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name used in issues and, unless the file sets `name`, for the scenario name
    ///     (the base name without extension).
    /// - Returns: the scenario.
    /// - Throws: ``ModelError`` with every issue found.
    /// - Complexity: linear in the size of the text.
    public static func load(yaml text: String, file: String) throws(ModelError) -> Scenario {
        let root = try YAMLReader.document(text, file: file, what: "scenario", keys: topKeys)
        var reader = ScenarioReader(file: file)
        let scenario = reader.read(root, defaultName: ModelLoader.modelName(forFile: file))
        guard reader.issues.isEmpty, let scenario else { throw ModelError(issues: reader.issues) }
        return scenario
    }

    /// Loads a scenario and, through `extends`, every scenario it builds on.
    ///
    /// - Parameter url: the scenario file.
    /// - Returns: the chain, the scenario the others build on first and the one asked for last.
    /// - Throws: ``ModelError`` for any issue in any file of the chain, and for a cycle
    ///   (`a.yaml` extends `b.yaml` extends `a.yaml`): the issue points at the `extends` that
    ///   closes the cycle and names every file on it.
    /// - Complexity: linear in the total size of the files.
    public static func loadChain(contentsOf url: URL) throws(ModelError) -> ScenarioChain {
        var chain: [Scenario] = []
        var visited: [String] = []  // canonical paths, in the order followed
        var current = url
        while true {
            let canonical = current.standardizedFileURL.resolvingSymlinksInPath().path
            if let first = visited.firstIndex(of: canonical) {
                let loop = chain[first...].map(\.file) + [chain[first].file]
                let last = chain[chain.count - 1]
                let at = last.referencePosition
                throw ModelError(issues: [ModelIssue(
                    file: last.file, line: at?.line ?? 0, column: at?.column ?? 0, id: last.name,
                    message: "scenario '\(last.name)' extends '\(last.extends ?? "")', which leads back to it: a cycle \(loop.joined(separator: " → "))",
                    valid: "a scenario may build on another one, but the chain must end at a scenario with 'base' (or neither key)")])
            }
            visited.append(canonical)
            let scenario = try load(contentsOf: current)
            chain.append(scenario)
            guard let extends = scenario.extends else { break }
            let path = resolve(extends, from: scenario.file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                let at = scenario.referencePosition
                throw ModelError(issues: [ModelIssue(
                    file: scenario.file, line: at?.line ?? 0, column: at?.column ?? 0, id: scenario.name,
                    message: "scenario '\(scenario.name)' extends '\(extends)', but \(isDirectory.boolValue ? "\(path) is a folder" : "there is no file \(path)")",
                    valid: "'extends' is the path of another scenario file, relative to this file's folder")])
            }
            current = URL(fileURLWithPath: path)
        }
        return ScenarioChain(scenarios: chain.reversed())
    }

    /// `relative` (as written in `file`) resolved against `file`'s folder, `.` and `..`
    /// removed lexically; absolute paths are returned as they are.
    public static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return relative }
        var parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        let absolute = file.hasPrefix("/")
        for part in relative.split(separator: "/").map(String.init) {
            switch part {
            case ".", "": continue
            case "..":
                if let last = parts.last, last != "..", !(last.isEmpty && absolute && parts.count == 1) {
                    parts.removeLast()
                } else if !absolute {
                    parts.append("..")
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}

/// A scenario with the scenarios it builds on: apply them in order.
public struct ScenarioChain: Sendable, Equatable {
    /// The scenarios, the one the others build on first; the last is the one that was asked for.
    public let scenarios: [Scenario]

    /// A chain of `scenarios`, the one the others build on first.
    /// - Precondition: at least one scenario (an empty list traps; nothing is thrown).
    public init(scenarios: [Scenario]) {
        precondition(!scenarios.isEmpty, "a chain has at least one scenario")
        self.scenarios = scenarios
    }

    /// The scenario that was asked for (the last of the chain).
    public var scenario: Scenario { scenarios[scenarios.count - 1] }

    /// The base model's path, resolved against the folder of the scenario that names it (the
    /// first of the chain), or `nil` when no scenario names one.
    public var basePath: String? {
        guard let first = scenarios.first, let base = first.base else { return nil }
        return ScenarioLoader.resolve(base, from: first.file)
    }
}

// MARK: - Reading the YAML tree

/// Reads a scenario from a composed YAML tree with the shared ``YAMLReader`` (and its model
/// entity readers for added actors and relations).
struct ScenarioReader {
    var yaml: YAMLReader
    var issues: [ModelIssue] { yaml.issues }

    init(file: String) { yaml = YAMLReader(file: file) }

    var file: String { yaml.file }

    func position(_ node: Node?) -> SourcePosition { yaml.position(node) }

    mutating func read(_ root: Node, defaultName: String) -> Scenario? {
        guard let top = yaml.fields(
            root, what: "the scenario", id: nil, allowed: ScenarioLoader.topKeys, required: ["changes"],
            expected: "a mapping with keys \(Suggestions.quoted(ScenarioLoader.topKeys))", partial: true)
        else { return nil }
        let name = yaml.text(top, "name", what: "the scenario", id: nil) ?? defaultName
        let title = yaml.text(top, "title", what: "the scenario", id: name) ?? ""
        let description = yaml.text(top, "description", what: "the scenario", id: name) ?? ""
        var sources: [String] = []
        if let s = top.value("source") {
            switch s {
            case .scalar: sources = [yaml.text(top, "source", what: "the scenario", id: name) ?? ""]
            case let .sequence(items):
                for item in items {
                    if case let .scalar(x) = item { sources.append(x.string) } else {
                        yaml.report(item, id: name, "each source of the scenario must be text, found \(yaml.kindName(item))",
                                     valid: "write 'source: \"Bestuurlijke nota 2022, Aanbevelingen 1\"' or a list of such texts")
                    }
                }
            default:
                yaml.report(s, id: name, "'source' of the scenario must be text or a list of texts, found \(yaml.kindName(s))",
                             valid: "write 'source: \"Bestuurlijke nota 2022, Aanbevelingen 1\"'")
            }
        }
        let base = yaml.text(top, "base", what: "the scenario", id: name)
        let extends = yaml.text(top, "extends", what: "the scenario", id: name)
        if base != nil, extends != nil {
            yaml.report(top.value("extends"), id: name, "the scenario has both 'base' and 'extends'",
                         valid: "a scenario names its base model ('base') or the scenario it builds on ('extends'), which names the base")
        }
        let reference = top.value("extends") ?? top.value("base")
        var changes: [ScenarioChange] = []
        if let items = yaml.items(top, "changes", what: "changes") {
            var added = 0
            for item in items {
                if let change = readChange(item, scenario: name, addedRelations: &added) { changes.append(change) }
            }
        }
        guard top.value("changes") != nil else { return nil }
        return Scenario(
            name: name, title: title, description: description, sources: sources, file: file,
            base: base, extends: extends, referencePosition: reference.map { position($0) }, changes: changes)
    }

    static let changeExample = "a one-key mapping such as '- remove_actor: dip' or '- add_relation: {from: a, to: b, type: collaborates}'"

    mutating func readChange(_ node: Node, scenario: String, addedRelations: inout Int) -> ScenarioChange? {
        guard case let .mapping(m) = node, m.count == 1, let (keyNode, value) = m.first.map({ ($0.key, $0.value) }),
              case let .scalar(k) = keyNode
        else {
            yaml.report(node, id: nil, "a change must be a mapping with exactly one key (the kind of change), found \(describeChange(node))",
                         valid: "write \(Self.changeExample); kinds: \(Suggestions.quoted(ScenarioChange.keys))")
            return nil
        }
        let key = k.string
        let at = position(value)
        let what = "'\(key)'"
        switch key {
        case "add_actor":
            guard let (actor, _) = yaml.readActor(value, types: nil) else { return nil }
            return ScenarioChange(.addActor(actor), at: at)
        case "remove_actor":
            return id(value, what: "remove_actor", example: "remove_actor: dip").map { ScenarioChange(.removeActor($0), at: at) }
        case "add_relation":
            addedRelations += 1
            guard let (relation, _) = yaml.readRelation(
                value, position: addedRelations, actorIDs: nil, actorSet: nil, types: nil,
                defaultID: "\(scenario).r\(addedRelations)")
            else { return nil }
            return ScenarioChange(.addRelation(relation), at: at)
        case "remove_relation":
            return id(value, what: "remove_relation", example: "remove_relation: motie_2017").map { ScenarioChange(.removeRelation($0), at: at) }
        case "remove_relation_type":
            return id(value, what: "remove_relation_type", example: "remove_relation_type: consults")
                .map { ScenarioChange(.removeRelationType($0), at: at) }
        case "set_weight":
            guard let f = yaml.fields(value, what: what, id: nil, allowed: ["relation", "weight"], required: ["relation", "weight"],
                                       expected: "'set_weight: {relation: r7, weight: 3}'"),
                  let relation = yaml.text(f, "relation", what: what, id: nil), let w = f.value("weight") else { return nil }
            guard let x = yaml.number(w), InputLimits.weightProblem(x) == nil else {
                yaml.report(w, id: relation, "set_weight of relation '\(relation)' has weight \(yaml.describe(w))\(InputLimits.rangeNote(yaml.number(w)))",
                             valid: InputLimits.weightRule)
                return nil
            }
            return ScenarioChange(.setWeight(relation: relation, weight: x), at: at)
        case "set_type":
            guard let f = yaml.fields(value, what: what, id: nil, allowed: ["actor", "relation", "type"], required: ["type"],
                                       expected: "'set_type: {actor: dip, type: government}' or '{relation: r7, type: funds}'"),
                  let type = yaml.text(f, "type", what: what, id: nil) else { return nil }
            let actor = yaml.text(f, "actor", what: what, id: nil), relation = yaml.text(f, "relation", what: what, id: nil)
            switch (actor, relation) {
            case let (a?, nil): return ScenarioChange(.setActorType(actor: a, type: type), at: at)
            case let (nil, r?): return ScenarioChange(.setRelationType(relation: r, type: type), at: at)
            default:
                yaml.report(value, id: actor ?? relation, "set_type needs exactly one of 'actor' and 'relation'",
                             valid: "write 'set_type: {actor: dip, type: government}' or 'set_type: {relation: r7, type: funds}'")
                return nil
            }
        case "set_attribute":
            guard let f = yaml.fields(value, what: what, id: nil, allowed: ["actor", "key", "value"], required: ["actor", "key"],
                                       expected: "'set_attribute: {actor: dip, key: rol, value: \"...\"}'"),
                  let actor = yaml.text(f, "actor", what: what, id: nil),
                  let k = yaml.text(f, "key", what: what, id: actor) else { return nil }
            let v = yaml.text(f, "value", what: what, id: actor)
            if k == "id" || k == "type" {
                yaml.report(f.value("key"), id: actor, "set_attribute cannot change '\(k)'",
                             valid: k == "type" ? "use 'set_type: {actor: \(actor), type: ...}'" : "ids do not change; add a new actor and merge instead")
                return nil
            }
            if k == "name", v == nil {
                yaml.report(value, id: actor, "set_attribute of 'name' needs a value", valid: "write 'value: New name'")
                return nil
            }
            return ScenarioChange(.setAttribute(actor: actor, key: k, value: v), at: at)
        case "merge_actors":
            guard let f = yaml.fields(value, what: what, id: nil, allowed: ["keep", "absorb"], required: ["keep", "absorb"],
                                       expected: "'merge_actors: {keep: dip, absorb: yes_delft}'"),
                  let keep = yaml.text(f, "keep", what: what, id: nil),
                  let absorb = yaml.text(f, "absorb", what: what, id: keep) else { return nil }
            if keep == absorb {
                yaml.report(f.value("absorb"), id: keep, "merge_actors merges actor '\(keep)' with itself",
                             valid: "'keep' and 'absorb' name two different actors")
                return nil
            }
            return ScenarioChange(.mergeActors(keep: keep, absorb: absorb), at: at)
        case "remove_actors":
            guard let f = yaml.fields(value, what: what, id: nil, allowed: ["type", "place", "attributes"], required: [],
                                       expected: "'remove_actors: {type: project, place: Zoetermeer}'") else { return nil }
            var filter = ActorFilter(type: yaml.text(f, "type", what: what, id: nil), place: yaml.text(f, "place", what: what, id: nil))
            if let a = f.value("attributes") {
                if case let .mapping(pairs) = a {
                    for (kn, vn) in pairs {
                        guard case let .scalar(ks) = kn, case let .scalar(vs) = vn else {
                            yaml.report(kn, id: nil, "attribute conditions of remove_actors must be 'key: value' texts",
                                         valid: "write 'attributes: {rol: \"...\"}'")
                            continue
                        }
                        filter.attributes.append(.init(key: ks.string, value: vs.string))
                    }
                } else {
                    yaml.report(a, id: nil, "'attributes' of remove_actors must be a mapping, found \(yaml.kindName(a))",
                                 valid: "write 'attributes: {key: value}'")
                }
            }
            if filter.type == nil, filter.place == nil, filter.attributes.isEmpty {
                yaml.report(value, id: nil, "remove_actors has no condition, so it would remove every actor",
                             valid: "give at least one of 'type', 'place', 'attributes'")
                return nil
            }
            return ScenarioChange(.removeActors(filter), at: at)
        default:
            let hint = Suggestions.likelyMeant(key, in: ScenarioChange.keys).map { "did you mean '\($0)'? " } ?? ""
            yaml.report(keyNode, id: nil, "unknown change '\(key)'", valid: "\(hint)changes: \(Suggestions.quoted(ScenarioChange.keys))")
            return nil
        }
    }

    /// A single id written as the value of a change (`remove_actor: dip`).
    mutating func id(_ node: Node, what: String, example: String) -> String? {
        guard case let .scalar(s) = node, !s.string.trimmingCharacters(in: .whitespaces).isEmpty, !node.hasTag(.null) else {
            yaml.report(node, id: nil, "\(what) needs one id, found \(yaml.kindName(node))", valid: "write '\(example)'")
            return nil
        }
        return s.string
    }

    func describeChange(_ node: Node) -> String {
        if case let .mapping(m) = node {
            return m.isEmpty ? "an empty mapping" : "a mapping with keys \(Suggestions.quoted(m.keys.map { $0.string ?? "?" }))"
        }
        return yaml.kindName(node)
    }
}
