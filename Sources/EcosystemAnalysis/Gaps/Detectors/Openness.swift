import Ecosystem
import NetworkAnalysis

/// Openness of groups (``FindingKind/openness``): the E-I index per actor type and per place.
extension GapContext {
    mutating func openness() throws {
        var groupings: [ActorGrouping] = []
        if typed { groupings.append(.type) } else { skipped.append((.openness, "E-I index per actor type: \(typeReason)")) }
        let (placeLabels, _) = groups(.place)
        if placeLabels.filter({ !$0.isEmpty }).count >= GapThresholds.minimumGroups { groupings.append(.place) } else {
            skipped.append((.openness, "E-I index per place: fewer than two places are given"))
        }
        for grouping in groupings {
            let (labels, index) = groups(grouping)
            let result: EIIndexResult
            do { result = try graph.eiIndex(groups: index, weighting: .unweighted) } catch {
                throw AnalysisError.measureFailed("ei_index", error)
            }
            var internalTies = [Int](repeating: 0, count: labels.count), externalTies = internalTies
            for e in 0..<graph.edgeCount {
                let a = index[Int(graph.edgeSources[e])], b = index[Int(graph.edgeTargets[e])]
                if a == b { internalTies[a] += 1 } else { externalTies[a] += 1; externalTies[b] += 1 }
            }
            let sizes = labels.indices.map { g in index.filter { $0 == g }.count }
            let shown = labels.indices.filter { !labels[$0].isEmpty && result.perGroup[$0].isFinite }
                .sorted { result.perGroup[$0] != result.perGroup[$1] ? result.perGroup[$0] < result.perGroup[$1] : $0 < $1 }
            guard let inward = shown.first, let outward = shown.last else { continue }
            let evidence = shown.map { Evidence("ei_index", result.perGroup[$0], of: "\(grouping.rawValue) \(labels[$0])") }
                + [Evidence("ei_index_network", result.network, of: "network by \(grouping.rawValue)")]
            let parts = shown.map { g in
                "\(groupLabel(grouping, labels[g])) \(NumberFormat.signed(result.perGroup[g])) (\(internalTies[g]) inside, \(externalTies[g]) outside)"
            }
            let inwardLooking = sizes[inward] >= GapThresholds.inwardLookingGroupSize && result.perGroup[inward] < 0
            add(Finding(
                kind: .openness, severity: inwardLooking ? .medium : .info,
                actors: (0..<n).filter { index[$0] == inward }.map(id(_:)), evidence: evidence,
                sentence: "By \(grouping.rawValue), E-I index (−1: all ties inside the group, +1: all outside): \(parts.joined(separator: "; ")). "
                    + (inwardLooking ? "\(groupLabel(grouping, labels[inward])) is the most inward-looking" : "No group of two or more actors looks inward")
                    + (inward != outward ? ", \(groupLabel(grouping, labels[outward])) the most outward-looking." : "."),
                key: key(.openness, "ei_index", groups: ["\(grouping.rawValue) \(labels[inward])"])))
        }
    }
}
