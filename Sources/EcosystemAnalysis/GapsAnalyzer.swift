import Ecosystem
import Foundation
import NetworkAnalysis

/// Turns the measures into findings a strategist can read and a researcher can check:
/// see ``analyze(_:rules:options:)``.
public enum GapAnalyzer {
    /// The gap analysis of `model`.
    ///
    /// The network is read **undirected** (who is tied to whom), with parallel relations merged
    /// into one tie of summed strength (``EcosystemNetwork/simpleGraph``) and path lengths from
    /// ``GapOptions/weighting`` (default `1/strength`). Two checks use relation direction:
    /// reachability of the municipality, and nothing else. Bridges are computed on the
    /// relations themselves, so a doubled tie is not a bridge.
    ///
    /// The kinds and their conventions (severity rules included) are documented in
    /// `Datasets/RULES.md`, "What the findings mean". Kinds that need actor types (composition,
    /// openness, pairs of groups, rules selecting by type or helix) are skipped when the model
    /// has fewer than two actor types, as a plain edge list does; ``GapReport/skipped`` says so.
    ///
    /// - Parameters:
    ///   - model: a validated model or a loaded edge list.
    ///   - rules: the expectations (``RulesLoader``); empty rules check only what needs none.
    ///   - options: weighting, objective of the recommended ties, top k, link predictor, ...
    /// - Returns: the report.
    /// - Throws: ``AnalysisError/measureFailed(_:_:)`` when a weight cannot be used (e.g.
    ///   ``GraphError/invalidWeight(edge:value:reason:)``), and
    ///   ``GapError/unknownActor(_:)`` for a constraint objective naming no actor.
    /// - Complexity: `O(n³ + n² m log n)` at worst for the removal effects and `O(c n²)` for `c`
    ///   candidate ties; both skipped above ``GapOptions/maxExactActors``.
    ///
    /// References (formulas and conventions in the `NetworkAnalysis` functions used):
    /// fragmentation and distance-weighted fragmentation, Borgatti 2006, Comput. Math. Organ.
    /// Theory 12:21–34, doi:10.1007/s10588-006-7084-x (``Graph/pathStatistics(weighting:threads:)``);
    /// global efficiency, Latora & Marchiori 2001, Phys. Rev. Lett. 87:198701,
    /// doi:10.1103/PhysRevLett.87.198701; articulation points, Hopcroft & Tarjan 1973,
    /// doi:10.1145/362248.362272, and bridges, Tarjan 1974, doi:10.1016/0020-0190(74)90003-9
    /// (``Graph/cuts()``); constraint and effective size, Burt 1992, *Structural Holes*,
    /// Harvard University Press (``Graph/structuralHoles(weighting:)``); brokerage roles,
    /// Gould & Fernandez 1989, doi:10.2307/270949 (``Graph/brokerage(groups:)``); E-I index,
    /// Krackhardt & Stern 1988, doi:10.2307/2786835 (``Graph/eiIndex(groups:weighting:)``);
    /// core numbers, Seidman 1983, doi:10.1016/0378-8733(83)90028-X (``Graph/coreNumbers()``);
    /// link prediction (tie-break of recommended ties), Liben-Nowell & Kleinberg 2007,
    /// doi:10.1002/asi.20591 (``LinkPredictor``).
    public static func analyze(_ model: EcosystemModel, rules: GapRules = GapRules(), options: GapOptions = GapOptions()) throws -> GapReport {
        var context = try GapContext(model: model, rules: rules, options: options)
        context.fragmentation()
        try context.singlePointsOfFailure()
        try context.brokers()
        context.underRepresentation()
        context.missingTies()
        try context.openness()
        try context.peripheral()
        try context.recommendTies()
        return context.report()
    }
}

/// Errors of the gap analysis.
public enum GapError: Error, CustomStringConvertible, Equatable {
    /// ``GapObjective/constraint(actor:)`` names an actor id (the associated value) that the
    /// model does not have.
    case unknownActor(String)

    /// A one-line English message naming the actor id.
    public var description: String {
        switch self {
        case let .unknownActor(id): return "the constraint objective names unknown actor '\(id)'"
        }
    }
}

/// A candidate tie and the gaps it would close.
struct Candidate {
    var closes: [String]
    var severity: Severity
}

/// The state of one analysis run: measures computed once, findings collected kind by kind.
struct GapContext {
    let model: EcosystemModel
    let rules: GapRules
    let options: GapOptions
    let network: EcosystemNetwork
    /// The simple undirected graph the analysis runs on (strengths scaled, see `init`).
    let graph: Graph
    /// The strongest merged tie strength when strengths are scaled (else 1).
    let strengthScale: Double
    let n: Int
    let typed: Bool
    let typeReason: String
    let stats: PathStatistics
    let components: Components
    let degree: [Int]
    let core: [Int]
    let closeness: [Double]
    let holes: StructuralHoleMeasures
    let cuts: Cuts
    let adjacent: Set<Int>
    let exact: Bool

    var findings: [Finding] = []
    var skipped: [(kind: FindingKind, reason: String)] = []
    var removal: [ActorRemoval] = []
    var removalByNode: [NodeRemovalEffect] = []
    var candidates: [Int: Candidate] = [:]
    var candidateOrder: [Int] = []
    var recommendations: [RecommendedTie] = []
    var candidatesEvaluated = 0
    var cannotReachMunicipality: [Int] = []
    var notReachedByMunicipality: [Int] = []
    var coreNodes: [Int] = []

    init(model: EcosystemModel, rules: GapRules, options: GapOptions) throws {
        self.model = model; self.rules = rules; self.options = options
        network = EcosystemNetwork(model: model, directed: false)
        // Strengths are divided by the strongest (merged) tie, so that path lengths 1/w are at
        // least 1 and global efficiency and DF = 1 − E stay in [0, 1], as Borgatti's DF on
        // geodesic distances assumes. Proportions (structural holes) do not change.
        let simple = network.simpleGraph
        if options.weighting == .strength, let strongest = simple.weights.max(), strongest.isFinite, strongest > 0 {
            strengthScale = strongest
            graph = try! Graph(
                nodeCount: simple.nodeCount,
                edges: (0..<simple.edgeCount).map { (Int(simple.edgeSources[$0]), Int(simple.edgeTargets[$0])) },
                weights: simple.weights.map { $0 / strongest }, directed: false)
        } else {
            strengthScale = 1
            graph = simple
        }
        n = model.actors.count
        let usedTypes = Set(model.actors.map(\.type))
        typed = model.actorTypes.count >= 2 || usedTypes.count >= 2
        typeReason = model.actorTypes.map(\.id) == ["node"]
            ? "the model has a single actor type ('node'), as every plain edge list does"
            : "the model has fewer than two actor types"
        do {
            stats = try graph.pathStatistics(weighting: options.weighting, threads: options.threads)
            closeness = try graph.closeness(weighting: options.weighting, threads: options.threads)
            holes = try graph.structuralHoles(weighting: options.weighting)
        } catch {
            throw AnalysisError.measureFailed("gaps", error)
        }
        components = graph.connectedComponents()
        degree = graph.degrees()
        core = graph.coreNumbers()
        cuts = network.graph.cuts()
        var adjacent = Set<Int>()
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
            adjacent.insert(min(a, b) * n + max(a, b))
        }
        self.adjacent = adjacent
        exact = n <= options.maxExactActors
        if case let .constraint(actor) = options.objective, model.actorIndex(actor) == nil {
            throw GapError.unknownActor(actor)
        }
    }

    // MARK: - Helpers

    func id(_ v: Int) -> String { model.actors[v].id }

    /// A selector in words, with actor names instead of ids.
    func describe(_ selector: ActorSelector) -> String {
        var named = selector
        named.ids = selector.ids.map { model.actorIndex($0).map(name(_:)) ?? $0 }
        return named.summary
    }
    func name(_ v: Int) -> String { model.actors[v].name }

    /// "A, B and C" (at most `limit` names, then "and k more").
    func list(_ nodes: [Int], limit: Int = 6) -> String {
        GapText.list(nodes.prefix(limit).map(name(_:)), more: max(0, nodes.count - limit))
    }

    func isAdjacent(_ a: Int, _ b: Int) -> Bool { adjacent.contains(min(a, b) * n + max(a, b)) }

    /// The `k` best-connected nodes of a set (degree descending, then model order).
    func top(_ nodes: [Int], _ k: Int) -> [Int] {
        Array(nodes.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }.prefix(k))
    }

    /// Records a candidate tie `a – b` that would close `gap`.
    mutating func propose(_ a: Int, _ b: Int, closes gap: String, severity: Severity) {
        guard a != b, !isAdjacent(a, b) else { return }
        let key = min(a, b) * n + max(a, b)
        if var c = candidates[key] {
            if !c.closes.contains(gap) { c.closes.append(gap) }
            c.severity = min(c.severity, severity)
            candidates[key] = c
        } else {
            candidates[key] = Candidate(closes: [gap], severity: severity)
            candidateOrder.append(key)
        }
    }

    mutating func add(_ finding: Finding) { findings.append(finding) }

    /// Group index per actor for a grouping; "" (no place, no helix) is its own group.
    func groups(_ grouping: ActorGrouping) -> (labels: [String], index: [Int]) {
        var labels: [String] = []
        var lookup: [String: Int] = [:]
        let index = model.actors.map { actor -> Int in
            let g = grouping.group(of: actor, in: model)
            if let i = lookup[g] { return i }
            lookup[g] = labels.count; labels.append(g)
            return labels.count - 1
        }
        return (labels, index)
    }

    func groupLabel(_ grouping: ActorGrouping, _ g: String) -> String {
        switch grouping {
        case .type: return model.actorType(g)?.label ?? g
        case .place: return g
        case .helix: return g.replacingOccurrences(of: "_", with: " ")
        }
    }

    // MARK: - 1. Fragmentation

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
                kind: .fragmentation, severity: stats.fragmentation >= 0.25 ? .high : .medium,
                actors: outside.map(id(_:)), evidence: base,
                sentence: "The network falls apart into \(components.count) components: the largest holds "
                    + "\(components.sizes[largest]) of \(n) actors, and \(GapText.percent(stats.fragmentation)) of ordered "
                    + "actor pairs cannot reach each other (fragmentation \(GapText.number(stats.fragmentation))); "
                    + "outside the largest component: \(list(outside))."))
            for c in 0..<components.count where c != largest && components.sizes[c] > 1 {
                let members = components.nodes(in: c)
                for a in top(members, 3) {
                    for b in top(components.nodes(in: largest), 3) {
                        propose(a, b, closes: "a link from \(name(a))'s component to the largest", severity: .high)
                    }
                }
            }
        } else if n > 1 {
            add(Finding(
                kind: .fragmentation, severity: .info, evidence: base,
                sentence: "With ties read both ways, every actor can reach every other (one component, fragmentation 0); distance-weighted "
                    + "fragmentation is \(GapText.number(stats.distanceWeightedFragmentation)) (0 if everyone were tied to everyone)."))
        }
        let largestNodes = components.largest.map { components.nodes(in: $0) } ?? []
        for v in 0..<n where degree[v] == 0 {
            add(Finding(
                kind: .fragmentation, severity: .medium, actors: [id(v)],
                evidence: [Evidence("degree", 0, of: id(v))],
                sentence: "\(name(v)) has no tie to any other actor in the model."))
            for b in top(largestNodes, 3) { propose(v, b, closes: "a first tie for the isolated \(name(v))", severity: .medium) }
        }
        municipalityReach()
    }

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
        let names = GapText.list(municipality.map(name(_:)), more: 0)
        cannotReachMunicipality = (0..<n).filter { !reaches[$0] }
        notReachedByMunicipality = (0..<n).filter { !reached[$0] }
        for (nodes, cannot) in [(cannotReachMunicipality, true), (notReachedByMunicipality, false)] where !nodes.isEmpty {
            let share = Double(nodes.count) / Double(max(1, n - municipality.count))
            add(Finding(
                kind: .fragmentation, severity: share >= 0.25 ? .medium : .low, actors: nodes.map(id(_:)),
                evidence: [Evidence(cannot ? "actors_not_reaching_municipality" : "actors_not_reached_by_municipality",
                                    Double(nodes.count), of: names),
                           Evidence("share_of_actors", share, of: names)],
                sentence: cannot
                    ? "\(nodes.count) actors have no chain of relations, followed in their direction, that leads to \(names): \(list(nodes, limit: 8))."
                    : "\(names) reach \(nodes.count == 1 ? "one actor" : "\(nodes.count) actors") by no chain of relations in their direction: \(list(nodes, limit: 8))."))
            for v in nodes.prefix(12) {
                for m in municipality {
                    propose(v, m, closes: cannot ? "a route from \(name(v)) to \(name(m))" : "a route from \(name(m)) to \(name(v))", severity: .low)
                }
            }
        }
    }

    // MARK: - 2. Single points of failure

    mutating func singlePointsOfFailure() throws {
        let articulation = Set(cuts.articulationPoints)
        if exact {
            do {
                removalByNode = try graph.nodeRemovalEffects(weighting: options.weighting, threads: options.threads)
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
            let severity: Severity = cutOff.count >= max(3, n / 10) ? .high : cutOff.count >= 2 ? .medium : .low
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
            let change = exact ? " (fragmentation \(GapText.number(stats.fragmentation)) → \(GapText.number(removalByNode[v].fragmentation)))" : ""
            add(Finding(
                kind: .singlePointOfFailure, severity: severity, actors: [id(v)] + cutOff.map(id(_:)), evidence: evidence,
                sentence: "\(name(v)) is a single point of failure: without it, \(cutOff.count == 1 ? "one actor is" : "\(cutOff.count) actors are") "
                    + "cut off from the rest — \(list(cutOff))\(change)."))
            if let main = ordered.first {
                for piece in ordered.dropFirst() {
                    for a in top(piece, 2) {
                        for b in top(main, 3) { propose(a, b, closes: "a second route around \(name(v))", severity: severity) }
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
            let severity: Severity = small.count >= max(3, n / 10) ? .high : small.count >= 2 ? .medium : .low
            let type = model.relationType(relation.type)?.label ?? relation.type
            add(Finding(
                kind: .singlePointOfFailure, severity: severity, actors: [id(a), id(b)], relations: [relation.id],
                evidence: [Evidence("bridge", 1, of: relation.id), Evidence("actors_cut_off", Double(small.count), of: "network without \(relation.id)")],
                sentence: "The tie \(name(a)) – \(name(b)) (\(type)) is a bridge: without it, "
                    + (small.count == 1 ? "\(name(small[0])) is cut off from the rest." : "\(list(small)) (\(small.count) actors) are cut off from the rest.")))
            if small.count >= 2 {
                for x in top(small.filter { $0 != a && $0 != b }, 2) {
                    for y in top(other, 2) { propose(x, y, closes: "a second link beside the bridge \(name(a)) – \(name(b))", severity: severity) }
                }
            }
        }

        // The actors whose removal costs most, if they are not cut points.
        if exact {
            for r in removal.prefix(3) where !r.isArticulationPoint && r.distanceWeightedFragmentationChange > 0 {
                guard let v = model.actorIndex(r.actor) else { continue }
                add(Finding(
                    kind: .singlePointOfFailure, severity: .low, actors: [r.actor],
                    evidence: [Evidence("distance_weighted_fragmentation", r.distanceWeightedFragmentation, of: "network without \(r.actor)"),
                               Evidence("distance_weighted_fragmentation_change", r.distanceWeightedFragmentationChange, of: r.actor),
                               Evidence("global_efficiency_change", r.globalEfficiencyChange, of: r.actor)],
                    sentence: "Removing \(name(v)) splits nothing, but lengthens paths: distance-weighted fragmentation rises by "
                        + "\(GapText.number(r.distanceWeightedFragmentationChange)) to \(GapText.number(r.distanceWeightedFragmentation)), "
                        + "rank \(removal.firstIndex(of: r)! + 1) of \(n) actors."))
            }
        }
    }

    // MARK: - 3. Brokers and structural holes

    mutating func brokers() throws {
        var crossType = [Int](repeating: 0, count: n)
        var crossPlace = [Int](repeating: 0, count: n)
        let placeGroups = groups(.place)
        let hasPlaces = placeGroups.labels.filter { !$0.isEmpty }.count >= 2
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
        let ranked = (0..<n).filter { holes.effectiveSize[$0].isFinite && holes.effectiveSize[$0] >= 2 }
            .filter { !typed || crossType[$0] > 0 || crossPlace[$0] > 0 }
            .sorted { a, b in
                let x = holes.effectiveSize[a], y = holes.effectiveSize[b]
                if x != y { return x > y }
                if holes.constraint[a] != holes.constraint[b] { return holes.constraint[a] < holes.constraint[b] }
                return a < b
            }
        let topRemoval = Set(removal.prefix(3).map(\.actor))
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
                sentence: "\(name(v)) is a broker: \(GapText.number(holes.effectiveSize[v], 2)) of its \(contacts) contacts are "
                    + "non-redundant (effective size), constraint \(GapText.number(holes.constraint[v]))"
                    + (across.isEmpty ? "" : ", and it mediates open two-paths, \(across.joined(separator: " and "))")
                    + "\(tail)."))
        }

        // Pairs of groups with no direct tie.
        var groupings: [ActorGrouping] = []
        if typed { groupings += [.type, .helix] }
        if hasPlaces { groupings.append(.place) }
        for grouping in groupings {
            let (labels, index) = groups(grouping)
            let present = labels.indices.filter { !labels[$0].isEmpty }
            guard present.count >= 2 else { continue }
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
                            + "and \(grouping.rawValue) \(groupLabel(grouping, labels[h])) (\(list(right, limit: 3)))."))
                    for a in top(left, 2) {
                        for b in top(right, 2) {
                            propose(a, b, closes: "a first tie between \(groupLabel(grouping, labels[g])) and \(groupLabel(grouping, labels[h]))", severity: .low)
                        }
                    }
                }
            }
        }
    }

    // MARK: - 4. Under-represented actor types

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
                        : "Only \(count) actor\(count == 1 ? "" : "s") of type \(label); at least \(rule.min) expected\(why)."))
            } else if let max = rule.max, count > max {
                add(Finding(
                    kind: .underRepresentation, severity: .low, actors: model.actors.filter { $0.type == rule.type }.map(\.id),
                    evidence: evidence + [Evidence("expected_max", Double(max), of: "type \(rule.type)")],
                    sentence: "\(count) actors of type \(label), more than the \(max) expected\(why)."))
            }
        }
        for type in model.actorTypes where !covered.contains(type.id) && counts[type.id] == nil {
            add(Finding(
                kind: .underRepresentation, severity: .medium, evidence: [Evidence("actors", 0, of: "type \(type.id)")],
                sentence: "The actor type \(type.label) is declared but no actor has it."))
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
                    + "(the \(maxCore)-core: \(list(coreNodes, limit: 4)))."))
            for a in top(members, 2) {
                for b in top(coreNodes, 3) { propose(a, b, closes: "a tie from \(type.label) to the core", severity: .medium) }
            }
        }
    }

    // MARK: - 5. Missing expected ties

    mutating func missingTies() {
        guard !rules.expectedTies.isEmpty else {
            skipped.append((.missingTie, "no expected ties: give a rules file (--rules) with 'expected_ties'"))
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
                        sentence: "Rule \"\(what)\" applies to no actor: the model has no \(describe(rule.subjects)).", rule: rule.id))
                    continue
                }
                let tied = tieTable(rule, subjects: subjects, partners: partners)
                if rule.kind == .every {
                    for s in subjects {
                        let found = tied[s]?.count ?? 0
                        guard found < rule.atLeast else { continue }
                        add(Finding(
                            kind: .missingTie, severity: severity, actors: [id(s)],
                            evidence: [Evidence("ties_found", Double(found), of: id(s)), Evidence("ties_expected", Double(rule.atLeast), of: rule.id)],
                            sentence: "\(name(s)) breaks the rule \"\(what)\"\(source): "
                                + (found == 0 ? "it has no such tie to \(describe(rule.partners))." : "it has \(found) such tie\(found == 1 ? "" : "s"), \(rule.atLeast) expected."),
                            rule: rule.id))
                        for p in top(partners.filter { $0 != s && !(tied[s]?.contains($0) ?? false) }, 3) {
                            propose(s, p, closes: "rule \(rule.id) for \(name(s))", severity: severity)
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
                        rule: rule.id))
                    for p in leaders.prefix(2) {
                        for s in subjects where !(tied[s]?.contains(p) ?? false) {
                            propose(p, s, closes: "rule \(rule.id): one coordinator", severity: severity)
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
                            rule: rule.id))
                        for a in top(left, 2) { for b in top(right, 2) { propose(a, b, closes: "rule \(rule.id): \(g) – \(h)", severity: severity) } }
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

    // MARK: - 6. Openness

    mutating func openness() throws {
        var groupings: [ActorGrouping] = []
        if typed { groupings.append(.type) } else { skipped.append((.openness, "E-I index per actor type: \(typeReason)")) }
        let (placeLabels, _) = groups(.place)
        if placeLabels.filter({ !$0.isEmpty }).count >= 2 { groupings.append(.place) } else {
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
                "\(groupLabel(grouping, labels[g])) \(GapText.signed(result.perGroup[g])) (\(internalTies[g]) inside, \(externalTies[g]) outside)"
            }
            let inwardLooking = sizes[inward] >= 2 && result.perGroup[inward] < 0
            add(Finding(
                kind: .openness, severity: inwardLooking ? .medium : .info,
                actors: (0..<n).filter { index[$0] == inward }.map(id(_:)), evidence: evidence,
                sentence: "By \(grouping.rawValue), E-I index (−1: all ties inside the group, +1: all outside): \(parts.joined(separator: "; ")). "
                    + (inwardLooking ? "\(groupLabel(grouping, labels[inward])) is the most inward-looking" : "No group of two or more actors looks inward")
                    + (inward != outward ? ", \(groupLabel(grouping, labels[outward])) the most outward-looking." : ".")))
        }
    }

    // MARK: - 7. Peripheral actors

    mutating func peripheral() throws {
        var reach = [Int](repeating: 0, count: n)
        var stamp = [Int](repeating: -1, count: n)
        for v in 0..<n {
            stamp[v] = v
            for i in graph.outRange(of: v) {
                let w = Int(graph.outNeighbors[i])
                if stamp[w] != v { stamp[w] = v; reach[v] += 1 }
                for j in graph.outRange(of: w) {
                    let x = Int(graph.outNeighbors[j])
                    if stamp[x] != v { stamp[x] = v; reach[v] += 1 }
                }
            }
        }
        let limits = rules.peripheral
        let nodes = (0..<n).filter { v in
            degree[v] > 0 && core[v] <= limits.maxCore && Double(reach[v]) / Double(max(1, n - 1)) <= limits.maxReachShare
        }.sorted { closeness[$0] != closeness[$1] ? closeness[$0] < closeness[$1] : $0 < $1 }
        let hubs = top(coreNodes.isEmpty ? (0..<n).filter { degree[$0] > 0 } : coreNodes, 3)
        for v in nodes {
            let share = Double(reach[v]) / Double(max(1, n - 1))
            add(Finding(
                kind: .peripheral, severity: .low, actors: [id(v)],
                evidence: [Evidence("core_number", Double(core[v]), of: id(v)),
                           Evidence("closeness", closeness[v], of: id(v)),
                           Evidence("two_step_reach", Double(reach[v]), of: id(v))],
                sentence: "\(name(v)) is peripheral: core number \(core[v]), closeness \(GapText.number(closeness[v])), and only "
                    + "\(reach[v]) of the other \(n - 1) actors (\(GapText.percent(share))) within two steps."))
            for h in hubs { propose(v, h, closes: "a tie from the peripheral \(name(v)) to the core", severity: .low) }
        }
    }

    // MARK: - 8. Recommended ties

    mutating func recommendTies() throws {
        guard exact else {
            skipped.append((.recommendedTie, "the model has \(n) actors, more than the \(options.maxExactActors) for which every candidate's effect is computed exactly"))
            return
        }
        var ego: Int?
        if case let .constraint(actor) = options.objective, let v = model.actorIndex(actor) {
            ego = v
            for w in 0..<n { propose(v, w, closes: "a new contact for \(name(v))", severity: .info) }
        }
        let keys = candidateOrder
        guard !keys.isEmpty, options.top > 0 else { return }
        let pairs = keys.map { ($0 / n, $0 % n) }
        let effects: [EdgeAdditionEffect]
        let scores: [Double]
        var constraints: [Double] = []
        do {
            let matrix = try graph.distanceMatrix(weighting: options.weighting, threads: options.threads)
            effects = try graph.edgeAdditionEffects(for: pairs, weight: options.newTieWeight / strengthScale, distances: matrix, threads: options.threads)
            scores = try graph.linkPredictionScores(for: pairs, predictor: options.predictor)
            if let ego {
                constraints = try pairs.map { (u, v) throws(GraphError) in
                    try withTie(u, v).structuralHoles(weighting: options.weighting).constraint[ego]
                }
            }
        } catch {
            throw AnalysisError.measureFailed("recommended ties", error)
        }
        candidatesEvaluated = pairs.count
        let baseValue: Double
        var values: [Double]
        switch options.objective {
        case .fragmentation: baseValue = stats.fragmentation; values = effects.map(\.fragmentation)
        case .globalEfficiency: baseValue = stats.globalEfficiency; values = effects.map(\.globalEfficiency)
        case .constraint: baseValue = holes.constraint[ego!]; values = constraints
        }
        let sign = options.objective.higherIsBetter ? 1.0 : -1.0
        let gain = values.map { sign * ($0 - baseValue) }
        let order = pairs.indices.sorted { a, b in
            let x = gain[a], y = gain[b]
            let tolerance = 1e-12 * max(1, abs(x), abs(y))
            if abs(x - y) > tolerance { return x > y }
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            return pairs[a] < pairs[b]
        }
        for i in order.prefix(options.top) {
            let (u, v) = pairs[i]
            let candidate = candidates[keys[i]]!
            let tie = RecommendedTie(
                from: id(u), to: id(v), objectiveValue: values[i], objectiveChange: values[i] - baseValue,
                fragmentation: effects[i].fragmentation, globalEfficiency: effects[i].globalEfficiency,
                score: scores[i], closes: candidate.closes, severity: candidate.severity)
            recommendations.append(tie)
            let measure = options.objective.measure + (ego.map { " of \(name($0))" } ?? "")
            add(Finding(
                kind: .recommendedTie, severity: candidate.severity, actors: [id(u), id(v)],
                evidence: [Evidence(options.objective.measure, values[i], of: "network with \(id(u)) – \(id(v))"),
                           Evidence(options.objective.measure + "_change", values[i] - baseValue, of: "\(id(u)) – \(id(v))"),
                           Evidence("fragmentation", effects[i].fragmentation, of: "network with \(id(u)) – \(id(v))"),
                           Evidence("global_efficiency", effects[i].globalEfficiency, of: "network with \(id(u)) – \(id(v))"),
                           Evidence(options.predictor.rawValue, scores[i], of: "\(id(u)) – \(id(v))")],
                sentence: "A tie \(name(u)) – \(name(v)) would change \(measure) from \(GapText.number(baseValue)) to "
                    + "\(GapText.number(values[i])) (\(GapText.signed(values[i] - baseValue))). It would address: \(candidate.closes.prefix(3).joined(separator: "; "))\(candidate.closes.count > 3 ? "; and \(candidate.closes.count - 3) more" : "")."))
        }
    }

    /// The simple graph plus one tie `u – v` of the new-tie weight.
    func withTie(_ u: Int, _ v: Int) -> Graph {
        var edges = (0..<graph.edgeCount).map { (Int(graph.edgeSources[$0]), Int(graph.edgeTargets[$0])) }
        edges.append((u, v))
        return try! Graph(nodeCount: n, edges: edges, weights: graph.weights + [options.newTieWeight / strengthScale], directed: false)
    }

    // MARK: - Report

    func report() -> GapReport {
        let kinds = FindingKind.allCases
        let ordered = findings.enumerated().sorted { a, b in
            let ka = kinds.firstIndex(of: a.element.kind)!, kb = kinds.firstIndex(of: b.element.kind)!
            if ka != kb { return ka < kb }
            // Recommended ties keep their ranking; other kinds list the most serious first.
            if a.element.kind != .recommendedTie && a.element.severity != b.element.severity {
                return a.element.severity < b.element.severity
            }
            return a.offset < b.offset
        }.map(\.element)
        return GapReport(
            model: model, options: options, rules: rules,
            baseline: [
                Evidence("components", Double(components.count), of: "network"),
                Evidence("largest_component", Double(components.largest.map { components.sizes[$0] } ?? 0), of: "network"),
                Evidence("fragmentation", stats.fragmentation, of: "network"),
                Evidence("distance_weighted_fragmentation", stats.distanceWeightedFragmentation, of: "network"),
                Evidence("global_efficiency", stats.globalEfficiency, of: "network"),
                Evidence("articulation_points", Double(cuts.articulationPoints.count), of: "network"),
                Evidence("bridges", Double(cuts.bridges.count), of: "network"),
            ],
            findings: ordered, skipped: skipped, removal: removal, recommendations: recommendations,
            candidatesEvaluated: candidatesEvaluated, strengthScale: strengthScale)
    }
}

/// Number and list formatting for finding sentences.
public enum GapText {
    /// `x` with `digits` decimals (trailing zeros kept for alignment); `–` for NaN.
    /// - Parameters:
    ///   - x: the value.
    ///   - digits: decimals, `≥ 0` (default 3).
    /// - Returns: `String(format: "%.<digits>f")` of `x`, or `–` when `x` is not finite (NaN, ±∞).
    public static func number(_ x: Double, _ digits: Int = 3) -> String {
        x.isFinite ? String(format: "%.\(digits)f", x) : "–"
    }

    /// `x` with an explicit sign, 3 decimals.
    /// - Parameter x: the value (a change).
    /// - Returns: `+0.125` or `−0.125` (the minus is U+2212); `+0.000` for zero; `–` when `x`
    ///   is not finite.
    public static func signed(_ x: Double) -> String {
        x.isFinite ? (x >= 0 ? "+" : "−") + String(format: "%.3f", abs(x)) : "–"
    }

    /// `x` as a percentage with no decimals.
    /// - Parameter x: a share (1 is 100%).
    /// - Returns: e.g. `25%` for 0.25 (`%.0f` of `100 x`); `–` when not finite.
    public static func percent(_ x: Double) -> String { x.isFinite ? String(format: "%.0f%%", 100 * x) : "–" }

    /// "A", "A and B", "A, B and C", with "and k more" when items were left out.
    /// - Parameters:
    ///   - items: the items listed, in order.
    ///   - more: how many further items were left out (`> 0` appends "`more` more").
    /// - Returns: the English list; `none` when there is nothing at all.
    public static func list(_ items: [String], more: Int) -> String {
        var parts = items
        if more > 0 { parts.append("\(more) more") }
        switch parts.count {
        case 0: return "none"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}
