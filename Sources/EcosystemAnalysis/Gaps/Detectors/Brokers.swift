import Ecosystem
import NetworkAnalysis

/// Brokers and structural holes (``FindingKind/brokerage``): actors of low constraint and high
/// effective size that mediate between groups, and pairs of groups with no direct tie.
extension GapContext {
    mutating func brokers() throws {
        var crossType = [Int](repeating: 0, count: n)
        var crossPlace = [Int](repeating: 0, count: n)
        let placeGroups = groups(.place)
        let hasPlaces = placeGroups.labels.filter { !$0.isEmpty }.count >= GapThresholds.minimumGroups
        do {
            if typed {
                crossType = try graph.brokerage(groups: groups(.type).index).map { $0.total - $0.coordinator }
            }
            if hasPlaces {
                crossPlace = try graph.brokerage(groups: placeGroups.index).map { $0.total - $0.coordinator }
            }
        } catch {
            throw AnalysisError.measureFailed("brokerage", error)
        }
        if !typed { skipped.append((.brokerage, "brokerage across actor types and pairs of types or helices: \(typeReason)")) }
        if !hasPlaces { skipped.append((.brokerage, "brokerage across places and pairs of places: fewer than two places are given")) }

        let betweenness = (try? graph.betweenness(weighting: options.weighting, normalized: true, threads: options.threads))
            ?? [Double](repeating: .nan, count: n)
        let articulation = Set(cuts.articulationPoints)
        let ranked = (0..<n).filter { holes.effectiveSize[$0].isFinite && holes.effectiveSize[$0] >= GapThresholds.brokerEffectiveSize }
            .filter { !typed || crossType[$0] > 0 || crossPlace[$0] > 0 }
            .sorted { a, b in
                let x = holes.effectiveSize[a], y = holes.effectiveSize[b]
                if x != y { return x > y }
                if holes.constraint[a] != holes.constraint[b] { return holes.constraint[a] < holes.constraint[b] }
                return a < b
            }
        let topRemoval = Set(removal.prefix(GapThresholds.costlyRemovals).map(\.actor))
        for v in ranked.prefix(options.maxBrokers) {
            let contacts = Int((holes.effectiveSize[v] / holes.efficiency[v]).rounded())
            var evidence = [Evidence("effective_size", holes.effectiveSize[v], of: id(v)),
                            Evidence("constraint", holes.constraint[v], of: id(v)),
                            Evidence("betweenness", betweenness[v], of: id(v))]
            if typed { evidence.append(Evidence("brokerage_across_types", Double(crossType[v]), of: id(v))) }
            if hasPlaces { evidence.append(Evidence("brokerage_across_places", Double(crossPlace[v]), of: id(v))) }
            var across: [String] = []
            if typed { across.append("\(crossType[v]) between actors of different types") }
            if hasPlaces { across.append("\(crossPlace[v]) between different places") }
            let critical = articulation.contains(v) || topRemoval.contains(id(v))
            let tail = articulation.contains(v) ? "; it is also a single point of failure"
                : topRemoval.contains(id(v)) ? "; removing it lengthens paths more than removing almost anyone else" : ""
            add(Finding(
                kind: .brokerage, severity: critical ? .high : .medium, actors: [id(v)], evidence: evidence,
                sentence: "\(name(v)) is a broker: \(NumberFormat.decimals(holes.effectiveSize[v], 2)) of its \(contacts) contacts are "
                    + "non-redundant (effective size), constraint \(NumberFormat.decimals(holes.constraint[v]))"
                    + (across.isEmpty ? "" : ", and it mediates open two-paths, \(across.joined(separator: " and "))")
                    + "\(tail).",
                key: key(.brokerage, "broker", actors: [v])))
        }

        // Pairs of groups with no direct tie.
        var groupings: [ActorGrouping] = []
        if typed { groupings += [.type, .helix] }
        if hasPlaces { groupings.append(.place) }
        for grouping in groupings {
            let (labels, index) = groups(grouping)
            let present = labels.indices.filter { !labels[$0].isEmpty }
            guard present.count >= GapThresholds.minimumGroups else { continue }
            var tied = Set<Int>()
            for e in 0..<graph.edgeCount {
                let a = index[Int(graph.edgeSources[e])], b = index[Int(graph.edgeTargets[e])]
                tied.insert(min(a, b) * labels.count + max(a, b))
            }
            for (i, g) in present.enumerated() {
                for h in present[(i + 1)...] where !tied.contains(g * labels.count + h) {
                    let left = (0..<n).filter { index[$0] == g }, right = (0..<n).filter { index[$0] == h }
                    add(Finding(
                        kind: .brokerage, severity: .low,
                        evidence: [Evidence("direct_ties", 0, of: "\(grouping.rawValue) \(labels[g]) – \(labels[h])"),
                                   Evidence("actors", Double(left.count), of: "\(grouping.rawValue) \(labels[g])"),
                                   Evidence("actors", Double(right.count), of: "\(grouping.rawValue) \(labels[h])")],
                        sentence: "No direct tie joins \(grouping.rawValue) \(groupLabel(grouping, labels[g])) (\(list(left, limit: 3))) "
                            + "and \(grouping.rawValue) \(groupLabel(grouping, labels[h])) (\(list(right, limit: 3))).",
                        key: key(.brokerage, "no_direct_tie", groups: ["\(grouping.rawValue) \(labels[g])", "\(grouping.rawValue) \(labels[h])"])))
                    for a in top(left, GapThresholds.fewCandidateEnds) {
                        for b in top(right, GapThresholds.fewCandidateEnds) {
                            propose(a, b, closes: "a first tie between \(groupLabel(grouping, labels[g])) and \(groupLabel(grouping, labels[h]))", severity: .low)
                        }
                    }
                }
            }
        }
    }
}
