import Ecosystem
import NetworkAnalysis

/// Recommended ties (``FindingKind/recommendedTie``): the candidate ties the other detectors
/// proposed, ranked by their exact effect on the objective.
extension GapContext {
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
                sentence: "A tie \(name(u)) – \(name(v)) would change \(measure) from \(NumberFormat.decimals(baseValue)) to "
                    + "\(NumberFormat.decimals(values[i])) (\(NumberFormat.signed(values[i] - baseValue))). It would address: \(candidate.closes.prefix(3).joined(separator: "; "))\(candidate.closes.count > 3 ? "; and \(candidate.closes.count - 3) more" : "").",
                key: key(.recommendedTie, "tie", actors: [u, v])))
        }
    }

    /// The simple graph plus one tie `u – v` of the new-tie weight.
    func withTie(_ u: Int, _ v: Int) -> Graph {
        var edges = (0..<graph.edgeCount).map { (Int(graph.edgeSources[$0]), Int(graph.edgeTargets[$0])) }
        edges.append((u, v))
        return try! Graph(nodeCount: n, edges: edges, weights: graph.weights + [options.newTieWeight / strengthScale], directed: false)
    }
}
