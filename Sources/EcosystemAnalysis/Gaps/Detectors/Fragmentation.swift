import Ecosystem
import NetworkAnalysis

/// Fragmentation (``FindingKind/fragmentation``): components, isolates, Borgatti's
/// fragmentation. Reachability of the municipality, also of this kind, is in
/// `MunicipalityReach.swift`.
extension GapContext {

    mutating func fragmentation() {
        let base: [Evidence] = [
            Evidence("components", Double(components.count), of: "network"),
            Evidence("largest_component", Double(components.largest.map { components.sizes[$0] } ?? 0), of: "network"),
            Evidence("fragmentation", stats.fragmentation, of: "network"),
            Evidence("distance_weighted_fragmentation", stats.distanceWeightedFragmentation, of: "network"),
        ]
        if components.count > 1, let largest = components.largest {
            let outside = (0..<n).filter { components.membership[$0] != largest }
            add(Finding(
                kind: .fragmentation, severity: stats.fragmentation >= GapThresholds.severeFragmentation ? .high : .medium,
                actors: outside.map(id(_:)), evidence: base,
                sentence: "The network falls apart into \(components.count) components: the largest holds "
                    + "\(components.sizes[largest]) of \(n) actors, and \(NumberFormat.percent(stats.fragmentation)) of ordered "
                    + "actor pairs cannot reach each other (fragmentation \(NumberFormat.decimals(stats.fragmentation))); "
                    + "outside the largest component: \(list(outside)).",
                key: key(.fragmentation, "split", actors: outside)))
            for c in 0..<components.count where c != largest && components.sizes[c] > 1 {
                let members = components.nodes(in: c)
                for a in top(members, GapThresholds.candidateEnds) {
                    for b in top(components.nodes(in: largest), GapThresholds.candidateEnds) {
                        propose(a, b, closes: "a link from \(name(a))'s component to the largest", severity: .high)
                    }
                }
            }
        } else if n > 1 {
            add(Finding(
                kind: .fragmentation, severity: .info, evidence: base,
                sentence: "With ties read both ways, every actor can reach every other (one component, fragmentation 0); distance-weighted "
                    + "fragmentation is \(NumberFormat.decimals(stats.distanceWeightedFragmentation)) (lower means closer; path length is 1/strength, "
                    + "so with ties stronger than 1 it can fall below 0).",
                key: key(.fragmentation, "connected")))
        }
        let largestNodes = components.largest.map { components.nodes(in: $0) } ?? []
        for v in 0..<n where degree[v] == 0 {
            add(Finding(
                kind: .fragmentation, severity: .medium, actors: [id(v)], evidence: [Evidence("degree", 0, of: id(v))],
                sentence: "\(name(v)) has no tie to any other actor in the model.",
                key: key(.fragmentation, "isolate", actors: [v])))
            for b in top(largestNodes, GapThresholds.candidateEnds) { propose(v, b, closes: "a first tie for the isolated \(name(v))", severity: .medium) }
        }
        municipalityReach()
    }
}
