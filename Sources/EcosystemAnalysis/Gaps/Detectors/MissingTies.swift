import Ecosystem
import NetworkAnalysis

/// Missing expected ties (``FindingKind/missingTie``): violations of the rules file's
/// `expected_ties` (every, coordinator, groups connected).
extension GapContext {
    mutating func missingTies() {
        guard !rules.expectedTies.isEmpty else {
            skipped.append((.missingTie, "no expected ties: the check needs a rules file with 'expected_ties'"))
            return
        }
        for rule in rules.expectedTies {
            if rule.needsActorTypes && !typed {
                skipped.append((.missingTie, "rule '\(rule.id)' selects by actor type or helix: \(typeReason)"))
                continue
            }
            let severity = Severity(rawValue: rule.severity) ?? .medium
            let what = rule.description.isEmpty ? rule.id : rule.description
            let source = rule.source.isEmpty ? "" : " (\(rule.source))"
            switch rule.kind {
            case .every, .coordinator:
                let subjects = (0..<n).filter { rule.subjects.matches(model.actors[$0], in: model) }
                let partners = (0..<n).filter { rule.partners.matches(model.actors[$0], in: model) }
                if subjects.isEmpty {
                    add(Finding(
                        kind: .missingTie, severity: .low, evidence: [Evidence("subjects", 0, of: rule.id)],
                        sentence: "Rule \"\(what)\" applies to no actor: the model has no \(describe(rule.subjects)).", rule: rule.id,
                        key: key(.missingTie, "no_subjects", rule: rule.id)))
                    continue
                }
                let tied = tieTable(rule, subjects: subjects, partners: partners)
                if rule.kind == .every {
                    for s in subjects {
                        let found = tied[s]?.count ?? 0
                        guard found < rule.atLeast else { continue }
                        add(Finding(
                            kind: .missingTie, severity: severity, actors: [id(s)], evidence: [Evidence("ties_found", Double(found), of: id(s)), Evidence("ties_expected", Double(rule.atLeast), of: rule.id)],
                            sentence: "\(name(s)) breaks the rule \"\(what)\"\(source): "
                                + (found == 0 ? "it has no such tie to \(describe(rule.partners))." : "it has \(found) such tie\(found == 1 ? "" : "s"), \(rule.atLeast) expected."),
                            rule: rule.id,
                            key: key(.missingTie, "every", actors: [s], rule: rule.id)))
                        for p in top(partners.filter { $0 != s && !(tied[s]?.contains($0) ?? false) }, GapThresholds.candidateEnds) {
                            propose(s, p, closes: "rule \(rule.id) for \(name(s))", severity: severity, rule: rule.id)
                        }
                    }
                } else {
                    var coverage: [Int: Int] = [:]
                    for s in subjects { for p in tied[s] ?? [] { coverage[p, default: 0] += 1 } }
                    let best = coverage.values.max() ?? 0
                    guard best < subjects.count else { continue }
                    let leaders = partners.filter { coverage[$0] == best && best > 0 }
                    add(Finding(
                        kind: .missingTie, severity: severity, actors: subjects.map(id(_:)) + leaders.map(id(_:)),
                        evidence: [Evidence("subjects", Double(subjects.count), of: rule.id),
                                   Evidence("most_subjects_tied_to_one_partner", Double(best), of: rule.id)],
                        sentence: "Rule \"\(what)\"\(source) is not met: no single actor is tied to all \(subjects.count) of "
                            + "\(list(subjects, limit: 5)); "
                            + (best == 0 ? "none of \(describe(rule.partners)) is tied to any of them." : "the most any one reaches is \(best) (\(list(leaders, limit: 3)))."),
                        rule: rule.id,
                        key: key(.missingTie, "coordinator", rule: rule.id)))
                    for p in leaders.prefix(GapThresholds.fewCandidateEnds) {
                        for s in subjects where !(tied[s]?.contains(p) ?? false) {
                            propose(p, s, closes: "rule \(rule.id): one coordinator", severity: severity, rule: rule.id)
                        }
                    }
                }
            case .groupsConnected:
                let (labels, index) = groups(rule.grouping)
                let wanted = rule.among.isEmpty ? labels.filter { !$0.isEmpty } : rule.among
                var tied = Set<String>()
                for relation in model.relations where rule.relationTypes.isEmpty || rule.relationTypes.contains(relation.type) {
                    guard let a = model.actorIndex(relation.from), let b = model.actorIndex(relation.to) else { continue }
                    let x = labels[index[a]], y = labels[index[b]]
                    tied.insert(x + "\u{1F}" + y); tied.insert(y + "\u{1F}" + x)
                }
                for (i, g) in wanted.enumerated() {
                    for h in wanted[(i + 1)...] where !tied.contains(g + "\u{1F}" + h) {
                        let left = (0..<n).filter { labels[index[$0]] == g }, right = (0..<n).filter { labels[index[$0]] == h }
                        let empty = [g, h].filter { grp in !labels.indices.contains { labels[$0] == grp } }
                        add(Finding(
                            kind: .missingTie, severity: severity, actors: (left + right).map(id(_:)),
                            evidence: [Evidence("direct_ties", 0, of: "\(rule.grouping.rawValue) \(g) – \(h)"),
                                       Evidence("actors", Double(left.count), of: "\(rule.grouping.rawValue) \(g)"),
                                       Evidence("actors", Double(right.count), of: "\(rule.grouping.rawValue) \(h)")],
                            sentence: "Rule \"\(what)\"\(source): no tie joins \(groupLabel(rule.grouping, g)) and \(groupLabel(rule.grouping, h))"
                                + (empty.isEmpty ? "." : " — the model has no actor of \(empty.map { groupLabel(rule.grouping, $0) }.joined(separator: " or ")) at all."),
                            rule: rule.id,
                            key: key(.missingTie, "groups_connected", groups: ["\(rule.grouping.rawValue) \(g)", "\(rule.grouping.rawValue) \(h)"], rule: rule.id)))
                        for a in top(left, GapThresholds.fewCandidateEnds) { for b in top(right, GapThresholds.fewCandidateEnds) { propose(a, b, closes: "rule \(rule.id): \(g) – \(h)", severity: severity, rule: rule.id) } }
                    }
                }
            }
        }
    }

    /// For each subject, the partners it is tied to under the rule's types and direction.
    func tieTable(_ rule: TieRule, subjects: [Int], partners: [Int]) -> [Int: Set<Int>] {
        let subjectSet = Set(subjects), partnerSet = Set(partners)
        var tied: [Int: Set<Int>] = [:]
        for relation in model.relations where rule.relationTypes.isEmpty || rule.relationTypes.contains(relation.type) {
            guard let a = model.actorIndex(relation.from), let b = model.actorIndex(relation.to) else { continue }
            let mutual = !(model.relationType(relation.type)?.directed ?? true)
            // a → b: b is the partner when the tie runs subject → partner, and so on.
            if subjectSet.contains(a), partnerSet.contains(b), a != b,
               mutual || rule.direction != .fromPartner { tied[a, default: []].insert(b) }
            if subjectSet.contains(b), partnerSet.contains(a), a != b,
               mutual || rule.direction != .toPartner { tied[b, default: []].insert(a) }
        }
        return tied
    }
}
