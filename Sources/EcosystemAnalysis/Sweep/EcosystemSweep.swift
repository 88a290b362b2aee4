import Ecosystem
import NetworkAnalysis

/// What a robustness sweep of a model removes, one at a time.
public enum SweepRemoval: String, Sendable, CaseIterable {
    /// Actors, with their ties.
    case actors
    /// Ties of the simple graph: relations between the same two actors count as one tie.
    case relations

    /// The graph-layer target: actors are nodes, ties are edges of ``EcosystemNetwork/simpleGraph``.
    public var target: RemovalSweep.Target { self == .actors ? .nodes : .edges }
}

/// In which order a sweep removes actors or ties.
public enum SweepOrder: Sendable, Equatable {
    /// By decreasing value of a measure computed once on the intact network: a node measure of
    /// ``MeasureCatalog`` for actors; `edge_betweenness` or `weight` (strongest tie first) for
    /// relations.
    case targeted(measure: String)
    /// By decreasing value of the same measure, recomputed on what is left after each removal
    /// (the "recalculated" attack of Holme, Kim, Yoon & Han 2002, Phys. Rev. E 65:056109,
    /// doi:10.1103/PhysRevE.65.056109): see ``EcosystemSweep/adaptiveOrder(model:network:removal:measure:options:)``.
    case adaptive(measure: String)
    /// Uniformly random orders, `runs` of them, from `seed` (see
    /// ``RemovalSweep/randomOrders(count:runs:seed:)``).
    case random(runs: Int, seed: UInt64)
}

/// A robustness sweep of an ecosystem model: curves plus what was removed.
public struct EcosystemSweepResult: Sendable {
    /// The model swept.
    public let modelName: String
    /// Actors or ties.
    public let removal: SweepRemoval
    /// The order used.
    public let order: SweepOrder
    /// The curves at the evaluation points.
    public let curves: SweepCurves
    /// Targeted sweeps: the item removed at each step, in removal order (actor ids; for ties,
    /// the ids of the relations merged into the tie, joined by `+`). Empty for random sweeps.
    public let removedItems: [String]

    /// A result as given; see the properties.
    public init(modelName: String, removal: SweepRemoval, order: SweepOrder, curves: SweepCurves, removedItems: [String]) {
        self.modelName = modelName; self.removal = removal; self.order = order
        self.curves = curves; self.removedItems = removedItems
    }
}

/// Robustness sweeps of an ecosystem model (see ``RemovalSweep`` for the definitions, on nodes and edges).
public enum EcosystemSweep {
    /// Measures a relation sweep can target: `edge_betweenness` (Brandes 2001, on the simple
    /// graph, see ``Graph/edgeBetweenness(weighting:normalized:threads:)``) and `weight` (the
    /// merged tie strength).
    public static let relationMeasures = ["edge_betweenness", "weight"]

    /// Runs a sweep on the model's network.
    ///
    /// The network is built once (``EcosystemNetwork/simpleGraph``: parallel relations merged
    /// into one tie of summed strength, as every measure sees them) and every evaluation point
    /// filters its edges; nothing is reloaded or rebuilt per step.
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - removal: actors or ties.
    ///   - order: targeted by a measure, or random with runs and seed.
    ///   - points: evaluation points for the curves (every step when it exceeds the item count).
    ///   - options: direction and weighting (path lengths for the efficiency, and the targeted
    ///     measure's options).
    ///   - threads: at most this many threads for the path searches.
    ///   - progress: called with (done, total) evaluations, on the calling thread.
    ///   - shouldStop: asked after each evaluation; `true` stops the sweep.
    /// - Returns: the curves and, for a targeted sweep, the removal order.
    /// - Throws: ``AnalysisError`` for an unknown or unsuitable measure, or a failing one;
    ///   ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)`` when `shouldStop` said so.
    /// - Complexity: see ``RemovalSweep/run(graph:removal:orders:points:weighting:threads:progress:shouldStop:)``.
    public static func run(
        model: EcosystemModel, removal: SweepRemoval, order: SweepOrder, points: Int,
        options: AnalysisOptions = AnalysisOptions(), threads: Int? = nil,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        shouldStop: (() -> Bool)? = nil
    ) throws -> EcosystemSweepResult {
        let network = EcosystemNetwork(model: model, directed: options.directed)
        let graph = network.simpleGraph
        let labels = removal == .actors ? model.actors.map(\.id) : tieLabels(network)
        let orders: [[Int]]
        switch order {
        case let .targeted(measure):
            let scores = try targetScores(model: model, network: network, removal: removal, measure: measure, options: options)
            orders = [RemovalSweep.targetedOrder(scores: scores)]
        case let .adaptive(measure):
            orders = [try adaptiveOrder(model: model, network: network, removal: removal, measure: measure, options: options)]
        case let .random(runs, seed):
            orders = RemovalSweep.randomOrders(count: labels.count, runs: max(1, runs), seed: seed)
        }
        let curves: SweepCurves
        do {
            curves = try RemovalSweep.run(graph: graph, removal: removal.target, orders: orders, points: points,
                                          weighting: options.weighting, threads: threads, progress: progress,
                                          shouldStop: shouldStop)
        } catch .stopped(let algorithm, let done, let total) {
            throw GraphError.stopped(algorithm: algorithm, done: done, total: total)
        } catch {
            throw AnalysisError.measureFailed("global_efficiency", error)
        }
        let removed: [String]
        switch order {
        case .targeted, .adaptive: removed = orders[0].map { labels[$0] }
        case .random: removed = []
        }
        return EcosystemSweepResult(modelName: model.name, removal: removal, order: order, curves: curves, removedItems: removed)
    }

    /// The removal order of an adaptive sweep: at each step the remaining item with the highest
    /// score, the scores recomputed on the network without the items removed so far (ties by
    /// index, NaN last, as ``RobustnessSweep/targetedOrder(scores:)``). Actors: the measure of
    /// the model without the removed actors and their relations. Relations: `edge_betweenness`
    /// of the simple graph without the removed ties (`weight` does not change, so its adaptive
    /// order is the targeted one).
    ///
    /// - Parameters: as ``run(model:removal:order:points:options:threads:progress:shouldStop:)``.
    /// - Returns: a permutation of the actors (or ties), the first to remove first.
    /// - Throws: ``AnalysisError`` for an unknown or unsuitable measure, or a failing one.
    /// - Complexity: `n` (or `m`) computations of the measure, on shrinking networks.
    ///
    /// Reference: P. Holme, B. J. Kim, C. N. Yoon & S. K. Han (2002), "Attack vulnerability of
    /// complex networks", Phys. Rev. E 65:056109, doi:10.1103/PhysRevE.65.056109.
    public static func adaptiveOrder(
        model: EcosystemModel, network: EcosystemNetwork, removal: SweepRemoval, measure: String, options: AnalysisOptions
    ) throws -> [Int] {
        var order: [Int] = []
        switch removal {
        case .actors:
            _ = try targetScores(model: model, network: network, removal: removal, measure: measure, options: options)
            var left = Array(model.actors.indices)
            while !left.isEmpty {
                var rest = model
                let keep = Set(left.map { model.actors[$0].id })
                rest.actors = left.map { model.actors[$0] }
                rest.relations = model.relations.filter { keep.contains($0.from) && keep.contains($0.to) }
                let scores = try EcosystemAnalyzer.metrics(of: rest, measures: [measure], options: options).columns[0]
                let pick = RemovalSweep.targetedOrder(scores: scores)[0]
                order.append(left[pick])
                left.remove(at: pick)
            }
        case .relations:
            let graph = network.simpleGraph
            guard measure == "edge_betweenness" else {
                let scores = try targetScores(model: model, network: network, removal: removal, measure: measure, options: options)
                return RemovalSweep.targetedOrder(scores: scores)
            }
            var alive = [Bool](repeating: true, count: graph.edgeCount)
            for _ in 0..<graph.edgeCount {
                let ids = (0..<graph.edgeCount).filter { alive[$0] }
                let scores: [Double]
                do {
                    scores = try graph.filteringEdges(alive).edgeBetweenness(weighting: options.weighting, normalized: options.normalized)
                } catch {
                    throw AnalysisError.measureFailed(measure, error)
                }
                let e = ids[RemovalSweep.targetedOrder(scores: scores)[0]]
                order.append(e)
                alive[e] = false
            }
        }
        return order
    }

    /// Scores of the items for a targeted sweep.
    static func targetScores(
        model: EcosystemModel, network: EcosystemNetwork, removal: SweepRemoval, measure: String, options: AnalysisOptions
    ) throws -> [Double] {
        switch removal {
        case .actors:
            guard let definition = MeasureCatalog.named(measure) else {
                throw AnalysisError.unknownMeasure(measure, valid: MeasureCatalog.all.filter { $0.level == .node }.map(\.name))
            }
            guard definition.level == .node else {
                throw AnalysisError.unknownMeasure(measure, valid: MeasureCatalog.all.filter { $0.level == .node }.map(\.name))
            }
            let table = try EcosystemAnalyzer.metrics(of: model, measures: [measure], options: options)
            return table.columns[0]
        case .relations:
            switch measure {
            case "weight": return network.simpleGraph.weights
            case "edge_betweenness":
                do {
                    return try network.simpleGraph.edgeBetweenness(weighting: options.weighting, normalized: options.normalized)
                } catch {
                    throw AnalysisError.measureFailed(measure, error)
                }
            default: throw AnalysisError.unknownMeasure(measure, valid: relationMeasures)
            }
        }
    }

    /// A label per tie of the simple graph: the ids of the relations merged into it, joined by `+`.
    static func tieLabels(_ network: EcosystemNetwork) -> [String] {
        var ids = [[String]](repeating: [], count: network.simpleGraph.edgeCount)
        for (e, s) in network.simpleEdge.enumerated() where s >= 0 {
            let id = network.model.relations[network.edgeRelation[e]].id
            if ids[s].last != id { ids[s].append(id) }
        }
        return ids.map { $0.joined(separator: "+") }
    }
}
