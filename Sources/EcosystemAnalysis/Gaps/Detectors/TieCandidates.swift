import Ecosystem
import NetworkAnalysis

/// A plausible new tie for the portfolio: the pair, the filters that admitted it, what it bridges.
struct TieCandidate {
    var u: Int, v: Int
    var filters: Set<TieFilter>
    var rules: [String]
    var bridges: [String]
    var score: Double
}

/// The candidate filters of the tie portfolio (``TieFilter``): only pairs a rule expects,
/// pairs that bridge groups with no tie between them, and pairs with a positive
/// link-prediction score are searched. Proposals of the other detectors that pass no filter
/// (a hub for a leaf, a second route around a cut point between strangers) are not.
extension GapContext {
    /// The candidates in search order (rule, then group bridge, then by link-prediction score
    /// descending, then pair), at most ``GapOptions/maxCandidates``, and how many were left out.
    /// - Complexity: `O(Σ_w k(w)²)` for the pairs with a shared neighbour, `O(n + m)` per grouping.
    func plausibleTies() throws(GraphError) -> (candidates: [TieCandidate], leftOut: Int) {
        var byKey: [Int: TieCandidate] = [:]
        func admit(_ a: Int, _ b: Int, _ filter: TieFilter, rules: [String] = [], bridge: String? = nil) {
            guard a != b, !isAdjacent(a, b) else { return }
            let key = min(a, b) * n + max(a, b)
            var c = byKey[key] ?? TieCandidate(u: min(a, b), v: max(a, b), filters: [], rules: [], bridges: [], score: 0)
            c.filters.insert(filter)
            for r in rules where !c.rules.contains(r) { c.rules.append(r) }
            if let bridge, !c.bridges.contains(bridge) { c.bridges.append(bridge) }
            byKey[key] = c
        }
        // 1. Expected by a rule (the missing-tie detector's proposals).
        for key in candidateOrder {
            if let c = candidates[key], !c.rules.isEmpty { admit(key / n, key % n, .rule, rules: c.rules) }
        }
        // 2. Bridges between groups with no tie: actor types, communities, components.
        var groupings: [(what: String, label: (Int) -> String, index: [Int])] = []
        if typed {
            let (labels, index) = groups(.type)
            groupings.append(("actor types", { g in groupLabel(.type, labels[g]) }, index))
        }
        if graph.edgeCount > 0, let partition = try? graph.leiden(seed: 1, weighting: options.weighting), partition.communityCount > 1 {
            groupings.append(("communities", { "\($0 + 1)" }, partition.membership))
        }
        if components.count > 1 {
            groupings.append(("components", { "\($0 + 1)" }, components.membership))
        }
        for grouping in groupings {
            let index = grouping.index
            let count = (index.max() ?? -1) + 1
            var tied = Set<Int>()
            for e in 0..<graph.edgeCount {
                let a = index[Int(graph.edgeSources[e])], b = index[Int(graph.edgeTargets[e])]
                tied.insert(min(a, b) * count + max(a, b))
            }
            var members = [[Int]](repeating: [], count: count)
            for v in 0..<n { members[index[v]].append(v) }
            for g in 0..<count where !members[g].isEmpty {
                for h in (g + 1)..<max(g + 1, count) where !members[h].isEmpty && !tied.contains(g * count + h) {
                    let bridge = "\(grouping.what) \(grouping.label(g)) – \(grouping.label(h))"
                    for a in top(members[g], GapThresholds.fewCandidateEnds) {
                        for b in top(members[h], GapThresholds.fewCandidateEnds) { admit(a, b, .groupBridge, bridge: bridge) }
                    }
                }
            }
        }
        // 3. A positive link-prediction score: the two share a neighbour.
        var neighbours = [[Int]](repeating: [], count: n)
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
            if a != b { neighbours[a].append(b); neighbours[b].append(a) }
        }
        for w in 0..<n {
            let around = Array(Set(neighbours[w])).sorted()
            for (i, a) in around.enumerated() { for b in around[(i + 1)...] { admit(a, b, .linkPrediction) } }
        }
        var all = Array(byKey.values)
        let scores = try graph.linkPredictionScores(for: all.map { ($0.u, $0.v) }, predictor: options.predictor)
        for i in all.indices { all[i].score = scores[i] }
        func rank(_ c: TieCandidate) -> Int { c.filters.contains(.rule) ? 0 : c.filters.contains(.groupBridge) ? 1 : 2 }
        all.sort { a, b in
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.score != b.score { return a.score > b.score }
            return (a.u, a.v) < (b.u, b.v)
        }
        let kept = max(0, options.maxCandidates)
        return (Array(all.prefix(kept)), max(0, all.count - kept))
    }

    /// The objective as the search sees it.
    func searchObjective() -> EdgeSetObjective {
        switch options.objective {
        case .globalEfficiency: return .globalEfficiency
        case .fragmentation: return .fragmentation
        case .components: return .componentCount
        case .weakestGroup: return .weakestGroupEfficiency(groups: groups(.type).index)
        case let .constraint(actor): return .constraint(of: model.actorIndex(actor)!, weighting: options.weighting)
        }
    }
}
