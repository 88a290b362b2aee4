import Ecosystem

/// Findings of one shape folded into one finding that lists its members, so that a model with
/// many actor types is not drowned in one line per pair of types.
///
/// Two shapes fold: pairs of groups with no direct tie of one grouping (``FindingKind/brokerage``,
/// check `no_direct_tie`, e.g. every pair of actor types), and the violations of one rule of the
/// rules file (``FindingKind/missingTie``, checks `every` and `groups_connected`, one finding
/// per rule). Every other finding is left as it is.
///
/// A folded finding keeps its members (``Finding/members``) with their own keys, sentences and
/// evidence; its ``Finding/memberKeys`` are those keys, so what appears or disappears between
/// two networks can still be said member by member.
public enum FindingFolding {
    /// The key shared by the findings that fold with the one keyed `key`, or `nil` when it does
    /// not fold: kind, check and rule of `key`, and for pairs of groups the grouping alone
    /// (`groups == ["type"]`).
    /// - Parameter key: a finding's key.
    /// - Returns: the shape's key, or `nil`.
    /// - Complexity: `O(1)` (the first group's length).
    public static func shape(of key: FindingKey) -> FindingKey? {
        switch (key.kind, key.check) {
        case (.brokerage, "no_direct_tie"):
            let grouping = key.groups.first.map { String($0.prefix { $0 != " " }) } ?? ""
            return FindingKey(kind: key.kind, check: key.check, groups: [grouping])
        case (.missingTie, "every"), (.missingTie, "groups_connected"):
            return FindingKey(kind: key.kind, check: key.check, rule: key.rule)
        default:
            return nil
        }
    }
}

extension GapReport {
    /// The findings with those of one shape (``FindingFolding/shape(of:)``) folded into one, when
    /// at least `minimumMembers` share it.
    ///
    /// A folded finding takes the place of its first member; its severity is the most serious
    /// of its members', its actors and relations the members' (first appearance order), its key
    /// ``FindingFolding/shape(of:)``, its evidence the member count (`folded_findings`) and
    /// its sentence lists the members in words (at most ``foldedListLimit``, then "and k more").
    /// ``findings`` itself is never folded.
    /// - Parameter minimumMembers: how many findings of a shape fold (default 2; at least 2).
    /// - Returns: the findings in report order, folded.
    /// - Complexity: `O(f · a)` for `f` findings of at most `a` actors each.
    public func foldedFindings(minimumMembers: Int = 2) -> [Finding] {
        var byShape: [FindingKey: [Int]] = [:]
        for (i, f) in findings.enumerated() {
            if let shape = FindingFolding.shape(of: f.key) { byShape[shape, default: []].append(i) }
        }
        var out: [Finding] = []
        var done = Set<FindingKey>()
        for f in findings {
            guard let shape = FindingFolding.shape(of: f.key), let group = byShape[shape], group.count >= max(2, minimumMembers) else {
                out.append(f); continue
            }
            guard done.insert(shape).inserted else { continue }
            out.append(fold(group.map { findings[$0] }, shape: shape))
        }
        return out
    }

    /// Members listed by name in a folded finding's sentence (the rest as "and k more").
    public static let foldedListLimit = 6

    func fold(_ members: [Finding], shape: FindingKey) -> Finding {
        var actors: [String] = [], seenActors = Set<String>()
        var relations: [String] = [], seenRelations = Set<String>()
        for m in members {
            for a in m.actors where seenActors.insert(a).inserted { actors.append(a) }
            for r in m.relations where seenRelations.insert(r).inserted { relations.append(r) }
        }
        let limit = Self.foldedListLimit, more = max(0, members.count - limit)
        let sentence: String
        var evidence = [Evidence("folded_findings", Double(members.count), of: shape.rule ?? shape.groups.first ?? shape.check)]
        switch shape.check {
        case "no_direct_tie":
            let grouping = ActorGrouping(rawValue: shape.groups.first ?? "") ?? .type
            let pairs = members.map { m in m.key.groups.map { groupLabel(grouping, $0) }.joined(separator: " – ") }
            sentence = "No direct tie joins \(members.count) pairs of \(Self.plural(grouping)): "
                + EnglishList.joined(Array(pairs.prefix(limit)), more: more) + "."
        case "groups_connected":
            let rule = rules.expectedTies.first { $0.id == shape.rule }
            let grouping = rule?.grouping ?? .type
            let pairs = members.map { m in m.key.groups.map { groupLabel(grouping, $0) }.joined(separator: " and ") }
            sentence = "Rule \"\(Self.ruleText(rule, shape.rule))\"\(Self.source(rule)): no tie joins \(members.count) pairs — "
                + EnglishList.joined(Array(pairs.prefix(limit)), more: more) + "."
        default:
            let rule = rules.expectedTies.first { $0.id == shape.rule }
            let names = members.compactMap(\.actors.first).map(name(_:))
            let none = members.allSatisfy { m in m.evidence.first { $0.measure == "ties_found" }?.value == 0 }
            sentence = "\(members.count) actors break the rule \"\(Self.ruleText(rule, shape.rule))\"\(Self.source(rule)): "
                + EnglishList.joined(Array(names.prefix(limit)), more: more)
                + (none ? " (none of them has such a tie)." : ".")
            if let expected = members.first?.evidence.first(where: { $0.measure == "ties_expected" }) { evidence.append(expected) }
        }
        return Finding(
            kind: shape.kind, severity: members.map(\.severity).min() ?? .low, actors: actors, relations: relations,
            evidence: evidence, sentence: sentence, rule: shape.rule, key: shape, members: members)
    }

    /// A group (`grouping value`, as in ``FindingKey/groups``) in words: `value` as
    /// ``ActorAttribute/label(of:in:)`` words it.
    func groupLabel(_ grouping: ActorGrouping, _ group: String) -> String {
        let value = group.hasPrefix(grouping.rawValue + " ") ? String(group.dropFirst(grouping.rawValue.count + 1)) : group
        return grouping.attribute.label(of: value, in: model)
    }

    static func plural(_ grouping: ActorGrouping) -> String {
        switch grouping {
        case .type: return "actor types"
        case .place: return "places"
        case .helix: return "helix spheres"
        }
    }
    static func ruleText(_ rule: TieRule?, _ id: String?) -> String {
        guard let rule else { return id ?? "" }
        return rule.description.isEmpty ? rule.id : rule.description
    }
    static func source(_ rule: TieRule?) -> String {
        guard let rule, !rule.source.isEmpty else { return "" }
        return " (\(rule.source))"
    }
}
