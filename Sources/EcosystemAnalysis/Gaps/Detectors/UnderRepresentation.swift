import Ecosystem
import NetworkAnalysis

/// Under-represented actor types (``FindingKind/underRepresentation``): the composition rules,
/// declared types no actor has, and types with no tie to the core.
extension GapContext {
    mutating func underRepresentation() {
        guard typed else {
            skipped.append((.underRepresentation, typeReason))
            return
        }
        var counts: [String: Int] = [:]
        for actor in model.actors { counts[actor.type, default: 0] += 1 }
        var covered = Set<String>()
        for rule in rules.composition {
            covered.insert(rule.type)
            let count = counts[rule.type] ?? 0
            let label = model.actorType(rule.type)?.label ?? rule.type
            let why = rule.why.isEmpty ? "" : " (\(rule.why))"
            let evidence = [Evidence("actors", Double(count), of: "type \(rule.type)"),
                            Evidence("expected_min", Double(rule.min), of: "type \(rule.type)")]
            if count < rule.min {
                add(Finding(
                    kind: .underRepresentation, severity: count == 0 ? .high : .medium,
                    actors: model.actors.filter { $0.type == rule.type }.map(\.id), evidence: evidence,
                    sentence: count == 0
                        ? "The model has no actor of type \(label); at least \(rule.min) expected\(why)."
                        : "Only \(count) actor\(count == 1 ? "" : "s") of type \(label); at least \(rule.min) expected\(why).",
                    key: key(.underRepresentation, "too_few", groups: ["type \(rule.type)"])))
            } else if let max = rule.max, count > max {
                add(Finding(
                    kind: .underRepresentation, severity: .low, actors: model.actors.filter { $0.type == rule.type }.map(\.id),
                    evidence: evidence + [Evidence("expected_max", Double(max), of: "type \(rule.type)")],
                    sentence: "\(count) actors of type \(label), more than the \(max) expected\(why).",
                    key: key(.underRepresentation, "too_many", groups: ["type \(rule.type)"])))
            }
        }
        for type in model.actorTypes where !covered.contains(type.id) && counts[type.id] == nil {
            add(Finding(
                kind: .underRepresentation, severity: .medium, evidence: [Evidence("actors", 0, of: "type \(type.id)")],
                sentence: "The actor type \(type.label) is declared but no actor has it.",
                key: key(.underRepresentation, "declared_unused", groups: ["type \(type.id)"])))
        }
        // Types with no tie to the core (the nodes of the highest k-core).
        let maxCore = core.max() ?? 0
        guard maxCore > 0 else { return }
        coreNodes = (0..<n).filter { core[$0] == maxCore }
        var touches = Set<String>()
        for v in coreNodes {
            touches.insert(model.actors[v].type)
            for i in graph.outRange(of: v) { touches.insert(model.actors[Int(graph.outNeighbors[i])].type) }
        }
        for type in model.actorTypes where counts[type.id] != nil && !touches.contains(type.id) {
            let members = (0..<n).filter { model.actors[$0].type == type.id }
            add(Finding(
                kind: .underRepresentation, severity: .medium, actors: members.map(id(_:)),
                evidence: [Evidence("max_core_number", Double(maxCore), of: "network"),
                           Evidence("actors", Double(members.count), of: "type \(type.id)")],
                sentence: "No actor of type \(type.label) (\(list(members, limit: 3))) is in or tied to the network's core "
                    + "(the \(maxCore)-core: \(list(coreNodes, limit: 4))).",
                key: key(.underRepresentation, "no_core_tie", groups: ["type \(type.id)"])))
            for a in top(members, GapThresholds.fewCandidateEnds) {
                for b in top(coreNodes, GapThresholds.candidateEnds) { propose(a, b, closes: "a tie from \(type.label) to the core", severity: .medium) }
            }
        }
    }
}
