import Foundation
import Yams

/// Loads ``GapRules`` from a YAML (or JSON) rules file; the format is `Datasets/RULES.md`.
///
/// Reads through the shared ``YAMLReader`` (YAML parsing, positions and typed accessors), so
/// a rules file gets the same kind of errors as a model file: every problem at once, each
/// with file, line, column and what would be valid. The rules are also checked against the
/// model they will be applied to: actor ids, actor types, relation types and helix spheres
/// must exist in it (with the closest known names as hints).
public enum RulesLoader {
    /// Loads and validates a rules file against `model`.
    ///
    /// - Parameters:
    ///   - url: a `.yaml`, `.yml` or `.json` file. Issues name it by `url.relativePath`.
    ///   - model: the model the rules will be checked on.
    /// - Returns: the rules, in file order.
    /// - Throws: ``ModelError`` with every issue found.
    /// - Complexity: linear in the file, plus hints for unknown names.
    public static func load(contentsOf url: URL, for model: EcosystemModel) throws(ModelError) -> GapRules {
        let file = url.relativePath
        let text = try ModelLoader.readText(url, file: file)
        return try load(yaml: text, file: file, for: model)
    }

    /// Loads and validates rules from YAML (or JSON) text; see ``load(contentsOf:for:)``.
    public static func load(yaml text: String, file: String, for model: EcosystemModel) throws(ModelError) -> GapRules {
        let root: Node?
        do {
            root = try YAMLReader.compose(text, file: file)
        } catch {
            throw ModelError(issues: [error.issue])
        }
        guard let root else { return GapRules() }
        var reader = RulesReader(file: file, model: model)
        let rules = reader.read(root)
        guard reader.yaml.issues.isEmpty else { throw ModelError(issues: reader.yaml.issues) }
        return rules
    }
}

/// Reads rules from a composed YAML tree through the shared ``YAMLReader``.
private struct RulesReader {
    static let topKeys = ["description", "municipality", "composition", "expected_ties", "peripheral"]
    static let compositionKeys = ["type", "min", "max", "why"]
    static let tieKeys = ["id", "description", "kind", "subjects", "partners", "relation_types", "direction",
                          "at_least", "grouping", "among", "source", "severity"]
    static let selectorKeys = ["ids", "type", "helix", "place"]
    static let peripheralKeys = ["max_core", "max_reach_share"]

    var yaml: YAMLReader
    let model: EcosystemModel

    init(file: String, model: EcosystemModel) {
        yaml = YAMLReader(file: file)
        self.model = model
    }

    mutating func read(_ root: Node) -> GapRules {
        var rules = GapRules()
        guard let top = yaml.fields(root, what: "the rules", id: nil, allowed: Self.topKeys, required: [],
                                    expected: "a mapping with keys \(Suggestions.quoted(Self.topKeys))") else { return rules }
        if let ids = yaml.strings(top, "municipality", what: "the rules", id: nil) {
            rules.municipality = ids
            checkActors(ids, node: top.value("municipality"), id: nil)
        }
        for item in yaml.items(top, "composition", what: "composition rules") ?? [] {
            if let rule = readComposition(item) { rules.composition.append(rule) }
        }
        var seen: [String: Int] = [:]
        for (position, item) in (yaml.items(top, "expected_ties", what: "expected ties") ?? []).enumerated() {
            guard let rule = readTieRule(item, position: position + 1) else { continue }
            if let line = seen[rule.id] {
                yaml.report(item, id: rule.id, "duplicate rule id '\(rule.id)'",
                            valid: "rule ids must be unique; '\(rule.id)' is first used at line \(line)")
            }
            seen[rule.id] = seen[rule.id] ?? item.mark?.line ?? 0
            rules.expectedTies.append(rule)
        }
        if let node = top.value("peripheral"),
           let f = yaml.fields(node, what: "'peripheral'", id: nil, allowed: Self.peripheralKeys, required: [],
                               expected: "a mapping such as '{max_core: 1, max_reach_share: 0.25}'") {
            if let v = f.value("max_core") { rules.peripheral.maxCore = integer(v, key: "max_core", id: nil) ?? 1 }
            if let v = f.value("max_reach_share") {
                if let x = yaml.number(v), x >= 0, x <= 1 { rules.peripheral.maxReachShare = x } else {
                    yaml.report(v, id: nil, "'max_reach_share' is \(yaml.describe(v))", valid: "a share from 0 to 1, e.g. 0.25")
                }
            }
        }
        return rules
    }

    mutating func readComposition(_ node: Node) -> CompositionRule? {
        guard let f = yaml.fields(node, what: "a composition rule", id: nil, allowed: Self.compositionKeys, required: ["type"],
                                  expected: "a mapping such as '{type: knowledge, min: 1, why: \"Quadruple Helix\"}'"),
              let type = yaml.text(f, "type", what: "a composition rule", id: nil) else { return nil }
        checkActorTypes([type], node: f.value("type"), id: type)
        var rule = CompositionRule(type: type, why: yaml.text(f, "why", what: "a composition rule", id: type) ?? "")
        if let v = f.value("min") { rule.min = integer(v, key: "min", id: type) ?? 1 }
        if let v = f.value("max") { rule.max = integer(v, key: "max", id: type) }
        if let max = rule.max, max < rule.min {
            yaml.report(f.value("max"), id: type, "composition rule for '\(type)' has max \(max) below min \(rule.min)",
                        valid: "max must be at least min")
        }
        return rule
    }

    mutating func readTieRule(_ node: Node, position: Int) -> TieRule? {
        let fallback = "rule\(position)"
        guard let f = yaml.fields(node, what: "expected tie \(position)", id: nil, allowed: Self.tieKeys, required: [],
                                  expected: "a mapping such as '{id: startup_support, subjects: {type: industry}, partners: {type: intermediary}}'")
        else { return nil }
        let id = yaml.text(f, "id", what: "expected tie \(position)", id: nil) ?? fallback
        let what = "rule '\(id)'"
        var rule = TieRule(id: id)
        rule.description = yaml.text(f, "description", what: what, id: id) ?? ""
        rule.source = yaml.text(f, "source", what: what, id: id) ?? ""
        if let k = yaml.text(f, "kind", what: what, id: id) {
            if let kind = TieRule.Kind(rawValue: k) { rule.kind = kind } else {
                yaml.report(f.value("kind"), id: id, "\(what) has unknown kind '\(k)'",
                            valid: "kind is one of \(Suggestions.quoted(TieRule.Kind.allCases.map(\.rawValue)))")
            }
        }
        if let d = yaml.text(f, "direction", what: what, id: id) {
            if let direction = TieDirection(rawValue: d) { rule.direction = direction } else {
                yaml.report(f.value("direction"), id: id, "\(what) has unknown direction '\(d)'",
                            valid: "direction is one of \(Suggestions.quoted(TieDirection.allCases.map(\.rawValue)))")
            }
        }
        if let g = yaml.text(f, "grouping", what: what, id: id) {
            if let grouping = ActorGrouping(rawValue: g) { rule.grouping = grouping } else {
                yaml.report(f.value("grouping"), id: id, "\(what) has unknown grouping '\(g)'",
                            valid: "grouping is one of \(Suggestions.quoted(ActorGrouping.allCases.map(\.rawValue)))")
            }
        }
        if let s = yaml.text(f, "severity", what: what, id: id) {
            if ["high", "medium", "low"].contains(s) { rule.severity = s } else {
                yaml.report(f.value("severity"), id: id, "\(what) has unknown severity '\(s)'",
                            valid: "severity is one of 'high', 'medium', 'low'")
            }
        }
        if let v = f.value("at_least") { rule.atLeast = integer(v, key: "at_least", id: id) ?? 1 }
        if let types = yaml.strings(f, "relation_types", what: what, id: id) {
            rule.relationTypes = types
            let known = model.relationTypes.map(\.id)
            for type in types where !known.contains(type) {
                yaml.report(f.value("relation_types"), id: id, "\(what) names unknown relation type '\(type)'",
                            valid: "declared relation types: \(Suggestions.quoted(known))")
            }
        }
        if let among = yaml.strings(f, "among", what: what, id: id) {
            rule.among = among
            if rule.grouping == .type { checkActorTypes(among, node: f.value("among"), id: id) }
            if rule.grouping == .helix { checkHelices(among, node: f.value("among"), id: id) }
        }
        if let s = f.value("subjects") { rule.subjects = readSelector(s, what: "'subjects' of \(what)", id: id) }
        if let p = f.value("partners") { rule.partners = readSelector(p, what: "'partners' of \(what)", id: id) }
        if rule.kind != .groupsConnected && f.value("subjects") == nil {
            yaml.report(node, id: id, "\(what) is missing 'subjects'",
                        valid: "say which actors the rule is about, e.g. 'subjects: {type: project}'")
        }
        return rule
    }

    mutating func readSelector(_ node: Node, what: String, id: String) -> ActorSelector {
        guard let f = yaml.fields(node, what: what, id: id, allowed: Self.selectorKeys, required: [],
                                  expected: "a mapping such as '{type: intermediary, place: Zoetermeer}'") else { return ActorSelector() }
        var selector = ActorSelector()
        if let ids = yaml.strings(f, "ids", what: what, id: id) { selector.ids = ids; checkActors(ids, node: f.value("ids"), id: id) }
        if let types = yaml.strings(f, "type", what: what, id: id) {
            selector.types = types; checkActorTypes(types, node: f.value("type"), id: id)
        }
        if let helices = yaml.strings(f, "helix", what: what, id: id) {
            selector.helices = helices; checkHelices(helices, node: f.value("helix"), id: id)
        }
        if let places = yaml.strings(f, "place", what: what, id: id) { selector.places = places }
        return selector
    }

    // MARK: Values

    mutating func integer(_ node: Node, key: String, id: String?) -> Int? {
        if let x = yaml.number(node), x >= 0, x == x.rounded(), x < 1e9 { return Int(x) }
        let tooLarge = yaml.number(node).map { $0 >= 1e9 } ?? false
        yaml.report(node, id: id, "'\(key)' is \(yaml.describe(node))\(tooLarge ? ", more than the limit of 999999999" : "")",
                    valid: "a whole number from 0 to 999999999")
        return nil
    }

    // MARK: Checks against the model

    mutating func checkActors(_ ids: [String], node: Node?, id: String?) {
        let known = model.actors.map(\.id)
        for actor in ids where !known.contains(actor) {
            yaml.report(node, id: id ?? actor, "unknown actor '\(actor)'",
                        valid: "known actors include \(Suggestions.quoted(Suggestions.closest(to: actor, in: known)))")
        }
    }

    mutating func checkActorTypes(_ types: [String], node: Node?, id: String?) {
        let known = model.actorTypes.map(\.id)
        for type in types where !known.contains(type) {
            yaml.report(node, id: id ?? type, "unknown actor type '\(type)'",
                        valid: "declared actor types: \(Suggestions.quoted(known))")
        }
    }

    mutating func checkHelices(_ helices: [String], node: Node?, id: String?) {
        for helix in helices where !helixSpheres.contains(helix) {
            yaml.report(node, id: id ?? helix, "unknown helix sphere '\(helix)'",
                        valid: "helix is one of \(Suggestions.quoted(helixSpheres))")
        }
    }
}
