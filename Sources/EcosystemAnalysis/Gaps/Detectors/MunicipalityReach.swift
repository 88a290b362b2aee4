import Ecosystem
import NetworkAnalysis

/// Reachability of the municipality (``FindingKind/fragmentation``), following relation direction.
extension GapContext {
    /// Who cannot reach the municipality and who is not reached by it, following relation
    /// direction (mutual relation types count both ways).
    mutating func municipalityReach() {
        let municipality = rules.municipality.compactMap { model.actorIndex($0) }
        guard !municipality.isEmpty else {
            skipped.append((.fragmentation, "reachability of the municipality: the rules name no municipality ('municipality: [ids]')"))
            return
        }
        let directed = network.directedSimpleGraph
        func reach(backwards: Bool) -> [Bool] {
            var seen = [Bool](repeating: false, count: n)
            var stack = municipality
            for m in municipality { seen[m] = true }
            while let v = stack.popLast() {
                let range = backwards ? directed.inRange(of: v) : directed.outRange(of: v)
                for i in range {
                    let w = Int(backwards ? directed.inNeighbors[i] : directed.outNeighbors[i])
                    if !seen[w] { seen[w] = true; stack.append(w) }
                }
            }
            return seen
        }
        let reaches = reach(backwards: true), reached = reach(backwards: false)
        let names = EnglishList.joined(municipality.map(name(_:)))
        let cannotReachMunicipality = (0..<n).filter { !reaches[$0] }
        let notReachedByMunicipality = (0..<n).filter { !reached[$0] }
        for (nodes, cannot) in [(cannotReachMunicipality, true), (notReachedByMunicipality, false)] where !nodes.isEmpty {
            let share = Double(nodes.count) / Double(max(1, n - municipality.count))
            add(Finding(
                kind: .fragmentation, severity: share >= GapThresholds.severeMunicipalityShare ? .medium : .low, actors: nodes.map(id(_:)),
                evidence: [Evidence(cannot ? "actors_not_reaching_municipality" : "actors_not_reached_by_municipality",
                                    Double(nodes.count), of: names),
                           Evidence("share_of_actors", share, of: names)],
                sentence: cannot
                    ? "\(nodes.count) actors have no chain of relations, followed in their direction, that leads to \(names): \(list(nodes, limit: 8))."
                    : "\(names) reach \(nodes.count == 1 ? "one actor" : "\(nodes.count) actors") by no chain of relations in their direction: \(list(nodes, limit: 8)).",
                key: key(.fragmentation, cannot ? "cannot_reach_municipality" : "not_reached_by_municipality", actors: nodes)))
            for v in nodes.prefix(GapThresholds.municipalityRoutes) {
                for m in municipality {
                    propose(v, m, closes: cannot ? "a route from \(name(v)) to \(name(m))" : "a route from \(name(m)) to \(name(v))", severity: .low)
                }
            }
        }
    }
}
