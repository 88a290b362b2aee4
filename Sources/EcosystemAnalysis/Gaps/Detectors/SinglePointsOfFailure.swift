import Ecosystem
import NetworkAnalysis

/// Single points of failure (``FindingKind/singlePointOfFailure``): articulation points,
/// bridges, and the actors whose removal lengthens paths most.
extension GapContext {
    mutating func singlePointsOfFailure() throws {
        let articulation = Set(cuts.articulationPoints)
        if exact {
            do {
                if let tables {
                    removalByNode = tables.removalEffects
                } else {
                    removalByNode = try graph.nodeRemovalEffects(weighting: options.weighting, threads: options.threads)
                }
            } catch {
                throw AnalysisError.measureFailed("removal effects", error)
            }
            removal = removalByNode.map { e in
                ActorRemoval(
                    actor: id(e.node), isArticulationPoint: articulation.contains(e.node), components: e.componentCount,
                    fragmentation: e.fragmentation, fragmentationChange: e.fragmentation - stats.fragmentation,
                    distanceWeightedFragmentation: e.distanceWeightedFragmentation,
                    distanceWeightedFragmentationChange: e.distanceWeightedFragmentation - stats.distanceWeightedFragmentation,
                    globalEfficiency: e.globalEfficiency, globalEfficiencyChange: e.globalEfficiency - stats.globalEfficiency)
            }
            let order = (0..<n).sorted { a, b in
                let x = removal[a], y = removal[b]
                if x.distanceWeightedFragmentationChange != y.distanceWeightedFragmentationChange {
                    return x.distanceWeightedFragmentationChange > y.distanceWeightedFragmentationChange
                }
                if x.fragmentationChange != y.fragmentationChange { return x.fragmentationChange > y.fragmentationChange }
                return a < b
            }
            removal = order.map { removal[$0] }
        } else {
            skipped.append((.singlePointOfFailure, "removal effects: the model has \(n) actors, more than the \(options.maxExactActors) for which every removal is recomputed exactly"))
        }

        for v in cuts.articulationPoints {
            // The pieces v's component falls into without v.
            var keep = [Bool](repeating: true, count: graph.edgeCount)
            for e in 0..<graph.edgeCount where Int(graph.edgeSources[e]) == v || Int(graph.edgeTargets[e]) == v { keep[e] = false }
            let pieces = graph.filteringEdges(keep).connectedComponents()
            let home = components.membership[v]
            var sizes: [Int: [Int]] = [:]
            for w in 0..<n where w != v && components.membership[w] == home { sizes[pieces.membership[w], default: []].append(w) }
            let ordered = sizes.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
            let cutOff = ordered.dropFirst().flatMap { $0 }.sorted()
            let severity = GapThresholds.cutOffSeverity(cutOff.count, of: n)
            var evidence = [Evidence("articulation_point", 1, of: id(v)),
                            Evidence("actors_cut_off", Double(cutOff.count), of: "network without \(id(v))")]
            if exact {
                let e = removalByNode[v]
                evidence += [
                    Evidence("fragmentation", e.fragmentation, of: "network without \(id(v))"),
                    Evidence("distance_weighted_fragmentation", e.distanceWeightedFragmentation, of: "network without \(id(v))"),
                    Evidence("global_efficiency", e.globalEfficiency, of: "network without \(id(v))"),
                ]
            }
            let change = exact ? " (fragmentation \(NumberFormat.decimals(stats.fragmentation)) → \(NumberFormat.decimals(removalByNode[v].fragmentation)))" : ""
            add(Finding(
                kind: .singlePointOfFailure, severity: severity, actors: [id(v)] + cutOff.map(id(_:)), evidence: evidence,
                sentence: "\(name(v)) is a single point of failure: without it, \(cutOff.count == 1 ? "one actor is" : "\(cutOff.count) actors are") "
                    + "cut off from the rest — \(list(cutOff))\(change).",
                key: key(.singlePointOfFailure, "articulation_point", actors: [v] + cutOff)))
            if let main = ordered.first {
                for piece in ordered.dropFirst() {
                    for a in top(piece, GapThresholds.fewCandidateEnds) {
                        for b in top(main, GapThresholds.candidateEnds) { propose(a, b, closes: "a second route around \(name(v))", severity: severity) }
                    }
                }
            }
        }

        // Bridges (on the relations: a doubled tie is not a bridge).
        let relGraph = network.graph
        for e in cuts.bridges {
            let relation = model.relations[network.edgeRelation[e]]
            let a = Int(relGraph.edgeSources[e]), b = Int(relGraph.edgeTargets[e])
            var keep = [Bool](repeating: true, count: relGraph.edgeCount)
            keep[e] = false
            let split = relGraph.filteringEdges(keep).connectedComponents()
            let sideA = (0..<n).filter { split.membership[$0] == split.membership[a] }
            let sideB = (0..<n).filter { split.membership[$0] == split.membership[b] }
            let small = sideA.count <= sideB.count ? sideA : sideB
            let other = sideA.count <= sideB.count ? sideB : sideA
            let severity = GapThresholds.cutOffSeverity(small.count, of: n)
            let type = model.relationType(relation.type)?.label ?? relation.type
            add(Finding(
                kind: .singlePointOfFailure, severity: severity, actors: [id(a), id(b)], relations: [relation.id],
                evidence: [Evidence("bridge", 1, of: relation.id), Evidence("actors_cut_off", Double(small.count), of: "network without \(relation.id)")],
                sentence: "The tie \(name(a)) – \(name(b)) (\(type)) is a bridge: without it, "
                    + (small.count == 1 ? "\(name(small[0])) is cut off from the rest." : "\(list(small)) (\(small.count) actors) are cut off from the rest."),
                key: key(.singlePointOfFailure, "bridge", actors: [a, b], relations: [relation.id])))
            if small.count >= GapThresholds.mediumCutOff {
                for x in top(small.filter { $0 != a && $0 != b }, GapThresholds.fewCandidateEnds) {
                    for y in top(other, GapThresholds.fewCandidateEnds) { propose(x, y, closes: "a second link beside the bridge \(name(a)) – \(name(b))", severity: severity) }
                }
            }
        }

        // The actors whose removal costs most, if they are not cut points.
        if exact {
            for r in removal.prefix(GapThresholds.costlyRemovals) where !r.isArticulationPoint && r.distanceWeightedFragmentationChange > 0 {
                guard let v = model.actorIndex(r.actor) else { continue }
                add(Finding(
                    kind: .singlePointOfFailure, severity: .low, actors: [r.actor], evidence: [Evidence("distance_weighted_fragmentation", r.distanceWeightedFragmentation, of: "network without \(r.actor)"),
                               Evidence("distance_weighted_fragmentation_change", r.distanceWeightedFragmentationChange, of: r.actor),
                               Evidence("global_efficiency_change", r.globalEfficiencyChange, of: r.actor)],
                    sentence: "Removing \(name(v)) splits nothing, but lengthens paths: distance-weighted fragmentation rises by "
                        + "\(NumberFormat.decimals(r.distanceWeightedFragmentationChange)) to \(NumberFormat.decimals(r.distanceWeightedFragmentation)), "
                        + "rank \(removal.firstIndex(of: r)! + 1) of \(n) actors.",
                    key: key(.singlePointOfFailure, "costly_removal", actors: [v])))
            }
        }
    }
}
